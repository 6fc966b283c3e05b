/**
 * A new role is vocabulary.ts, its look in role-look.ts and its two names: here a fixture adds a role “hub” in
 * those four places only, and it is drawn, clickable and in the legend with no other change.
 */
import { describe, expect, it, vi } from 'vitest';
import { legendContent } from '../../src/data/legend';
import { atlasStyle } from '../../src/features/map/atlas-style';
import { interactiveLayerIds } from '../../src/features/map/plan-layers';
import { languages } from '../../src/i18n/languages';
import { type AtlasFeature, featurePropsSchema } from '../../src/lib/atlas-data';
import { roleLook, swatchFor } from '../../src/lib/role-look';
import type { Role } from '../../src/lib/vocabulary';

vi.mock('../../src/lib/vocabulary', async (importOriginal) => {
  const v = await importOriginal<typeof import('../../src/lib/vocabulary')>();
  return { ...v, roles: [...v.roles, 'hub'], elementRoles: [...v.elementRoles, 'hub'] };
});
vi.mock('../../src/lib/role-look', async (importOriginal) => {
  const l = await importOriginal<typeof import('../../src/lib/role-look')>();
  const hub = { fill: 0.4, fillHover: 0.6, line: 3, label: [15, 18], radius: [10, 16], swatch: 'marker', stack: 5 } as const;
  // Into the module's own table, which swatchFor reads.
  Object.assign(l.roleLook, { hub });
  return l;
});
vi.mock('../../src/i18n/zh', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/i18n/zh')>();
  return { ...m, zh: { ...m.zh, roleNames: { ...m.zh.roleNames, hub: '枢纽' } } };
});
vi.mock('../../src/i18n/en', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/i18n/en')>();
  return { ...m, en: { ...m.en, roleNames: { ...m.en.roleNames, hub: 'Hub' } } };
});

const hub = 'hub' as Role;
const style = () =>
  atlasStyle({
    base: { lang: 'zh', basemap: 'offline' },
    plan: { lang: 'zh', colors: new Map(), planColor: '#2b7a5b', hiddenRoles: [], selectedId: null, showContext: false },
    contextColors: new Map(),
  });

describe('a new role', () => {
  it('is drawn: its areas and its points have layers of their own, filtered to it', () => {
    const layers = style().layers.filter((l) => JSON.stringify('filter' in l ? l.filter : null).includes('"hub"'));
    expect(layers.map((l) => l.id)).toEqual(expect.arrayContaining(['plan-hub-fill', 'plan-hub-point']));
  });

  it('is outlined and named like the other layout elements', () => {
    const s = style();
    for (const id of ['plan-area-line', 'plan-area-label', 'plan-point-label']) {
      expect(JSON.stringify(s.layers.find((l) => l.id === id)), id).toContain('"hub"');
    }
  });

  it('answers clicks and hover', () => {
    expect(interactiveLayerIds).toEqual(expect.arrayContaining(['plan-hub-fill', 'plan-hub-point']));
  });

  it('is in the legend with its names and swatch, and in the published schema', () => {
    const feature = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [100, 24] },
      properties: { id: 'p-hub', plan: 'p', role: hub, name: '示例枢纽' },
    } as unknown as AtlasFeature;
    expect(legendContent([feature]).roles).toEqual([{ role: 'hub', count: 1 }]);
    expect([languages.zh.roleNames[hub], languages.en.roleNames[hub]]).toEqual(['枢纽', 'Hub']);
    expect(swatchFor(hub, 'Point')).toBe(roleLook[hub].swatch);
    expect(featurePropsSchema.shape.role.safeParse('hub').success).toBe(true);
  });
});
