/**
 * What applying a change checks and how it edits the files: refusals with the file, entry and field, the texts'
 * rules (no markup, the seed's own words), the schema of the entry changed, references between entries, and the
 * YAML edits themselves. apply.ts holds the changes; this, what they share.
 */
import type { z } from 'zod';
import { elementSchema, placeSchema, planSchema, projectSchema, unplacedSchema } from '../../lib/plan-schema';
import { bidiControlPattern, markupPattern } from '../../lib/vocabulary';
import { planFile } from '../sources';
import { placesFile, planData, type ResolvedTarget, resolveTarget, withTexts } from './plan-doc';
import { isVerbatim } from './seed';
import type { Change, ChangeProblem, EditablePlan } from './types';
import { flowText, insertAt, setAt, valueAt, type YamlPath } from './yaml-splice';

/**
 * The cycle that giving `plan` the parent `parent` would close, as plan ids from `plan` back to it, or undefined.
 * For the plan tree to refuse such a choice before it is made.
 */
export function parentCycle(parents: ReadonlyMap<string, string | undefined>, plan: string, parent: string): string[] | undefined {
  const path = [plan];
  for (let at: string | undefined = parent; at !== undefined; at = parents.get(at)) {
    path.push(at);
    if (at === plan) return path;
    if (path.length > parents.size + 2) return undefined;
  }
  return undefined;
}

/** A change refused: thrown by the checks, caught by applyChange and returned as its problem. */
export class Refused extends Error {
  constructor(readonly problem: ChangeProblem) {
    super(problem.message);
  }
}

/** Refuses the change, naming the file, the entry (`where`) and the field. */
export function refuse(kind: ChangeProblem['kind'], file: string, where: string, field: string, message: string): never {
  throw new Refused({ file, where, field, message, kind });
}

/** Deep equality of plain data, where `null` and absent are the same. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((v, i) => sameValue(v, (b as unknown[])[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** A value as a problem message shows it: 103.79, “text”, { … }, (none). */
export function show(v: unknown): string {
  if (v === null || v === undefined) return '(none)';
  if (typeof v === 'string') return `“${v.length > 40 ? `${v.slice(0, 40)}…` : v}”`;
  if (typeof v === 'object') {
    const t = flowText(v);
    return t.length > 80 ? `${t.slice(0, 80)}…` : t;
  }
  return String(v);
}

/** The path of the plan's plan.yaml or places.yaml, for problem messages. */
export const fileOf = (plan: EditablePlan, which: 'plan' | 'places') => (which === 'plan' ? planFile(plan.folder) : placesFile(plan.folder));

/** Refuses a change whose old value is not what the file holds now (the file changed since the change was made). */
export function stale(file: string, where: string, field: string, expected: unknown, found: unknown): never {
  refuse('stale', file, where, field, `expected old ${show(expected)} but found ${show(found)} — change not applied`);
}

/** Sets a value in one of the plan's files (null removes) and returns the new plan. */
export function set(plan: EditablePlan, which: 'plan' | 'places', path: YamlPath, value: unknown): EditablePlan {
  if (which === 'plan') return withTexts(plan.folder, setAt(plan.planYaml, planFile(plan.folder), path, value), plan.placesYaml, plan.seedName, plan.seed);
  const places = setAt(plan.placesYaml ?? 'places: []\n', placesFile(plan.folder), path, value);
  return withTexts(plan.folder, plan.planYaml, places, plan.seedName, plan.seed);
}

/** Inserts an entry into a top-level list of one of the files (creating the list if missing). */
export function insert(plan: EditablePlan, which: 'plan' | 'places', list: string, index: number, value: unknown): EditablePlan {
  const text = which === 'plan' ? plan.planYaml : (plan.placesYaml ?? 'places: []\n');
  const file = fileOf(plan, which);
  const doc = which === 'plan' ? plan.planDoc : plan.placesDoc;
  const exists = Array.isArray(doc ? valueAt(doc, [list]) : undefined);
  const next = exists ? insertAt(text, file, [list], index, value) : setAt(text, file, [list], [value]);
  return which === 'plan'
    ? withTexts(plan.folder, next, plan.placesYaml, plan.seedName, plan.seed)
    : withTexts(plan.folder, plan.planYaml, next, plan.seedName, plan.seed);
}

/** Inserts an item into a list anywhere in one of the files. */
export function insertInto(plan: EditablePlan, which: 'plan' | 'places', listPath: YamlPath, index: number, value: unknown): EditablePlan {
  const text = insertAt(which === 'plan' ? plan.planYaml : (plan.placesYaml ?? 'places: []\n'), fileOf(plan, which), listPath, index, value);
  return which === 'plan'
    ? withTexts(plan.folder, text, plan.placesYaml, plan.seedName, plan.seed)
    : withTexts(plan.folder, plan.planYaml, text, plan.seedName, plan.seed);
}

