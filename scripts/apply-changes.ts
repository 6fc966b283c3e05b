/**
 * `npm run apply -- <change set>…`: applies change sets (format in src/compiler/edit/change-set.ts) to data/ (or to
 * $ATLAS_DATA, a copy), in the order given. A change whose old value no longer matches the files is refused and
 * named (the others still apply); a moved point must lie inside its county. Changed files are written, then every
 * plan is validated as `npm run validate` does. Exits 1 if a file was unreadable, a change was refused or the data
 * has problems.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { applyChange, formatChangeProblem } from '../src/compiler/edit/apply';
import { parseChangeSet } from '../src/compiler/edit/change-set';
import { describeChange } from '../src/compiler/edit/describe';
import { openPlan } from '../src/compiler/edit/plan-doc';
import type { ChangeSet, EditablePlan } from '../src/compiler/edit/types';
import { readBaseGeo } from './lib/base-geo';
import { openBuildCache } from './lib/build-cache';
import { buildPlans } from './lib/build-plans';

const root = resolve(import.meta.dirname, '..');
const data = process.env.ATLAS_DATA ? resolve(process.env.ATLAS_DATA) : resolve(root, 'data');
const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: npm run apply -- <change set.yaml> [more …]');
  process.exit(2);
}

const readText = (file: string) => new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
let failures = 0;

const sets: { file: string; set: ChangeSet }[] = [];
for (const file of files) {
  try {
    sets.push({ file, set: parseChangeSet(readText(file), basename(file)) });
  } catch (e) {
    console.error((e as Error).message);
    failures++;
  }
}

const base = readBaseGeo(resolve(root, 'public/geo/base'));
const open = new Map<string, { plan: EditablePlan; original: EditablePlan }>();

function planFor(id: string): EditablePlan | undefined {
  const known = open.get(id);
  if (known) return known.plan;
  const planFile = join(data, id, 'plan.yaml');
  if (!existsSync(planFile)) return undefined;
  const placesFile = join(data, id, 'places.yaml');
  const placesYaml = existsSync(placesFile) ? readText(placesFile) : undefined;
  const sources = { folder: id, planYaml: readText(planFile), ...(placesYaml !== undefined ? { placesYaml } : {}) };
  const seedName = openPlan(sources, undefined).seedName;
  const seedFile = join(data, 'seeds', seedName);
  const plan = openPlan(sources, existsSync(seedFile) ? readText(seedFile) : undefined);
  open.set(id, { plan, original: plan });
  return plan;
}

let applied = 0;
let refused = 0;
for (const { file, set } of sets) {
  let found: EditablePlan | undefined;
  try {
    found = planFor(set.plan);
  } catch (e) {
    console.error(`${basename(file)}: ${(e as Error).message}`);
    failures++;
    continue;
  }
  if (!found) {
    console.error(`${basename(file)}: plan: no plan “${set.plan}” in ${data} — change set not applied`);
    failures++;
    continue;
  }
  let plan: EditablePlan = found;
  set.changes.forEach((change, i) => {
    const result = applyChange(plan, { ...change, ...(change.who || !set.who ? {} : { who: set.who }) }, { base });
    if (result.ok) {
      plan = result.plan;
      applied++;
      console.log(`✓ ${basename(file)} changes[${i}]: ${describeChange(change, 'en')}`);
    } else {
      refused++;
      const suffix = result.problem.message.includes('change not applied') ? '' : ' — change not applied';
      console.error(`✗ ${formatChangeProblem(result.problem)}${suffix} (${basename(file)} changes[${i}])`);
    }
  });
  open.set(set.plan, { plan, original: open.get(set.plan)!.original });
}

for (const [id, { plan, original }] of open) {
  if (plan.planYaml !== original.planYaml) writeFileSync(join(data, id, 'plan.yaml'), plan.planYaml);
  if (plan.placesYaml !== undefined && plan.placesYaml !== original.placesYaml) writeFileSync(join(data, id, 'places.yaml'), plan.placesYaml);
}
console.log(`${applied} change(s) applied, ${refused} refused.`);

const { plans, problems } = buildPlans(data, join(data, 'seeds'), process.env.ATLAS_DATA ? dirname(data) : root, base, openBuildCache(root));
for (const p of problems) console.error(p);
console.log(`${plans.length} plan(s) valid; ${problems.length} problem(s).`);
process.exit(failures || refused || problems.length ? 1 : 0);
