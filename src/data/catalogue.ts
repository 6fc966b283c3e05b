/** The catalogue: every plan as a small entry, loaded first; the plan tree is derived from it once. */
import type { CatalogueEntry } from '../lib/atlas-data';
import { checkFormat, isCatalogueEntry, publishedPaths } from '../lib/published-format';
import { type PlanTreeNode, parentIn, planTree } from '../lib/plan-tree';
import type { PlanId } from '../lib/vocabulary';
import { fetchJson } from './fetch-asset';
import { report, resolveNotice } from './notices';
import { createResource } from './resource';

export interface Catalogue {
  /** In tree order (as published): roots, each followed by its descendants. */
  plans: CatalogueEntry[];
  byId: Map<PlanId, CatalogueEntry>;
  tree: PlanTreeNode[];
  /** The plan to open when a link names none: the first root. */
  defaultPlan: PlanId | undefined;
  /** The plan at the top of a plan's tree (the province for a county), whose layout shows faintly underneath. */
  rootOf(id: PlanId): PlanId | undefined;
}

/** Builds the tree from each plan's own `parent`; a plan whose parent is missing is a root. */
export function makeCatalogue(plans: CatalogueEntry[]): Catalogue {
  const byId = new Map(plans.map((p) => [p.id, p]));
  const parentOf = (p: CatalogueEntry) => parentIn(byId, p);
  const tree = planTree(plans);
  const rootOf = (id: PlanId): PlanId | undefined => {
    let current = byId.get(id);
    const guard = new Set<PlanId>();
    while (current && !guard.has(current.id)) {
      guard.add(current.id);
      const parent = parentOf(current);
      if (!parent) return current.id;
      current = byId.get(parent);
    }
    return current?.id;
  };
  return { plans: tree.map((n) => n.plan), byId, tree, defaultPlan: tree[0]?.plan.id, rootOf };
}

async function fetchCatalogue(_key: 'catalogue', attempt: number): Promise<Catalogue> {
  const file = checkFormat(publishedPaths.catalogue, await fetchJson(publishedPaths.catalogue, { attempt }), 'a plan catalogue');
  if (!Array.isArray(file.plans)) throw new Error(`${publishedPaths.catalogue}: not a plan catalogue`);
  const plans: CatalogueEntry[] = [];
  let invalid = 0;
  for (const entry of file.plans as unknown[]) {
    if (isCatalogueEntry(entry)) plans.push(entry);
    else invalid += 1;
  }
  if (invalid) report({ type: 'invalid-entries', file: publishedPaths.catalogue, count: invalid }, { level: 'warning' });
  resolveNotice({ type: 'catalogue-failed' });
  return makeCatalogue(plans);
}

export const catalogueResource = createResource<'catalogue', Catalogue>(fetchCatalogue, (_k, reason, retry) =>
  report({ type: 'catalogue-failed', reason }, { retry }),
);

export const loadCatalogue = (): Promise<Catalogue> => catalogueResource.load('catalogue');
