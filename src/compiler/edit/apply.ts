import { elementSchema, geometrySpecSchema, placeSchema, projectSchema, relatedSchema, unplacedSchema } from '../../lib/plan-schema';
import { slugPattern } from '../../lib/vocabulary';
import type { BaseGeo } from '../base-geo';
import { planFile } from '../sources';
import {
  checkSchema,
  checkTexts,
  featureIds,
  fileOf,
  formatPath,
  geometryPlaces,
  getIn,
  handPlacedSource,
  insert,
  insertInto,
  needPlaces,
  parentCycle,
  referencesTo,
  refuse,
  Refused,
  sameValue,
  schemaOf,
  set,
  stale,
  target,
} from './apply-checks';
import { placesFile, placeUses, planData, type ResolvedTarget, resolveTarget } from './plan-doc';
import { pointProblems } from './point-check';
import type { ApplyResult, Change, ChangeProblem, EditablePlan, PointValue, UnplacedAt, UnplaceOld } from './types';
import { parseFieldPath } from './yaml-splice';

/** What applying may check beyond the files themselves. */
export interface ApplyContext {
  /** The base geography (`baseGeoFrom(…)`): with it, an exact or township point must lie inside its county. */
  base?: BaseGeo;
  /** Each known plan's parent plan (from the catalogue): with it, a new parent that closes a cycle is refused. */
  parents?: ReadonlyMap<string, string | undefined>;
}

function movePoint(plan: EditablePlan, change: Change, ctx: ApplyContext): EditablePlan {
  const t = target(plan, change, ['project', 'element']);
  const pf = planFile(plan.folder);
  const lf = placesFile(plan.folder);
  const old = (change.old ?? { place: null }) as PointValue;
  const nw = change.new as PointValue | undefined;
  if (!nw || typeof nw !== 'object') refuse('invalid', pf, t.where, 'point', 'a move needs the new point');
  const isNode = t.kind === 'element';
  if (isNode && (t.record.geometry as { type?: string } | undefined)?.type !== 'point') {
    refuse('invalid', pf, t.where, 'geometry', 'only a node drawn as a point (or a project) can be moved');
  }
  const refPath = isNode ? ['geometry', 'place'] : ['place'];
  const currentRef = (getIn(t.record, refPath) as string | undefined) ?? null;
  if ((old.place ?? null) !== currentRef) stale(pf, t.where, refPath.join('.'), old.place, currentRef);
  const places = planData(plan).places;
  if (old.place) {
    const p = places.find((x) => x.id === old.place) as Record<string, unknown> | undefined;
    if (!p) stale(lf, `place ${old.place}`, 'id', old.place, undefined);
    for (const k of ['lon', 'lat', 'precision', 'source'] as const) {
      if (old[k] !== undefined && !sameValue(old[k], p[k])) stale(lf, `place ${old.place}`, k, old[k], p[k]);
    }
  }
  if (isNode && nw.elementPrecision !== undefined && !sameValue(old.elementPrecision, t.record.precision)) {
    stale(pf, t.where, 'precision', old.elementPrecision, t.record.precision);
  }
  const where = nw.place ? `place ${nw.place}` : t.where;
  if (nw.place === null) {
    if (isNode) refuse('invalid', pf, t.where, 'geometry.place', 'a node needs a place');
  } else {
    if (typeof nw.place !== 'string' || !slugPattern.test(nw.place)) refuse('invalid', lf, where, 'id', 'use lower-case letters, digits and hyphens');
    const existing = places.find((x) => x.id === nw.place);
    if (nw.created && existing) refuse('invalid', lf, where, 'id', `duplicate place id “${nw.place}”`);
    if (!nw.created && !existing) refuse('not-found', lf, where, 'id', `no place “${nw.place}” in places.yaml — change not applied`);
    const county = nw.county ?? (t.record.county as string | undefined) ?? existing?.county ?? '';
    const point = { lon: Number(nw.lon), lat: Number(nw.lat), precision: nw.precision!, ...(nw.source !== undefined ? { source: nw.source } : {}) };
    const problem = pointProblems(point, county, ctx.base)[0];
    if (problem) {
      const [field, ...rest] = problem.split(': ');
      refuse('invalid', lf, where, field!, rest.join(': '));
    }
    checkTexts(plan, lf, where, 'source', 'source', nw.source);
  }

  let next = plan;
  if (nw.place) {
    if (nw.created) {
      const record = {
        id: nw.place,
        name: String(change.name ?? t.record.name ?? nw.place),
        lon: nw.lon,
        lat: nw.lat,
        precision: nw.precision,
        county: nw.county ?? t.record.county,
        source: nw.source?.trim() || handPlacedSource,
      };
      checkSchema(placeSchema, record, lf, where, []);
      next = insert(next, 'places', 'places', places.length, record);
    } else {
      const index = places.findIndex((x) => x.id === nw.place);
      const current = places[index] as unknown as Record<string, unknown>;
      for (const k of ['lon', 'lat', 'precision', 'source'] as const) {
        if (nw[k] !== undefined && !sameValue(nw[k], current[k])) next = set(next, 'places', ['places', index, k], nw[k]);
      }
    }
  }
  if (currentRef !== nw.place) next = set(next, 'plan', [...t.path, ...refPath], nw.place);
  if (isNode && nw.elementPrecision !== undefined && nw.elementPrecision !== t.record.precision) {
    next = set(next, 'plan', [...t.path, 'precision'], nw.elementPrecision);
  }
  if (old.created && old.place && old.place !== nw.place && !placeUses(next).get(old.place)) {
    const index = planData(next).places.findIndex((x) => x.id === old.place);
    if (index >= 0) next = set(next, 'places', ['places', index], null);
  }
  return next;
}

