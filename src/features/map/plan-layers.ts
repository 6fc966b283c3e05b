/**
 * The plan layers as pure functions of plan presentation and store state, testable without a map: each role's
 * look (role-layers.ts) and what the roles share (outlines of areas, names of elements, the selection, schematic
 * hatching, the province's layout under a city's), assembled in drawing order. Schematic geometry is dashed and hatched.
 */
import type { DataDrivenPropertyValueSpecification, ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { usesEnglishNames } from '../../i18n/languages';
import { roleLook } from '../../lib/role-look';
import { elementRoles, roles } from '../../lib/vocabulary';
import { mapColors } from '../../ui/tokens';
import { nameField } from './base-style';
import {
  areaNameWidth,
  beltLine,
  isNarrow,
  narrowAreaNames,
  colorExpression,
  count,
  fill,
  focusDisc,
  focused,
  hatchImageId,
  inFocus,
  isPoint,
  isPolygon,
  label,
  type LayerContext,
  labelSize,
  mark,
  notSchematic,
  type Phase,
  type PlacedLayer,
  type PlanLayerOptions,
  planSourceIds,
  schematic,
  selectionKey,
  top,
} from './layer-kit';
import { genericRoleLayers, roleLayers } from './role-layers';
import { spoken } from './spoken-layers';

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
      paint: { 'fill-color': colorExpression(o.colors, mapColors.context), 'fill-opacity': 0.08 },
    },
    {
      id: 'context-area-line',
      type: 'line',
      source: planSourceIds.context,
      filter: ['all', isPolygon, ['!=', ['get', 'part'], 'linked']],
      layout: { visibility: vis },
      paint: { 'line-color': colorExpression(o.colors, mapColors.context), 'line-opacity': 0.35, 'line-width': 1.2, 'line-dasharray': [4, 3] },
    },
    {
      id: 'context-belt-line',
      type: 'line',
      source: planSourceIds.context,
      filter: beltLine,
      layout: { visibility: vis, 'line-cap': 'round' },
      paint: { 'line-color': colorExpression(o.colors, mapColors.context), 'line-opacity': 0.18, 'line-width': 6 },
    },
  ];
}

/**
 * Where an area's name may stand around its label point (ems), in order of preference. At the plan's west or east
 * edge only inward (a name centred there would run off a phone's edge: MapLibre does not move it back), beside the
 * point first, then further above or below it, so a name crowded out of its first places by a seat's name or a
 * cluster still finds one rather than the area going unnamed.
 */
const inward = (side: 'left' | 'right', x: number) => [
  side,
  [x, 0],
  `top-${side}`,
  [x, 0.6],
  `bottom-${side}`,
  [x, -0.6],
  `top-${side}`,
  [0, 1.6],
  `bottom-${side}`,
  [0, -1.6],
  `top-${side}`,
  [0, 2.6],
  `bottom-${side}`,
  [0, -2.6],
  // Past a count disc standing on the point: further inward, beside it.
  side,
  [x + pastDisc(side), 0],
  `top-${side}`,
  [x + pastDisc(side), 0.6],
  `bottom-${side}`,
  [x + pastDisc(side), -0.6],
];
/** How far inward (ems) a name steps to clear a count disc on its point. */
const pastDisc = (side: 'left' | 'right') => (side === 'left' ? 2.3 : -2.3);
/**
 * Where any other area's name may stand: centred on its point, then beside it, then at its corners, then further
 * out on each side, past a count disc standing next to the point.
 */
const aroundPoint = [
  'center',
  [0, 0],
  'top',
  [0, 0.8],
  'bottom',
  [0, -0.8],
  'left',
  [0.8, 0],
  'right',
  [-0.8, 0],
  'top-left',
  [0.6, 0.6],
  'top-right',
  [-0.6, 0.6],
  'bottom-left',
  [0.6, -0.6],
  'bottom-right',
  [-0.6, -0.6],
  'top',
  [0, 1.8],
  'bottom',
  [0, -1.8],
  'left',
  [1.8, 0],
  'right',
  [-1.8, 0],
  'top-left',
  [1.2, 0.6],
  'top-right',
  [-1.2, 0.6],
  'bottom-left',
  [1.2, -0.6],
  'bottom-right',
  [-1.2, -0.6],
  'top',
  [0, 2.8],
  'bottom',
  [0, -2.8],
];
/**
 * Last, on a wide map: below or above the point, past a count disc standing on it and a little to either side. A small
 * area holding a cluster (滇南 on the province's closing slide, framed beside the wide card) has every nearer place
 * taken by the disc and its neighbours' names; its name then stands just off it rather than go unnamed. Only names
 * that found no nearer place come here, so no name that was placed moves.
 */
