/**
 * Builds the sharded search index (the layout and its keys: src/lib/search-shards.ts): every element and project
 * filed under its keys, and the answers to short queries computed here, once, with the app's own ranking.
 */
import type { SearchEntry } from '../lib/atlas-data';
import { publishedFormat, searchFields, toTable } from '../lib/published-format';
import { matchScore, normaliseQuery, searchLimit } from '../lib/search-match';
import {
  type CommonStrings,
  hasHan,
  isCommonString,
  noCommon,
  type SearchIndexFile,
  type SearchShardFile,
  searchShardPaths,
  shardCount,
  shortestKey,
  shardOf,
  walk,
} from '../lib/search-shards';

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
 * What an entry's keys are walked from (src/lib/search-shards.ts `walk`), and the short queries it can answer: a
 * function of the entry alone (the build caches it per plan); its keys also depend on the index's common strings.
 */
export interface EntryIndexing {
  /** Name and county, normalised: `B` keys are walked from each of their positions. */
  names: string[];
  /** Letters and the positions `T` keys are walked from: every one of the name and county, each letter of the initials, each syllable of the pinyin, each word of the English name. */
  words: [string, number[]][];
  short: string[];
}

/** An entry's {@link EntryIndexing}; `syllables` is its name's pinyin, one syllable (or other character) each. */
export function entryIndexing(entry: SearchEntry, syllables: readonly string[]): EntryIndexing {
  const names = [entry.name, entry.county].map(normaliseQuery);
  const every = (text: string) => Array.from(text).map((_, i) => i);
  // Initials from every character: “zyyy” finds every 某县中医医院.
  const words: [string, number[]][] = [...names, entry.initials].map((text) => [text, every(text)]);
  const starts: number[] = [];
  let p = 0;
  for (const syllable of syllables) {
    starts.push(p);
    p += Array.from(syllable.toLowerCase()).length;
  }
  words.push([entry.pinyin, starts]);
  if (entry.nameEn) words.push([normaliseQuery(entry.nameEn), wordStarts(entry.nameEn)]);
  return { names, words, short: [...shortQueries(entry)] };
}

/** Where an entry goes, given the common strings: its keys, the common strings it answers, and every string it counts for. */
export interface EntryStrings {
  keys: string[];
  /** Common strings with Chinese, and words' (answered like short queries). */
  answers: string[];
  /** Every string the index counts (to find the common ones), `B` or `T` first: the keys and the common strings passed. */
  counted: string[];
}

type Kind = keyof typeof shortestKey;

/**
 * Calls `visit` at each place a string of `kind` starts in an entry: every position of a name (`B`) with two
 * characters from it, each word's start (`T`) with three letters before the end of the word, which stops before a
 * Chinese character (a query with one is matched by the names' keys). One definition for placing and counting.
 */
function eachStart(ix: EntryIndexing, kind: Kind, visit: (chars: string[], at: number, end: number) => void): void {
  const min = shortestKey[kind];
  if (kind === 'B')
    for (const name of ix.names) {
      const chars = Array.from(name);
      for (let at = 0; at + min <= chars.length; at++) visit(chars, at, chars.length);
    }
  else
    for (const [text, starts] of ix.words) {
      const chars = Array.from(text);
      for (const at of starts) {
        let end = at;
        while (end < chars.length && !hasHan(chars[end]!)) end++;
        if (at + min <= end) visit(chars, at, end);
      }
    }
}

/** Where an entry goes among these common strings (src/lib/search-shards.ts explains the walk). */
export function entryStrings(ix: EntryIndexing, common: CommonStrings): EntryStrings {
  const keys = new Set<string>();
  const answers = new Set<string>();
  const counted = new Set<string>();
  for (const kind of ['B', 'T'] as const) {
    const set = kind === 'B' ? common.names : common.words;
    eachStart(ix, kind, (chars, at, end) => {
      const { passed, key } = walk(chars, at, set, shortestKey[kind], end);
      for (const s of passed) {
        counted.add(kind + s);
        // A word's common strings are all answered; a name's only with Chinese (without, a word's answer serves).
        if (kind === 'T' || hasHan(s)) answers.add(s);
      }
      if (key) {
        keys.add(kind + key);
        counted.add(kind + key);
      }
    });
  }
  return { keys: [...keys], answers: [...answers], counted: [...counted] };
}