function differingField(expected: Record<string, unknown>, found: Record<string, unknown>): string {
  const keys = new Set([...Object.keys(expected), ...Object.keys(found)]);
  return [...keys].find((k) => !sameValue(expected[k], found[k])) ?? '(entry)';
}

function staleEntry(file: string, where: string, expected: Record<string, unknown>, found: Record<string, unknown>): void {
  if (sameValue(expected, found)) return;
  const k = differingField(expected, found);
  stale(file, where, k, expected[k], found[k]);
}

function unplace(plan: EditablePlan, change: Change): EditablePlan {
  const t = target(plan, change, ['project']);
  const pf = planFile(plan.folder);
  const old = change.old as UnplaceOld | undefined;
  const nw = change.new as UnplacedAt | undefined;
  if (!old?.project || !nw?.entry) refuse('invalid', pf, t.where, '(entry)', 'an unplace change needs the project (old) and the unplaced entry (new)');
  staleEntry(pf, t.where, old.project, t.record);
  checkTexts(plan, pf, 'unplaced', '', undefined, nw.entry);
  checkSchema(unplacedSchema, nw.entry, pf, `unplaced “${String(nw.entry.name)}”`, []);
  const refs = referencesTo(plan, change.target).filter((r) => !r.startsWith('project '));
  if (refs.length) refuse('invalid', pf, t.where, 'id', `still named in ${refs.join(', ')}`);
  const unplacedCount = ((planData(plan).plan.unplaced as unknown[] | undefined) ?? []).length;
  let next = set(plan, 'plan', t.path, null);
  next = insert(next, 'plan', 'unplaced', Math.min(nw.index ?? unplacedCount, unplacedCount), nw.entry);
  return next;
}

