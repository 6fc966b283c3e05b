/**
 * Builds the sharded search index (the layout and its keys: src/lib/search-shards.ts): every element and project
 * filed under its keys, and the answers to short queries computed here, once, with the app's own ranking.
 */
import type { SearchEntry } from '../lib/atlas-data';
import { publishedFormat, searchFields, toTable } from '../lib/published-format';
import { normaliseQuery, rankEntries, searchLimit } from '../lib/search-match';
import { hasHan, type SearchIndexFile, type SearchShardFile, searchShardPaths, shardCount, shardOf } from '../lib/search-shards';

/** Positions (in code points) where the words of an English name start once its spaces are removed. */
function wordStarts(text: string): number[] {
  const starts: number[] = [];
  let at = 0;
  let space = true;
  for (const ch of text.toLowerCase()) {
    if (/\s/.test(ch)) {
      space = true;
      continue;
    }
    if (space) starts.push(at);
    space = false;
    at += 1;
  }
  return starts;
}

/** The keys an entry is filed under; `syllables` is its name's pinyin, one syllable (or other character) each. */
export function entryKeys(entry: SearchEntry, syllables: readonly string[]): Set<string> {
  const keys = new Set<string>();
  const at = (chars: string[], i: number, n: number) => chars.slice(i, i + n).join('');
  // Name and county: every pair (for Chinese queries) and every three characters without Chinese (for the others).
  for (const field of [entry.name, entry.county]) {
    const chars = Array.from(normaliseQuery(field));
    for (let i = 0; i + 1 < chars.length; i++) keys.add(`B${at(chars, i, 2)}`);
    for (let i = 0; i + 2 < chars.length; i++) if (!hasHan(at(chars, i, 3))) keys.add(`T${at(chars, i, 3)}`);
  }
  const word = (chars: string[], starts: Iterable<number>) => {
    for (const i of starts) if (i + 2 < chars.length) keys.add(`T${at(chars, i, 3)}`);
  };
  // Initials from every character: “zyyy” finds every 某县中医医院.
  const initials = Array.from(entry.initials);
  word(
    initials,
    initials.map((_, i) => i),
  );
  const starts: number[] = [];
  let p = 0;
  for (const s of syllables) {
    starts.push(p);
    p += Array.from(s.toLowerCase()).length;
  }
  word(Array.from(entry.pinyin), starts);
  if (entry.nameEn) word(Array.from(normaliseQuery(entry.nameEn)), wordStarts(entry.nameEn));
  return keys;
}

/** The one- and two-character queries (two without Chinese) an entry can match, each as typed after normalising. */
function shortQueries(entry: SearchEntry): Set<string> {
  const out = new Set<string>();
  for (const field of [entry.name, entry.county, entry.initials, entry.pinyin, entry.nameEn ?? '']) {
    const chars = Array.from(normaliseQuery(field));
    chars.forEach((c, i) => {
      out.add(c);
      const pair = c + (chars[i + 1] ?? '');
      if (chars[i + 1] && !hasHan(pair)) out.add(pair);
    });
  }
  return out;
}

/**
 * `geo/search/index.json` and `geo/search/<n>.json` for these entries (in the published order, which breaks ties).
 * `syllablesOf` gives a name's pinyin syllable by syllable (the build's pinyin, so the keys match `entry.pinyin`);
 * `count` (tests) overrides the number of shards.
 */
export function searchShardFiles(
  entries: readonly SearchEntry[],
  syllablesOf: (name: string) => string[],
  count = shardCount(entries.length),
): Record<string, unknown> {
  const members: Set<number>[] = Array.from({ length: count }, () => new Set<number>());
  const byShort = new Map<string, number[]>();
  entries.forEach((entry, n) => {
    for (const key of entryKeys(entry, syllablesOf(entry.name))) members[shardOf(key, count)]!.add(n);
    if (count > 1)
      for (const q of shortQueries(entry)) {
        const list = byShort.get(q);
        if (list) list.push(n);
        else byShort.set(q, [n]);
      }
  });
  // A short query's answer: the app's own ranking over every entry it can match, best first.
  const answers: Map<string, number[]>[] = Array.from({ length: count }, () => new Map());
  const position = new Map(entries.map((e, n) => [e, n]));
  for (const [q, candidates] of count > 1 ? byShort : []) {
    const best = rankEntries(
      candidates.map((n) => entries[n]!),
      q,
      searchLimit,
    ).map((e) => position.get(e)!);
    const shard = shardOf(`S${q}`, count);
    answers[shard]!.set(q, best);
    for (const n of best) members[shard]!.add(n);
  }
  const files: Record<string, unknown> = {};
  const sizes = members.map((m) => m.size);
  members.forEach((set, shard) => {
    if (!set.size) return;
    const rows = [...set].sort((a, b) => a - b);
    const row = new Map(rows.map((n, i) => [n, i]));
    const file: SearchShardFile = {
      ...toTable(
        searchFields,
        rows.map((n) => entries[n]!),
      ),
      answers: Object.fromEntries([...answers[shard]!].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([q, ns]) => [q, ns.map((n) => row.get(n)!)])),
    };
    files[searchShardPaths.shard(shard)] = file;
  });
  const index: SearchIndexFile = { format: publishedFormat, shards: sizes };
  files[searchShardPaths.index] = index;
  return files;
}
