import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it, vi } from 'vitest';
import { atlasStyle } from '../../src/features/map/atlas-style';
import { planSourceIds } from '../../src/features/map/layer-kit';
import { spokenLayerIds } from '../../src/features/map/spoken-layers';
import { styleInputs } from '../../src/features/map/style-sync';
import { createAtlasStore } from '../../src/state/store';
import { watch } from '../../src/state/watch';

describe('a store subscription that declares what it reads', () => {
  it('is called when a selected field changes, not when another does', () => {
    const store = createAtlasStore();
    const seen = vi.fn();
    watch(store, (s) => ({ lang: s.lang, basemap: s.basemap }), seen);
    store.getState().hover('x');
    expect(seen).not.toHaveBeenCalled();
    store.getState().setLang('en');
    expect(seen).toHaveBeenCalledTimes(1);
    expect(seen.mock.calls[0]?.slice(0, 2)).toEqual([
      { lang: 'en', basemap: 'offline' },
      { lang: 'zh', basemap: 'offline' },
    ]);
  });

  it('with identity equality, sees the same request made twice', () => {
    const store = createAtlasStore();
    const seen = vi.fn();
    watch(store, (s) => s.cameraRequest, seen, Object.is);
    store.getState().moveCamera({ kind: 'bbox', bbox: [100, 24, 101, 25] });
    store.getState().moveCamera({ kind: 'bbox', bbox: [100, 24, 101, 25] });
    expect(seen).toHaveBeenCalledTimes(2);
  });

  it('sees a change another subscriber makes meanwhile once, not again when the outer change reaches it', () => {
    const store = createAtlasStore();
    store.subscribe((s) => {
      if (s.lang === 'en' && s.basemap === 'offline') store.getState().setBasemap('osm');
    });
    const seen: string[] = [];
    watch(
      store,
      (s) => s.basemap,
      (basemap) => seen.push(basemap),
    );
    store.getState().setLang('en');
    expect(seen).toEqual(['osm']);
    expect(store.getState().basemap).toBe('osm');
  });

  it('restyles the map for what the style reads, not for hovering', () => {
    const store = createAtlasStore();
    const restyle = vi.fn();
    watch(store, styleInputs, restyle);
    store.getState().hover('x');
    expect(restyle).not.toHaveBeenCalled();
    store.getState().toggleRole('belt');
    expect(restyle).toHaveBeenCalledTimes(1);
  });
});

describe("the map's text alternative", () => {
  const style = atlasStyle({
    base: { lang: 'zh', basemap: 'offline' },
    plan: { lang: 'zh', colors: new Map(), planColor: '#888888', hiddenRoles: [], selectedId: null, showContext: false },
    contextColors: new Map(),
  });
  const spoken = spokenLayerIds(style);
  const byId = new Map(style.layers.map((l) => [l.id, l as LayerSpecification & { source?: string; layout?: Record<string, unknown> }]));

  it("reads every label of the plan's elements and the slide's named projects", () => {
    const nameLayers = style.layers.filter(
      (l) => l.type === 'symbol' && (l.source === planSourceIds.labels || l.source === planSourceIds.focus) && l.id.endsWith('-label'),
    );
    expect(nameLayers.length).toBeGreaterThan(0);
    for (const l of nameLayers) expect(spoken).toContain(l.id);
  });

  it('reads only layers that write names', () => {
    expect(spoken.length).toBeGreaterThan(0);
    for (const id of spoken) {
      const l = byId.get(id);
      expect(l?.type).toBe('symbol');
      expect(l?.layout?.['text-field']).toBeDefined();
    }
  });
});
