/**
 * The plan layers as pure functions of plan presentation and store state, testable without a map.
 * Each role has its own cartography: cores strong, zones tinted (linked parts lighter), belts as wide
 * corridors named along their line, nodes as rings, projects as category symbols, clustered where dense.
 * Schematic geometry is dashed and hatched.
 */
import type { DataDrivenPropertyValueSpecification, ExpressionSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { languages, type Lang } from '../../i18n/languages';
import { categoryColors } from '../../lib/presentation';
import { roleLook } from '../../lib/role-look';
import { categories, elementRoles, type Role } from '../../lib/vocabulary';
import { nameField } from './base-style';

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

/** Fill opacity of a role, brighter under the pointer. */
const fillOf = (role: Role): ExpressionSpecification => ['case', hoveredExpr, roleLook[role].fillHover, roleLook[role].fill];

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
  const color = colorExpression(o.colors, o.planColor);
  const src = planSourceIds.areas;
  return [
    {
      id: 'plan-belt-fill',
      type: 'fill',
      source: src,
      filter: ['all', byRole('belt'), isPolygon],
      layout: { visibility: visibility('belt', o.hiddenRoles) },
      paint: { 'fill-color': color, 'fill-opacity': focused(fillOf('belt'), o.focus) },
    },
    {
      id: 'plan-zone-linked-fill',
      type: 'fill',
      source: src,
      filter: ['all', byRole('zone'), ['==', ['get', 'part'], 'linked']],
      layout: { visibility: visibility('zone', o.hiddenRoles) },
      paint: { 'fill-color': color, 'fill-opacity': focused(['case', hovered, 0.22, 0.1], o.focus) },
    },
    {
      id: 'plan-zone-fill',
      type: 'fill',
      source: src,
      filter: ['all', byRole('zone'), ['!=', ['get', 'part'], 'linked'], isPolygon],
      layout: { visibility: visibility('zone', o.hiddenRoles) },
      paint: { 'fill-color': color, 'fill-opacity': focused(fillOf('zone'), o.focus) },
    },
    {
      id: 'plan-core-fill',
      type: 'fill',
      source: src,
      filter: ['all', byRole('core'), isPolygon],
      layout: { visibility: visibility('core', o.hiddenRoles) },
      paint: { 'fill-color': color, 'fill-opacity': focused(fillOf('core'), o.focus) },
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
  const areaRoles: ExpressionSpecification = ['in', ['get', 'role'], ['literal', ['zone', 'core', 'belt'].filter((r) => !o.hiddenRoles.includes(r as Role))]];
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

/** Project symbols (clustered), then all plan labels, placed before the base map's labels. */
export function planTopLayers(o: PlanLayerOptions): LayerSpecification[] {
  const projVis = visibility('project', o.hiddenRoles);
  const labelRoles: ExpressionSpecification = [
    'in',
    ['get', 'role'],
    ['literal', ['zone', 'core', 'node', 'belt'].filter((r) => !o.hiddenRoles.includes(r as Role))],
  ];
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
        'circle-radius': ['step', ['get', 'point_count'], 13, 5, 16, 15, 20],
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
        'text-max-width': o.lang === 'zh' ? 8 : 13,
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
      id: 'plan-cluster-count',
      type: 'symbol',
      source: planSourceIds.projects,
      filter: ['has', 'point_count'],
      layout: {
        visibility: projVis,
        'text-field': ['to-string', ['coalesce', ['get', 'projects'], ['get', 'point_count']]],
        'text-size': 13,
        'text-allow-overlap': true,
        'text-ignore-placement': false,
        // Placed first (drawn last), with room around it: no label sits on a cluster's count.
        'text-padding': 8,
      },
      paint: { 'text-color': '#2e2a25' },
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
      layout: {
        'text-field': nameField(o.lang),
        'text-size': Math.round(14 * Math.max(1, o.labelScale ?? 1)),
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