export const pastTheDisc = [2, -2].flatMap((x) => ['top', [x, 3.3], 'bottom', [x, -3.3]]);
/**
 * On a narrow map the same places, those above and below the point first: the plan fills the screen's width there,
 * and a name set beside its point, 8 ems wide, runs off the screen's edge (MapLibre does not move it back).
 */
const placesOf = (places: unknown[]) => Array.from({ length: places.length / 2 }, (_, i) => [places[2 * i], places[2 * i + 1]] as const);
const aroundPointNarrow = [
  ...placesOf(aroundPoint).filter(([anchor]) => anchor === 'center' || anchor === 'top' || anchor === 'bottom'),
  ...placesOf(aroundPoint).filter(([anchor]) => anchor !== 'center' && anchor !== 'top' && anchor !== 'bottom'),
].flat();
/**
 * Places (anchor, offset pairs) with the outward ones last: on a narrow map the plan fills the screen's width, so a
 * name set beside its point away from the plan's middle (text right of a point in the east half) runs off the screen.
 * Kept as a last resort, so a crowded name still shows rather than vanish.
 */
export function inwardFirst(places: unknown[], side: 'west' | 'east', outwardToo = true): unknown[] {
  const outward = ([anchor]: readonly [unknown, unknown]) => String(anchor).endsWith(side === 'east' ? 'left' : 'right');
  const pairs = placesOf(places);
  return [...pairs.filter((p) => !outward(p)), ...(outwardToo ? pairs.filter(outward) : [])].flat();
}
/** A narrow map's places by the half of the plan the point lies in (plan-sources.ts `side`); `outwardToo` false leaves the outward ones out. */
const bySide = (places: (side: 'west' | 'east') => unknown[], outwardToo = true) => [
  'match',
  ['get', 'side'],
  'east',
  ['literal', inwardFirst(places('east'), 'east', outwardToo)],
  ['literal', inwardFirst(places('west'), 'west', outwardToo)],
];
/**
 * An area's name set a few ems towards the plan's middle from its point (level with it, above or below it): still on
 * its area, where its near places are taken by count discs and other names and the far side is the screen's edge.
 */
const nudged = (side: 'west' | 'east') => {
  const inwards = side === 'east' ? -1 : 1;
  return [3, 5].flatMap((x) => ['center', [inwards * x, 0], 'top', [inwards * x, 1.8], 'bottom', [inwards * x, -1.8]]);
};
const areaLabelPlaces = (o: PlanLayerOptions) =>
  [
    'match',
    ['get', 'edge'],
    'west',
    ['literal', inward('left', 0.3)],
    'east',
    ['literal', inward('right', -0.3)],
    isNarrow(o) ? bySide((side) => [...aroundPointNarrow, ...nudged(side)]) : ['literal', [...aroundPoint, ...pastTheDisc]],
  ] as unknown as DataDrivenPropertyValueSpecification<never>;

/** How far (ems) a marker's name stands from its point. */
const pointGap = 1.3;
/** On a narrow map, further out: past a count disc standing on the marker's point. */
const pastDiscGap = 2.3;
/** Where a marker's name may stand: below, above, then beside it (as `text-radial-offset` would put it), then further out. */
const aroundMarker = [pointGap, pastDiscGap].flatMap((g) => ['top', [0, g], 'bottom', [0, -g], 'left', [g, 0], 'right', [-g, 0]]);
/** At the plan's west or east edge, a marker's name beside it inward first, then below or above it, then further out. */
const besideInward = (side: 'left' | 'right') => {
  const inwards = side === 'left' ? 1 : -1;
  return [pointGap, pastDiscGap].flatMap((g) => {
    // At a corner the same distance, diagonally.
    const d = Math.round(g * Math.SQRT1_2 * 100) / 100;
    return [side, [inwards * g, 0], `top-${side}`, [inwards * d, d], `bottom-${side}`, [inwards * d, -d], 'top', [0, g], 'bottom', [0, -g]];
  });
};
/**
 * A marker's name below or above it, a few ems towards the plan's middle: where count discs take its near places and
 * the far side is the screen's edge (a long English name beside a node in the plan's east half ran off a phone).
 */