/**
 * The common strings of these entries, with how many entries count each string (as {@link entryStrings} counts
 * them): pairs and words' three letters first, then, level by level, each string one longer where the walk is still
 * on a common one, until none is (none is longer than `commonLongest`). Only the walks still going are kept, so a
 * country's millions of positions are read twice, not once per level. None in an index of one shard.
 */
export function commonStrings(indexing: readonly EntryIndexing[], count: number): { common: CommonStrings; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  if (count <= 1) return { common: noCommon, counts };
  const names = new Set<string>();
  const words = new Set<string>();
  type Visit = (n: number, chars: string[], at: number, end: number) => void;
  const grow = (kind: Kind, set: Set<string>) => {
    const min = shortestKey[kind];
    const each = (visit: Visit) => indexing.forEach((ix, n) => eachStart(ix, kind, (chars, at, end) => visit(n, chars, at, end)));
    // Each entry counts a string once.
    let entry = -1;
    const seen = new Set<string>();
    const tally = (n: number, s: string) => {
      if (n !== entry) {
        seen.clear();
        entry = n;
      }
      if (seen.has(s)) return;
      seen.add(s);
      counts.set(kind + s, (counts.get(kind + s) ?? 0) + 1);
    };
    const isCommon = (s: string) => isCommonString(kind + s, counts.get(kind + s) ?? 0);
    each((n, chars, at) => tally(n, chars.slice(at, at + min).join('')));
    let walks: { n: number; chars: string[]; at: number; end: number; s: string }[] = [];
    each((n, chars, at, end) => {
      const s = chars.slice(at, at + min).join('');
      if (!isCommon(s)) return;
      set.add(s);
      if (at + min < end) walks.push({ n, chars, at, end, s: s + chars[at + min] });
    });
    for (let length = min + 1; walks.length; length++) {
      entry = -1;
      // A name's string is counted only where its tail is common too (else it is not least uncommon).
      for (const w of walks) if (kind === 'T' || set.has(w.s.slice(w.chars[w.at]!.length))) tally(w.n, w.s);
      const next: typeof walks = [];
      for (const w of walks) {
        if (!isCommon(w.s)) continue;
        set.add(w.s);
        if (w.at + length < w.end) {
          w.s += w.chars[w.at + length];
          next.push(w);
        }
      }
      walks = next;
    }
  };
  grow('B', names);
  grow('T', words);
  return { common: { names, words }, counts };
}

/** The shards of the index: their files and their sizes. */
export interface ShardsMade {
  /**
   * `geo/search/<n>.json` of each shard that holds an entry, each made when asked: a country's shards are written one
   * at a time, never all held at once.
   */
  files: Map<string, () => SearchShardFile>;
  /** Entries in each shard (0 for an empty one). */
  sizes: Map<number, number>;
  /** The common strings, and how many entries count each string ({@link commonStrings}). */
  common: CommonStrings;
  counts: Map<string, number>;
  /** How many entries can answer each short query and common string (an incremental build's model keeps them). */
  shortCounts: Map<string, number>;
}

/**
 * The answer `rankEntries` (src/lib/search-match.ts) gives to a normalised query over the entries at these positions
 * (ascending), as positions: the best `searchLimit` kept as they come instead of every match sorted (a one-letter
 * query can match a country's entries). Same order: score, then the name's length, then the position.
 */
