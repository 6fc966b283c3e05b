import type { PlanId, SearchEntry } from '../../lib/atlas-data';

export interface SearchGroup {
  plan: PlanId;
  entries: SearchEntry[];
}

/**
 * Matches Chinese names, English names, full pinyin and pinyin initials ("mkkysfq" → 勐库康养示范区).
 * Names that start with the query rank first; results are grouped by plan in the plans' order.
 */
export function searchAtlas(entries: SearchEntry[], query: string, planOrder: PlanId[], limit = 40): SearchGroup[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, '');
  if (!q) return [];
  const scored: { entry: SearchEntry; score: number }[] = [];
  for (const entry of entries) {
    const name = entry.name.toLowerCase();
    const en = entry.nameEn?.toLowerCase().replace(/\s+/g, '') ?? '';
    let score = -1;
    if (name.startsWith(q)) score = 0;
    else if (name.includes(q)) score = 1;
    else if (entry.initials.startsWith(q) || entry.pinyin.startsWith(q)) score = 2;
    else if (/^[a-z]+$/.test(q) && (entry.initials.includes(q) || entry.pinyin.includes(q))) score = 3;
    else if (en.includes(q)) score = 3;
    else if (entry.county.includes(query.trim())) score = 4;
    if (score >= 0) scored.push({ entry, score });
  }
  scored.sort((a, b) => a.score - b.score || a.entry.name.length - b.entry.name.length);
  const top = scored.slice(0, limit).map((s) => s.entry);
  return planOrder.map((plan) => ({ plan, entries: top.filter((e) => e.plan === plan) })).filter((g) => g.entries.length > 0);
}
