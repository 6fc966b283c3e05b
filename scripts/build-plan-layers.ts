/**
 * `npm run build:data`: validates data/ and writes public/geo/plans: `catalogue.json` (the plan tree, loaded
 * first), `<planId>.geojson` (a plan's features and metadata), `search.json` and `projects.json` (compact
 * tables loaded on first use). A plan with problems is reported and skipped; the others are still written.
 * Exit code 1 if any problem.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { catalogueEntry, buildPlans, projectRecords, searchEntries } from './lib/build-plans';
import { readBaseGeo } from './lib/base-geo';
import { projectFields, searchFields, toTable } from '../src/lib/atlas-data';

const root = resolve(import.meta.dirname, '..');
// ATLAS_DATA and ATLAS_PLANS_OUT let tests and benchmarks build a copy of data/ into a scratch folder.
const dataDir = process.env.ATLAS_DATA ?? resolve(root, 'data');
const outDir = process.env.ATLAS_PLANS_OUT ?? resolve(root, 'public/geo/plans');

const base = readBaseGeo(resolve(root, 'public/geo/base'));
const { plans, problems } = buildPlans(dataDir, resolve(dataDir, 'seeds'), process.env.ATLAS_DATA ? resolve(dataDir, '..') : root, base);

mkdirSync(outDir, { recursive: true });
const keep = new Set(plans.map((p) => `${p.meta.id}.geojson`));
for (const f of readdirSync(outDir)) if ((f.endsWith('.geojson') && !keep.has(f)) || f === 'index.json') rmSync(resolve(outDir, f));
const json = (value: unknown) => `${JSON.stringify(value)}\n`;
for (const p of plans) {
  writeFileSync(resolve(outDir, `${p.meta.id}.geojson`), json({ type: 'FeatureCollection', meta: p.meta, features: p.features }));
  console.log(
    `${p.meta.id}: ${Object.entries(p.meta.counts)
      .map(([r, n]) => `${n} ${r}`)
      .join(', ')}; ${p.meta.unplaced.length} unplaced`,
  );
}
writeFileSync(resolve(outDir, 'catalogue.json'), json({ plans: plans.map((p) => catalogueEntry(p.meta)) }));
writeFileSync(resolve(outDir, 'search.json'), json(toTable(searchFields, plans.flatMap(searchEntries))));
writeFileSync(resolve(outDir, 'projects.json'), json(toTable(projectFields, plans.flatMap(projectRecords))));
for (const m of problems) console.error(m);
console.log(`${plans.length} plan layer(s) written to ${outDir}; ${problems.length} problem(s).`);
process.exit(problems.length ? 1 : 0);