function placeItem(plan: EditablePlan, change: Change): EditablePlan {
  const t = target(plan, change, ['unplaced']);
  const pf = planFile(plan.folder);
  const old = change.old as UnplacedAt | undefined;
  const nw = change.new as UnplaceOld | undefined;
  if (!old?.entry || !nw?.project) refuse('invalid', pf, t.where, '(entry)', 'a place change needs the unplaced entry (old) and the project (new)');
  staleEntry(pf, t.where, old.entry, t.record);
  const id = String(nw.project.id);
  const where = `project ${id}`;
  checkSchema(projectSchema, nw.project, pf, where, []);
  if (featureIds(plan).has(id)) refuse('invalid', pf, where, 'id', `duplicate id “${id}” (element and project ids share one namespace)`);
  checkTexts(plan, pf, where, '', undefined, nw.project);
  checkRefs(plan, pf, where, nw.project);
  const projects = ((planData(plan).plan.projects as unknown[] | undefined) ?? []).length;
  let next = set(plan, 'plan', t.path, null);
  next = insert(next, 'plan', 'projects', Math.min(nw.index ?? projects, projects), nw.project);
  return next;
}

/** A project's element and place must exist. */
function checkRefs(plan: EditablePlan, file: string, where: string, project: Record<string, unknown>): void {
  const data = planData(plan).plan;
  const elements = new Set(((data.elements as { id?: string }[] | undefined) ?? []).map((e) => e.id));
  if (typeof project.element === 'string' && !elements.has(project.element)) refuse('invalid', file, where, 'element', `unknown element “${project.element}”`);
  if (typeof project.place === 'string') needPlaces(plan, placesFile(plan.folder), where, 'place', [project.place]);
}

const setOps = new Set(['set-geometry', 'set-text', 'set-parent', 'set-related', 'set-field']);

function setValue(plan: EditablePlan, change: Change, ctx: ApplyContext): EditablePlan {
  const kinds: ResolvedTarget['kind'][] =
    change.op === 'set-geometry' || change.op === 'set-related'
      ? ['element']
      : change.op === 'set-parent'
        ? ['plan']
        : ['plan', 'element', 'project', 'place', 'unplaced'];
  const t = target(plan, change, kinds);
  const file = fileOf(plan, t.file);
  if (!change.field) refuse('invalid', file, t.where, '(field)', 'a change needs the field it sets');
  let path: (string | number)[];
  try {
    path = parseFieldPath(change.field);
  } catch (e) {
    refuse('invalid', file, t.where, change.field, (e as Error).message);
  }
  const top = path[0];
  if (change.op === 'set-geometry' && (top !== 'geometry' || path.length !== 1)) refuse('invalid', file, t.where, change.field, 'set-geometry sets `geometry`');
  if (change.op === 'set-parent' && change.field !== 'parent') refuse('invalid', file, t.where, change.field, 'set-parent sets `parent`');
  if (change.op === 'set-related' && change.field !== 'related') refuse('invalid', file, t.where, change.field, 'set-related sets `related`');
  if (top === 'id' && t.kind !== 'plan') refuse('invalid', file, t.where, 'id', 'an id is not changed in place: remove the entry and add it again');
  if (t.kind === 'plan' && (top === 'id' || top === 'elements' || top === 'projects' || top === 'unplaced')) {
    refuse('invalid', file, t.where, change.field, 'use the element, project and unplaced changes for these');
  }
  const value = change.new ?? null;
  const last = path.at(-1);
  // `old: null` at a list index inserts there (the inverse of removing that item), rather than replacing it
  const parentList = typeof last === 'number' ? getIn(t.record, path.slice(0, -1)) : undefined;
  const inserting = typeof last === 'number' && (change.old ?? null) === null && value !== null && Array.isArray(parentList);
  if (inserting) {
    if (last > (parentList as unknown[]).length) stale(file, t.where, change.field, change.old, '(a shorter list)');
  } else {
    const found = getIn(t.record, path);
    if (!sameValue(change.old, found)) stale(file, t.where, change.field, change.old, found);
  }
  const lastKey = [...path].reverse().find((s): s is string => typeof s === 'string');
  checkTexts(plan, file, t.where, change.field, lastKey, value);
  if (change.op === 'set-geometry') {
    const parsed = geometrySpecSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      refuse('invalid', file, t.where, formatPath(['geometry', ...issue.path]), issue.message);
    }
    needPlaces(plan, file, t.where, 'geometry', geometryPlaces(value));
  }
  if (change.op === 'set-parent' && value !== null) {
    const parent = value as { plan?: unknown };
    if (parent.plan === plan.folder) refuse('invalid', file, 'plan', 'parent.plan', 'a plan cannot be its own parent (a cycle)');
    const cycle = ctx.parents && typeof parent.plan === 'string' ? parentCycle(ctx.parents, plan.folder, parent.plan) : undefined;
    if (cycle) refuse('invalid', file, 'plan', 'parent.plan', `a cycle of parents: ${cycle.join(' → ')}`);
  }
  if (change.op === 'set-related' && value !== null) {
    if (!Array.isArray(value)) refuse('invalid', file, t.where, 'related', 'a list of links to other plans');
    value.forEach((r, i) => {
      const parsed = relatedSchema.safeParse(r);
      if (!parsed.success) refuse('invalid', file, t.where, `related[${i}]`, parsed.error.issues[0]!.message);
    });
  }
  if (t.kind === 'project' && (top === 'element' || top === 'place') && value !== null) checkRefs(plan, file, t.where, { [top]: value });
  if (t.kind === 'project' && top === 'place' && value !== null) needPlaces(plan, placesFile(plan.folder), t.where, 'place', [String(value)]);
  const next = inserting ? insertInto(plan, t.file, [...t.path, ...path.slice(0, -1)], last as number, value) : set(plan, t.file, [...t.path, ...path], value);
  const after = resolveTarget(next, change.target);
  if (after) checkSchema(schemaOf[t.kind], after.record, file, t.where, t.kind === 'plan' ? path : path.slice(0, 1));
  return next;
}

