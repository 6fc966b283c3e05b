/**
 * Each role's whole look on the map, in one entry: its layers, their filters, paint and labels, their place in the
 * drawing order and which of them answer clicks. plan-layers.ts assembles the entries in drawing order; what every
 * role shares (outlines of areas, names of elements, the selection, schematic hatching) is built there from
 * role-look.ts. A role with no entry here is drawn by {@link genericRoleLayers} from its role-look.ts numbers, so a
 * new role is vocabulary.ts, role-look.ts and its two names (zh.ts, en.ts); an entry here gives it a cartography of its own.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import { tint } from '../../lib/presentation';
import { mapType, roleLook } from '../../lib/role-look';
import type { Role } from '../../lib/vocabulary';
import { mapColors } from '../../ui/tokens';
import {
  areaFill,
  areaOrder,
  beltLine,
  byRole,
  categoryColor,
  categoryGlyph,
  count,
  fill,
  fillOf,
  focused,
  focusDisc,
  focusedColor,
  focusName,
  hovered,
  isPoint,
  isPolygon,
  label,
  type LayerContext,
  labelScaleOf,
  labelSize,
  mark,
  notSchematic,
  type PlacedLayer,
  planProjectsShown,
  planSourceIds,
  schematic,
  singleProject,
  top,
  visibility,
} from './layer-kit';
import { nameField, projectNameLayout } from './base-style';
import { spoken } from './spoken-layers';

/**
 * A count's collision padding on a projector: its box (the count's type plus the padding each side) reaches the
 * largest cluster disc's rim, so a name placed after it stands clear of the whole disc, not only of the digits.
 */
const clusterPadding = (k: number) => mapType(20, k) - Math.round(mapType(13, k) / 2) + 2;

// Zoom may only drive a top-level interpolate, so each belt width is its own curve.
const beltWidth = (extra = 0): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], 5, 7 + extra, 8, 16 + extra, 11, 30 + extra];

/**
 * A role's layers from its role-look.ts numbers alone: its areas tinted in the element's colour, its points as
 * markers, both clickable, stacked by the role's `stack`. (Outlines and names come with every element role.)
 */
export function genericRoleLayers(role: Role, { o, color, selected }: LayerContext): PlacedLayer[] {
  const look = roleLook[role];
  const z = 100 + look.stack;
  const layout = { visibility: visibility(role, o.hiddenRoles) };
  return [
    fill(
      z,
      {
        id: `plan-${role}-fill`,
        type: 'fill',
        source: planSourceIds.areas,
        filter: ['all', byRole(role), isPolygon],
        layout: { ...layout, 'fill-sort-key': areaOrder },
        paint: { 'fill-color': fillOf(o, role), 'fill-opacity': focused(1, o.focus) },
      },
      true,
    ),
    mark(
      z,
      {
        id: `plan-${role}-point`,
        type: 'circle',
        source: planSourceIds.areas,
        filter: ['all', byRole(role), isPoint],
        layout,
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, look.radius[0], 10, look.radius[1]],
          'circle-color': color,
          'circle-stroke-color': ['case', ['==', ['get', 'id'], selected], mapColors.selection, mapColors.rim],
          'circle-stroke-width': look.line,
          'circle-opacity': focused(1, o.focus),
        },
      },
      true,
    ),
  ];
}