const nudgedMarker = (side: 'west' | 'east') => {
  const inwards = side === 'east' ? -1 : 1;
  return [3, 5].flatMap((x) => ['top', [inwards * x, pastDiscGap], 'bottom', [inwards * x, -pastDiscGap]]);
};
/**
 * The places of a marker's name on a narrow map: at the plan's edge inward first (a two-line name centred on an edge
 * node still runs past the screen's edge), elsewhere nudged inward before outward, outward last ({@link inwardFirst})
 * and only near the plan's middle (plan-sources.ts `middle`): further out a name set outward ran off the phone's edge
 * (Lincang's 沧江宜村 node in English), and a name with no place left is better unset than cut (its marker is named
 * when tapped and in the list of what the map shows).
 */
const pointLabelPlaces = [
  'match',
  ['get', 'edge'],
  'west',
  ['literal', besideInward('left')],
  'east',
  ['literal', besideInward('right')],
  ['case', ['get', 'middle'], bySide((side) => [...aroundMarker, ...nudgedMarker(side)]), bySide((side) => [...aroundMarker, ...nudgedMarker(side)], false)],
] as unknown as DataDrivenPropertyValueSpecification<never>;

/** A focus ring's radius at zoom 5 (0) or 11 (1): just outside a named project's disc and its rim. */
const focusRing = (i: 0 | 1): number => focusDisc.radius[i] + focusDisc.rim + focusDisc.ringGap;

/** What every role shares: outlines of its areas, names of its elements, the selection's outline, schematic hatching. */
function sharedLayers({ o, color, selected }: LayerContext): PlacedLayer[] {
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
  const labelRoles: ExpressionSpecification = ['in', ['get', 'role'], ['literal', elementRoles.filter((r) => !o.hiddenRoles.includes(r))]];
  return [
    fill(90, {
      id: 'plan-schematic-hatch',
      type: 'fill',
      source: planSourceIds.areas,
      filter: ['all', schematic, isPolygon, ['!=', ['get', 'part'], 'linked']],
      paint: { 'fill-pattern': hatchImageId, 'fill-opacity': focused(0.55, o.focus) },
    }),
    mark(20, {
      id: 'plan-area-line',
      type: 'line',
      source: planSourceIds.areas,
      filter: ['all', areaRoles, isPolygon, notSchematic, ['!=', ['get', 'part'], 'linked']],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': color, 'line-width': lineWidth, 'line-opacity': focused(0.95, o.focus) },
    }),
    mark(21, {
      id: 'plan-area-line-schematic',
      type: 'line',
      source: planSourceIds.areas,
      filter: ['all', areaRoles, isPolygon, schematic, ['!=', ['get', 'part'], 'linked']],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': color, 'line-width': lineWidth, 'line-opacity': focused(0.95, o.focus), 'line-dasharray': [3, 2] },
    }),
    mark(40, {
      id: 'plan-selected-area',
      type: 'line',
      source: planSourceIds.areas,
      filter: ['all', isPolygon, ['any', ['==', ['get', 'id'], selected], ['==', ['coalesce', ['get', 'of'], ''], selected]]],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': mapColors.selection, 'line-width': 4.5, 'line-opacity': 0.9 },
    }),
    // After the prefecture seats' names in the style, so placed before them (under the cluster counts): the plan's
    // own names of its areas are what the map is for, and at a phone's framing a seat's name (which moves around its
    // dot) would otherwise crowd a zone's name out entirely.
    count(5, {
      id: 'plan-area-label',
      metadata: spoken,
      type: 'symbol',
      source: planSourceIds.labels,
      filter: ['all', ['==', ['get', 'at'], 'area'], labelRoles],
      layout: {
        'text-field': nameField(o.lang),
        'text-size': labelSize(o, 'area'),
        'text-max-width': areaNameWidth(o, usesEnglishNames(o.lang)),
        'text-line-height': isNarrow(o) ? narrowAreaNames.lineHeight : 1.25,
        'text-padding': 2,
        // Cores first, then zones, then the rest; within each, a name at the plan's edge (fewer places to go) first.
        'symbol-sort-key': ['-', ['match', ['get', 'role'], 'core', 0, 'zone', 1, 2], ['match', ['get', 'edge'], ['west', 'east'], 0.5, 0]],
        // Names move around their point rather than vanish under a seat name or a project cluster; a name at the
        // plan's west or east edge (plan-sources.ts `edge`) only inward, never centred over the edge of a phone.
        'text-variable-anchor-offset': areaLabelPlaces(o),
      },
      paint: { 'text-color': mapColors.label, 'text-halo-color': mapColors.halo, 'text-halo-width': 2.2, 'text-opacity': focused(1, o.focus) },
    }),
    // A step naming its projects draws them on top: a core or node of the slide whose spot one of them shares (临沧's
    // core and 临沧市人民医院) would vanish under its disc, and the slide's legend name a colour the map no longer
    // shows. The slide's point elements are ringed in their colour just outside a disc's rim, over everything.
    top(9, {
      id: 'plan-focus-ring',
      type: 'circle',
      source: planSourceIds.areas,
      filter: ['all', isPoint, ['!=', ['get', 'role'], 'project'], inFocus(o.focus ?? [])],
      layout: { visibility: o.namesProjects && o.focus?.length ? 'visible' : 'none' },
      paint: {
        'circle-opacity': 0,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, focusRing(0), 11, focusRing(1)],
        'circle-stroke-color': color,
        'circle-stroke-width': focusDisc.ring,
      },
    }),
    label(31, {
      // Cores and nodes drawn as markers are named beside the marker, never over it.
      id: 'plan-point-label',
      metadata: spoken,
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
        ...(isNarrow(o)
          ? { 'text-variable-anchor-offset': pointLabelPlaces }
          : { 'text-variable-anchor': ['top', 'bottom', 'left', 'right'], 'text-radial-offset': pointGap }),
      },
      paint: { 'text-color': mapColors.label, 'text-halo-color': mapColors.halo, 'text-halo-width': 2, 'text-opacity': focused(1, o.focus) },
    }),
  ];
}

