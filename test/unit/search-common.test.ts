/**
 * The data layer's search over a large index: it reads the common strings from the top-level file, so a query of a
 * common word downloads the build's answer, a small shard, and gives the whole table's best results.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pinyinOf, syllablesOf } from '../../src/compiler/publish';
import { searchShardFiles } from '../../src/compiler/search-shards';
import { resetDataLayer } from '../../src/data/reset';
import { searchCandidates } from '../../src/data/search';
import type { SearchEntry } from '../../src/lib/atlas-data';
import { rankEntries, searchLimit } from '../../src/lib/search-match';
import { type SearchIndexFile, searchShardPaths } from '../../src/lib/search-shards';

// 270 made-up counties, four hospitals and a 妇幼保健院 each: 医院 (1,080 entries) is common.
const han = Array.from('东南西北上下左右前后金木水火土山河湖海林');
const entries: SearchEntry[] = han
  .flatMap((a) => han.map((b) => `${a}${b}`))
  .slice(0, 270)
  .flatMap((c, i) =>
    ['人民医院', '中医医院', '骨科医院', '口腔医院', '妇幼保健院'].map((k, j) => ({
      id: `p${i}-${j}`,
      plan: `p${i}`,
      role: 'project',
      name: `${c}${k}`,
      county: `${c}县`,
      ...pinyinOf(`${c}${k}`),
    })),
  );
const files = searchShardFiles(entries, syllablesOf, 256);

describe('search over an index with common strings', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    resetDataLayer();
  });

  it('downloads the top file and the shard of a common word’s answer, and ranks as the whole table does', async () => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: URL) => {
      const path = Object.keys(files).find((p) => url.pathname.endsWith(`/${p}`));
      if (path) asked.push(path);
      return path ? new Response(JSON.stringify(files[path])) : new Response('', { status: 404 });
    });
    expect((files[searchShardPaths.index] as SearchIndexFile).common?.names).toContain('医院');
    for (const query of ['医院', '东南人民医院', 'yiyuan', '妇幼']) {
      const found = rankEntries(await searchCandidates(query), query, searchLimit).map((e) => e.id);
      expect(found, query).toEqual(rankEntries(entries, query, searchLimit).map((e) => e.id));
    }
    // The top file once, then one shard a query at most.
    expect(asked.filter((p) => p === searchShardPaths.index)).toHaveLength(1);
    expect(asked.length).toBeLessThanOrEqual(5);
  });
});
