/** The plans as they nest: province → cities → counties, from each plan's `parent`. */
import type { PlanId, PlanMeta } from '../../lib/atlas-data';

export interface PlanNode {
  plan: PlanMeta;
  depth: number;
}

/** Depth-first, children in index order; a plan whose parent is missing is listed at the top level. */
export function planTree(plans: PlanMeta[]): PlanNode[] {
  const ids = new Set<PlanId>(plans.map((p) => p.id));
  const out: PlanNode[] = [];
  const visit = (plan: PlanMeta, depth: number) => {
    out.push({ plan, depth });
    for (const child of plans.filter((p) => p.parent?.plan === plan.id)) visit(child, depth + 1);
  };
  for (const root of plans.filter((p) => !p.parent || !ids.has(p.parent.plan))) visit(root, 0);
  return out;
}