/** The roles with a cartography of their own (every other role is drawn by {@link genericRoleLayers}). */
export const roleLayers: Partial<Record<Role, (c: LayerContext) => PlacedLayer[]>> = {
  core: ({ o, color, selected }) => [
    fill(
      30,
      {
        id: 'plan-core-fill',
        type: 'fill',
        source: planSourceIds.areas,
        filter: ['all', byRole('core'), isPolygon],
        layout: { visibility: visibility('core', o.hiddenRoles), 'fill-sort-key': areaOrder },
        paint: { 'fill-color': fillOf(o, 'core'), 'fill-opacity': focused(1, o.focus) },
      },
      true,
    ),
    mark(
      50,
      {
        id: 'plan-core-point',
        type: 'circle',
        source: planSourceIds.areas,
        filter: ['all', byRole('core'), isPoint],
        layout: { visibility: visibility('core', o.hiddenRoles) },
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, roleLook.core.radius[0], 10, roleLook.core.radius[1]],
          'circle-color': color,
          'circle-stroke-color': ['case', ['==', ['get', 'id'], selected], mapColors.selection, mapColors.rim],
          'circle-stroke-width': ['case', hovered, 5, 4],
          'circle-opacity': focused(1, o.focus),
          'circle-stroke-opacity': focused(1, o.focus),
        },
      },
      true,
    ),
  ],
  zone: ({ o, color }) => [
    fill(
      20,
      {
        id: 'plan-zone-linked-fill',
        type: 'fill',
        source: planSourceIds.areas,
        filter: ['all', byRole('zone'), ['==', ['get', 'part'], 'linked']],
        layout: { visibility: visibility('zone', o.hiddenRoles), 'fill-sort-key': areaOrder },
        paint: { 'fill-color': areaFill(o, 0.1, 0.22), 'fill-opacity': focused(1, o.focus) },
      },
      true,
    ),
    fill(
      21,
      {
        id: 'plan-zone-fill',
        type: 'fill',
        source: planSourceIds.areas,
        filter: ['all', byRole('zone'), ['!=', ['get', 'part'], 'linked'], isPolygon],
        layout: { visibility: visibility('zone', o.hiddenRoles), 'fill-sort-key': areaOrder },
        paint: { 'fill-color': fillOf(o, 'zone'), 'fill-opacity': focused(1, o.focus) },
      },
      true,
    ),
    mark(10, {
      id: 'plan-zone-linked-line',
      type: 'line',
      source: planSourceIds.areas,
      filter: ['all', byRole('zone'), ['==', ['get', 'part'], 'linked']],
      layout: { visibility: visibility('zone', o.hiddenRoles), 'line-join': 'round' },
      paint: { 'line-color': color, 'line-width': 1.2, 'line-opacity': focused(0.7, o.focus), 'line-dasharray': [2, 2] },
    }),
  ],
  belt: ({ o, color, selected }) => [
    fill(
      10,
      {
        id: 'plan-belt-fill',
        type: 'fill',
        source: planSourceIds.areas,
        filter: ['all', byRole('belt'), isPolygon],
        layout: { visibility: visibility('belt', o.hiddenRoles), 'fill-sort-key': areaOrder },
        paint: { 'fill-color': fillOf(o, 'belt'), 'fill-opacity': focused(1, o.focus) },
      },
      true,
    ),
    mark(30, {
      id: 'plan-belt-casing',
      type: 'line',
      source: planSourceIds.areas,
      filter: beltLine,
      layout: { visibility: visibility('belt', o.hiddenRoles), 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': mapColors.rim, 'line-width': beltWidth(4), 'line-opacity': focused(0.75, o.focus) },
    }),
    mark(31, {
      id: 'plan-belt-line',
      type: 'line',
      source: planSourceIds.areas,
      filter: ['all', beltLine, notSchematic],
      layout: { visibility: visibility('belt', o.hiddenRoles), 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': color, 'line-width': beltWidth(), 'line-opacity': focused(['case', hovered, 0.85, 0.6], o.focus) },
    }),
    mark(32, {
      // A schematic belt: a paler band, with a dashed centre line that says "not a surveyed extent".
      id: 'plan-belt-band-schematic',
      type: 'line',
      source: planSourceIds.areas,
      filter: ['all', beltLine, schematic],
      layout: { visibility: visibility('belt', o.hiddenRoles), 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': color, 'line-width': beltWidth(), 'line-opacity': focused(['case', hovered, 0.55, 0.35], o.focus) },
    }),
    mark(33, {
      id: 'plan-belt-line-schematic',
      type: 'line',
      source: planSourceIds.areas,
      filter: ['all', beltLine, schematic],
      layout: { visibility: visibility('belt', o.hiddenRoles), 'line-join': 'round' },
      paint: { 'line-color': color, 'line-width': 2.5, 'line-opacity': focused(0.95, o.focus), 'line-dasharray': [3, 2] },
    }),
    mark(
      34,
      {
        // An invisible wide line, so a belt is easy to tap.
        id: 'plan-belt-hit',
        type: 'line',
        source: planSourceIds.areas,
        filter: beltLine,
        layout: { visibility: visibility('belt', o.hiddenRoles) },
        paint: { 'line-color': mapColors.hit, 'line-opacity': 0, 'line-width': beltWidth(12) },
      },
      true,
    ),
    mark(41, {
      id: 'plan-selected-belt',
      type: 'line',
      source: planSourceIds.areas,
      filter: ['all', beltLine, ['==', ['get', 'id'], selected]],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': mapColors.selection, 'line-width': beltWidth(6), 'line-opacity': 0.35 },
    }),
    label(20, {
      id: 'plan-belt-label',
      metadata: spoken,
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
      paint: { 'text-color': mapColors.label, 'text-halo-color': mapColors.halo, 'text-halo-width': 2, 'text-opacity': focused(1, o.focus) },
    }),
  ],
  node: ({ o, color, selected }) => [
    mark(
      60,
      {
        id: 'plan-node-ring',
        type: 'circle',
        source: planSourceIds.areas,
        filter: byRole('node'),
        layout: { visibility: visibility('node', o.hiddenRoles) },
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, roleLook.node.radius[0], 10, roleLook.node.radius[1]],
          'circle-color': mapColors.ringFill,
          'circle-stroke-color': ['case', ['==', ['get', 'id'], selected], mapColors.selection, color],
          'circle-stroke-width': ['case', hovered, 5, 3.5],
          'circle-opacity': focused(1, o.focus),
          'circle-stroke-opacity': focused(1, o.focus),
        },
      },
      true,
    ),
  ],
  project: ({ o, selected }) => {
    // A step naming its projects shows them alone (the focus layers below): a receded cluster under a key project's
    // name read as part of it, and a name placed around every disc found no room.
    const projVis = planProjectsShown(o) ? 'visible' : 'none';
    const k = labelScaleOf(o);
    return [
      label(
        10,
        {
          id: 'plan-cluster',
          type: 'circle',
          source: planSourceIds.projects,
          filter: ['has', 'point_count'],
          layout: { visibility: projVis },
          paint: {
            'circle-color': mapColors.rim,
            // Opaque even when receded: the disc hides the seat dot and borders under it.
            'circle-stroke-color': focusedColor(mapColors.clusterRim, tint(mapColors.clusterRim, 0.25, mapColors.rim), o.focus),
            'circle-stroke-width': 2,
            // Room for the count in projector type.
            'circle-radius': ['step', ['get', 'point_count'], mapType(13, k), 5, mapType(16, k), 15, mapType(20, k)],
          },
        },
        true,
      ),
      label(
        11,
        {
          id: 'plan-project',
          type: 'circle',
          source: planSourceIds.projects,
          filter: singleProject,
          layout: { visibility: projVis },
          paint: {
            'circle-color': categoryColor,
            'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, roleLook.project.radius[0], 11, roleLook.project.radius[1]],
            'circle-stroke-color': ['case', ['==', ['get', 'id'], selected], mapColors.selection, mapColors.rim],
            'circle-stroke-width': ['case', ['==', ['get', 'id'], selected], 3.5, ['boolean', ['feature-state', 'hover'], false], 3, 1.5],
            'circle-opacity': focused(1, o.focus, 0.3),
            'circle-stroke-opacity': focused(1, o.focus, 0.3),
          },
        },
        true,
      ),
      label(12, {
        id: 'plan-project-label',
        type: 'symbol',
        source: planSourceIds.projects,
        minzoom: 9,
        filter: singleProject,
        layout: projectNameLayout(o.lang, projVis),
        paint: { 'text-color': mapColors.labelSoft, 'text-halo-color': mapColors.rim, 'text-halo-width': 1.5, 'text-opacity': focused(1, o.focus) },
      }),
      // After the prefecture seats' names in the style (so before them on screen): a seat's name moves aside from a
      // count rather than run over it.
      count(10, {
        id: 'plan-cluster-count',
        type: 'symbol',
        source: planSourceIds.projects,
        filter: ['has', 'point_count'],
        layout: {
          visibility: projVis,
          'text-field': ['to-string', ['coalesce', ['get', 'projects'], ['get', 'point_count']]],
          'text-size': mapType(13, k),
          'text-allow-overlap': true,
          'text-ignore-placement': false,
          // Placed first (drawn last), its box as large as its disc: no name sits on a cluster's disc.
          'text-padding': k > 1 ? clusterPadding(k) : 8,
        },
        paint: { 'text-color': focusedColor(mapColors.labelSoft, tint(mapColors.labelSoft, 0.45, mapColors.rim), o.focus) },
      }),
      label(41, {
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
        paint: { 'text-color': mapColors.rim, 'text-opacity': focused(1, o.focus, 0.3) },
      }),
      // The projects a slide names, drawn last so they are on top of every marker (a place marker holding them, a
      // cluster) and their names are placed before any other label.
      top(10, {
        id: 'plan-focus-point',
        type: 'circle',
        source: planSourceIds.focus,
        paint: {
          'circle-color': categoryColor,
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, focusDisc.radius[0], 11, focusDisc.radius[1]],
          'circle-stroke-color': mapColors.rim,
          'circle-stroke-width': focusDisc.rim,
        },
      }),
      top(11, {
        id: 'plan-focus-label',
        metadata: spoken,
        type: 'symbol',
        source: planSourceIds.focus,
        // Projects on one point are named once, together (scene.ts).
        filter: ['!=', ['get', 'name'], ''],
        layout: {
          'text-field': nameField(o.lang),
          'text-size': mapType(focusName.size, k),
          'text-max-width': focusName.maxWidth,
          'text-line-height': 1.2,
          // Right of the point first, then below or above it, left of it last: the slide's card is on the left, and
          // a name run leftward from a point near the frame's edge went under it (云南省中医医院新院区, 13-0).
          'text-variable-anchor': ['left', 'top', 'bottom', 'right'],
          'text-radial-offset': 1.3,
          'text-padding': 4,
        },
        paint: { 'text-color': mapColors.label, 'text-halo-color': mapColors.haloStrong, 'text-halo-width': 2.5 },
      }),
      top(12, {
        id: 'plan-focus-glyph',
        type: 'symbol',
        source: planSourceIds.focus,
        layout: { 'text-field': categoryGlyph(o.lang), 'text-size': 13, 'text-allow-overlap': true, 'text-ignore-placement': false },
        paint: { 'text-color': mapColors.rim },
      }),
    ];
  },
};
