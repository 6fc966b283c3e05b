/**
 * Change builders: each reads the plan as it is now (to fill in `old`) and returns a {@link Change} to hand to
 * `applyChange`. They never modify the plan; rule checks (seed text, sources, counties) happen when applying, so a
 * builder's change can still be refused with a message for the user. They throw only on a programming error
 * (an unknown target).
 */
import type { GeometrySpec, Place, PlanElement, Project, Source } from '../../lib/plan-schema';
import type { Precision } from '../../lib/vocabulary';
import { planData, placeUses, resolveTarget, type ResolvedTarget } from './plan-doc';
import type { Change, EditablePlan, PointValue, UnplacedAt, UnplaceOld } from './types';
import { parseFieldPath } from './yaml-splice';

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

function need(plan: EditablePlan, target: string, kinds: readonly ResolvedTarget['kind'][]): ResolvedTarget {
  const t = resolveTarget(plan, target);
  if (!t || !kinds.includes(t.kind)) throw new Error(`no ${kinds.join(' or ')} “${target}” in plan ${plan.folder}`);
  return t;
}

const nameOf = (t: ResolvedTarget) => (typeof t.record.name === 'string' ? t.record.name : undefined);

function change(base: Omit<Change, 'note' | 'who'>, extra: ChangeExtra | undefined, name?: string): Change {
  const out: Change = { ...base };
  if (name !== undefined) out.name = name;
  if (extra?.note) out.note = extra.note;
  if (extra?.who) out.who = extra.who;
  return out;
}

