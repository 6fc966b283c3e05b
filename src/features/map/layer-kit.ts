/**
 * What every plan layer is built from: the plan sources, the options the store gives, and the expressions shared by
 * the roles' looks (colour by element, hover, focus, visibility). Colours are the data's or tokens.ts's.
 */
import type { DataDrivenPropertyValueSpecification, ExpressionSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { languages, type Lang, usesEnglishNames } from '../../i18n/languages';
import { categoryColors, tint } from '../../lib/presentation';
import { mapType, roleLook } from '../../lib/role-look';
import { categories, elementRoles, type Role } from '../../lib/vocabulary';
import { palette } from './base-style';

/** Source ids of the plan layers. */
export const planSourceIds = { areas: 'plan-areas', labels: 'plan-labels', projects: 'plan-projects', context: 'context-plan', focus: 'plan-focus' } as const;

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
  /** The map is a phone's width: the names of areas are set smaller and narrower ({@link areaNameWidth}). */
  narrow?: boolean;
  /**
   * Presenting a step that names its projects on the map (the focus source): the plan's other project markers
   * (clusters, single projects, place markers) are left out, so no receded disc stands under a key project's name.
   */
  namesProjects?: boolean;
}

const empty = { type: 'FeatureCollection', features: [] } as const;

/**
 * How near (px) the plan's project markers are gathered into one cluster: wider on a projector (labelScale), so two
 * of its larger discs do not touch (昆明's "19" and "3"), though less than the discs grow: wider still gathers the
 * discs into so few large ones that an area's name loses its last free place (the indicators slide at 1280×720).
 * The map sets it on the source when presenting starts or ends.
 */
export const projectClusterRadius = (labelScale: number): number => Math.round(42 * Math.max(1, labelScale) ** 0.6);

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
      clusterRadius: projectClusterRadius(1),
      clusterMaxZoom: 10,
      // A cluster counts projects: a place marker (projects sharing a point) holds several.
      clusterProperties: { projects: ['+', ['get', 'count']] },
    },
  };
}

export function colorExpression(colors: Map<string, string>, fallback: string): ExpressionSpecification | string {
  if (!colors.size) return fallback;
  return ['match', ['get', 'id'], ...[...colors].flat(), fallback] as unknown as ExpressionSpecification;
}

export const categoryColor = [
  'match',
  ['get', 'category'],
  ...categories.flatMap((c) => [c, categoryColors[c]]),
  categoryColors.other,
] as unknown as ExpressionSpecification;

export function categoryGlyph(lang: Lang): ExpressionSpecification {
  return ['match', ['get', 'category'], ...categories.flatMap((c) => [c, languages[lang].categoryGlyphs[c]]), '•'] as unknown as ExpressionSpecification;
}

/**
 * An area's fill: its colour laid over the paper at its role's strength, as an opaque colour, stronger under the
 * pointer. Opaque, so where areas overlap the upper one is drawn over the lower (both outlined) and no colour
 * appears that the legend does not have; larger areas are drawn first ({@link areaOrder}), so a smaller one on a
 * larger one stays in sight.
 */
export function areaFill(o: PlanLayerOptions, strength: number, hoverStrength: number): ExpressionSpecification {
  const tints = (k: number) =>
    (o.colors.size
      ? ['match', ['get', 'id'], ...[...o.colors].flatMap(([id, c]) => [id, tint(c, k, palette.land)]), tint(o.planColor, k, palette.land)]
      : tint(o.planColor, k, palette.land)) as unknown as ExpressionSpecification;
  return ['case', hoveredExpr, tints(hoverStrength), tints(strength)];
}
/** A role's area fill at its role-look.ts strengths. */
export const fillOf = (o: PlanLayerOptions, role: Role) => areaFill(o, roleLook[role].fill, roleLook[role].fillHover);
/** Larger areas first, so smaller ones overlapping them are drawn on top (plan-sources.ts sets `area`). */
export const areaOrder: ExpressionSpecification = ['-', 0, ['coalesce', ['get', 'area'], 0]];

/**
 * A key project's name on a slide (role-layers.ts `plan-focus-label`): its type (px, before the projector's scale)
 * and the width (ems) at which it wraps. The camera leaves room for it beside the slide's card.
 */