const addKinds = { 'add-element': 'element', 'add-project': 'project', 'add-place': 'place' } as const;
const removeKinds = { 'remove-element': 'element', 'remove-project': 'project', 'remove-place': 'place' } as const;
const listKey = { element: 'elements', project: 'projects', place: 'places' } as const;

function addEntry(plan: EditablePlan, change: Change, kind: 'element' | 'project' | 'place'): EditablePlan {
  const which = kind === 'place' ? 'places' : 'plan';
  const file = fileOf(plan, which);
  const record = change.new as Record<string, unknown> | undefined;
  if (!record || typeof record !== 'object') refuse('invalid', file, change.target, '(entry)', `an add-${kind} change needs the new ${kind}`);
  const id = String(record.id ?? '');
  const where = `${kind} ${id}${typeof record.name === 'string' ? ` “${record.name}”` : ''}`;
  const expectedTarget = kind === 'place' ? `place:${id}` : id;
  if (change.target !== expectedTarget) refuse('invalid', file, where, 'id', `the target “${change.target}” does not match the id “${id}”`);
  checkSchema(kind === 'element' ? elementSchema : kind === 'project' ? projectSchema : placeSchema, record, file, where, []);
  if (kind === 'place') {
    if (planData(plan).places.some((p) => p.id === id)) refuse('invalid', file, where, 'id', `duplicate place id “${id}”`);
  } else if (featureIds(plan).has(id)) {
    refuse('invalid', file, where, 'id', `duplicate id “${id}” (element and project ids share one namespace)`);
  }
  checkTexts(plan, file, where, '', undefined, record);
  if (kind === 'project') checkRefs(plan, file, where, record);
  if (kind === 'element') needPlaces(plan, file, where, 'geometry', geometryPlaces(record.geometry));
  const data = planData(plan);
  const length = kind === 'place' ? data.places.length : ((data.plan[listKey[kind]] as unknown[] | undefined) ?? []).length;
  const index = change.field !== undefined && /^\d+$/.test(change.field) ? Math.min(Number(change.field), length) : length;
  return insert(plan, which, listKey[kind], index, record);
}

function removeEntry(plan: EditablePlan, change: Change, kind: 'element' | 'project' | 'place'): EditablePlan {
  const t = target(plan, change, [kind]);
  const file = fileOf(plan, t.file);
  staleEntry(file, t.where, (change.old ?? {}) as Record<string, unknown>, t.record);
  const id = String(t.record.id);
  if (kind === 'place') {
    const uses = placeUses(plan).get(id);
    if (uses) refuse('invalid', file, t.where, 'id', `still used ${uses} time(s) in plan.yaml`);
  } else {
    const refs = referencesTo(plan, id);
    if (refs.length) refuse('invalid', file, t.where, 'id', `still named in ${refs.join(', ')}`);
  }
  return set(plan, t.file, t.path, null);
}

