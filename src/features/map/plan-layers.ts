/**
 * The plan layers as pure functions of plan presentation and store state, testable without a map.
 * Each role has its own cartography: cores strong, zones tinted (linked parts lighter), belts as wide
 * corridors named along their line, nodes as rings, projects as category symbols, clustered where dense.
 * Schematic geometry is dashed and hatched.
 */
import type { DataDrivenPropertyValueSpecification, ExpressionSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { languages, type Lang, usesEnglishNames } from '../../i18n/languages';
import { categoryColors, tint } from '../../lib/presentation';
import { mapType, roleLook } from '../../lib/role-look';
import { categories, elementRoles, type Role } from '../../lib/vocabulary';
import { nameField, palette } from './base-style';

/** Source ids of the plan layers. */
export const planSourceIds = { areas: 'plan-areas', labels: 'plan-labels', projects: 'plan-projects', context: 'context-plan', focus: 'plan-focus' } as const;

/** Layers that answer clicks and hover, top first. */
export const interactiveLayerIds = [
  'plan-project',
  'plan-cluster',
  'plan-core-point',
  'plan-node-ring',
  'plan-belt-hit',
  'plan-core-fill',
  'plan-zone-fill',
  'plan-belt-fill',
  'plan-zone-linked-fill',
] as const;

export const hatchImageId = 'schematic-hatch';

export interface PlanLayerOptions {
  lang: Lang;
  /** Colour per feature id (elements; linked parts share their zone's). */
  colors: Map<string, string>;
  planColor: string;
  hiddenRoles: readonly Role[];
  selectedId: string | null;
  /** In presentation mode, the features of the current chapter; the rest is dimmed. */
  focus?: readonly string[] | null;
  showContext: boolean;
  /** Multiplies label sizes (presentation mode: projector-sized type). */
  labelScale?: number;
}

const empty = { type: 'FeatureCollection', features: [] } as const;

export function planSourcesSpec(): Record<string, SourceSpecification> {
  return {
    // Plan areas are drawn over the base map's own borders: a coarser tiling tolerance (px) is invisible and much cheaper.
    [planSourceIds.context]: { type: 'geojson', data: empty as never, tolerance: 1.5, buffer: 32 },
    [planSourceIds.areas]: { type: 'geojson', data: empty as never, promoteId: 'id', tolerance: 1, buffer: 64 },
    [planSourceIds.labels]: { type: 'geojson', data: empty as never },
    // The projects a slide emphasises, drawn one by one on top (never hidden inside a cluster) and named.
    [planSourceIds.focus]: { type: 'geojson', data: empty as never, promoteId: 'id' },
    [planSourceIds.projects]: {
      type: 'geojson',
      data: empty as never,
      promoteId: 'id',
      cluster: true,
      clusterRadius: 42,
      clusterMaxZoom: 10,
      // A cluster counts projects: a place marker (projects sharing a point) holds several.
      clusterProperties: { projects: ['+', ['get', 'count']] },
    },
  };
}

function colorExpression(colors: Map<string, string>, fallback: string): ExpressionSpecification | string {
  if (!colors.size) return fallback;
  return ['match', ['get', 'id'], ...[...colors].flat(), fallback] as unknown as ExpressionSpecification;
}

const categoryColor = [
  'match',
  ['get', 'category'],
  ...categories.flatMap((c) => [c, categoryColors[c]]),
  categoryColors.other,
] as unknown as ExpressionSpecification;

function categoryGlyph(lang: Lang): ExpressionSpecification {
  return ['match', ['get', 'category'], ...categories.flatMap((c) => [c, languages[lang].categoryGlyphs[c]]), '•'] as unknown as ExpressionSpecification;
}

/**
 * An area's fill: its colour laid over the paper at its role's strength, as an opaque colour, stronger under the
 * pointer. Opaque, so where areas overlap the upper one is drawn over the lower (both outlined) and no colour
 * appears that the legend does not have; larger areas are drawn first (`area-order`), so a smaller one on a larger
 * one stays in sight.
 */
function areaFill(o: PlanLayerOptions, strength: number, hoverStrength: number): ExpressionSpecification {
  const tints = (k: number) =>
    (o.colors.size
      ? ['match', ['get', 'id'], ...[...o.colors].flatMap(([id, c]) => [id, tint(c, k, palette.land)]), tint(o.planColor, k, palette.land)]
      : tint(o.planColor, k, palette.land)) as unknown as ExpressionSpecification;
  return ['case', hoveredExpr, tints(hoverStrength), tints(strength)];
}
const fillOf = (o: PlanLayerOptions, role: Role) => areaFill(o, roleLook[role].fill, roleLook[role].fillHover);
/** Larger areas first, so smaller ones overlapping them are drawn on top (plan-sources.ts sets `area`). */
const areaOrder: ExpressionSpecification = ['-', 0, ['coalesce', ['get', 'area'], 0]];

const hoveredExpr: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
const hovered = hoveredExpr;
const schematic: ExpressionSpecification = ['==', ['get', 'precision'], 'schematic'];
const notSchematic: ExpressionSpecification = ['!=', ['get', 'precision'], 'schematic'];
const isPolygon: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]];

