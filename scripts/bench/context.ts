/** What every part of the scale benchmark shares: where the project is, the settings, the real plans, the scratch folder. */
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

export const root = resolve(import.meta.dirname, '../..');
export const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
export const perPlan = Number(process.env.BENCH_PROJECTS_PER_PLAN ?? 100);
export const compileMax = Number(process.env.BENCH_COMPILE_MAX ?? 150);
/**
 * From this many plans (default 2,000) a scale is generated at the published-file level: published in the benchmark's
 * process, no `build:data` (at 3,000 plans it takes most of an hour on the loaded 2-core machine); `--only build`
 * measures the data builds of any scale.
 */
export const publishFrom = Number(process.env.BENCH_PUBLISH_FROM ?? 2000);
/** `--only build`: stop after the data builds (no Vite build, no browser). */
export const onlyBuild = process.argv.slice(2).join(' ').includes('--only build') || process.argv.includes('--only=build');
/**
 * `--only map`: the map's figures alone (filter change → points handed / drawn, longest task): no "one plan
 * changed" data build, and each visit goes straight to the project list (no plan menu, search, plan filter, heap).
 */
export const onlyMap = process.argv.slice(2).join(' ').includes('--only map') || process.argv.includes('--only=map');
/** `--search`: each visit stops after the search (the list and the map are not measured; their rows show —). */
export const searchOnly = process.argv.includes('--search');
const args = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
/**
 * The real plans, read from data/ (no plan is named in code): the root plan (the province, no parent), the others
 * as templates for the synthetic copies, and the plan switched to in both builds: the real city plan with the most
 * projects (a mid-size plan).
 */
export const realPlans = readdirSync(join(root, 'data'))
  .filter((d) => d !== 'seeds' && statSync(join(root, 'data', d)).isDirectory())
  .sort()
  .map(
    (id) => parse(readFileSync(join(root, 'data', id, 'plan.yaml'), 'utf8')) as { id: string; level: string; parent?: { plan?: string }; projects?: unknown[] },
  );
export const rootPlan = realPlans.find((p) => !p.parent?.plan)?.id ?? realPlans[0]!.id;
export const templates = realPlans.filter((p) => p.id !== rootPlan).map((p) => p.id);
export const switchPlan =
  [...realPlans].filter((p) => p.level === 'city').sort((a, b) => (b.projects?.length ?? 0) - (a.projects?.length ?? 0))[0]?.id ?? templates[0]!;
/** Each scale once, smallest first; a scale below the real plans' count is the real plans. */
export const scales = [...new Set((args.length ? args : [realPlans.length, 150]).map((n) => Math.max(n, realPlans.length)))].sort((a, b) => a - b);
export const searchChar = '曲';

export const work = mkdtempSync(join(tmpdir(), 'atlas-scale-'));
const started = Date.now();
export const log = (msg: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);
