/**
 * The project list's rows: the all-plans project table published by `npm run build:data`, with what the
 * filters need derived once (county names one by one, the plan's place in the plan tree).
 */
import type { PlanId, ProjectRecord } from '../../lib/atlas-data';

export interface ProjectRow extends ProjectRecord {
  /** The county display names, one each. */
  countyNames: string[];
  /** The plan's position in the plan tree, for sorting by plan. */
  planRank: number;
}

/** Rows from the table, in the table's order; plans not in `planOrder` sort last. */
export function projectRows(records: readonly ProjectRecord[], planOrder: readonly PlanId[]): ProjectRow[] {
  const rank = new Map(planOrder.map((p, i) => [p, i]));
  return records.map((r) => ({
    ...r,
    countyNames: r.county
      .split('、')
      .map((c) => c.trim())
      .filter(Boolean),
    planRank: rank.get(r.plan) ?? planOrder.length,
  }));
}
