/**
 * The offline base map as a pure style: a calm printed-atlas look that carries plan layers on top.
 * Sources start empty; the map module fills them from public/geo/base once fetched.
 */
import type { ExpressionSpecification, LayerSpecification, SourceSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { languages, type UiStrings, usesEnglishNames } from '../../i18n/languages';
import type { Basemap, Lang } from '../../state/ui-slice';
import { colors, fonts } from '../../ui/tokens';
import { fadeSourceId } from './base-fade';
import { spoken } from './spoken-layers';

/** Base-layer source ids, filled from public/geo/base. */
export const baseSources = ['countries', 'provinces', 'province', 'prefectures', 'counties', 'rivers', 'lakes', 'labels'] as const;
export type BaseSourceId = (typeof baseSources)[number];

export const palette = {
  paper: '#e9e7e1',
  foreign: '#e2e0da',
  neighbour: '#ebe9e3',
  land: colors.paper,
  water: '#9cc3e0',
  river: '#5d93c4',
  lakeFill: '#b9d6ec',
  county: '#cfc6b8',
  prefecture: '#9c9283',
  province: '#5b5247',
  text: colors.ink,
  muted: '#8a857c',
} as const;

/** Fonts for labels drawn by the browser (no glyph server): the app's own, Chinese first. */
export const labelFontFamily = fonts.sans;

const empty = { type: 'FeatureCollection', features: [] } as const;

/** The online base maps; a credit in the interface's language, except OpenStreetMap's, which it asks for as written. */
export const onlineBasemaps: Record<Exclude<Basemap, 'offline'>, { tiles: string[]; attribution: (t: UiStrings) => string; needsKey?: boolean }> = {
  osm: { tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'], attribution: () => '© OpenStreetMap contributors' },
  tianditu: {
    tiles: [
      'https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}',
    ],
    attribution: (t) => t.mapCredits.tianditu,
    needsKey: true,
  },
};

/** Name field for a label: English where the data carries it, Chinese otherwise. */
export function nameField(lang: Lang, zhField = 'name', enField = 'nameEn'): ExpressionSpecification {
  return usesEnglishNames(lang) ? ['coalesce', ['get', enField], ['get', zhField]] : ['get', zhField];
}

/** A project's name to the right of its point: the same type and placement for a plan's projects and the list's. */
export function projectNameLayout(lang: Lang, visibility: 'visible' | 'none') {
  return {
    visibility,
    'text-field': nameField(lang),
    'text-size': 12,
    'text-anchor': 'left',
    'text-offset': [1.1, 0],
    'text-max-width': 12,
    'text-optional': true,
  } satisfies SymbolLayerSpecification['layout'];
}

export interface BaseStyleOptions {
  lang: Lang;
  basemap: Basemap;
  /** Key for 天地图, entered by the user. */
  tiandituKey?: string;
  /** Multiplies place-name sizes (presentation mode: projector-sized type). */
  labelScale?: number;
  /** Names the plan's own labels already write (a zone named after its county): the base map does not repeat them. */
  planLabelNames?: readonly string[];
}

/** A zoom curve of label sizes, scaled up on a projector to at least 20 px. */
function scaledSize(options: BaseStyleOptions, at5: number, at9: number): ExpressionSpecification {
  const k = options.labelScale ?? 1;
  const size = (v: number) => (k > 1 ? Math.max(20, Math.round(v * k)) : v);
  return ['interpolate', ['linear'], ['zoom'], 5, size(at5), 9, size(at9)];
}

/** The online base map drawn under these options, if any (天地图 only once its key is given). */
function onlineBase(options: Pick<BaseStyleOptions, 'basemap' | 'tiandituKey'>) {
  if (options.basemap === 'offline') return undefined;
  const def = onlineBasemaps[options.basemap];
  return def.needsKey && !options.tiandituKey ? undefined : def;
}

/** The credit of the online base map drawn under these options, in the interface's language. */
export function onlineCredit(options: Pick<BaseStyleOptions, 'lang' | 'basemap' | 'tiandituKey'>): string | undefined {
  return onlineBase(options)?.attribution(languages[options.lang]);
}

function rasterSource(options: BaseStyleOptions): SourceSpecification | undefined {
  const def = onlineBase(options);
  if (!def) return undefined;
  return {
    type: 'raster',
    tileSize: 256,
    tiles: def.tiles.map((t) => t.replace('{key}', encodeURIComponent(options.tiandituKey ?? ''))),
    attribution: def.attribution(languages[options.lang]),
    maxzoom: 18,
  };
}

export function baseSourcesSpec(options: BaseStyleOptions): Record<string, SourceSpecification> {
  const sources: Record<string, SourceSpecification> = {};
  for (const id of baseSources)
    sources[id] = { type: 'geojson', data: empty as never, ...(id === 'counties' || id === 'prefectures' ? { promoteId: 'code' } : {}) };
  // The fade at the context's edge (base-fade.ts), filled once the base data is in.
  sources[fadeSourceId] = { type: 'geojson', data: empty as never };
  const raster = rasterSource(options);
  if (raster) sources.online = raster;
  return sources;
}

/** Layers under the plan layers: the paper, the land and an online base map. */
export function baseFillLayers(options: BaseStyleOptions): LayerSpecification[] {
  const online = onlineBase(options) !== undefined;
  return [
    { id: 'background', type: 'background', paint: { 'background-color': palette.paper } },
    { id: 'countries-fill', type: 'fill', source: 'countries', paint: { 'fill-color': palette.foreign } },
    { id: 'provinces-fill', type: 'fill', source: 'provinces', paint: { 'fill-color': palette.neighbour } },
    { id: 'province-fill', type: 'fill', source: 'province', paint: { 'fill-color': palette.land } },
    ...(online ? [{ id: 'online-basemap', type: 'raster', source: 'online', paint: { 'raster-opacity': 0.85 } } as LayerSpecification] : []),
  ];
}

/** Lines drawn over the plan's area tints, so borders and rivers stay readable through them. */
export function baseLineLayers(): LayerSpecification[] {
  return [
    // Lakes over the plan's area fills, which are opaque tints (plan-layers.ts): water stays in sight.
    { id: 'lakes-fill', type: 'fill', source: 'lakes', paint: { 'fill-color': palette.lakeFill, 'fill-outline-color': palette.river } },
    {
      id: 'rivers-line',
      type: 'line',
      source: 'rivers',
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': palette.river,
        'line-width': [
          'interpolate',
          ['linear'],
          ['zoom'],
          5,
          ['match', ['get', 'rank'], 1, 1.4, 2, 0.8, 0.5],
          9,
          ['match', ['get', 'rank'], 1, 3.2, 2, 1.8, 1.1],
        ],
        'line-opacity': 0.9,
      },
    },
    {
      id: 'counties-line',
      type: 'line',
      source: 'counties',
      minzoom: 6.5,
      paint: { 'line-color': palette.county, 'line-width': ['interpolate', ['linear'], ['zoom'], 6.5, 0.5, 10, 1.2], 'line-dasharray': [3, 2] },
    },
    { id: 'provinces-line', type: 'line', source: 'provinces', paint: { 'line-color': '#c5c1b8', 'line-width': 0.8 } },
    { id: 'countries-line', type: 'line', source: 'countries', paint: { 'line-color': '#a9a49a', 'line-width': 1 } },
    {
      id: 'prefectures-line',
      type: 'line',
      source: 'prefectures',
      paint: { 'line-color': palette.prefecture, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.7, 9, 1.6] },
    },
    {
      // The context fades into the paper before its box ends: no hard straight edge at any zoom the atlas frames.
      id: 'context-fade',
      type: 'fill',
      source: fadeSourceId,
      paint: { 'fill-color': palette.paper, 'fill-opacity': ['get', 'opacity'], 'fill-antialias': false },
    },
    {
      id: 'province-line',
      type: 'line',
      source: 'province',
      layout: { 'line-join': 'round' },
      paint: { 'line-color': palette.province, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1.6, 9, 3] },
    },
  ];
}

