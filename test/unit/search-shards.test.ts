/** The sharded search index: which shard a query reads, and that one shard gives the results the whole table gives. */
import { describe, expect, it } from 'vitest';
import { pinyinOf, syllablesOf } from '../../src/compiler/publish';
import { bestMatches, searchShardFiles } from '../../src/compiler/search-shards';
import type { SearchEntry } from '../../src/lib/atlas-data';
import { isSearchEntry, readTable, searchFields } from '../../src/lib/published-format';
import { normaliseQuery, rankEntries, searchLimit } from '../../src/lib/search-match';
import {
  candidatesIn,
  commonAbove,
  commonLongest,
  commonOf,
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
  const plan = queryPlan(query, commonOf(index));
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

  it('answers a common string from the build, and files a query made of common pairs under its least uncommon string', () => {
    const common = { names: new Set(['医院', '人民', '民医', '人民医', '民医院']), words: new Set(['yiy', 'yiyu']) };
    expect(queryPlan('医院', common)).toEqual({ kind: 'short', key: 'S医院', query: '医院' });
    // 人民医院 is not common: from 人 it grows through 人民 and 人民医 to itself, whose tail 民医院 is common.
    expect(queryPlan('人民医院', common)).toEqual({ kind: 'keys', keys: ['B人民医院'] });
    // 县人 is not common: the key from 县; from 人 and from 民 the walk ends at the query's end, still common.
    expect(queryPlan('县人民医', common)).toEqual({ kind: 'keys', keys: ['B县人'] });
    // Not 民医院: its tail 医院 is not common here, so 医院 is the key from 医, and every match holds it too.
    const fewer = { names: new Set(['人民', '民医']), words: new Set<string>() };
    expect(queryPlan('人民医院', fewer)).toEqual({ kind: 'keys', keys: ['B人民医', 'B医院'] });
    expect(queryPlan('yiyuan', common)).toEqual({ kind: 'keys', keys: ['Tyiyua'] });
    expect(queryPlan('yiyu', common)).toEqual({ kind: 'short', key: 'Syiyu', query: 'yiyu' });
  });

  it('at a country’s scale, reads a small shard for a common word and gives the whole table’s best results', () => {
    // 270 made-up counties, each with four hospitals and a health town to be rebuilt: 医院 (1,080 entries), 改扩建项目
    // (all) and yiy become common, 医院改扩建项目 (seven characters) would be, but for `commonLongest`.
    const han = Array.from('东南西北上下左右前后金木水火土山河湖海林');
    const counties = han.flatMap((a) => han.map((b) => `${a}${b}`)).slice(0, 270);
    const kinds = ['人民医院', '中医医院', '第一人民医院', '骨科医院', '康养小镇'].map((k) => `${k}改扩建项目`);
    const entries: SearchEntry[] = counties.flatMap((c, i) =>
      kinds.map((k, j) => ({ id: `p${i}-${j}`, plan: `p${i}`, role: 'project', name: `${c}${k}`, county: `${c}县`, ...pinyinOf(`${c}${k}`) })),
    );
    const files = searchShardFiles(entries, syllablesOf, 256);
    const index = files[searchShardPaths.index] as SearchIndexFile;
    expect(index.common?.names).toContain('医院');
    expect(index.common?.words).toContain('yiy');
    expect(index.common?.names).toContain('改扩建项目');
    expect(index.common?.names.every((c) => Array.from(c).length <= commonLongest.B)).toBe(true);
    expect(index.common?.words.every((c) => c.length <= commonLongest.T)).toBe(true);
    const queries = new Set([
      '医院',
      '人民医院',
      '第一人民医院',
      '县人民医院',
      '医院改扩建项目',
      '人民医院改扩建',
      'yiyuan',
      'yiyuangaikuojian',
      'yiy',
      'renmin',
    ]);
    for (const q of ['kangyang', '骨科', '没有', '改扩建']) queries.add(q);
    for (const e of entries.slice(0, 400)) queries.add(e.name).add(e.name.slice(0, 3)).add(e.pinyin.slice(0, 6)).add(e.initials.slice(0, 4));
    for (const q of queries) expect(shardedSearch(files, q).results.slice(0, searchLimit), q).toEqual(rankEntries(entries, q, searchLimit).map((e) => e.id));
    // The shard 医院 reads holds its best forty, not the thousand entries that hold it.
    const holding = entries.filter((e) => e.name.includes('医院')).length;
    expect(holding).toBeGreaterThan(commonAbove);
    expect(index.shards[shardFor(queryPlan('医院', commonOf(index)), index.shards)!]).toBeLessThan(holding / 4);
  });
});
