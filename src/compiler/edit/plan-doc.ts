/** Opening a plan for editing, reading it back as plain data, finding its entries, and the skeleton of a new plan. */
import type { Place, Source } from '../../lib/plan-schema';
import { slugPattern, type Level } from '../../lib/vocabulary';
import type { BaseGeo } from '../base-geo';
import { type PlanSources, planFile } from '../sources';
import { isVerbatim } from './seed';
import type { EditablePlan } from './types';
import { blockText, parseYaml, type YamlPath } from './yaml-splice';

/** Repository path of a plan's places.yaml, as the validator names it. */
export const placesFile = (folder: string) => planFile(folder, 'places.yaml');

/** A plan under edit from its texts (parses them; throws an Error naming the file on a syntax error). */
export function withTexts(folder: string, planYaml: string, placesYaml: string | undefined, seedName: string, seed: string | undefined): EditablePlan {
  return {
    folder,
    planYaml,
    placesYaml,
    planDoc: parseYaml(planYaml, planFile(folder)),
    placesDoc: placesYaml === undefined ? undefined : parseYaml(placesYaml, placesFile(folder)),
    seedName,
    seed,
  };
}

/**
 * Opens a plan for editing. Throws an Error naming the file if a YAML text does not parse or plan.yaml has no `seed`.
 * @param seed the seed text (`undefined` if not loaded: text changes are then refused).
 */
export function openPlan(sources: PlanSources, seed: string | undefined): EditablePlan {
  const plan = withTexts(sources.folder, sources.planYaml, sources.placesYaml, '', seed);
  const content = plan.planDoc.toJS() as Record<string, unknown> | null;
  if (!content || typeof content !== 'object' || Array.isArray(content) || !('id' in content) || !('elements' in content || 'title' in content)) {
    throw new Error(`${planFile(sources.folder)}: (whole file): not a plan (a plan.yaml has id, title, seed, elements …)`);
  }
  if (plan.placesDoc && !Array.isArray((plan.placesDoc.toJS() as { places?: unknown } | null)?.places)) {
    throw new Error(`${planFile(sources.folder, 'places.yaml')}: (whole file): not a places file (it holds a list under places:)`);
  }
  const seedName = plan.planDoc.get('seed');
  if (typeof seedName !== 'string' || !seedName)
    throw new Error(`${planFile(sources.folder)}: plan: seed: missing (the file name of the plan's text in data/seeds)`);
  return { ...plan, seedName };
}

/** The plan's files as the compiler takes them (`compilePlan(planSources(p), …)` previews exactly what the build publishes). */
export function planSources(plan: EditablePlan): PlanSources {
  return { folder: plan.folder, planYaml: plan.planYaml, ...(plan.placesYaml !== undefined ? { placesYaml: plan.placesYaml } : {}) };
}

/** The plan and its places as plain JS data (not validated; shared and cached: do not mutate), for the UI to list and show. */
export function planData(plan: EditablePlan): { plan: Record<string, unknown>; places: Place[] } {
  let data = dataCache.get(plan);
  if (!data) {
    const content = (plan.planDoc.toJS() ?? {}) as Record<string, unknown>;
    const places = ((plan.placesDoc?.toJS() as { places?: Place[] } | null)?.places ?? []) as Place[];
    data = { plan: content, places };
    dataCache.set(plan, data);
  }
  return data;
}

/** planData per plan object (plans are immutable, so it never goes stale). Callers must not mutate it. */
const dataCache = new WeakMap<EditablePlan, { plan: Record<string, unknown>; places: Place[] }>();

/** What a change target is and where it lives. */
export interface ResolvedTarget {
  kind: 'plan' | 'element' | 'project' | 'place' | 'unplaced';
  /** Which file holds it. */
  file: 'plan' | 'places';
  /** Path of the entry in its file. */
  path: YamlPath;
  /** How problems name it: `plan`, `project qj-x “…”`, `place qj-x`, `unplaced[3] “…”`. */
  where: string;
  record: Record<string, unknown>;
}

const listOf = (data: unknown, key: string): Record<string, unknown>[] => {
  const list = (data as Record<string, unknown> | null)?.[key];
  return Array.isArray(list) ? (list as Record<string, unknown>[]) : [];
};
const named = (r: Record<string, unknown>) => (typeof r.name === 'string' ? ` “${r.name}”` : '');

