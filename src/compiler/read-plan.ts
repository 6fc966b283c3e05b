/** Parses and validates one plan's sources, collecting every problem with its file, feature and field. */
import { parse } from 'yaml';
import type { z } from 'zod';
import { checkPlan } from '../lib/plan-checks';
import { placesFileSchema, planSchema, type Place, type Plan } from '../lib/plan-schema';
import { type PlanSources, planFile, type ReadSeed } from './sources';

/** One problem: the file, the feature (`elements[2] zone-a “…”`), the field and what is wrong. */
export interface PlanProblemReport {
  file: string;
  where: string;
  field: string;
  message: string;
}

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

function parseYaml(file: string, content: string, problems: PlanProblemReport[]): unknown {
  try {
    if (parsed.has(content)) return parsed.get(content);
    const value: unknown = parse(content);
    if (parsed.size >= 4) parsed.delete(parsed.keys().next().value ?? '');
    parsed.set(content, value);
    return value;
  } catch (e) {
    problems.push({ file, where: 'file', field: '(syntax)', message: (e as Error).message.split('\n')[0] ?? 'unreadable YAML' });
    return undefined;
  }
}

function zodProblems(file: string, doc: unknown, error: z.ZodError): PlanProblemReport[] {
  return error.issues.map((issue) => ({ file, ...describePath(doc, issue.path), message: issue.message }));
}

/** Reads one plan: YAML syntax, schema, folder name, seed and the plan checks. A plan with any problem is not loaded. */
export function readPlan(sources: PlanSources, readSeed: ReadSeed): { loaded?: LoadedPlan; problems: PlanProblemReport[] } {
  const { folder } = sources;
  const planPath = planFile(folder);
  const placesPath = planFile(folder, 'places.yaml');
  const problems: PlanProblemReport[] = [];
  const planDoc = parseYaml(planPath, sources.planYaml, problems);
  const placesDoc = sources.placesYaml === undefined ? { places: [] } : parseYaml(placesPath, sources.placesYaml, problems);
  if (problems.length) return { problems };
  if (planDoc === null || typeof planDoc !== 'object' || Array.isArray(planDoc)) {
    return {
      problems: [
        { file: planPath, where: 'file', field: '(whole file)', message: 'not a plan: expected a YAML mapping with id, title, level, region, seed …' },
      ],
    };
  }
  const planResult = planSchema.safeParse(planDoc);
  const placesResult = placesFileSchema.safeParse(placesDoc);
  if (!planResult.success) problems.push(...zodProblems(planPath, planDoc, planResult.error));
  if (!placesResult.success) problems.push(...zodProblems(placesPath, placesDoc, placesResult.error));
  if (!planResult.success || !placesResult.success) return { problems };
  const plan = planResult.data;
  if (plan.id !== folder) {
    return { problems: [{ file: planPath, where: 'plan', field: 'id', message: `id “${plan.id}” does not match its folder “${folder}”` }] };
  }
  const found = checkPlan(plan, placesResult.data.places, readSeed(plan.seed));
  if (found.length) return { problems: found.map((p) => ({ file: p.where.startsWith('places') ? placesPath : planPath, ...p })) };
  return { loaded: { plan, places: placesResult.data.places, folder }, problems: [] };
}

/** One line per problem: `data/x/plan.yaml: elements[2] zone-a “…”: functions[0]: not found …`. */
export function formatProblem(p: PlanProblemReport): string {
  return `${p.file}: ${p.where}: ${p.field}: ${p.message}`;
}