/** The value at `path` in plain data, or undefined where the path leads nowhere. */
export function getIn(record: unknown, path: YamlPath): unknown {
  let v = record;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/** A path as a problem message names a field: `functions[2]`, `geometry.codes`. */
export const formatPath = (path: readonly PropertyKey[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');

/** Fields whose words must be the seed's own. */
export const verbatimKeys = new Set(['quote', 'functions', 'projects', 'formula', 'caption']);

/** Every string of a new value: no markup, no bidi controls, and the seed's own words where the field requires it. */
export function checkTexts(plan: EditablePlan, file: string, where: string, field: string, key: string | undefined, value: unknown): void {
  if (typeof value === 'string') {
    if (markupPattern.test(value)) refuse('invalid', file, where, field, 'markup (HTML tags or entities) is not allowed in text');
    if (bidiControlPattern.test(value)) refuse('invalid', file, where, field, 'bidirectional control characters are not allowed in text');
    if (key && verbatimKeys.has(key)) {
      if (plan.seed === undefined) refuse('invalid', file, where, field, `the plan's text ${plan.seedName} is not loaded, so these words cannot be checked`);
      if (!isVerbatim(plan.seed, value)) {
        refuse('invalid', file, where, field, `not found verbatim in seed ${plan.seedName}: ${show(value)} — choose the words by selecting them in the text`);
      }
    }
    return;
  }
  if (Array.isArray(value)) value.forEach((v, i) => checkTexts(plan, file, where, `${field}[${i}]`, key, v));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) checkTexts(plan, file, where, field ? `${field}.${k}` : k, k, v);
  }
}

/** The schema problems of an entry, only those under `under` (so an unrelated old problem does not block a change). */
export function checkSchema(schema: z.ZodType, record: unknown, file: string, where: string, under: YamlPath): void {
  const result = schema.safeParse(record);
  if (result.success) return;
  const issue = result.error.issues.find((i) => under.every((seg, k) => i.path[k] === seg));
  if (issue) refuse('invalid', file, where, formatPath(issue.path) || '(whole entry)', issue.message);
}

/** The schema each kind of entry is checked against. */
export const schemaOf: Record<ResolvedTarget['kind'], z.ZodType> = {
  plan: planSchema,
  element: elementSchema,
  project: projectSchema,
  place: placeSchema,
  unplaced: unplacedSchema,
};

/** The entry the change names, of one of `kinds`; refused when the plan has none. */
export function target(plan: EditablePlan, change: Change, kinds: readonly ResolvedTarget['kind'][]): ResolvedTarget {
  const t = resolveTarget(plan, change.target);
  if (!t || !kinds.includes(t.kind)) {
    const file = change.target.startsWith('place:') ? placesFile(plan.folder) : planFile(plan.folder);
    refuse('not-found', file, change.target, change.field ?? '(entry)', `no ${kinds.join(' or ')} “${change.target}” in the plan — change not applied`);
  }
  return t;
}

/** Feature ids in use (elements and projects share one namespace). */
export function featureIds(plan: EditablePlan): Set<string> {
  const data = planData(plan).plan;
  const ids = new Set<string>();
  for (const key of ['elements', 'projects']) {
    for (const r of (data[key] as { id?: unknown }[] | undefined) ?? []) if (typeof r.id === 'string') ids.add(r.id);
  }
  return ids;
}

/** What else in the plan names a feature (so removing it would leave a dangling reference). */
export function referencesTo(plan: EditablePlan, id: string): string[] {
  const data = planData(plan).plan as {
    projects?: { id?: string; element?: string }[];
    presentation?: { keyProjects?: string[]; chapters?: { title?: string; features?: string[] }[] };
  };
  const refs: string[] = [];
  for (const p of data.projects ?? []) if (p.element === id) refs.push(`project ${p.id}`);
  if (data.presentation?.keyProjects?.includes(id)) refs.push('presentation.keyProjects');
  for (const c of data.presentation?.chapters ?? []) if (c.features?.includes(`${plan.folder}-${id}`)) refs.push(`presentation chapter “${c.title}”`);
  return refs;
}

/** Place ids a geometry spec uses. */
export function geometryPlaces(g: unknown): string[] {
  const spec = g as { type?: string; place?: string; through?: string[][]; places?: string[] } | null;
  if (spec?.type === 'point' && spec.place) return [spec.place];
  if (spec?.type === 'corridor') return spec.through?.flat() ?? [];
  if (spec?.type === 'hull') return spec.places ?? [];
  return [];
}

/** Refuses a geometry that uses a place places.yaml does not have. */
export function needPlaces(plan: EditablePlan, file: string, where: string, field: string, ids: string[]): void {
  const known = new Set(planData(plan).places.map((p) => p.id));
  const missing = ids.find((id) => !known.has(id));
  if (missing) refuse('invalid', file, where, field, `unknown place “${missing}” (add it to places.yaml first)`);
}

/** Placeholder source of a place put by hand at county or schematic precision, where no source is required. */
export const handPlacedSource = 'placed on the map in the plan studio (no documented coordinate)';
