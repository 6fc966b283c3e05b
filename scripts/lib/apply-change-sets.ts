/**
 * Applies change-set files to a data/ folder in Node: what `npm run apply` runs (and its tests, in-process).
 * Changes apply in the order given; a stale or invalid one is refused and named, the others still apply; changed
 * files are written; then every plan is validated as `npm run validate` does.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BaseGeo } from '../../src/compiler/base-geo';
import { applyChange, formatChangeProblem } from '../../src/compiler/edit/apply';
import { parseChangeSet } from '../../src/compiler/edit/change-set';
import { describeChange } from '../../src/compiler/edit/describe';
import { openPlan } from '../../src/compiler/edit/plan-doc';
import type { ChangeSet, EditablePlan } from '../../src/compiler/edit/types';
import type { BuildCache } from './build-cache';
import { buildPlans } from './build-plans';

export interface ApplyReport {
  /** One line per change applied (`✓ …`). */
  applied: string[];
  /** One line per change refused, unreadable file or unknown plan (`✗ …` / `file: …`). */
  refused: string[];
  /** The validator's lines after applying. */
  problems: string[];
  /** Plans valid after applying. */
  valid: number;
}

const readText = (file: string) => new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));

/** Applies the change sets in `files` to `dataDir` (problems name files relative to `root`'s data/). */
export function applyChangeSets(dataDir: string, files: string[], root: string, base: BaseGeo, cache?: BuildCache): ApplyReport {
  const report: ApplyReport = { applied: [], refused: [], problems: [], valid: 0 };
  const sets: { file: string; set: ChangeSet }[] = [];
  for (const file of files) {
    try {
      sets.push({ file, set: parseChangeSet(readText(file), basename(file)) });
    } catch (e) {
      report.refused.push((e as Error).message);
    }
  }

  const open = new Map<string, { plan: EditablePlan; original: EditablePlan }>();
  const planFor = (id: string): EditablePlan | undefined => {
    const known = open.get(id);
    if (known) return known.plan;
    const planFile = join(dataDir, id, 'plan.yaml');
    if (!existsSync(planFile)) return undefined;
    const placesFile = join(dataDir, id, 'places.yaml');
    const sources = { folder: id, planYaml: readText(planFile), ...(existsSync(placesFile) ? { placesYaml: readText(placesFile) } : {}) };
    const seedFile = join(dataDir, 'seeds', openPlan(sources, undefined).seedName);
    const plan = openPlan(sources, existsSync(seedFile) ? readText(seedFile) : undefined);
    open.set(id, { plan, original: plan });
    return plan;
  };

  for (const { file, set } of sets) {
    const name = basename(file);
    let found: EditablePlan | undefined;
    try {
      found = planFor(set.plan);
    } catch (e) {
      report.refused.push(`${name}: ${(e as Error).message}`);
      continue;
    }
    if (!found) {
      report.refused.push(`${name}: plan: no plan “${set.plan}” in data/ — change set not applied`);
      continue;
    }
    let plan: EditablePlan = found;
    set.changes.forEach((change, i) => {
      const result = applyChange(plan, change.who || !set.who ? change : { ...change, who: set.who }, { base });
      if (result.ok) {
        plan = result.plan;
        report.applied.push(`✓ ${name} changes[${i}]: ${describeChange(change, 'en')}`);
      } else {
        const suffix = result.problem.message.includes('change not applied') ? '' : ' — change not applied';
        report.refused.push(`✗ ${formatChangeProblem(result.problem)}${suffix} (${name} changes[${i}])`);
      }
    });
    open.set(set.plan, { plan, original: open.get(set.plan)!.original });
  }

  for (const [id, { plan, original }] of open) {
    if (plan.planYaml !== original.planYaml) writeFileSync(join(dataDir, id, 'plan.yaml'), plan.planYaml);
    if (plan.placesYaml !== undefined && plan.placesYaml !== original.placesYaml) writeFileSync(join(dataDir, id, 'places.yaml'), plan.placesYaml);
  }

  const { plans, problems } = buildPlans(dataDir, join(dataDir, 'seeds'), root, base, cache);
  report.problems = problems;
  report.valid = plans.length;
  return report;
}
