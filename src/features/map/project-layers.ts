/**
 * Project markers that depend on the project list: the filtered projects of every plan (the projects view), and
 * place markers (several projects on one point, usually a county seat) for both the plan's projects and the list's.
 * Pure functions of store state, like plan-layers.ts; the map module applies them as a style diff.
 */
import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { languages, type Lang } from '../../i18n/languages';
import { categoryColors, tint } from '../../lib/presentation';
import { placesFromZoom } from '../../lib/project-grid';
import { mapType, roleLook } from '../../lib/role-look';
import { areaPrecisions, categories } from '../../lib/vocabulary';
import { colors } from '../../ui/tokens';
import { projectNameLayout } from './base-style';
import { planSourceIds } from './layer-kit';
import { spoken } from './spoken-layers';

/** The filtered projects of the project list: grid discs, or one marker per point from `placesFromZoom` up. */
export const browserSourceId = 'browser-projects';

/** Layers that answer clicks and hover, top first (before the plan's own). */
export const projectInteractiveLayerIds = ['browser-place', 'browser-project', 'browser-cluster', 'plan-place'] as const;

export interface ProjectLayerOptions {
  lang: Lang;
  selectedId: string | null;
  /** The projects view: the list's projects are drawn, the plan's own project markers are not. */
  projectsView: boolean;
  /** The plan's project markers are hidden (legend). */
  planProjectsHidden: boolean;
  /** In presentation mode, the features of the current chapter: a place holding none of them is dimmed. */
  focus?: readonly string[] | null;
  /**
   * The county (or prefecture) codes of the selected project when its point only stands for them (precision
   * county or schematic): the map draws that area, so the point is not read as a site. Null otherwise.
   */
  approxArea?: readonly string[] | null;
  /** Multiplies type sizes (presentation mode: projector-sized type, never under 20 px). */
  labelScale?: number;
}

/**
 * A place marker's colour: as given when it holds a focused project (or nothing is focused), else faded toward the
 * paper as one opaque colour, so a receded disc still hides what lies under it (a seat's dot, a border).
 */
function placeColor(focus: readonly string[] | null | undefined, value: string | ExpressionSpecification, faded: string | ExpressionSpecification) {
  if (!focus) return value;
  if (!focus.length) return faded;
  return ['case', ['any', ...focus.map((id) => ['in', `,${id},`, ['get', 'ids']])], value, faded] as unknown as ExpressionSpecification;
}

/** Text on a place marker: fully there when it holds a focused project (or nothing is focused), receded otherwise. */
function placeOpacity(focus: readonly string[] | null | undefined, value: number): ExpressionSpecification | number {
  if (!focus) return value;
  if (!focus.length) return value * 0.3;
  return ['case', ['any', ...focus.map((id) => ['in', `,${id},`, ['get', 'ids']])], value, value * 0.3] as unknown as ExpressionSpecification;
}

/** How strongly a receded place marker keeps its colour over the paper. */
const recede = 0.3;

const empty = { type: 'FeatureCollection', features: [] } as const;

export function projectSourcesSpec(): Record<string, SourceSpecification> {
  return {
    [browserSourceId]: {
      type: 'geojson',
      data: empty as never,
      promoteId: 'id',
      // Not clustered by MapLibre: the projects view hands it grid discs below `placesFromZoom` and the places in
      // view from it up (project-view.ts), never every listed point.
    },
  };
}

const categoryColor = ['match', ['get', 'category'], ...categories.flatMap((c) => [c, categoryColors[c]]), '#2e2a25'] as unknown as ExpressionSpecification;
/** {@link categoryColor} receded: each category's colour faded toward the paper, opaque. */
const recededCategoryColor = [
  'match',
  ['get', 'category'],
  ...categories.flatMap((c) => [c, tint(categoryColors[c], recede, colors.paper)]),
  tint('#2e2a25', recede, colors.paper),
] as unknown as ExpressionSpecification;

function categoryGlyph(lang: Lang): ExpressionSpecification {
  return ['match', ['get', 'category'], ...categories.flatMap((c) => [c, languages[lang].categoryGlyphs[c]]), '•'] as unknown as ExpressionSpecification;
}

/** A point that stands for its county (or a schematic place), not a site. */
const isAreaPoint: ExpressionSpecification = ['in', ['get', 'precision'], ['literal', [...areaPrecisions]]];

/**
 * The selected approximate project's county (or prefecture) from the base geography: a light fill and a dashed
 * outline in the selection's colour, under the markers. Drawn for the list's projects and the plan's alike.
 */
function approxAreaLayers(o: ProjectLayerOptions): LayerSpecification[] {
  const codes = [...(o.approxArea ?? [])];
  const visibility = codes.length ? 'visible' : 'none';
  const filter: ExpressionSpecification = ['in', ['get', 'code'], ['literal', codes]];
  return (['counties', 'prefectures'] as const).flatMap((source): LayerSpecification[] => [
    {
      id: `approx-${source}-fill`,
      type: 'fill',
      source,
      filter,
      layout: { visibility },
      paint: { 'fill-color': colors.selection, 'fill-opacity': 0.1 },
    },
    {
      id: `approx-${source}-line`,
      type: 'line',
      source,
      filter,
      layout: { visibility, 'line-join': 'round' },
      paint: { 'line-color': colors.selection, 'line-width': 2.5, 'line-dasharray': [2, 1.5], 'line-opacity': 0.9 },
    },
  ]);
}