/** Opacity scaled down outside the presentation focus. */
function focused(
  value: number | ExpressionSpecification,
  focus: readonly string[] | null | undefined,
  dim = 0.18,
): DataDrivenPropertyValueSpecification<number> {
  if (!focus) return value;
  return [
    'case',
    ['any', ['in', ['get', 'id'], ['literal', focus]], ['in', ['coalesce', ['get', 'of'], ''], ['literal', focus]]],
    value,
    typeof value === 'number' ? value * dim : ['*', value, dim],
  ] as ExpressionSpecification;
}

function visibility(role: Role, hidden: readonly Role[]): 'visible' | 'none' {
  return hidden.includes(role) ? 'none' : 'visible';
}

const byRole = (role: Role): ExpressionSpecification => ['==', ['get', 'role'], role];
const isLine: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['LineString', 'MultiLineString']]];
const isPoint: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];
/** A belt drawn along a line; a belt whose extent is an area (schematic) is drawn as an area. */
const beltLine: ExpressionSpecification = ['all', byRole('belt'), isLine];

/** The province's layout, faint, under a city's or county's. */
export function contextLayers(o: PlanLayerOptions): LayerSpecification[] {
  const vis = o.showContext ? 'visible' : 'none';
  return [
    {
      id: 'context-area-fill',
      type: 'fill',
      source: planSourceIds.context,
      filter: ['all', isPolygon, ['!=', ['get', 'part'], 'linked']],
      layout: { visibility: vis },
      paint: { 'fill-color': colorExpression(o.colors, '#999'), 'fill-opacity': 0.08 },
    },
    {
      id: 'context-area-line',
      type: 'line',
      source: planSourceIds.context,
      filter: ['all', isPolygon, ['!=', ['get', 'part'], 'linked']],
      layout: { visibility: vis },
      paint: { 'line-color': colorExpression(o.colors, '#999'), 'line-opacity': 0.35, 'line-width': 1.2, 'line-dasharray': [4, 3] },
    },
    {
      id: 'context-belt-line',
      type: 'line',
      source: planSourceIds.context,
      filter: beltLine,
      layout: { visibility: vis, 'line-cap': 'round' },
      paint: { 'line-color': colorExpression(o.colors, '#999'), 'line-opacity': 0.18, 'line-width': 6 },
    },
  ];
}

