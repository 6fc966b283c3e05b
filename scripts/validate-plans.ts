/**
 * `npm run validate`: checks every plan under data/ as `npm run build:data` would build it (schema, seed
 * fidelity, references, county codes, places inside their counties, rivers, links between plans), writing
 * nothing. One line per problem: file, feature, field.
 */
import { resolve } from 'node:path';
import { readBaseGeo } from './lib/base-geo';
import { openBuildCache } from './lib/build-cache';
import { buildPlans } from './lib/build-plans';

const root = resolve(import.meta.dirname, '..');
// ATLAS_DATA lets tests point the validator at a copy of data/.
const data = process.env.ATLAS_DATA ?? resolve(root, 'data');
const cache = openBuildCache(root);
const base = () => readBaseGeo(resolve(root, 'public/geo/base'));
const { plans, problems } = buildPlans(data, resolve(data, 'seeds'), process.env.ATLAS_DATA ? resolve(data, '..') : root, base, cache);
for (const p of problems) console.error(p);
const summary = plans.map(
  (p) =>
    `${p.meta.id} (${p.features.filter((f) => f.properties.role !== 'project' && f.properties.part !== 'linked').length} elements, ${p.meta.counts.project ?? 0} projects)`,
);
console.log(`${plans.length} plan(s) valid: ${summary.join(', ') || 'none'}; ${problems.length} problem(s).`);
process.exit(problems.length ? 1 : 0);
