import type { CatalogueEntry, PlanId, SearchEntry } from '../../lib/atlas-data';
import { normaliseQuery, rankEntries, searchLimit } from '../../lib/search-match';

export interface SearchGroup {
  plan: PlanId;
  entries: SearchEntry[];
}

const normalise = normaliseQuery;

/**
 * Matches Chinese names, English names, full pinyin and pinyin initials ("mkkysfq" → 勐库康养示范区).
 * Names that start with the query rank first; results are grouped by plan in the plans' order.
 */
export function searchAtlas(entries: readonly SearchEntry[], query: string, planOrder: readonly PlanId[], limit = searchLimit): SearchGroup[] {
  const top = rankEntries(entries, query, limit);
  const rank = new Map(planOrder.map((p, i) => [p, i]));
  const groups = new Map<PlanId, SearchEntry[]>();
  for (const e of top) groups.set(e.plan, [...(groups.get(e.plan) ?? []), e]);
  return [...groups].sort(([a], [b]) => (rank.get(a) ?? 1e9) - (rank.get(b) ?? 1e9)).map(([plan, list]) => ({ plan, entries: list }));
}

/** Plans whose title, area name (Chinese or pinyin) or layout formula match: a plan is found by its name. */
export function searchPlans(plans: readonly CatalogueEntry[], query: string, limit = 8): CatalogueEntry[] {
  const q = normalise(query);
  if (!q) return [];
  const hay = (p: CatalogueEntry) => [p.title, p.titleEn ?? '', p.regionShort, p.region.name, p.regionEn, p.formula ?? ''].map(normalise);
  const scored = plans.flatMap((p) => {
    const fields = hay(p);
    const score = fields[2]?.startsWith(q) || fields[4]?.startsWith(q) ? 0 : fields.some((f) => f.includes(q)) ? 1 : -1;
    return score < 0 ? [] : [{ p, score }];
  });
  return scored
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map((s) => s.p);
}
