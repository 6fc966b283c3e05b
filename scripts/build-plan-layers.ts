/**
 * `npm run build:data`: validates data/ and writes what the app reads under public/geo: `plans/catalogue.json`
 * (the plan tree, loaded first), `plans/<planId>.geojson` (a plan's features and metadata), `plans/search.json` and
 * `plans/projects.json` (compact tables loaded on first use), `search/` (the search index in shards, for a hosted
 * atlas: a search downloads one shard), and `sources/<planId>.json` (a plan's own files and
 * seed, loaded only when the studio opens). A plan with problems is reported and skipped; the others are still
 * written. Exit code 1 if any problem.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { publishedFiles } from '../src/compiler/compile';
import { readBaseGeo } from './lib/base-geo';
import { openBuildCache } from './lib/build-cache';
import { buildPlans } from './lib/build-plans';

const root = resolve(import.meta.dirname, '..');
// ATLAS_DATA and ATLAS_PLANS_OUT (the plans folder; sources go beside it) let tests and benchmarks build a copy of data/ elsewhere.
const dataDir = process.env.ATLAS_DATA ?? resolve(root, 'data');
const geoDir = process.env.ATLAS_PLANS_OUT ? resolve(process.env.ATLAS_PLANS_OUT, '..') : resolve(root, 'public/geo');
const target = (path: string) => resolve(geoDir, path.replace(/^geo\//, ''));

const cache = openBuildCache(root);
const base = () => readBaseGeo(resolve(root, 'public/geo/base'));
const { plans, problems, sources, readSeed } = buildPlans(
  dataDir,
  resolve(dataDir, 'seeds'),
  process.env.ATLAS_DATA ? resolve(dataDir, '..') : root,
  base,
  cache,
);
const files = publishedFiles(plans, sources, readSeed);

// Generated folders hold only what this build writes: a plan removed from data/ leaves no stale file behind.
for (const folder of ['geo/plans', 'geo/search', 'geo/sources', 'geo/projects']) {
  const dir = target(folder);
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (!(`${folder}/${f}` in files)) rmSync(resolve(dir, f));
}
// Unchanged files are not rewritten: a one-plan change touches that plan's files and the tables.
let written = 0;
for (const [path, text] of Object.entries(files)) {
  const file = target(path);
  if (existsSync(file) && readFileSync(file, 'utf8') === text) continue;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  written++;
}
for (const p of plans) {
  console.log(
    `${p.meta.id}: ${Object.entries(p.meta.counts)
      .map(([r, n]) => `${n} ${r}`)
      .join(', ')}; ${p.meta.unplaced.length} unplaced`,
  );
}
for (const m of problems) console.error(m);
console.log(
  `${plans.length} plan(s) published in ${geoDir} (${written} file(s) changed; ${cache ? `${cache.misses} plan(s) compiled, ${cache.hits} from the cache` : 'no cache'}); ${problems.length} problem(s).`,
);
process.exit(problems.length ? 1 : 0);
