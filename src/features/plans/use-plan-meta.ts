import type { PlanId, PlanMeta } from '../../lib/atlas-data';
import { useAtlasIndex } from './plan-data';

/** A plan's metadata once index.json is loaded. */
export function usePlanMeta(planId: PlanId): PlanMeta | undefined {
  const index = useAtlasIndex();
  return index.status === 'ready' ? index.data.plans.find((p) => p.id === planId) : undefined;
}