export function bestMatches(entries: readonly SearchEntry[], ns: readonly number[], q: string): number[] {
  const best: { score: number; length: number; n: number }[] = [];
  const before = (a: (typeof best)[number], b: (typeof best)[number]) => a.score - b.score || a.length - b.length || a.n - b.n;
  for (const n of ns) {
    const entry = entries[n]!;
    const score = matchScore(entry, q, q);
    if (score < 0) continue;
    const match = { score, length: entry.name.length, n };
    if (best.length === searchLimit && before(match, best[searchLimit - 1]!) >= 0) continue;
    let i = best.length;
    best.push(match);
    while (i > 0 && before(match, best[i - 1]!) < 0) {
      best[i] = best[i - 1]!;
      i--;
    }
    best[i] = match;
    if (best.length > searchLimit) best.pop();
  }
  return best.map((m) => m.n);
}

/** The union of an ascending list without repeats and any list, ascending without repeats. */
function union(sorted: readonly number[], more: readonly number[]): number[] {
  if (!more.length) return [...sorted];
  return [...new Set([...sorted, ...more])].sort((a, b) => a - b);
}

/**
 * The files of the shards for these entries, in the published order (which breaks ties): each entry filed under its
 * keys, and each short query's answer ranked here with the app's own ranking over every entry that can match it.
 */
export function makeShards(entries: readonly SearchEntry[], indexing: readonly EntryIndexing[], count: number): ShardsMade {
  const { common, counts } = commonStrings(indexing, count);
  // Entries filed by a key, ascending (entries are visited in order): arrays, not sets, for a country's millions.
  const members = new Map<number, number[]>();
  for (let shard = 0; shard < count; shard++) members.set(shard, []);
  const candidates = new Map<string, number[]>();
  const shortCounts = new Map<string, number>();
  indexing.forEach((ix, n) => {
    const { keys, answers } = entryStrings(ix, common);
    for (const key of keys) {
      const list = members.get(shardOf(key, count))!;
      if (list.at(-1) !== n) list.push(n);
    }
    for (const q of [...ix.short, ...answers]) {
      shortCounts.set(q, (shortCounts.get(q) ?? 0) + 1);
      if (count <= 1) continue;
      const list = candidates.get(q);
      if (list) list.push(n);
      else candidates.set(q, [n]);
    }
  });
  // A short query's answer: the app's own ranking over every entry it can match, best first.
  const byShard = new Map<number, [string, number[]][]>();
  for (const [q, ns] of candidates) {
    const best = bestMatches(entries, ns, q);
    const shard = shardOf(`S${q}`, count);
    const list = byShard.get(shard);
    if (list) list.push([q, best]);
    else byShard.set(shard, [[q, best]]);
  }
  candidates.clear();
  const files = new Map<string, () => SearchShardFile>();
  const sizes = new Map<number, number>();
  for (const [shard, keyed] of members) {
    const filed = (byShard.get(shard) ?? []).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const rows = union(
      keyed,
      filed.flatMap(([, ns]) => ns),
    );
    sizes.set(shard, rows.length);
    if (!rows.length) continue;
    files.set(searchShardPaths.shard(shard), () => {
      const row = new Map(rows.map((n, i) => [n, i]));
      return {
        ...toTable(
          searchFields,
          rows.map((n) => entries[n]!),
        ),
        answers: Object.fromEntries(filed.map(([q, ns]) => [q, ns.map((n) => row.get(n)!)])),
      };
    });
  }
  return { files, sizes, common, counts, shortCounts };
}

/** `geo/search/index.json` for the shards' sizes, by shard number. */
export const searchIndexFile = (sizes: readonly number[], common: CommonStrings = noCommon): SearchIndexFile => {
  const sorted = (set: ReadonlySet<string>) => [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const some = common.names.size + common.words.size > 0;
  return { format: publishedFormat, shards: [...sizes], ...(some ? { common: { names: sorted(common.names), words: sorted(common.words) } } : {}) };
};

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
  const { files, sizes, common } = makeShards(
    entries,
    entries.map((e) => entryIndexing(e, syllablesOf(e.name))),
    count,
  );
  const made = Object.fromEntries([...files].map(([path, file]) => [path, file()]));
  return {
    ...made,
    [searchShardPaths.index]: searchIndexFile(
      Array.from({ length: count }, (_, n) => sizes.get(n) ?? 0),
      common,
    ),
  };
}
