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
 *
 * Common strings: a country has 25,000 entries with 医院 and as many whose pinyin starts a word with `yiy`; a shard
 * holding all of them is megabytes. A string held by more than {@link commonAbove} entries (a pair or longer, of the
 * names; three letters or more from a word's start) is *common*: the top-level file lists them, the build answers
 * each like a short query (`S` + the string, the best `searchLimit`), and no entry is filed under it. An entry is
 * filed instead under each of its *least uncommon* strings: from each position, the string grows one character at a
 * time while it is common, and the first that is not is its key (for the names, only if it is not common for a
 * simpler reason: the same string less its first character is common too, else that shorter string is the key, found
 * from the next position). A query that is not common holds one such key, and every match holds it too: its shard
 * is enough. No string is common in an index of one shard.
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
  /** The common strings (absent: none), sorted: of the names (`B` keys) and from words' starts (`T` keys). */
  common?: { names: string[]; words: string[] };
}

/** More entries than this hold a common string (see the module's comment). */
export const commonAbove = 1000;

/**
 * The longest common strings (characters of a name, letters of a word): a longer one is never common, so the build's
 * walks stop there (a country's templated names, 某某县人民医院改扩建项目, would walk on for 20 levels). A query
 * longer than that whose every piece is common reads the shard of its first longer piece, which may be large.
 */
export const commonLongest = { B: 6, T: 8 } as const;

/** The shortest key of each kind: two characters of a name, three letters from a word's start. */
export const shortestKey = { B: 2, T: 3 } as const;

/** Whether a string (`B` or `T` first) held by `count` entries is common. */
export const isCommonString = (key: string, count: number): boolean => count > commonAbove && Array.from(key).length - 1 <= commonLongest[key[0] as 'B' | 'T'];

/** The common strings as sets, of the names and from words' starts. */
export interface CommonStrings {
  names: ReadonlySet<string>;
  words: ReadonlySet<string>;
}

/** No common strings: every pair and every word's three letters is a key. */
export const noCommon: CommonStrings = { names: new Set(), words: new Set() };

/** The sets of an index file's common strings. */
export const commonOf = (file: Pick<SearchIndexFile, 'common'>): CommonStrings =>
  file.common ? { names: new Set(file.common.names), words: new Set(file.common.words) } : noCommon;

/**
 * From position `at` of `chars`, the common strings passed (each one character longer) and the key where the walk
 * stops: the first string that is not common, when it is least uncommon (see the module's comment). `min` is the
 * shortest string ({@link shortestKey}); `end` where the walk must stop (a word stops before a Chinese character).
 */
export function walk(chars: readonly string[], at: number, common: ReadonlySet<string>, min: number, end = chars.length): { passed: string[]; key?: string } {
  const passed: string[] = [];
  if (at + min > end) return { passed };
  let s = chars.slice(at, at + min).join('');
  for (let j = at + min; ; j++) {
    if (!common.has(s)) {
      // Names: a string whose tail is not common either is not least uncommon (its tail is a key, from `at + 1`).
      const least = min === shortestKey.T || j - at === min || common.has(s.slice(chars[at]!.length));
      return least ? { passed, key: s } : { passed };
    }
    passed.push(s);
    if (j >= end) return { passed };
    s += chars[j];
  }
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

/** The keys under which a query's matches are filed, given the index's common strings. */
export function queryPlan(query: string, common: CommonStrings = noCommon): QueryPlan {
  const q = normaliseQuery(query);
  const chars = Array.from(q);
  if (chars.length === 0) return { kind: 'none' };
  const short = { kind: 'short', key: `S${q}`, query: q } as const;
  if (chars.length === 1 || (chars.length === 2 && !hasHan(q))) return short;
  if (hasHan(q)) {
    if (common.names.has(q)) return short;
    const keys = new Set<string>();
    for (let i = 0; i + 1 < chars.length; i++) {
      const { key } = walk(chars, i, common.names, shortestKey.B);
      if (key) keys.add(`B${key}`);
    }
    return { kind: 'keys', keys: [...keys] };
  }
  if (common.words.has(q)) return short;
  return { kind: 'keys', keys: [`T${walk(chars, 0, common.words, shortestKey.T).key}`] };
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
