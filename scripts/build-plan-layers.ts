/**
 * `npm run build:data`: validates data/ and writes what the app reads under public/geo: `plans/catalogue.json`
 * (the plan tree, loaded first), `plans/<planId>.geojson` (a plan's features and metadata), `plans/search.json` and
 * `plans/projects.json` (compact tables loaded on first use), `search/` (the search index in shards, for a hosted
 * atlas: a search downloads one shard), and `sources/<planId>.json` (a plan's own files and
 * seed, loaded only when the studio opens). A plan with problems is reported and skipped; the others are still
 * written. Exit code 1 if any problem.
 */
import { resolve } from 'node:path';
import type { BaseGeo } from '../src/compiler/base-geo';
import { readBaseGeo } from './lib/base-geo';
import { openBuildCache } from './lib/build-cache';
import { buildData } from './lib/build-data';

const root = resolve(import.meta.dirname, '..');
// ATLAS_DATA and ATLAS_PLANS_OUT (the plans folder; sources go beside it) let tests and benchmarks build a copy of data/ elsewhere.
const dataDir = process.env.ATLAS_DATA ?? resolve(root, 'data');
const geoDir = process.env.ATLAS_PLANS_OUT ? resolve(process.env.ATLAS_PLANS_OUT, '..') : resolve(root, 'public/geo');
let loaded: BaseGeo | undefined;
const { plans, problems, written, compiled, timings } = buildData({
  dataDir,
  geoDir,
  problemRoot: process.env.ATLAS_DATA ? resolve(dataDir, '..') : root,
  base: () => (loaded ??= readBaseGeo(resolve(root, 'public/geo/base'))),
  cache: openBuildCache(root),
});
for (const p of plans) {
  console.log(
    `${p.id}: ${Object.entries(p.counts)
      .map(([r, n]) => `${n} ${r}`)
      .join(', ')}; ${p.unplaced} unplaced`,
  );
}
for (const m of problems) console.error(m);
console.log(
  `${plans.length} plan(s) published in ${geoDir} (${written} file(s) changed; ${compiled} plan(s) compiled${compiled < plans.length ? `, the others from the cache` : ''}); ${problems.length} problem(s).`,
);
// --profile: where the time went (the budget is a one-plan change in seconds at 1,000 plans).
// CPU time beside wall time: on the shared machine the wall time is mostly waiting for a core.
if (process.argv.includes('--profile')) {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(timings.map(([what, wall, cpu]) => `  ${what}: ${s(wall)} (CPU ${s(cpu)})`).join('\n'));
  const { user, system } = process.cpuUsage();
  console.log(`  in all, this process: ${s(performance.now())} (CPU ${s((user + system) / 1000)}, including starting)`);
}
process.exit(problems.length ? 1 : 0);
