/**
 * `npm run apply -- <change set>…`: applies change sets (format in data/README.md and
 * src/compiler/edit/change-set.ts) to data/ (or to $ATLAS_DATA, a copy), in the order given. A change whose old
 * value no longer matches the files is refused and named (the others still apply); words must be the seed's; an
 * exact or township point must lie in its county. Changed files are written, then every plan is validated as
 * `npm run validate` does. Exits 1 if a file was unreadable, a change was refused or the data has problems.
 */
import { resolve } from 'node:path';
import { applyChangeSets } from './lib/apply-change-sets';
import { readBaseGeo } from './lib/base-geo';
import { openBuildCache } from './lib/build-cache';

const root = resolve(import.meta.dirname, '..');
const data = process.env.ATLAS_DATA ? resolve(process.env.ATLAS_DATA) : resolve(root, 'data');
const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: npm run apply -- <change set.yaml> [more …]');
  process.exit(2);
}
const base = readBaseGeo(resolve(root, 'public/geo/base'));
const report = applyChangeSets(data, files, process.env.ATLAS_DATA ? resolve(data, '..') : root, base, openBuildCache(root));
for (const line of report.applied) console.log(line);
for (const line of report.refused) console.error(line);
console.log(`${report.applied.length} change(s) applied, ${report.refused.length} refused.`);
for (const line of report.problems) console.error(line);
console.log(`${report.valid} plan(s) valid; ${report.problems.length} problem(s).`);
process.exit(report.refused.length || report.problems.length ? 1 : 0);