/** Every plan layer of one phase, in drawing order: the roles' own and the shared ones, by their stacking. */
function phaseLayers(o: PlanLayerOptions, phase: Phase): LayerSpecification[] {
  const c: LayerContext = { o, color: colorExpression(o.colors, o.planColor), selected: selectionKey(o) };
  return placedLayers(c)
    .filter((p) => p.phase === phase)
    .sort((a, b) => a.z - b.z)
    .map((p) => p.layer);
}

function placedLayers(c: LayerContext): PlacedLayer[] {
  return [...roles.flatMap((r) => roleLayers[r]?.(c) ?? genericRoleLayers(r, c)), ...sharedLayers(c)];
}

/** Area fills, drawn under the base map's borders and rivers. */
export const planAreaLayers = (o: PlanLayerOptions): LayerSpecification[] => phaseLayers(o, 'fill');
/** Outlines, belts, nodes and markers, over the base map's lines. */
export const planLineAndPointLayers = (o: PlanLayerOptions): LayerSpecification[] => phaseLayers(o, 'mark');
/** Project symbols (clustered), then all plan labels, placed before the base map's labels. */
export const planTopLayers = (o: PlanLayerOptions): LayerSpecification[] => phaseLayers(o, 'label');
/** Cluster counts, after the prefecture seats' names in the style, so a seat's name moves aside from a count. */
export const planCountLayers = (o: PlanLayerOptions): LayerSpecification[] => phaseLayers(o, 'count');
/** The projects a slide names, drawn last: over every marker, their names placed before any other label. */
export const planFocusLayers = (o: PlanLayerOptions): LayerSpecification[] => phaseLayers(o, 'focus');

const phaseRank: Record<Phase, number> = { fill: 0, mark: 1, label: 2, count: 3, focus: 4 };
/** Layers that answer clicks and hover, top first: the clickable layers of every role's look. */
export const interactiveLayerIds: readonly string[] = placedLayers({
  o: { lang: 'zh', colors: new Map(), planColor: mapColors.context, hiddenRoles: [], selectedId: null, showContext: false },
  color: mapColors.context,
  selected: '',
})
  .filter((p) => p.clickable)
  .sort((a, b) => phaseRank[b.phase] - phaseRank[a.phase] || b.z - a.z)
  .map((p) => p.layer.id);
