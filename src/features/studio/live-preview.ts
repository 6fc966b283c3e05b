/**
 * The live preview: the plan under edit compiled by the build's own compiler, its published files put in place of
 * the atlas's (map, plan menu, search, project list), and its problems — the validator's lines — for the pane.
 */
import type { BaseGeo } from '../../compiler/base-geo';
import { compilePlans, type OtherPlans } from '../../compiler/compile';
import { publishedFiles, singleFileTables } from '../../compiler/publish';
import { planSources } from '../../compiler/edit/plan-doc';
import type { EditablePlan } from '../../compiler/edit/types';
import type { Catalogue } from '../../data/catalogue';
import { showPreview } from '../../data/preview';
import { otherProblem, type PlanProblem } from '../../lib/plan-problems';

export interface PreviewResult {
  /** The validator's problems (file, feature, field, code); empty when the plan would build. */
  problems: PlanProblem[];
}

/** What the compiler knows of the other plans, for the checks between plans (parent, cycles, related links). */
export function otherPlans(catalogue: Catalogue | undefined, except: string): OtherPlans {
  const plans: OtherPlans['plans'] = new Map();
  for (const p of catalogue?.plans ?? []) if (p.id !== except) plans.set(p.id, p.parent ? { parent: p.parent } : {});
  return { plans };
}

/** Compiles the plan and, when it builds, shows it on the map and everywhere else the atlas lists plans. */
export function runPreview(plan: EditablePlan, base: BaseGeo, catalogue: Catalogue | undefined): PreviewResult {
  const readSeed = (name: string) => (name === plan.seedName ? plan.seed : undefined);
  let problems: PlanProblem[];
  try {
    const result = compilePlans([planSources(plan)], readSeed, base, otherPlans(catalogue, plan.folder));
    problems = result.found;
    // With the whole tables: the preview reads the plan's search and project rows from them.
    if (result.plans.length) showPreview({ ...publishedFiles(result.plans), ...singleFileTables(result.plans) }, [plan.folder]);
  } catch (e) {
    problems = [otherProblem(e instanceof Error ? e.message : String(e), `data/${plan.folder}/plan.yaml`)];
  }
  return { problems };
}

/**
 * Compiles the plan as opened, showing nothing: the compiler keeps each element's shape, the county unions and the
 * parsed files, so the first edit recompiles only what it changed. Run when the page is idle after opening.
 */
export function warmPreview(plan: EditablePlan, base: BaseGeo): void {
  const readSeed = (name: string) => (name === plan.seedName ? plan.seed : undefined);
  try {
    const { plans } = compilePlans([planSources(plan)], readSeed, base);
    publishedFiles(plans);
    singleFileTables(plans);
  } catch {
    // The first edit's compile reports whatever is wrong.
  }
}