/**
 * Applies one change and returns the new plan, or the reason it was refused: `stale` when the files no longer hold
 * the change's `old` value ("expected old 103.79 but found 103.8"), `invalid` when the new value breaks a rule
 * (text not in the seed, an exact point without a source, a point outside its county when `context.base` is given,
 * a duplicate id, the plan as its own parent …), `not-found` when the target does not exist. Only the lines of the
 * touched entries change. The compiler still validates the whole plan (cross-plan links, geometry) afterwards.
 */
export function applyChange(plan: EditablePlan, change: Change, context: ApplyContext = {}): ApplyResult {
  try {
    let next: EditablePlan;
    if (change.op === 'move-point') next = movePoint(plan, change, context);
    else if (change.op === 'unplace') next = unplace(plan, change);
    else if (change.op === 'place') next = placeItem(plan, change);
    else if (setOps.has(change.op)) next = setValue(plan, change, context);
    else if (change.op in addKinds) next = addEntry(plan, change, addKinds[change.op as keyof typeof addKinds]);
    else if (change.op in removeKinds) next = removeEntry(plan, change, removeKinds[change.op as keyof typeof removeKinds]);
    else refuse('invalid', planFile(plan.folder), change.target, 'op', `unknown change “${String(change.op)}”`);
    return { ok: true, plan: next };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, problem: e.problem };
    return {
      ok: false,
      problem: { file: planFile(plan.folder), where: change.target, field: change.field ?? '(entry)', message: (e as Error).message, kind: 'invalid' },
    };
  }
}

/** Applies changes in order, skipping (and reporting) each refused one; the others still apply. */
export function applyChanges(
  plan: EditablePlan,
  changes: readonly Change[],
  context: ApplyContext = {},
): { plan: EditablePlan; applied: Change[]; refused: { change: Change; problem: ChangeProblem }[] } {
  const applied: Change[] = [];
  const refused: { change: Change; problem: ChangeProblem }[] = [];
  for (const change of changes) {
    const result = applyChange(plan, change, context);
    if (result.ok) {
      plan = result.plan;
      applied.push(change);
    } else refused.push({ change, problem: result.problem });
  }
  return { plan, applied, refused };
}

/**
 * The change that undoes `change`: applied right after it, it restores the files (byte for byte when the change
 * added or replaced what the studio itself wrote). For the studio's own undo stack, keeping the previous
 * `EditablePlan` is simpler still; `invert` is for taking one change back out of a list.
 */
export function invert(change: Change): Change {
  const { old, new: nw, ...rest } = change;
  const swapped: Change = { ...rest, old: nw, new: old };
  if (change.op === 'unplace') return { ...swapped, op: 'place', target: `unplaced:${(nw as UnplacedAt).index}` };
  if (change.op === 'place') return { ...swapped, op: 'unplace', target: String((nw as UnplaceOld).project.id) };
  const flip: Partial<Record<Change['op'], Change['op']>> = {
    'add-element': 'remove-element',
    'remove-element': 'add-element',
    'add-project': 'remove-project',
    'remove-project': 'add-project',
    'add-place': 'remove-place',
    'remove-place': 'add-place',
  };
  const op = flip[change.op];
  if (op) {
    const out: Change = { ...rest, op };
    if (nw !== undefined) out.old = nw;
    if (old !== undefined) out.new = old;
    return out;
  }
  return swapped;
}

/** One line: `data/gengma/places.yaml: place county-hospital: lon: expected old 103.79 but found 103.8 — change not applied`. */
export function formatChangeProblem(problem: ChangeProblem): string {
  return `${problem.file}: ${problem.where}: ${problem.field}: ${problem.message}`;
}