/** Area fills, drawn under the base map's borders and rivers. */
export function planAreaLayers(o: PlanLayerOptions): LayerSpecification[] {
  const src = planSourceIds.areas;
  return [
    {
      id: 'plan-belt-fill',
      type: 'fill',
      source: src,
      filter: ['all', byRole('belt'), isPolygon],
      layout: { visibility: visibility('belt', o.hiddenRoles), 'fill-sort-key': areaOrder },
      paint: { 'fill-color': fillOf(o, 'belt'), 'fill-opacity': focused(1, o.focus) },
    },
    {
      id: 'plan-zone-linked-fill',
      type: 'fill',
      source: src,
      filter: ['all', byRole('zone'), ['==', ['get', 'part'], 'linked']],
      layout: { visibility: visibility('zone', o.hiddenRoles), 'fill-sort-key': areaOrder },
      paint: { 'fill-color': areaFill(o, 0.1, 0.22), 'fill-opacity': focused(1, o.focus) },
    },
    {
      id: 'plan-zone-fill',
      type: 'fill',
      source: src,
      filter: ['all', byRole('zone'), ['!=', ['get', 'part'], 'linked'], isPolygon],
      layout: { visibility: visibility('zone', o.hiddenRoles), 'fill-sort-key': areaOrder },
      paint: { 'fill-color': fillOf(o, 'zone'), 'fill-opacity': focused(1, o.focus) },
    },
    {
      id: 'plan-core-fill',
      type: 'fill',
      source: src,
      filter: ['all', byRole('core'), isPolygon],
      layout: { visibility: visibility('core', o.hiddenRoles), 'fill-sort-key': areaOrder },
      paint: { 'fill-color': fillOf(o, 'core'), 'fill-opacity': focused(1, o.focus) },
    },
    {
      id: 'plan-schematic-hatch',
      type: 'fill',
      source: src,
      filter: ['all', schematic, isPolygon, ['!=', ['get', 'part'], 'linked']],
      paint: { 'fill-pattern': hatchImageId, 'fill-opacity': focused(0.55, o.focus) },
    },
  ];
}

/** Outlines, belts, nodes and projects, over the base map's lines. */
/** Matches nothing when there is no selection (feature ids are never empty). */
const selectionKey = (o: PlanLayerOptions) => o.selectedId ?? '\u0000';

