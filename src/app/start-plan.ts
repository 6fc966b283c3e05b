/**
 * Once the catalogue is in, the plan to show is settled: the link's plan if it exists (else the user is told
 * and the default opens), the plan a linked feature belongs to, or the first plan of the tree.
 */
import type { Catalogue } from '../data/catalogue';
import { report } from '../data/notices';
import type { AtlasStore } from '../state/store';

export function settlePlan(catalogue: Catalogue, store: AtlasStore): void {
  const s = store.getState();
  if (s.planId && catalogue.byId.has(s.planId)) return;
  if (s.planId) report({ type: 'plan-not-found', plan: s.planId }, { level: 'warning' });
  // A feature id starts with its plan's id (which may itself contain hyphens): the longest known prefix wins.
  const selected = s.selectedId ?? '';
  const owner = catalogue.plans
    .map((p) => p.id)
    .filter((id) => selected.startsWith(`${id}-`))
    .sort((a, b) => b.length - a.length)[0];
  const plan = owner ?? catalogue.defaultPlan;
  if (!plan) return;
  // Keeps a selection of that plan (a linked feature), clears any other.
  s.setPlan(plan);
}
