/** Parses and validates one plan's sources, collecting every problem with its file, feature and field. */
import { parse } from 'yaml';
import type { z } from 'zod';
import { checkPlan } from '../lib/plan-checks';
import { type PlanProblem, problem, type SchemaIssue } from '../lib/plan-problems';
import { placesFileSchema, planSchema, type Place, type Plan } from '../lib/plan-schema';
import { type PlanSources, planFile, type ReadSeed } from './sources';

/** A plan whose files parsed and passed the schema and the plan checks. */
export interface LoadedPlan {
  plan: Plan;
  places: Place[];
  /** Its folder under data/. */
  folder: string;
}

/** Names the feature a zod issue path points into: `elements[3] zone-diandong “滇东…”`. */
function describePath(doc: unknown, path: PropertyKey[]): { where: string; field: string } {
  const top = path[0];
  const index = path[1];
  if ((top === 'elements' || top === 'projects' || top === 'places' || top === 'unplaced') && typeof index === 'number') {
    const list = (doc as Record<string, unknown[]> | null)?.[top as string];
    const item = (Array.isArray(list) ? list[index] : undefined) as { id?: unknown; name?: unknown } | undefined;
    const id = typeof item?.id === 'string' ? ` ${item.id}` : '';
    const name = typeof item?.name === 'string' ? ` “${item.name}”` : '';
    return { where: `${top}[${index}]${id}${name}`, field: formatPath(path.slice(2)) || '(whole item)' };
  }
  return { where: 'plan', field: formatPath(path) || '(whole file)' };
}

function formatPath(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

// The last texts parsed, by their content: the studio compiles after every edit, and an edit changes one of the two
// files. The values are only read (the schema copies what it keeps).
const parsed = new Map<string, unknown>();

function parseYaml(file: string, content: string, problems: PlanProblem[]): unknown {
  try {
    if (parsed.has(content)) return parsed.get(content);
    const value: unknown = parse(content);
    if (parsed.size >= 4) parsed.delete(parsed.keys().next().value ?? '');
    parsed.set(content, value);
    return value;
  } catch (e) {
    problems.push(problem(file, 'file', '(syntax)', 'yamlSyntax', { detail: (e as Error).message.split('\n')[0] ?? 'unreadable YAML' }));
    return undefined;
  }
}

/** The value at `path` in the parsed document (zod leaves the input out of its issues). */
function valueAt(doc: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), doc);
}

/** The type name zod's messages use for a value: string, number, array, null … */
function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** A zod issue as data the studio can word in its own language; the message stays zod's for the validator. */
function schemaIssue(issue: z.core.$ZodIssue, doc: unknown): SchemaIssue {
  const out: SchemaIssue = { code: issue.code, message: issue.message };
  const i = issue as unknown as Record<string, unknown>;
  if (typeof i.expected === 'string') out.expected = i.expected;
  if (issue.code === 'invalid_type') out.received = typeName(valueAt(doc, issue.path));
  if (Array.isArray(i.values)) out.values = i.values.filter((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v));
  if (Array.isArray(i.keys)) out.keys = i.keys.map(String);
  if (typeof i.origin === 'string') out.origin = i.origin;
  if (typeof i.minimum === 'number' || typeof i.minimum === 'bigint') out.minimum = Number(i.minimum);
  if (typeof i.maximum === 'number' || typeof i.maximum === 'bigint') out.maximum = Number(i.maximum);
  if (typeof i.format === 'string') out.format = i.format;
  return out;
}

function zodProblems(file: string, doc: unknown, error: z.ZodError): PlanProblem[] {
  return error.issues.map((issue) => {
    const { where, field } = describePath(doc, issue.path);
    return problem(file, where, field, 'schema', schemaIssue(issue, doc));
  });
}

/** Reads one plan: YAML syntax, schema, folder name, seed and the plan checks. A plan with any problem is not loaded. */
export function readPlan(sources: PlanSources, readSeed: ReadSeed): { loaded?: LoadedPlan; problems: PlanProblem[] } {
  const { folder } = sources;
  const planPath = planFile(folder);
  const placesPath = planFile(folder, 'places.yaml');
  const problems: PlanProblem[] = [];
  const planDoc = parseYaml(planPath, sources.planYaml, problems);
  const placesDoc = sources.placesYaml === undefined ? { places: [] } : parseYaml(placesPath, sources.placesYaml, problems);
  if (problems.length) return { problems };
  if (planDoc === null || typeof planDoc !== 'object' || Array.isArray(planDoc)) {
    return {
      problems: [problem(planPath, 'file', '(whole file)', 'notAPlan', {})],
    };
  }
  const planResult = planSchema.safeParse(planDoc);
  const placesResult = placesFileSchema.safeParse(placesDoc);
  if (!planResult.success) problems.push(...zodProblems(planPath, planDoc, planResult.error));
  if (!placesResult.success) problems.push(...zodProblems(placesPath, placesDoc, placesResult.error));
  if (!planResult.success || !placesResult.success) return { problems };
  const plan = planResult.data;
  if (plan.id !== folder) {
    return { problems: [problem(planPath, 'plan', 'id', 'idNotFolder', { id: plan.id, folder })] };
  }
  const found = checkPlan(plan, placesResult.data.places, readSeed(plan.seed));
  if (found.length) return { problems: found.map((p) => ({ file: p.where.startsWith('places') ? placesPath : planPath, ...p }) as PlanProblem) };
  return { loaded: { plan, places: placesResult.data.places, folder }, problems: [] };
}