function getIn(record: unknown, path: readonly (string | number)[]): unknown {
  let v = record;
  for (const seg of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[seg] : undefined;
  return v ?? null;
}

/** A place id not yet used in the plan's places: `base`, else `base-2`, `base-3` … */
export function freePlaceId(plan: EditablePlan, base: string): string {
  const ids = new Set(planData(plan).places.map((p) => p.id));
  if (!ids.has(base)) return base;
  let i = 2;
  while (ids.has(`${base}-${i}`)) i++;
  return `${base}-${i}`;
}

/** Rounds a coordinate to 5 decimals (about a metre), as a person would write it. */
const round = (v: number) => Math.round(v * 1e5) / 1e5;

/**
 * Moves a project's or node's point. Its own place (used by nothing else, and named for it: same id prefix or same
 * name) is updated; otherwise (a shared county seat, a township, or no place at all) a new place `<target id>` (made
 * unique) is created in the project's county (a node: its old place's county).
 */
export function movePoint(plan: EditablePlan, target: string, point: NewPoint, extra?: ChangeExtra): Change {
  const t = need(plan, target, ['project', 'element']);
  const isNode = t.kind === 'element';
  const ref = (isNode ? (t.record.geometry as { place?: string } | undefined)?.place : (t.record.place as string | undefined)) ?? null;
  const places = planData(plan).places;
  const current = ref ? places.find((p) => p.id === ref) : undefined;
  const old: PointValue = current ? { place: ref, lon: current.lon, lat: current.lat, precision: current.precision, source: current.source } : { place: ref };
  const name = nameOf(t);
  const own = current !== undefined && (placeUses(plan).get(current.id) ?? 0) <= 1 && (current.id.startsWith(target) || current.name === name);
  const nw: PointValue = { place: own ? current.id : freePlaceId(plan, target), lon: round(point.lon), lat: round(point.lat), precision: point.precision };
  if (point.source?.trim()) nw.source = point.source.trim();
  if (!own) {
    nw.created = true;
    const county = (t.record.county as string | undefined) ?? current?.county;
    if (county) nw.county = county;
  }
  if (isNode) {
    old.elementPrecision = t.record.precision as Precision;
    nw.elementPrecision = point.precision;
  }
  return change({ op: 'move-point', target, field: 'point', old, new: nw }, extra, name);
}

/** Sends a located project back to `unplaced`, with the reason (e.g. "the plan gives no site"). */
export function unplaceProject(plan: EditablePlan, projectId: string, reason: string, extra?: ChangeExtra): Change {
  const t = need(plan, projectId, ['project']);
  const unplaced = (planData(plan).plan.unplaced as unknown[] | undefined) ?? [];
  const entry: Record<string, unknown> = { name: t.record.name, category: t.record.category, reason, source: t.record.source };
  const old: UnplaceOld = { project: t.record, index: t.path[1] as number };
  const nw: UnplacedAt = { entry, index: unplaced.length };
  return change({ op: 'unplace', target: projectId, old, new: nw }, extra, nameOf(t));
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
  const t = need(plan, `unplaced:${index}`, ['unplaced']);
  const record: Record<string, unknown> = {
    id: project.id,
    name: t.record.name,
    category: project.category ?? t.record.category ?? 'other',
    county: project.county,
    place: project.place,
    element: project.element,
    functions: project.functions ?? [],
    source: t.record.source,
    note: project.note,
  };
  for (const k of Object.keys(record)) if (record[k] === undefined) delete record[k];
  const projects = (planData(plan).plan.projects as unknown[] | undefined) ?? [];
  const old: UnplacedAt = { entry: t.record, index };
  const nw: UnplaceOld = { project: record, index: projects.length };
  return change({ op: 'place', target: `unplaced:${index}`, old, new: nw }, extra, nameOf(t));
}

/** Any geometry spec for an element (the general form of the three below). */
export function setGeometry(plan: EditablePlan, elementId: string, geometry: GeometrySpec, extra?: ChangeExtra): Change {
  const t = need(plan, elementId, ['element']);
  return change({ op: 'set-geometry', target: elementId, field: 'geometry', old: t.record.geometry ?? null, new: geometry }, extra, nameOf(t));
}

/** A zone's or core's extent as county/prefecture codes (`linked`: drawn lighter). */
export function setAreas(plan: EditablePlan, elementId: string, codes: string[], linked?: string[], extra?: ChangeExtra): Change {
  return setGeometry(plan, elementId, { type: 'areas', codes, ...(linked?.length ? { linked } : {}) }, extra);
}

/** A belt through places (one list of place ids per line, in order); keeps `widthKm` if it had one. */
export function setCorridor(plan: EditablePlan, elementId: string, through: string[][], extra?: ChangeExtra): Change {
  const t = need(plan, elementId, ['element']);
  const widthKm = (t.record.geometry as { widthKm?: number } | undefined)?.widthKm;
  return setGeometry(plan, elementId, { type: 'corridor', through, ...(widthKm !== undefined ? { widthKm } : {}) }, extra);
}

/** A belt along a river of the base map, clipped to `within` (codes). */
export function setRiver(plan: EditablePlan, elementId: string, river: string, within: string[], extra?: ChangeExtra): Change {
  const t = need(plan, elementId, ['element']);
  const widthKm = (t.record.geometry as { widthKm?: number } | undefined)?.widthKm;
  return setGeometry(plan, elementId, { type: 'river', river, within, ...(widthKm !== undefined ? { widthKm } : {}) }, extra);
}

/** Sets any field of a target (`null` removes it). The general form behind the text, parent and related builders. */
function setOp(plan: EditablePlan, op: Change['op'], target: string, field: string, value: unknown, extra: ChangeExtra | undefined): Change {
  const t = need(plan, target, ['plan', 'element', 'project', 'place', 'unplaced']);
  const old = getIn(t.record, parseFieldPath(field));
  return change({ op, target, field, old, new: value ?? null }, extra, t.kind === 'plan' ? undefined : (nameOf(t) ?? target));
}

/**
 * Sets a verbatim field from a seed selection: `field` is `source`, `summary`, `formulaSource` (value {section, quote}),
 * `functions[i]` / `projects[i]` (i = current length appends; value `null` removes), `name` or `formula`.
 * `target` is an element or project id, `unplaced:<index>` or `plan`.
 */
export function setText(plan: EditablePlan, target: string, field: string, value: string | Source | null, extra?: ChangeExtra): Change {
  return setOp(plan, 'set-text', target, field, value, extra);
}

/** Appends a phrase to an element's or project's `functions` or (element) `projects`. */
export function addText(plan: EditablePlan, target: string, list: 'functions' | 'projects', text: string, extra?: ChangeExtra): Change {
  const t = need(plan, target, ['element', 'project']);
  const length = Array.isArray(t.record[list]) ? (t.record[list] as unknown[]).length : 0;
  return setText(plan, target, `${list}[${length}]`, text, extra);
}

/** Sets (or with `null` removes) the plan's parent in the plan tree. */
export function setParent(plan: EditablePlan, parent: { plan: string; element?: string } | null, extra?: ChangeExtra): Change {
  return setOp(plan, 'set-parent', 'plan', 'parent', parent, extra);
}

/** Sets an element's links to other plans' features (empty list removes `related`). */
export function setRelated(plan: EditablePlan, elementId: string, related: { plan: string; feature?: string; note?: string }[], extra?: ChangeExtra): Change {
  return setOp(plan, 'set-related', elementId, 'related', related.length ? related : null, extra);
}

/** Sets any other field (`category`, `county`, `element`, `precision`, `note`, `investment` …; `null` removes it). */
export function setField(plan: EditablePlan, target: string, field: string, value: unknown, extra?: ChangeExtra): Change {
  return setOp(plan, 'set-field', target, field, value, extra);
}

/** Where a new entry goes: the end of its list (recorded, so taking the change back removes that entry). */
function endOf(plan: EditablePlan, list: 'elements' | 'projects' | 'places'): string {
  const data = planData(plan);
  return String(list === 'places' ? data.places.length : ((data.plan[list] as unknown[] | undefined) ?? []).length);
}

/** Adds a layout element (appended to `elements`). */
export function addElement(plan: EditablePlan, element: PlanElement, extra?: ChangeExtra): Change {
  return change({ op: 'add-element', target: element.id, field: endOf(plan, 'elements'), new: element }, extra, element.name);
}

/** Adds a project (appended to `projects`). */
export function addProject(plan: EditablePlan, project: Project, extra?: ChangeExtra): Change {
  return change({ op: 'add-project', target: project.id, field: endOf(plan, 'projects'), new: project }, extra, project.name);
}

/** Adds a place to places.yaml (e.g. a waypoint for a corridor). */
export function addPlace(plan: EditablePlan, place: Place, extra?: ChangeExtra): Change {
  return change({ op: 'add-place', target: `place:${place.id}`, field: endOf(plan, 'places'), new: place }, extra, place.name);
}

/** Removes an element, project or place (refused when applying while something still refers to it). */
export function removeEntry(plan: EditablePlan, target: string, extra?: ChangeExtra): Change {
  const t = need(plan, target, ['element', 'project', 'place']);
  const op = t.kind === 'element' ? 'remove-element' : t.kind === 'project' ? 'remove-project' : 'remove-place';
  return change({ op, target, field: String(t.path[1]), old: t.record }, extra, nameOf(t));
}
