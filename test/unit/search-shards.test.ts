/** The sharded search index: which shard a query reads, and that one shard gives the results the whole table gives. */
import { describe, expect, it } from 'vitest';
import { syllablesOf } from '../../src/compiler/publish';
import { bestMatches, searchShardFiles } from '../../src/compiler/search-shards';
import type { SearchEntry } from '../../src/lib/atlas-data';
import { isSearchEntry, readTable, searchFields } from '../../src/lib/published-format';
import { normaliseQuery, rankEntries, searchLimit } from '../../src/lib/search-match';
import {
  candidatesIn,
  queryPlan,
  type SearchIndexFile,
  type SearchShardFile,
  searchShardPaths,
  shardCount,
  shardFor,
  shardOf,
} from '../../src/lib/search-shards';
import { compiledAtlas } from './fixtures/compiled-atlas';

/** The compiled fixture atlas's published entries, read as the app reads them. */
const published = compiledAtlas().search;

/** The results of `query` read as the app reads them: the top file, one shard, its candidates, ranked. */
function shardedSearch(files: Record<string, unknown>, query: string): { results: string[]; shardsRead: number } {
  const index = files[searchShardPaths.index] as SearchIndexFile;
  const plan = queryPlan(query);
  const n = shardFor(plan, index.shards);
  if (n === undefined) return { results: [], shardsRead: 0 };
  const shard = files[searchShardPaths.shard(n)] as SearchShardFile;
  const rows = readTable<SearchEntry>('shard', shard, searchFields, isSearchEntry).records;
  const candidates = candidatesIn(plan, index.shards.length, rows, new Map(Object.entries(shard.answers)));
  return { results: rankEntries(candidates, query).map((e) => e.id), shardsRead: 1 };
}

describe('search shards', () => {
  it('files a Chinese query under its pairs of characters, a short one under itself, a longer latin one under its first three', () => {
    expect(queryPlan('勐库康养')).toEqual({ kind: 'keys', keys: ['B勐库', 'B库康', 'B康养'] });
    expect(queryPlan(' 曲 ')).toEqual({ kind: 'short', key: 'S曲', query: '曲' });
    expect(queryPlan('MK')).toEqual({ kind: 'short', key: 'Smk', query: 'mk' });
    expect(queryPlan('mkky')).toEqual({ kind: 'keys', keys: ['Tmkk'] });
    expect(queryPlan('   ')).toEqual({ kind: 'none' });
  });

  it('reads the smallest shard among the query’s keys, and none that is empty', () => {
    const sizes = [0, 0, 0, 0, 0, 0, 0, 0];
    const plan = queryPlan('勐库康养');
    if (plan.kind !== 'keys') throw new Error('expected keys');
    expect(shardFor(plan, sizes)).toBeUndefined();
    const [a, b] = plan.keys.map((k) => shardOf(k, sizes.length));
    sizes[a!] = 50;
    sizes[b!] = a === b ? 50 : 10;
    expect(shardFor(plan, sizes)).toBe(a === b ? a : b);
    expect(shardFor(plan, [7])).toBe(0);
  });

  it('keeps one shard, the whole table, up to 2,000 entries and splits as the country grows', () => {
    expect(shardCount(published.length)).toBe(1);
    expect(shardCount(2000)).toBe(1);
    expect(shardCount(2001)).toBeGreaterThan(1);
    expect(shardCount(10_000)).toBe(512);
    expect(shardCount(300_000)).toBe(4096);
  });

  it('gives the whole table’s results for every query from one shard of sixteen', () => {
    const files = searchShardFiles(published, syllablesOf, 16);
    const sizes = (files[searchShardPaths.index] as SearchIndexFile).shards;
    expect(sizes).toHaveLength(16);
    // Every one- and two-character piece of every name, the names' pinyin and initials, and some typed words.
    const queries = new Set(['勐库', 'mkky', 'mengku', '人民医院', '医院', 'yiyuan', 'kangyang', '双江县', '没有']);
    for (const e of published) {
      const chars = Array.from(e.name);
      chars.forEach((c, i) => {
        queries.add(c);
        if (chars[i + 1]) queries.add(c + chars[i + 1]);
      });
      queries.add(e.initials.slice(0, 2)).add(e.initials.slice(0, 4)).add(e.pinyin.slice(0, 5));
    }
    for (const q of queries) expect(shardedSearch(files, q).results, q).toEqual(rankEntries(published, q).map((e) => e.id));
  });

  it('ranks a short query’s answer as the app ranks the same entries, ties by name length and then published order', () => {
    // Many entries of equal score and length: the ties decide who is in the best 40.
    const entries = Array.from({ length: 8 }, (_, copy) => published.map((e) => ({ ...e, id: `${e.id}-${copy}` }))).flat();
    expect(entries.length).toBeGreaterThan(searchLimit * 2);
    const all = entries.map((_, n) => n);
    for (const query of ['医', 'y', 'zx', '院', 'k']) {
      const q = normaliseQuery(query);
      const expected = rankEntries(entries, q, searchLimit).map((e) => entries.indexOf(e));
      expect(expected.length).toBeGreaterThan(0);
      expect(bestMatches(entries, all, q)).toEqual(expected);
    }
  });
});
