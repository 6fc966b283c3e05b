/**
 * How a search query matches an element or project: one definition for the app (src/features/search) and the build,
 * which precomputes the answers to one- and two-character queries (src/compiler/search-shards.ts) with it.
 */
import type { SearchEntry } from './atlas-data';

/** How many results a search shows (and the build keeps per precomputed answer). */
export const searchLimit = 40;

/** The query as matched: lower case, no spaces. */
export const normaliseQuery = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, '');

/**
 * 0 the name starts with the query, 1 contains it, 2 pinyin or initials start with it, 3 contain it (letters only)
 * or the English name contains it, 4 the county does; -1 no match. `q` is the normalised query, `raw` as typed.
 */
export function matchScore(entry: SearchEntry, q: string, raw: string): number {
  const name = entry.name.toLowerCase();
  if (name.startsWith(q)) return 0;
  if (name.includes(q)) return 1;
  if (entry.initials.startsWith(q) || entry.pinyin.startsWith(q)) return 2;
  if (/^[a-z]+$/.test(q) && (entry.initials.includes(q) || entry.pinyin.includes(q))) return 3;
  if ((entry.nameEn?.toLowerCase().replace(/\s+/g, '') ?? '').includes(q)) return 3;
  if (entry.county.includes(raw.trim())) return 4;
  return -1;
}

/**
 * Matches Chinese names, English names, full pinyin and pinyin initials ("mkkysfq" → 勐库康养示范区): the best
 * `limit`, names that start with the query first, then shorter names, then in the order given.
 */
export function rankEntries(entries: readonly SearchEntry[], query: string, limit = searchLimit): SearchEntry[] {
  const q = normaliseQuery(query);
  if (!q) return [];
  const scored: { entry: SearchEntry; score: number }[] = [];
  for (const entry of entries) {
    const score = matchScore(entry, q, query);
    if (score >= 0) scored.push({ entry, score });
  }
  scored.sort((a, b) => a.score - b.score || a.entry.name.length - b.entry.name.length);
  return scored.slice(0, limit).map((s) => s.entry);
}