const halo = { 'text-halo-color': 'rgba(251,250,246,0.92)', 'text-halo-width': 1.6 } as const;

/**
 * Where a seat's name may stand, in ems from its dot, tried in order: on each ring in turn (top, bottom, sides, then
 * the corners), so a name whose near places are all taken (a project count's disc on the seat, a neighbour's name,
 * a slide's project names) moves out to a free place rather than drop.
 */
export function ringOffsets(...radii: number[]): (string | [number, number])[] {
  const ring = (d: number): (string | [number, number])[] => {
    const e = Math.round((d / Math.SQRT2) * 100) / 100;
    return [
      ['top', [0, d]],
      ['bottom', [0, -d]],
      ['left', [d, 0]],
      ['right', [-d, 0]],
      ['top-left', [e, e]],
      ['top-right', [-e, e]],
      ['bottom-left', [e, -e]],
      ['bottom-right', [-e, -e]],
    ].flat() as (string | [number, number])[];
  };
  return radii.flatMap(ring);
}

/**
 * The prefecture seats' dots: in the style after the base map's names and before the plan's markers, so a project
 * count's disc on a seat hides its dot (a dot drawn over a disc reads as part of the count).
 */
export function seatDotLayers(): LayerSpecification[] {
  return [
    {
      id: 'seat-dot',
      type: 'circle',
      source: 'labels',
      filter: ['==', ['get', 'kind'], 'prefecture-seat'],
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 2.5, 9, 4],
        'circle-color': '#fff',
        'circle-stroke-color': palette.province,
        'circle-stroke-width': 1.5,
      },
    },
  ];
}

