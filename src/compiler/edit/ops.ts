/**
 * Change builders: each reads the plan as it is now (to fill in `old`) and returns a {@link Change} to hand to
 * `applyChange`. They never modify the plan; rule checks (seed text, sources, counties) happen when applying.
 * They throw only on a programming error (an unknown target).
 */
import type { GeometrySpec, PlanElement, Project, Place, Source } from '../../lib/plan-schema';
import type { Precision } from '../../lib/vocabulary';
import type { Change, EditablePlan } from './types';

/** Optional words that go with any change. */
export interface ChangeExtra {
  note?: string;
  who?: string;
}

/** A new point for a project or node. `source` (a URL or citation) is required for `exact` and `township`. */
export interface NewPoint {
  lon: number;
  lat: number;
  precision: Precision;
  source?: string;
}

/**
 * Moves a project's or node's point. If its place is used by nothing else, that place is updated; otherwise (a shared
 * county seat, or no place at all) a new place `<target id>` (made unique) is created, in the project's county.
 */
export function movePoint(plan: EditablePlan, target: string, point: NewPoint, extra?: ChangeExtra): Change {
  void plan;
  void target;
  void point;
  void extra;
  throw new Error('not implemented');
}

/** Sends a located project back to `unplaced`, with the reason (e.g. "the plan gives no site"). */
export function unplaceProject(plan: EditablePlan, projectId: string, reason: string, extra?: ChangeExtra): Change {
  void plan;
  void projectId;
  void reason;
  void extra;
  throw new Error('not implemented');
}

/**
 * Turns an unplaced item into a project. Its `name` and `source` come from the unplaced entry; `county` and `id`
 * are required; without `place` it sits at the county seat (follow with {@link movePoint} to place it).
 */
export function placeUnplaced(
  plan: EditablePlan,
  index: number,
  project: Pick<Project, 'id' | 'county'> & Partial<Pick<Project, 'category' | 'element' | 'functions' | 'place' | 'note'>>,
  extra?: ChangeExtra,
): Change {
  void plan;
  void index;
  void project;
  void extra;
  throw new Error('not implemented');
}

/** A zone's or core's extent as county/prefecture codes (`linked`: drawn lighter). */
export function setAreas(plan: EditablePlan, elementId: string, codes: string[], linked?: string[], extra?: ChangeExtra): Change {
  void plan;
  void elementId;
  void codes;
  void linked;
  void extra;
  throw new Error('not implemented');
}

/** A belt through places (one list of place ids per line, in order); keeps `widthKm` if it had one. */
export function setCorridor(plan: EditablePlan, elementId: string, through: string[][], extra?: ChangeExtra): Change {
  void plan;
  void elementId;
  void through;
  void extra;
  throw new Error('not implemented');
}

/** A belt along a river of the base map, clipped to `within` (codes). */
export function setRiver(plan: EditablePlan, elementId: string, river: string, within: string[], extra?: ChangeExtra): Change {
  void plan;
  void elementId;
  void river;
  void within;
  void extra;
  throw new Error('not implemented');
}

/** Any geometry spec for an element (the general form of the three above). */
export function setGeometry(plan: EditablePlan, elementId: string, geometry: GeometrySpec, extra?: ChangeExtra): Change {
  void plan;
  void elementId;
  void geometry;
  void extra;
  throw new Error('not implemented');
}

/**
 * Sets a verbatim field from a seed selection: `field` is `source`, `summary`, `formulaSource` (value {section, quote}),
 * `functions[i]` / `projects[i]` (i = current length appends; value `null` removes), `name` or `formula`.
 * `target` is an element or project id, `unplaced:<index>` or `plan`.
 */
export function setText(plan: EditablePlan, target: string, field: string, value: string | Source | null, extra?: ChangeExtra): Change {
  void plan;
  void target;
  void field;
  void value;
  void extra;
  throw new Error('not implemented');
}

/** Appends a phrase to an element's or project's `functions` or (element) `projects`. */
export function addText(plan: EditablePlan, target: string, list: 'functions' | 'projects', text: string, extra?: ChangeExtra): Change {
  void plan;
  void target;
  void list;
  void text;
  void extra;
  throw new Error('not implemented');
}

/** Sets (or with `null` removes) the plan's parent in the plan tree. */
export function setParent(plan: EditablePlan, parent: { plan: string; element?: string } | null, extra?: ChangeExtra): Change {
  void plan;
  void parent;
  void extra;
  throw new Error('not implemented');
}

/** Sets an element's links to other plans' features (empty list removes `related`). */
export function setRelated(plan: EditablePlan, elementId: string, related: { plan: string; feature?: string; note?: string }[], extra?: ChangeExtra): Change {
  void plan;
  void elementId;
  void related;
  void extra;
  throw new Error('not implemented');
}

/** Sets any other field (`category`, `county`, `element`, `precision`, `note`, `investment` …; `null` removes it). */
export function setField(plan: EditablePlan, target: string, field: string, value: unknown, extra?: ChangeExtra): Change {
  void plan;
  void target;
  void field;
  void value;
  void extra;
  throw new Error('not implemented');
}

/** Adds a layout element (appended to `elements`). */
export function addElement(plan: EditablePlan, element: PlanElement, extra?: ChangeExtra): Change {
  void plan;
  void element;
  void extra;
  throw new Error('not implemented');
}

/** Adds a project (appended to `projects`). */
export function addProject(plan: EditablePlan, project: Project, extra?: ChangeExtra): Change {
  void plan;
  void project;
  void extra;
  throw new Error('not implemented');
}

/** Adds a place to places.yaml (e.g. a waypoint for a corridor). */
export function addPlace(plan: EditablePlan, place: Place, extra?: ChangeExtra): Change {
  void plan;
  void place;
  void extra;
  throw new Error('not implemented');
}

/** A place id not yet used in the plan's places: `base`, else `base-2`, `base-3` … */
export function freePlaceId(plan: EditablePlan, base: string): string {
  void plan;
  void base;
  throw new Error('not implemented');
}