/** "位置近似：县城驻地" under the selected project's marker when its point stands for its county. */
function approxNoteLayer(id: string, source: string, o: ProjectLayerOptions, visible: boolean): LayerSpecification {
  const t = languages[o.lang];
  return {
    id,
    type: 'symbol',
    source,
    filter: ['all', ['!', ['has', 'point_count']], ['==', ['get', 'id'], o.selectedId ?? '\u0000'], isAreaPoint],
    layout: {
      visibility: visible && o.approxArea?.length ? 'visible' : 'none',
      'text-field': ['match', ['get', 'precision'], 'schematic', t.precisionNames.schematic, t.precisionNames.county],
      'text-size': 13,
      'text-anchor': 'top',
      'text-offset': [0, 1.2],
      'text-max-width': 14,
      'text-allow-overlap': true,
    },
    paint: { 'text-color': colors.selection, 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
  };
}

const isPlace: ExpressionSpecification = ['all', ['!', ['has', 'point_count']], ['>', ['get', 'count'], 1]];
const isSingle: ExpressionSpecification = ['all', ['!', ['has', 'point_count']], ['==', ['get', 'count'], 1]];
/** A place marker holding the selected project. */
const holds = (selected: string | null): ExpressionSpecification => ['in', `,${selected ?? '\u0000'},`, ['get', 'ids']];

/** "17 个项目 · 勐海县" and, for approximate points, "位置近似" under it. */
function placeLabel(lang: Lang): ExpressionSpecification {
  const b = languages[lang].browser;
  return [
    'concat',
    ['to-string', ['get', 'count']],
    b.placeSuffix,
    ['case', ['!=', ['get', 'county'], ''], ['concat', ' · ', ['get', 'county']], ''],
    ['case', ['get', 'approximate'], `\n${b.placeApprox}`, ''],
  ];
}

/** A place marker's disc radius (px) at zoom 5 and at zoom 10: it holds its count, growing with its type on a projector. */
const discRadius = (k: number): [number, number] => [mapType(12, k) - 1, mapType(12, k) + 3];

/**
 * Room (px) around a place marker's count, so its collision box reaches the disc's rim at every zoom (the disc's
 * radius less half the count's height, and 2 px): names placed after it keep off the disc, and no further.
 */
export function discPadding(k: number): ExpressionSpecification {
  const half = Math.round(mapType(12, k) / 2);
  const [r5, r10] = discRadius(k);
  return ['interpolate', ['linear'], ['zoom'], 5, r5 - half + 2, 10, r10 - half + 2];
}

/** Room (px) around a cluster's count: its box about its disc's (16 px radius, 10–49 projects). */
export const clusterCountPadding = 10;

/** A place: a dark disc with its count over a second disc (a stack), named with its county below. */
function placeLayers(prefix: string, source: string, o: ProjectLayerOptions, visible: boolean, labelMinZoom: number): LayerSpecification[] {
  const visibility = visible ? 'visible' : 'none';
  const k = o.labelScale ?? 1;
  // The disc holds its count: it grows with the count's type on a projector.
  const [r5, r10] = discRadius(k);
  const radius: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 5, r5, 10, r10];
  const selected = holds(o.selectedId);
  return [
    {
      id: `${prefix}-place-stack`,
      type: 'circle',
      source,
      filter: isPlace,
      layout: { visibility },
      paint: {
        'circle-radius': radius,
        'circle-color': '#ffffff',
        'circle-stroke-width': 1.5,
        'circle-translate': [3, -3],
        'circle-stroke-color': placeColor(o.focus, '#2e2a25', tint('#2e2a25', recede, colors.paper)),
      },
    },
    {
      id: `${prefix}-place`,
      type: 'circle',
      source,
      filter: isPlace,
      layout: { visibility },
      paint: {
        'circle-radius': radius,
        'circle-color': placeColor(
          o.focus,
          ['case', ['==', ['get', 'category'], 'mixed'], '#2e2a25', categoryColor],
          ['case', ['==', ['get', 'category'], 'mixed'], tint('#2e2a25', recede, colors.paper), recededCategoryColor],
        ),
        'circle-stroke-color': ['case', selected, colors.selection, '#ffffff'],
        'circle-stroke-width': ['case', selected, 4, ['boolean', ['feature-state', 'hover'], false], 3, 2],
      },
    },
    {
      id: `${prefix}-place-count`,
      type: 'symbol',
      source,
      filter: isPlace,
      layout: {
        visibility,
        'text-field': ['to-string', ['get', 'count']],
        'text-size': mapType(12, k),
        'text-allow-overlap': true,
        // The disc keeps other names off it, on a phone as on a projector: placed before them (drawn above), its
        // box reaching the disc's rim, so an area's or a node's name takes another of its places, not the disc's.
        'text-ignore-placement': false,
        'text-padding': discPadding(k),
      },
      // White on the disc, receded or not (the receded disc is a paler colour, not a see-through one).
      paint: { 'text-color': '#ffffff' },
    },
    {
      id: `${prefix}-place-label`,
      type: 'symbol',
      source,
      minzoom: labelMinZoom,
      filter: isPlace,
      layout: {
        visibility,
        'text-field': placeLabel(o.lang),
        'text-size': mapType(12, k),
        'text-anchor': 'top',
        'text-offset': [0, 1.3],
        'text-line-height': 1.3,
        'text-optional': true,
        'text-padding': 3,
      },
      paint: { 'text-color': '#2e2a25', 'text-halo-color': '#ffffff', 'text-halo-width': 1.8, 'text-opacity': placeOpacity(o.focus, 1) },
    },
  ];
}