export const focusName = { size: 16, maxWidth: 11 } as const;

/** How wide (px) a key project's name may run on a projector at this label scale. */
export const focusNameWidth = (labelScale: number): number => focusName.maxWidth * mapType(focusName.size, labelScale);

/** The label scale: above 1 when presenting. */
export const labelScaleOf = (o: PlanLayerOptions) => o.labelScale ?? 1;

export const hoveredExpr: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
export const hovered = hoveredExpr;
export const schematic: ExpressionSpecification = ['==', ['get', 'precision'], 'schematic'];
export const notSchematic: ExpressionSpecification = ['!=', ['get', 'precision'], 'schematic'];
export const isPolygon: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]];

/**
 * A slide's named project as drawn on top (plan-focus-point): its disc's radius at zoom 5 and 11, and its rim. A point
 * element in the slide's focus is ringed just outside it, so a project disc on the element's spot leaves it in sight.
 */
export const focusDisc = { radius: [11, 14], rim: 3.5, ringGap: 1.5, ring: 3 } as const;

/** A feature inside the presentation focus: one of its features, or a part of one. */
export const inFocus = (focus: readonly string[]): ExpressionSpecification => [
  'any',
  ['in', ['get', 'id'], ['literal', focus]],
  ['in', ['coalesce', ['get', 'of'], ''], ['literal', focus]],
];

/**
 * A colour outside the presentation focus: `faded`, an opaque colour (tint over the paper), rather than a lower
 * opacity, so a receded disc still hides what lies under it (a seat's dot, a border) instead of letting it through.
 */
export function focusedColor(value: string, faded: string, focus: readonly string[] | null | undefined): ExpressionSpecification | string {
  if (!focus) return value;
  return ['case', inFocus(focus), value, faded];
}

/** Opacity scaled down outside the presentation focus. */
export function focused(
  value: number | ExpressionSpecification,
  focus: readonly string[] | null | undefined,
  dim = 0.18,
): DataDrivenPropertyValueSpecification<number> {
  if (!focus) return value;
  return ['case', inFocus(focus), value, typeof value === 'number' ? value * dim : ['*', value, dim]] as ExpressionSpecification;
}

export function visibility(role: Role, hidden: readonly Role[]): 'visible' | 'none' {
  return hidden.includes(role) ? 'none' : 'visible';
}

/** Whether the plan's own project markers are drawn: not when hidden in the legend, nor while a step names its projects. */
export const planProjectsShown = (o: Pick<PlanLayerOptions, 'hiddenRoles' | 'namesProjects'>): boolean =>
  !o.hiddenRoles.includes('project') && !o.namesProjects;

export const byRole = (role: Role): ExpressionSpecification => ['==', ['get', 'role'], role];
export const isLine: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['LineString', 'MultiLineString']]];
export const isPoint: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];
/** A belt drawn along a line; a belt whose extent is an area (schematic) is drawn as an area. */
export const beltLine: ExpressionSpecification = ['all', byRole('belt'), isLine];

/** Matches nothing when there is no selection (feature ids are never empty). */
export const selectionKey = (o: PlanLayerOptions) => o.selectedId ?? '\u0000';

/** How much smaller the names of areas are at zoom 4 (a province framed on a phone) than at zoom 5. */
export const smallAreaNames = 0.7;

/**
 * The names of areas on a narrow map (a phone): their size (px) for cores and for every other role, the smallest
 * that still reads on a phone, and their line height, tighter than elsewhere (1.25), so that a long English name (a
 * province's seven run to 50–80 letters) takes less room and every one finds a place. They keep that size up to
 * zoom `upTo` (a province's framing), English names up to `upToEnglish` (a city's): a city fills the phone's width,
 * and its English names at the size they grow to there (15 px at zoom 6.9) ran past both edges (曲靖's 富源 and its
 * centre, whose name is 19 words long).
 */
export const narrowAreaNames = { core: 13, other: 12, lineHeight: 1.1, upTo: 5, upToEnglish: 7 } as const;

