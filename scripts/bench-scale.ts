/**
 * `npm run bench:scale -- 5 150 1000 3000`: the budget table of issue 19 at each number of plans given (default 5
 * and 150), side by side. For each scale a scratch copy of the project is made in a temporary folder: the real plans,
 * plus synthetic plans (copies of the real county and city plans, each moved to another county or prefecture, nested
 * under its prefecture's plan where there is one, projects repeated to `BENCH_PROJECTS_PER_PLAN` × plans in all,
 * default 100: 1,000 plans hold 100,000 projects). Each copy is published by the real `npm run build:data`:
 * - up to `BENCH_COMPILE_MAX` plans (default 150) every plan is compiled (the build's cache empty);
 * - beyond, the plans are *generated at the compiled level*: the real plans are compiled once and each synthetic
 *   plan's compiled form is a copy of its template's (ids, region, parent and projects renamed and repeated), stored
 *   in the build's cache under the synthetic plan's own files, so `build:data` publishes every file from it (tables,
 *   search shards, catalogue, layers) as it would from compiled plans, without 1,000s of geometry compilations.
 * Then one plan's plan.yaml is changed and `build:data` runs again: the "one plan changed" figure, measured the same
 * way at every scale. The copy is built with Vite and measured in Chromium: what a first visit downloads, search
 * (bytes before the first result, first result, warm keystroke), the project list (first open, filter change), the
 * map (filter change → drawn, longest main-thread stall meanwhile), the heap after opening the list and searching,
 * and the interactions that grow with the number of plans (plan menu, plan switch).
 * Budgets (for 1,000 plans) are printed beside the figures; nothing here fails (exit code 0): these machines are noisy.
 *
 * `--search` measures only up to the search; `--only build` stops after the data builds: it prints their figures at
 * each scale (all plans, one plan changed), with no Vite build and no browser; `--only map` builds the data once (no
 * "one plan changed") and each visit measures only the project list's opening and the map's filter change.
 *
 * Env: BENCH_RUNS (default 3), BENCH_PROJECTS_PER_PLAN, BENCH_COMPILE_MAX, BENCH_PUBLISH_FROM (context.ts),
 * BENCH_WARMUP=0 (no warm-up visit), BENCH_KEEP=1 keeps the temporary folder.
 * Nothing is written to the worktree's data/ or public/.
 *
 * The parts: bench/context.ts (settings, the real plans), bench/generate.ts (the scratch copies and their builds),
 * bench/measure.ts (one visit in Chromium), bench/table.ts (the printed table).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { linkPlans } from '../src/compiler/compile';
import { publishedFiles } from '../src/compiler/publish';
import { log, onlyBuild, realPlans, root, runs, scales, work } from './bench/context';
import { addSyntheticPlans, compiledRealPlans, copyCompiled, copyProject, oneChangeNames, oneChanges, prepare, type Variant } from './bench/generate';
import { type Session, session } from './bench/measure';
import { printTable } from './bench/table';
import { readBaseGeo } from './lib/base-geo';
import { openBuildCache } from './lib/build-cache';
import { buildPlans } from './lib/build-plans';
import { launchChromium } from './lib/chromium';
import { serveBuild } from './lib/static-server';

/**
 * `--check` (run by `npm test`): the generated scale still publishes, with no build and no browser: the real plans
 * compiled (through the worktree's build cache), ten synthetic plans copied from them, linked and published as
 * `build:data` would (every record checked against the published schemas). A change to the compiler or the
 * published format that the generator does not follow fails here, not in the next benchmark run.
 */
if (process.argv.includes('--check')) {
  try {
    const dir = join(work, 'check');
    copyProject(dir);
    const synth = addSyntheticPlans(dir, realPlans.length + 10, (realPlans.length + 10) * 20);
    const compiled = compiledRealPlans(() =>
      buildPlans(join(root, 'data'), join(root, 'data/seeds'), root, () => readBaseGeo(join(root, 'public/geo/base')), openBuildCache(root)),
    );
    const real = new Map(compiled.plans.map((p) => [p.meta.id, p]));
    const copies = synth.copies.map(({ doc, template }) => ({ id: doc.id, built: copyCompiled(real.get(template)!, doc), problems: [], found: [] }));
    const linked = linkPlans([...[...real.values()].map((p) => ({ id: p.meta.id, built: p, problems: [], found: [] })), ...copies]);
    if (linked.problems.length) throw new Error(`generated plans do not link:\n${linked.problems.join('\n')}`);
    const files = publishedFiles(linked.plans);
    console.log(`bench:scale generator: ${linked.plans.length} plans publish ${Object.keys(files).length} files`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.exit(0);
}

try {
  const variants: Variant[] = [];
  for (const n of scales) variants.push(await prepare(n));
  if (onlyBuild) {
    console.log('\nData build (npm run build:data), s');
    for (const v of variants) {
      const how = v.generated ? 'synthetic plans generated at the compiled level' : 'every plan compiled';
      console.log(
        `  ${v.label}, ${v.projects} projects (${how}): all plans ${v.buildAll.toFixed(1)} s; one plan changed (budget ≤ 10 s at 1,000 plans): ${oneChanges.map((c) => `${oneChangeNames[c]} ${v.buildOne[c].toFixed(1)} s`).join(', ')}`,
      );
    }
    // process.exit skips the finally below: tidy up here.
    if (process.env.BENCH_KEEP) log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
    process.exit(0);
  }
  const servers = await Promise.all(variants.map((v) => serveBuild(v.dist)));
  const browser = await launchChromium();
  const results: Session[][] = variants.map(() => []);
  try {
    // BENCH_WARMUP=0 skips it (a visit at 3,000 plans takes minutes on the loaded machine).
    if (process.env.BENCH_WARMUP !== '0') {
      log('warm-up visit of each build (not counted)');
      for (const [i, v] of variants.entries())
        await session(browser, servers[i]!.origin, v).catch((e: unknown) => log(`warm-up ${v.label} failed: ${String(e)}`));
    }
    for (let r = 0; r < runs; r++) {
      for (const [i, v] of variants.entries()) {
        log(`run ${r + 1}/${runs}: ${v.label}`);
        // A visit that fails (a step timed out at the largest scales) is reported; its column shows —.
        try {
          results[i]!.push(await session(browser, servers[i]!.origin, v));
        } catch (e) {
          log(`run ${r + 1}/${runs}: ${v.label} failed: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    }
  } finally {
    await browser.close();
    for (const s of servers) s.server.close();
  }

  printTable(variants, results);
} finally {
  if (process.env.BENCH_KEEP) log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
// Budgets are informative: always exit 0 once the table is printed.
process.exit(0);