/** The list's projects (projects view): clusters, single projects, places; then the plan's places (plan view). */
export function projectLayers(o: ProjectLayerOptions): LayerSpecification[] {
  const browser = o.projectsView ? 'visible' : 'none';
  const selected = o.selectedId ?? '\u0000';
  return [
    ...approxAreaLayers(o),
    {
      id: 'browser-cluster',
      type: 'circle',
      source: browserSourceId,
      filter: ['has', 'point_count'],
      layout: { visibility: browser },
      paint: {
        'circle-color': '#ffffff',
        'circle-stroke-color': '#3b3631',
        'circle-stroke-width': 2,
        'circle-radius': ['step', ['get', 'projects'], 13, 10, 16, 50, 20, 500, 24],
        'circle-opacity': 0.95,
      },
    },
    {
      id: 'browser-cluster-count',
      type: 'symbol',
      source: browserSourceId,
      filter: ['has', 'point_count'],
      // Screen readers are told each disc's count (its `name`), as sighted readers see it.
      metadata: spoken,
      layout: {
        visibility: browser,
        'text-field': ['to-string', ['get', 'projects']],
        'text-size': 13,
        'text-allow-overlap': true,
        // Placed before the names (drawn above them), its box as large as a two-digit cluster's disc: a zone's or a
        // seat's name moves aside rather than run under the disc.
        'text-ignore-placement': false,
        'text-padding': clusterCountPadding,
      },
      paint: { 'text-color': '#2e2a25' },
    },
    {
      // A point standing for its county is drawn soft: a wide pale halo, not a pin on a site.
      id: 'browser-project-area',
      type: 'circle',
      source: browserSourceId,
      filter: ['all', isSingle, isAreaPoint],
      layout: { visibility: browser },
      paint: {
        'circle-color': categoryColor,
        'circle-opacity': 0.22,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, roleLook.project.radius[0] + 5, 11, roleLook.project.radius[1] + 10],
        'circle-stroke-color': categoryColor,
        // Data-driven, as the disc's is: the two layers then share one shader program (a new one costs up to a second
        // of the main thread on a software renderer, the first time a county's project comes into view).
        'circle-stroke-width': ['case', ['boolean', ['feature-state', 'hover'], false], 2, 1],
        'circle-stroke-opacity': 0.5,
      },
    },
    {
      id: 'browser-project',
      type: 'circle',
      source: browserSourceId,
      filter: isSingle,
      layout: { visibility: browser },
      paint: {
        'circle-color': categoryColor,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, roleLook.project.radius[0], 11, roleLook.project.radius[1]],
        'circle-stroke-color': ['case', ['==', ['get', 'id'], selected], colors.selection, '#ffffff'],
        'circle-stroke-width': ['case', ['==', ['get', 'id'], selected], 4, ['boolean', ['feature-state', 'hover'], false], 3, 1.5],
      },
    },
    {
      id: 'browser-project-glyph',
      type: 'symbol',
      source: browserSourceId,
      filter: isSingle,
      layout: { visibility: browser, 'text-field': categoryGlyph(o.lang), 'text-size': 11, 'text-allow-overlap': true, 'text-ignore-placement': true },
      paint: { 'text-color': '#ffffff' },
    },
    {
      id: 'browser-project-label',
      type: 'symbol',
      source: browserSourceId,
      minzoom: placesFromZoom,
      filter: isSingle,
      layout: projectNameLayout(o.lang, browser),
      paint: { 'text-color': '#2e2a25', 'text-halo-color': '#fff', 'text-halo-width': 1.5 },
    },
    ...placeLayers('browser', browserSourceId, { ...o, focus: null }, o.projectsView, 6),
    ...placeLayers('plan', planSourceIds.projects, o, !o.projectsView && !o.planProjectsHidden, 8),
    approxNoteLayer('browser-approx-note', browserSourceId, o, o.projectsView),
    approxNoteLayer('plan-approx-note', planSourceIds.projects, o, !o.projectsView),
  ];
}