export function planLineAndPointLayers(o: PlanLayerOptions): LayerSpecification[] {
  const color = colorExpression(o.colors, o.planColor);
  const selected = selectionKey(o);
  const src = planSourceIds.areas;
  // Roles drawn as tinted areas are outlined.
  const areaRoles: ExpressionSpecification = [
    'in',
    ['get', 'role'],
    ['literal', elementRoles.filter((r) => roleLook[r].fill > 0 && !o.hiddenRoles.includes(r))],
  ];
  const lineWidth: ExpressionSpecification = [
    'match',
    ['get', 'role'],
    ...elementRoles.flatMap((r) => [r, roleLook[r].line]),
    2,
  ] as unknown as ExpressionSpecification;
  // Zoom may only drive a top-level interpolate, so each width is its own curve.
  const beltWidth = (extra = 0): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], 5, 7 + extra, 8, 16 + extra, 11, 30 + extra];
  return [
    {
      id: 'plan-zone-linked-line',
      type: 'line',
      source: src,
      filter: ['all', byRole('zone'), ['==', ['get', 'part'], 'linked']],
      layout: { visibility: visibility('zone', o.hiddenRoles), 'line-join': 'round' },
      paint: { 'line-color': color, 'line-width': 1.2, 'line-opacity': focused(0.7, o.focus), 'line-dasharray': [2, 2] },
    },
    {
      id: 'plan-area-line',
      type: 'line',
      source: src,
      filter: ['all', areaRoles, isPolygon, notSchematic, ['!=', ['get', 'part'], 'linked']],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': color, 'line-width': lineWidth, 'line-opacity': focused(0.95, o.focus) },
    },
    {
      id: 'plan-area-line-schematic',
      type: 'line',
      source: src,
      filter: ['all', areaRoles, isPolygon, schematic, ['!=', ['get', 'part'], 'linked']],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': color, 'line-width': lineWidth, 'line-opacity': focused(0.95, o.focus), 'line-dasharray': [3, 2] },
    },
    {
      id: 'plan-belt-casing',
      type: 'line',
      source: src,
      filter: beltLine,
      layout: { visibility: visibility('belt', o.hiddenRoles), 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': beltWidth(4), 'line-opacity': focused(0.75, o.focus) },
    },
    {
      id: 'plan-belt-line',
      type: 'line',
      source: src,
      filter: ['all', beltLine, notSchematic],
      layout: { visibility: visibility('belt', o.hiddenRoles), 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': color, 'line-width': beltWidth(), 'line-opacity': focused(['case', hovered, 0.85, 0.6], o.focus) },
    },
    {
      // A schematic belt: a paler band, with a dashed centre line that says "not a surveyed extent".
      id: 'plan-belt-band-schematic',
      type: 'line',
      source: src,
      filter: ['all', beltLine, schematic],
      layout: { visibility: visibility('belt', o.hiddenRoles), 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': color, 'line-width': beltWidth(), 'line-opacity': focused(['case', hovered, 0.55, 0.35], o.focus) },
    },
    {
      id: 'plan-belt-line-schematic',
      type: 'line',
      source: src,
      filter: ['all', beltLine, schematic],
      layout: { visibility: visibility('belt', o.hiddenRoles), 'line-join': 'round' },
      paint: { 'line-color': color, 'line-width': 2.5, 'line-opacity': focused(0.95, o.focus), 'line-dasharray': [3, 2] },
    },
    {
      // An invisible wide line, so a belt is easy to tap.
      id: 'plan-belt-hit',
      type: 'line',
      source: src,
      filter: beltLine,
      layout: { visibility: visibility('belt', o.hiddenRoles) },
      paint: { 'line-color': '#000', 'line-opacity': 0, 'line-width': beltWidth(12) },
    },
    {
      id: 'plan-selected-area',
      type: 'line',
      source: src,
      filter: ['all', isPolygon, ['any', ['==', ['get', 'id'], selected], ['==', ['coalesce', ['get', 'of'], ''], selected]]],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#1a1a1a', 'line-width': 4.5, 'line-opacity': 0.9 },
    },
    {
      id: 'plan-selected-belt',
      type: 'line',
      source: src,
      filter: ['all', beltLine, ['==', ['get', 'id'], selected]],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#1a1a1a', 'line-width': beltWidth(6), 'line-opacity': 0.35 },
    },
    {
      id: 'plan-core-point',
      type: 'circle',
      source: src,
      filter: ['all', byRole('core'), isPoint],
      layout: { visibility: visibility('core', o.hiddenRoles) },
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, roleLook.core.radius[0], 10, roleLook.core.radius[1]],
        'circle-color': color,
        'circle-stroke-color': ['case', ['==', ['get', 'id'], selected], '#1a1a1a', '#ffffff'],
        'circle-stroke-width': ['case', hovered, 5, 4],
        'circle-opacity': focused(1, o.focus),
        'circle-stroke-opacity': focused(1, o.focus),
      },
    },
    {
      id: 'plan-node-ring',
      type: 'circle',
      source: src,
      filter: byRole('node'),
      layout: { visibility: visibility('node', o.hiddenRoles) },
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, roleLook.node.radius[0], 10, roleLook.node.radius[1]],
        'circle-color': 'rgba(255,255,255,0.75)',
        'circle-stroke-color': ['case', ['==', ['get', 'id'], selected], '#1a1a1a', color],
        'circle-stroke-width': ['case', hovered, 5, 3.5],
        'circle-opacity': focused(1, o.focus),
        'circle-stroke-opacity': focused(1, o.focus),
      },
    },
  ];
}

/** Label size by role from role-look.ts, interpolated by zoom; presentation mode scales it for a projector. */
function labelSize(o: PlanLayerOptions, at: 'area' | 'point' | 'belt'): ExpressionSpecification {
  const k = o.labelScale ?? 1;
  // On a projector (labelScale > 1) no plan label is smaller than 20 px.
  const size = (r: Role, i: 0 | 1) => (k > 1 ? Math.max(20, Math.round(roleLook[r].label[i] * k)) : roleLook[r].label[i]);
  if (at === 'belt') return ['interpolate', ['linear'], ['zoom'], 5, size('belt', 0), 9, size('belt', 1)];
  const byRole = (i: 0 | 1) => ['match', ['get', 'role'], ...elementRoles.flatMap((r) => [r, size(r, i)]), size('zone', i)];
  return ['interpolate', ['linear'], ['zoom'], 5, byRole(0), 9, byRole(1)] as unknown as ExpressionSpecification;
}

