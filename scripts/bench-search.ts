/**
 * `npm run bench:search -- 5 150 1000`: what a search downloads before its first result, at each number of plans
 * given (default 5, 150, 1000), generated at the published-file level: today's search entries (made from the
 * published layers, as the single file's search.json) copied as often as the scale needs (each copy another plan's, with its own ids), then the sharded
 * index built by the compiler (src/compiler/search-shards.ts), as `npm run build:data` would. Prints, for queries
 * taken from the data (a common character, the commonest and a rarer pair of characters, initials, pinyin), the gzip
 * bytes of the top file + the one shard the query reads, beside the whole table the search read before; and the
 * index's build time and size on disk. The data build itself is measured by `npm run bench:scale`. Nothing is written.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { syllablesOf } from '../src/compiler/publish';
import { searchShardFiles } from '../src/compiler/search-shards';
import type { SearchEntry } from '../src/lib/atlas-data';
import { publishedPaths, searchFields, toTable } from '../src/lib/published-format';
import { wholeTableRows } from './lib/whole-tables';
import { commonOf, queryPlan, type SearchIndexFile, searchShardPaths, shardFor } from '../src/lib/search-shards';

const root = resolve(import.meta.dirname, '..');
const read = (path: string): unknown => JSON.parse(readFileSync(resolve(root, 'public', path), 'utf8'));
const today = wholeTableRows(read).search;
const todayPlans = (read(publishedPaths.catalogue) as { plans: unknown[] }).plans.length;
const scales = (process.argv.slice(2).length ? process.argv.slice(2) : ['5', '150', '1000']).map(Number).filter((n) => n > 0);

/** Queries from the data, not named in code: the commonest first character, the commonest and a median pair, initials, pinyin. */
function queries(entries: readonly SearchEntry[]): string[] {
  const count = new Map<string, number>();
  const first = new Map<string, number>();
  for (const e of entries) {
    const chars = Array.from(e.name);
    first.set(chars[0]!, (first.get(chars[0]!) ?? 0) + 1);
    for (const pair of new Set(chars.slice(0, -1).map((c, i) => c + chars[i + 1])))
      if (/^\p{Script=Han}{2}$/u.test(pair)) count.set(pair, (count.get(pair) ?? 0) + 1);
  }
  const byCount = [...count].sort((a, b) => b[1] - a[1]);
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1])[0]![0];
  const project = entries.find((e) => e.role === 'project' && e.initials.length >= 4) ?? entries[0]!;
  return [top(first), byCount[0]![0], byCount[Math.floor(byCount.length / 2)]![0], project.initials.slice(0, 4), project.pinyin.slice(0, 6)];
}

const gz = (value: unknown) => gzipSync(`${JSON.stringify(value)}\n`, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const memo = new Map<string, string[]>();
const syllables = (name: string) => memo.get(name) ?? memo.set(name, syllablesOf(name)).get(name)!;
const qs = queries(today);

console.log(`search: bytes (gzip) before the first result; today ${todayPlans} plans, ${today.length} entries; queries ${qs.join(' / ')}`);
console.log(['plans', 'entries', 'shards', 'whole table (before)', ...qs.map((q) => `“${q}” (after)`), 'index build', 'shards on disk'].join(' | '));
for (const plans of scales) {
  const copies = Math.max(1, Math.round(plans / todayPlans));
  const entries = Array.from({ length: copies }, (_, c) => today.map((e) => (c ? { ...e, id: `${e.id}-copy${c}`, plan: `${e.plan}-copy${c}` } : e))).flat();
  const started = performance.now();
  const files = searchShardFiles(entries, syllables);
  const built = performance.now() - started;
  const index = files[searchShardPaths.index] as SearchIndexFile;
  const top = gz(index);
  const after = qs.map((q) => {
    const n = shardFor(queryPlan(q, commonOf(index)), index.shards);
    return n === undefined ? top : top + gz(files[searchShardPaths.shard(n)]);
  });
  const disk = Object.values(files).reduce((sum: number, v) => sum + JSON.stringify(v).length + 1, 0);
  console.log(
    [
      copies * todayPlans,
      entries.length,
      index.shards.length,
      kb(gz(toTable(searchFields, entries))),
      ...after.map(kb),
      `${(built / 1000).toFixed(1)} s`,
      `${(disk / 1e6).toFixed(1)} MB`,
    ].join(' | '),
  );
}
