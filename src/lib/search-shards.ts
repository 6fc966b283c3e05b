/**
 * The search index as published for a static host: a tiny top-level file and the entries in shards, so a search
 * downloads one shard, not every project of the country. One definition of the keys for the build, which writes
 * the shards (src/compiler/search-shards.ts), and the app, which chooses the shard a query needs (src/data/search.ts).
 *
 * Keys (each hashed into one of `count` shards; a shard holds every entry with a key in it):
 * - `B` + two characters of the name or county, at every position: a query with a Chinese character matches only
 *   there, so any two characters of it find every match (the app takes the pair whose shard is smallest);
 * - `T` + the first three characters of a word: each syllable of the pinyin, each letter of the initials, each
 *   word of the English name, every position of the name and county: a query of three or more letters or digits
 *   finds every match that starts at a syllable or word (not one that starts inside a syllable, e.g. “engku”, or
 *   inside an English word, which the whole table finds);
 * - `S` + a whole one-character query, or a two-character query without Chinese: its answer, the best
 *   `searchLimit` entries, is computed by the build and stored in the shard (such short queries match too
 *   many entries to send them all). With a single shard there are no answers: the shard is the whole table.
 */
import { normaliseQuery } from './search-match';

/** Where the search index lives, relative to the app. */
export const searchShardPaths = {
  index: 'geo/search/index.json',
  shard: (shard: number) => `geo/search/${shard}.json`,
} as const;

/** `geo/search/index.json`: how many shards and how many entries each holds (the app fetches the smallest it may). */
export interface SearchIndexFile {
  format: number;
  /** Entries in each shard, by shard number; 0 is a shard with no file. */
  shards: number[];
}

/** `geo/search/<n>.json`: entries (a compact table, in the index's order) and the precomputed short answers. */
export interface SearchShardFile {
  format: number;
  fields: string[];
  rows: unknown[][];
  /** Short query → the rows (by position in this shard) of its answer, best first. */
  answers: Record<string, number[]>;
}

/**
 * How many shards for this many entries. Up to 2,000 entries, one (the whole table, no precomputed answers): an
 * entry has some 25 keys, so a split would repeat it in most shards and save nothing. Beyond, one shard per 25
 * entries (a shard then holds about 1/count × 25 of them, some 25 × fewer than the table), at most 4,096 files.
 */
export function shardCount(entries: number): number {
  if (entries <= 2000) return 1;
  let n = 1;
  while (n < entries / 25 && n < 4096) n *= 2;
  return n;
}

/** FNV-1a of the key's UTF-16 code units, into `count` shards. */
export function shardOf(key: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % count;
}

const han = /\p{Script=Han}/u;
/** Whether the text has a Chinese character (then it can match only a name or a county). */
export const hasHan = (s: string): boolean => han.test(s);

/** What a query needs: a short answer, or any one of these keys' shards (every match is in each). */
export type QueryPlan = { kind: 'none' } | { kind: 'short'; key: string; query: string } | { kind: 'keys'; keys: string[] };

/** The keys under which a query's matches are filed. */
export function queryPlan(query: string): QueryPlan {
  const q = normaliseQuery(query);
  const chars = Array.from(q);
  if (chars.length === 0) return { kind: 'none' };
  if (chars.length === 1 || (chars.length === 2 && !hasHan(q))) return { kind: 'short', key: `S${q}`, query: q };
  if (hasHan(q)) {
    const pairs = new Set<string>();
    for (let i = 0; i + 1 < chars.length; i++) pairs.add(`B${chars[i]}${chars[i + 1]}`);
    return { kind: 'keys', keys: [...pairs] };
  }
  return { kind: 'keys', keys: [`T${chars.slice(0, 3).join('')}`] };
}

/** The shard a query reads, given each shard's size; undefined when no shard can hold a match. */
export function shardFor(plan: QueryPlan, sizes: readonly number[]): number | undefined {
  const count = sizes.length;
  if (plan.kind === 'none' || count === 0) return undefined;
  if (count === 1) return sizes[0] ? 0 : undefined;
  // Every match carries every key of the query: the smallest shard among them is enough.
  const keys = plan.kind === 'short' ? [plan.key] : plan.keys;
  const n = keys.map((k) => shardOf(k, count)).reduce((a, b) => ((sizes[b] ?? 0) < (sizes[a] ?? 0) ? b : a));
  return sizes[n] ? n : undefined;
}

/**
 * What the search ranks, from the shard {@link shardFor} chose: a short query's precomputed answer (several shards),
 * else every entry of the shard (a superset of the matches, in the published order).
 */
export function candidatesIn<T>(plan: QueryPlan, shardCount: number, rows: readonly T[], answers: ReadonlyMap<string, readonly number[]>): T[] {
  if (plan.kind === 'none') return [];
  if (plan.kind === 'short' && shardCount > 1) return (answers.get(plan.query) ?? []).flatMap((i) => rows[i] ?? []);
  return [...rows];
}