/** A project alone on its point; projects sharing one are a place marker (project-layers.ts). */
const singleProject: ExpressionSpecification = ['all', ['!', ['has', 'point_count']], ['==', ['coalesce', ['get', 'count'], 1], 1]];

/** The label scale: above 1 when presenting. */
const k = (o: PlanLayerOptions) => o.labelScale ?? 1;

/** Project symbols (clustered), then all plan labels, placed before the base map's labels. */
export function planTopLayers(o: PlanLayerOptions): LayerSpecification[] {
  const projVis = visibility('project', o.hiddenRoles);
  const labelRoles: ExpressionSpecification = ['in', ['get', 'role'], ['literal', elementRoles.filter((r) => !o.hiddenRoles.includes(r))]];
  const selected = selectionKey(o);
  return [
    {
      id: 'plan-cluster',
      type: 'circle',
      source: planSourceIds.projects,
      filter: ['has', 'point_count'],
      layout: { visibility: projVis },
      paint: {
        'circle-color': '#ffffff',
        'circle-stroke-color': '#3b3631',
        'circle-stroke-width': 2,
        // Room for the count in projector type.
        'circle-radius': ['step', ['get', 'point_count'], mapType(13, k(o)), 5, mapType(16, k(o)), 15, mapType(20, k(o))],
        'circle-opacity': focused(0.95, o.focus),
        'circle-stroke-opacity': focused(1, o.focus),
      },
    },
    {
      id: 'plan-project',
      type: 'circle',
      source: planSourceIds.projects,
      filter: singleProject,
      layout: { visibility: projVis },
      paint: {
        'circle-color': categoryColor,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, roleLook.project.radius[0], 11, roleLook.project.radius[1]],
        'circle-stroke-color': ['case', ['==', ['get', 'id'], selected], '#1a1a1a', '#ffffff'],
        'circle-stroke-width': ['case', ['==', ['get', 'id'], selected], 3.5, ['boolean', ['feature-state', 'hover'], false], 3, 1.5],
        'circle-opacity': focused(1, o.focus, 0.3),
        'circle-stroke-opacity': focused(1, o.focus, 0.3),
      },
    },
    {
      id: 'plan-project-label',
      type: 'symbol',
      source: planSourceIds.projects,
      minzoom: 9,
      filter: singleProject,
      layout: {
        visibility: projVis,
        'text-field': nameField(o.lang),
        'text-size': 12,
        'text-anchor': 'left',
        'text-offset': [1.1, 0],
        'text-max-width': 12,
        'text-optional': true,
      },
      paint: { 'text-color': '#2e2a25', 'text-halo-color': '#fff', 'text-halo-width': 1.5, 'text-opacity': focused(1, o.focus) },
    },
    {
      id: 'plan-belt-label',
      type: 'symbol',
      source: planSourceIds.areas,
      filter: beltLine,
      layout: {
        visibility: visibility('belt', o.hiddenRoles),
        'symbol-placement': 'line',
        'text-field': nameField(o.lang),
        'text-size': labelSize(o, 'belt'),
        'symbol-spacing': 400,
        'text-max-angle': 35,
        'text-letter-spacing': 0.1,
      },
      paint: { 'text-color': '#1f1b17', 'text-halo-color': 'rgba(255,255,255,0.95)', 'text-halo-width': 2, 'text-opacity': focused(1, o.focus) },
    },
    {
      id: 'plan-area-label',
      type: 'symbol',
      source: planSourceIds.labels,
      filter: ['all', ['==', ['get', 'at'], 'area'], labelRoles],
      layout: {
        'text-field': nameField(o.lang),
        'text-size': labelSize(o, 'area'),
        // English names are three times as long as Chinese ones: wider lines, so they take 2–3 lines, not 4–5.
        'text-max-width': usesEnglishNames(o.lang) ? 13 : 8,
        'text-line-height': 1.25,
        'text-padding': 2,
        'symbol-sort-key': ['match', ['get', 'role'], 'core', 0, 'zone', 1, 2],
        // Names move around their point rather than vanish under a seat name or a project cluster.
        'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
        'text-radial-offset': 0.8,
      },
      paint: { 'text-color': '#1f1b17', 'text-halo-color': 'rgba(255,255,255,0.95)', 'text-halo-width': 2.2, 'text-opacity': focused(1, o.focus) },
    },
    {
      // Cores and nodes drawn as markers are named beside the marker, never over it.
      id: 'plan-point-label',
      type: 'symbol',
      source: planSourceIds.labels,
      filter: ['all', ['==', ['get', 'at'], 'point'], labelRoles],
      layout: {
        'text-field': nameField(o.lang),
        'text-size': labelSize(o, 'point'),
        'text-max-width': 9,
        'text-line-height': 1.2,
        'text-padding': 2,
        'symbol-sort-key': ['match', ['get', 'role'], 'core', 0, 1],
        'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
        'text-radial-offset': 1.3,
      },
      paint: { 'text-color': '#1f1b17', 'text-halo-color': 'rgba(255,255,255,0.95)', 'text-halo-width': 2, 'text-opacity': focused(1, o.focus) },
    },
    {
      id: 'plan-project-glyph',
      type: 'symbol',
      source: planSourceIds.projects,
      filter: singleProject,
      layout: {
        visibility: projVis,
        'text-field': categoryGlyph(o.lang),
        'text-size': 11,
        'text-allow-overlap': true,
        'text-ignore-placement': false,
        'text-padding': 3,
      },
      paint: { 'text-color': '#ffffff', 'text-opacity': focused(1, o.focus, 0.3) },
    },
  ];
}

