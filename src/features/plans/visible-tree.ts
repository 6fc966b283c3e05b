/** Which plan-tree rows show, given what is expanded and what the user typed. Pure, for the plan menu. */
import type { PlanTreeNode } from '../../lib/plan-tree';
import type { PlanId } from '../../lib/vocabulary';

const normalise = (s: string) => s.trim().toLowerCase().replace(/\s+/g, '');

export function planMatches(node: PlanTreeNode, query: string): boolean {
  const q = normalise(query);
  const p = node.plan;
  return [p.title, p.regionShort, p.region.name, p.regionEn, p.formula ?? '', p.titleEn ?? ''].some((f) => normalise(f).includes(q));
}

/**
 * The rows in tree order. Without a query: roots, and the children of expanded rows. With a query: every match
 * and the plans it nests in, so a match is always seen in its place.
 */
export function visibleRows(tree: readonly PlanTreeNode[], expanded: ReadonlySet<PlanId>, query: string): PlanTreeNode[] {
  const parent = new Map<PlanId, PlanId>();
  for (const n of tree) for (const c of n.children) parent.set(c, n.plan.id);
  if (normalise(query)) {
    const keep = new Set<PlanId>();
    for (const n of tree) {
      if (!planMatches(n, query)) continue;
      for (let id: PlanId | undefined = n.plan.id; id && !keep.has(id); id = parent.get(id)) keep.add(id);
    }
    return tree.filter((n) => keep.has(n.plan.id));
  }
  const shown = (id: PlanId): boolean => {
    const p = parent.get(id);
    return !p || (expanded.has(p) && shown(p));
  };
  return tree.filter((n) => shown(n.plan.id));
}

/** The plans a plan nests in, nearest first. */
export function ancestorsOf(tree: readonly PlanTreeNode[], id: PlanId): PlanId[] {
  const parent = new Map<PlanId, PlanId>();
  for (const n of tree) for (const c of n.children) parent.set(c, n.plan.id);
  const out: PlanId[] = [];
  for (let p = parent.get(id); p && !out.includes(p); p = parent.get(p)) out.push(p);
  return out;
}