/** Finds a change target: `plan`, an element or project id, `place:<id>` or `unplaced:<index>`. */
export function resolveTarget(plan: EditablePlan, target: string): ResolvedTarget | undefined {
  const data = planData(plan);
  if (target === 'plan') return { kind: 'plan', file: 'plan', path: [], where: 'plan', record: data.plan };
  if (target.startsWith('place:')) {
    const id = target.slice('place:'.length);
    const i = data.places.findIndex((p) => p.id === id);
    const place = data.places[i];
    return place
      ? { kind: 'place', file: 'places', path: ['places', i], where: `place ${id}`, record: place as unknown as Record<string, unknown> }
      : undefined;
  }
  if (target.startsWith('unplaced:')) {
    const i = Number(target.slice('unplaced:'.length));
    const entry = listOf(data.plan, 'unplaced')[i];
    return entry ? { kind: 'unplaced', file: 'plan', path: ['unplaced', i], where: `unplaced[${i}]${named(entry)}`, record: entry } : undefined;
  }
  for (const [key, kind] of [
    ['elements', 'element'],
    ['projects', 'project'],
  ] as const) {
    const list = listOf(data.plan, key);
    const i = list.findIndex((r) => r.id === target);
    if (i >= 0) return { kind, file: 'plan', path: [key, i], where: `${kind} ${target}${named(list[i]!)}`, record: list[i]! };
  }
  return undefined;
}

/** Every place id the plan's elements and projects use, with how many times. */
export function placeUses(plan: EditablePlan): Map<string, number> {
  const uses = new Map<string, number>();
  const use = (id: unknown) => typeof id === 'string' && uses.set(id, (uses.get(id) ?? 0) + 1);
  const data = planData(plan).plan;
  for (const el of listOf(data, 'elements')) {
    const g = el.geometry as { type?: string; place?: string; through?: string[][]; places?: string[] } | undefined;
    if (g?.type === 'point') use(g.place);
    if (g?.type === 'corridor') g.through?.flat().forEach(use);
    if (g?.type === 'hull') g.places?.forEach(use);
  }
  for (const pr of listOf(data, 'projects')) use(pr.place);
  return uses;
}

/** What a new plan starts from: everything the studio asks for before elements and projects are added. */
export interface NewPlanInput {
  /** Folder name and id: a lower-case slug. */
  id: string;
  title: string;
  level: Level;
  region: { code: string; name: string };
  parent?: { plan: string; element?: string };
  /** The seed's file name (`<something>.txt`) and its text. */
  seedName: string;
  seed: string;
  period: string;
  /** The layout formula and its sentence, as confirmed by the user (see `findLayoutSentence`). */
  formula?: string;
  formulaSource?: Source;
  /** The layout summary quote; defaults to `formulaSource` when omitted. */
  summary?: Source;
}

/**
 * The skeleton of a new plan: plan.yaml with the given metadata and empty lists, and an empty places.yaml.
 * Throws with a clear message if the id is not a slug, a file name is wrong, the region is not one of the base
 * layers (checked when `base` is given) or a quote is not in the seed.
 */
export function newPlan(input: NewPlanInput, base?: Pick<BaseGeo, 'isRegion'>): EditablePlan {
  const file = planFile(input.id);
  if (!slugPattern.test(input.id)) throw new Error(`${file}: plan: id: “${input.id}” must use lower-case letters, digits and hyphens`);
  if (!/^[\w.-]+\.txt$/.test(input.seedName)) throw new Error(`${file}: plan: seed: “${input.seedName}” must be a file name such as gengma.txt`);
  if (!/^53\d{4}$/.test(input.region.code) || (base && !base.isRegion(input.region.code))) {
    throw new Error(`${file}: plan: region.code: “${input.region.code}” is not a county or prefecture of the base layers`);
  }
  if (input.parent?.plan === input.id) throw new Error(`${file}: plan: parent: a plan cannot be its own parent`);
  const summary = input.summary ?? input.formulaSource;
  if (!summary) throw new Error(`${file}: plan: summary: choose the layout sentence (or a summary) from the text first`);
  const quotes: [string, string | undefined][] = [
    ['formula', input.formula],
    ['formulaSource.quote', input.formulaSource?.quote],
    ['summary.quote', summary.quote],
  ];
  for (const [field, quote] of quotes) {
    if (quote !== undefined && !isVerbatim(input.seed, quote))
      throw new Error(`${file}: plan: ${field}: not found verbatim in seed ${input.seedName}: “${quote.slice(0, 40)}”`);
  }
  const data = {
    id: input.id,
    title: input.title,
    level: input.level,
    region: input.region,
    period: input.period,
    parent: input.parent,
    seed: input.seedName,
    formula: input.formula,
    formulaSource: input.formulaSource,
    summary,
    targets: [],
    indicators: [],
    elements: [],
    projects: [],
    unplaced: [],
  };
  return withTexts(input.id, blockText(data, 0), 'places: []\n', input.seedName, input.seed);
}