/**
 * Cluster counts, placed after the prefecture seats' names in the style (so before them on screen): a seat's name
 * moves aside from a count rather than run over it.
 */
export function planCountLayers(o: PlanLayerOptions): LayerSpecification[] {
  const projVis = visibility('project', o.hiddenRoles);
  return [
    {
      id: 'plan-cluster-count',
      type: 'symbol',
      source: planSourceIds.projects,
      filter: ['has', 'point_count'],
      layout: {
        visibility: projVis,
        'text-field': ['to-string', ['coalesce', ['get', 'projects'], ['get', 'point_count']]],
        'text-size': mapType(13, k(o)),
        'text-allow-overlap': true,
        'text-ignore-placement': false,
        // Placed first (drawn last), with room for its disc: no label sits on a cluster's count.
        'text-padding': k(o) > 1 ? 15 : 8,
      },
      paint: { 'text-color': '#2e2a25' },
    },
  ];
}

/**
 * The projects a slide names, drawn last so they are on top of every marker (a place marker holding them, a
 * cluster) and their names are placed before any other label.
 */
export function planFocusLayers(o: PlanLayerOptions): LayerSpecification[] {
  return [
    {
      id: 'plan-focus-point',
      type: 'circle',
      source: planSourceIds.focus,
      paint: {
        'circle-color': categoryColor,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 11, 11, 14],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 3.5,
      },
    },
    {
      id: 'plan-focus-label',
      type: 'symbol',
      source: planSourceIds.focus,
      // Projects on one point are named once, together (scene.ts).
      filter: ['!=', ['get', 'name'], ''],
      layout: {
        'text-field': nameField(o.lang),
        'text-size': mapType(16, k(o)),
        'text-max-width': 11,
        'text-line-height': 1.2,
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 1.3,
        'text-padding': 4,
      },
      paint: { 'text-color': '#1f1b17', 'text-halo-color': 'rgba(255,255,255,0.97)', 'text-halo-width': 2.5 },
    },
    {
      id: 'plan-focus-glyph',
      type: 'symbol',
      source: planSourceIds.focus,
      layout: { 'text-field': categoryGlyph(o.lang), 'text-size': 13, 'text-allow-overlap': true, 'text-ignore-placement': false },
      paint: { 'text-color': '#ffffff' },
    },
  ];
}