/**
 * How wide (ems) an area's name may run before it wraps. English names are three times as long as Chinese ones:
 * wider lines, so they take 2–3 lines, not 4–5. On a narrow map every name wraps at the Chinese width, so that a long
 * English name stands as a narrow block that fits between the count discs beside its point.
 */
export function areaNameWidth(o: PlanLayerOptions, english: boolean): number {
  return english && !isNarrow(o) ? 13 : 8;
}

/** Whether the names of areas take their narrow map's size and width (never on a projector). */
export const isNarrow = (o: PlanLayerOptions): boolean => !!o.narrow && labelScaleOf(o) <= 1;

/** Label size by role from role-look.ts, interpolated by zoom; presentation mode scales it for a projector. */
export function labelSize(o: PlanLayerOptions, at: 'area' | 'point' | 'belt'): ExpressionSpecification {
  const k = o.labelScale ?? 1;
  // On a projector (labelScale > 1) no plan label is smaller than role-look.ts's projector minimum.
  const size = (r: Role, i: 0 | 1) => mapType(roleLook[r].label[i], k);
  if (at === 'belt') return ['interpolate', ['linear'], ['zoom'], 5, size('belt', 0), 9, size('belt', 1)];
  const byRole = (i: 0 | 1, f = 1) => [
    'match',
    ['get', 'role'],
    ...elementRoles.flatMap((r) => [r, Math.round(size(r, i) * f)]),
    Math.round(size('zone', i) * f),
  ];
  // A phone frames a province a zoom level or so below a laptop: there the names of areas shrink, so that every
  // one still finds room among the seats' names and the clusters (not on a projector, which never frames so far out).
  if (k > 1) return ['interpolate', ['linear'], ['zoom'], 5, byRole(0), 9, byRole(1)] as unknown as ExpressionSpecification;
  // On a narrow map (a phone) the names of areas keep the smallest readable size up to zoom 5 (its framing of a
  // province), rather than shrinking further at zoom 4; English names up to a city's framing.
  if (at === 'area' && isNarrow(o)) {
    const narrowSizes = ['match', ['get', 'role'], 'core', narrowAreaNames.core, narrowAreaNames.other];
    const upTo = usesEnglishNames(o.lang) ? narrowAreaNames.upToEnglish : narrowAreaNames.upTo;
    return ['interpolate', ['linear'], ['zoom'], upTo, narrowSizes, 9, byRole(1)] as unknown as ExpressionSpecification;
  }
  return ['interpolate', ['linear'], ['zoom'], 4, byRole(0, smallAreaNames), 5, byRole(0), 9, byRole(1)] as unknown as ExpressionSpecification;
}

/** A project alone on its point; projects sharing one are a place marker (project-layers.ts). */
export const singleProject: ExpressionSpecification = ['all', ['!', ['has', 'point_count']], ['==', ['coalesce', ['get', 'count'], 1], 1]];

/**
 * Where a layer goes: under the base map's borders (fill), over its lines (mark), over its labels (label), after
 * the prefecture seats' names (count: placed before them on screen), or last, over every marker (focus).
 */
export type Phase = 'fill' | 'mark' | 'label' | 'count' | 'focus';

/** One layer of a role's look, with its place in the drawing order and whether it answers clicks and hover. */
export interface PlacedLayer {
  phase: Phase;
  /** Stacking within the phase: lower is drawn first. */
  z: number;
  layer: LayerSpecification;
  clickable: boolean;
}

const placed =
  (phase: Phase) =>
  (z: number, layer: LayerSpecification, clickable = false): PlacedLayer => ({ phase, z, layer, clickable });
/** A layer under the base map's borders and rivers. */
export const fill = placed('fill');
/** A layer over the base map's lines, under its labels. */
export const mark = placed('mark');
/** A layer over the base map's labels, under its seat names. */
export const label = placed('label');
/** A layer after the seat names in the style, so placed before them: a seat's name moves aside from it. */
export const count = placed('count');
/** A layer over everything, the project list's markers included. */
export const top = placed('focus');

/** What a role's look is built from: the options, the element colours and the selection. */
export interface LayerContext {
  o: PlanLayerOptions;
  color: ExpressionSpecification | string;
  selected: string;
}