/** Prefecture seats' names: drawn after the plan's names so they are placed first and always read, whatever the plan shows. */
export function seatLayers(options: BaseStyleOptions = { lang: 'zh', basemap: 'offline' }): LayerSpecification[] {
  const projector = (options.labelScale ?? 1) > 1;
  return [
    {
      id: 'prefecture-label',
      metadata: spoken,
      type: 'symbol',
      source: 'labels',
      maxzoom: 10,
      filter: ['==', ['get', 'kind'], 'prefecture-seat'],
      layout: {
        // Base place names in the interface's language (English derived from pinyin by the geo build).
        'text-field': nameField(options.lang, 'short', 'shortEn'),
        'text-size': scaledSize(options, 13, 18),
        // Beside its dot, or further out where a project count's disc (which keeps names off it) or other names
        // stand: 24 places, so a name is not dropped for want of one next to a disc. Off a projector the first
        // ring clears a place marker's disc, which does not keep names off it there.
        'text-variable-anchor-offset': (projector ? ringOffsets(0.7, 1.7, 2.7) : ringOffsets(1.2, 2.2, 3.2)) as never,
        'text-padding': 4,
        'text-allow-overlap': false,
        'symbol-sort-key': 0,
      },
      paint: { 'text-color': palette.text, ...halo, 'text-halo-width': 2 },
    },
  ];
}

/** Place names; the plan layers' own labels are placed above (and so before) these. */
export function baseLabelLayers(options: BaseStyleOptions): LayerSpecification[] {
  return [
    {
      id: 'countries-label',
      type: 'symbol',
      source: 'countries',
      maxzoom: 9,
      layout: { 'text-field': nameField(options.lang), 'text-size': 15, 'text-letter-spacing': 0.3, 'symbol-placement': 'point' },
      paint: { 'text-color': palette.muted, ...halo },
    },
    {
      id: 'provinces-label',
      type: 'symbol',
      source: 'provinces',
      maxzoom: 9,
      layout: { 'text-field': nameField(options.lang, 'short', 'shortEn'), 'text-size': 14, 'text-letter-spacing': 0.2 },
      paint: { 'text-color': palette.muted, ...halo },
    },
    {
      id: 'rivers-label',
      type: 'symbol',
      source: 'rivers',
      minzoom: 6,
      filter: ['all', ['==', ['get', 'rank'], 1], ['!=', ['get', 'name'], '']],
      layout: {
        'symbol-placement': 'line',
        'text-field': nameField(options.lang),
        'text-size': 13,
        'symbol-spacing': 320,
        'text-letter-spacing': 0.4,
        'text-max-angle': 30,
      },
      paint: { 'text-color': '#3d6f9e', ...halo },
    },
    {
      id: 'lakes-label',
      type: 'symbol',
      source: 'lakes',
      minzoom: 7,
      filter: ['!=', ['get', 'name'], ''],
      layout: { 'text-field': nameField(options.lang), 'text-size': 12 },
      paint: { 'text-color': '#3d6f9e', ...halo },
    },
    {
      id: 'county-label',
      type: 'symbol',
      source: 'labels',
      minzoom: 6.6,
      filter: [
        'all',
        ['==', ['get', 'kind'], 'county'],
        ['!', ['in', ['get', 'short'], ['literal', [...(options.planLabelNames ?? [])]]]],
        ['!', ['in', ['get', 'name'], ['literal', [...(options.planLabelNames ?? [])]]]],
      ],
      layout: {
        'text-field': nameField(options.lang, 'short', 'shortEn'),
        'text-size': scaledSize(options, 11, 13),
        'text-padding': 3,
        // Projects placed only to their county sit on this point; the name moves aside rather than under them.
        'text-variable-anchor': ['top', 'bottom', 'right', 'left'],
        'text-radial-offset': 1.5,
      },
      paint: { 'text-color': '#5c554b', ...halo },
    },
  ];
}
