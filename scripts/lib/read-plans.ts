/** Reads and validates every plan under data/, collecting problems per file instead of stopping at the first. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { checkPlan } from '../../src/lib/plan-checks';
import { placesFileSchema, planSchema, type Place, type Plan } from '../../src/lib/plan-schema';

export interface PlanProblemReport {
  file: string;
  where: string;
  field: string;
  message: string;
}

export interface LoadedPlan {
  plan: Plan;
  places: Place[];
  dir: string;
}

export interface ReadResult {
  plans: LoadedPlan[];
  problems: PlanProblemReport[];
  /** Folder names of plans that exist but could not be read or validated. */
  failed: string[];
}

/** Reads a text file as strict UTF-8: a file saved in another encoding is reported, not turned into mojibake. */
function readUtf8(file: string): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
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

function parseYaml(file: string, root: string, problems: PlanProblemReport[]): unknown {
  let content: string;
  try {
    content = readUtf8(file);
  } catch {
    problems.push({ file: relative(root, file), where: 'file', field: '(encoding)', message: 'not valid UTF-8: save the file as UTF-8' });
    return undefined;
  }
  try {
    return parse(content);
  } catch (e) {
    problems.push({ file: relative(root, file), where: 'file', field: '(syntax)', message: (e as Error).message.split('\n')[0] ?? 'unreadable YAML' });
    return undefined;
  }
}

function zodProblems(file: string, doc: unknown, error: z.ZodError): PlanProblemReport[] {
  return error.issues.map((issue) => ({ file, ...describePath(doc, issue.path), message: issue.message }));
}

/**
 * Reads `data/<planId>/plan.yaml` and `places.yaml` for every plan folder.
 * A broken plan is reported and left out; the others still load.
 */
export function readPlans(dataDir: string, seedsDir: string, root = process.cwd()): ReadResult {
  const plans: LoadedPlan[] = [];
  const problems: PlanProblemReport[] = [];
  const failed: string[] = [];
  const dirs = readdirSync(dataDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'seeds')
    .map((d) => d.name)
    .sort();
  for (const name of dirs) {
    const dir = join(dataDir, name);
    const planFile = join(dir, 'plan.yaml');
    const placesFile = join(dir, 'places.yaml');
    if (!existsSync(planFile)) {
      problems.push({ file: relative(root, dir), where: 'folder', field: 'plan.yaml', message: 'missing plan.yaml' });
      continue;
    }
    const before = problems.length;
    const fail = () => failed.push(name);
    const planDoc = parseYaml(planFile, root, problems);
    const placesDoc = existsSync(placesFile) ? parseYaml(placesFile, root, problems) : { places: [] };
    if (problems.length > before) {
      fail();
      continue;
    }
    const planResult = planSchema.safeParse(planDoc);
    const placesResult = placesFileSchema.safeParse(placesDoc);
    if (!planResult.success) problems.push(...zodProblems(relative(root, planFile), planDoc, planResult.error));
    if (!placesResult.success) problems.push(...zodProblems(relative(root, placesFile), placesDoc, placesResult.error));
    if (!planResult.success || !placesResult.success) {
      fail();
      continue;
    }
    const plan = planResult.data;
    if (plan.id !== name) {
      problems.push({ file: relative(root, planFile), where: 'plan', field: 'id', message: `id “${plan.id}” does not match its folder “${name}”` });
      fail();
      continue;
    }
    const seedFile = join(seedsDir, plan.seed);
    let seed: string | undefined;
    try {
      seed = existsSync(seedFile) ? readUtf8(seedFile) : undefined;
    } catch {
      problems.push({ file: relative(root, seedFile), where: 'file', field: '(encoding)', message: 'seed text is not valid UTF-8' });
      fail();
      continue;
    }
    const found = checkPlan(plan, placesResult.data.places, seed);
    if (found.length) {
      problems.push(...found.map((p) => ({ file: relative(root, p.where.startsWith('places') ? placesFile : planFile), ...p })));
      fail();
      continue;
    }
    plans.push({ plan, places: placesResult.data.places, dir });
  }
  return { plans, problems, failed };
}

/** One line per problem: `data/x/plan.yaml: elements[2] zone-a “…”: functions[0]: not found …`. */
export function formatProblem(p: PlanProblemReport): string {
  return `${p.file}: ${p.where}: ${p.field}: ${p.message}`;
}
