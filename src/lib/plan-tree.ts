/**
 * The plan tree, from each plan's own `parent`: the app's plan menu and the build's project summary (whose first
 * page follows the plans' tree order) derive it the same way.
 */
import type { CatalogueEntry } from './atlas-data';
import type { PlanId } from './vocabulary';

export interface PlanTreeNode {
  plan: CatalogueEntry;
  depth: number;
  /** Ids of the plans that nest in this one. */
  children: PlanId[];
}

/** The parent of a plan among `byId`, if it is there and not the plan itself. */
export function parentIn(byId: ReadonlyMap<PlanId, CatalogueEntry>, p: CatalogueEntry): PlanId | undefined {
  return p.parent && byId.has(p.parent.plan) && p.parent.plan !== p.id ? p.parent.plan : undefined;
}

/** The tree in order: roots (a plan whose parent is missing is one), each followed by its descendants. */
export function planTree(plans: readonly CatalogueEntry[]): PlanTreeNode[] {
  const byId = new Map(plans.map((p) => [p.id, p]));
  const children = new Map<PlanId, PlanId[]>();
  for (const p of plans) {
    const parent = parentIn(byId, p);
    if (parent) children.set(parent, [...(children.get(parent) ?? []), p.id]);
  }
  const tree: PlanTreeNode[] = [];
  const seen = new Set<PlanId>();
  const visit = (p: CatalogueEntry, depth: number) => {
    if (seen.has(p.id)) return;
    seen.add(p.id);
    tree.push({ plan: p, depth, children: children.get(p.id) ?? [] });
    for (const c of children.get(p.id) ?? []) visit(byId.get(c) as CatalogueEntry, depth + 1);
  };
  for (const p of plans) if (!parentIn(byId, p)) visit(p, 0);
  for (const p of plans) visit(p, 0); // a cycle of parents: list what is left at the top
  return tree;
}
