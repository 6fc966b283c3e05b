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
 * Env: BENCH_RUNS (default 3), BENCH_PROJECTS_PER_PLAN, BENCH_COMPILE_MAX, BENCH_KEEP=1 keeps the temporary folder.
 * Nothing is written to the worktree's data/ or public/.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { parse, stringify } from 'yaml';
import { type BuiltPlan, linkPlans, publishedFiles } from '../src/compiler/compile';
import { derivePlanColor } from '../src/lib/presentation';
import { roleLook } from '../src/lib/role-look';
import { readBaseGeo } from './lib/base-geo';
import { openBuildCache } from './lib/build-cache';
import { buildPlans, type NodeBuildResult } from './lib/build-plans';
import { launchChromium } from './lib/chromium';
import { readPlanFiles } from './lib/plan-files';
import { serveBuild, subPath } from './lib/static-server';

const root = resolve(import.meta.dirname, '..');
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const perPlan = Number(process.env.BENCH_PROJECTS_PER_PLAN ?? 100);
const compileMax = Number(process.env.BENCH_COMPILE_MAX ?? 150);
const args = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
/**
 * The real plans, read from data/ (no plan is named in code): the root plan (the province, no parent), the others
 * as templates for the synthetic copies, and the plan switched to in both builds: the real city plan with the most
 * projects (a mid-size plan).
 */
const realPlans = readdirSync(join(root, 'data'))
  .filter((d) => d !== 'seeds' && statSync(join(root, 'data', d)).isDirectory())
  .sort()
  .map(
    (id) => parse(readFileSync(join(root, 'data', id, 'plan.yaml'), 'utf8')) as { id: string; level: string; parent?: { plan?: string }; projects?: unknown[] },
  );
const rootPlan = realPlans.find((p) => !p.parent?.plan)?.id ?? realPlans[0]!.id;
const templates = realPlans.filter((p) => p.id !== rootPlan).map((p) => p.id);
const switchPlan =
  [...realPlans].filter((p) => p.level === 'city').sort((a, b) => (b.projects?.length ?? 0) - (a.projects?.length ?? 0))[0]?.id ?? templates[0]!;
/** Each scale once, smallest first; a scale below the real plans' count is the real plans. */
const scales = [...new Set((args.length ? args : [realPlans.length, 150]).map((n) => Math.max(n, realPlans.length)))].sort((a, b) => a - b);
const searchChar = '曲';

const work = mkdtempSync(join(tmpdir(), 'atlas-scale-'));
const started = Date.now();
const log = (msg: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);

// ---------------------------------------------------------------------------------------------------------------
// Scratch copies
// ---------------------------------------------------------------------------------------------------------------

/** Copies what a data build and a production build read; node_modules is linked, not copied. */
function copyProject(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const entry of ['data', 'public', 'src', 'scripts', 'index.html', 'vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json']) {
    cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(realpathSync(join(root, 'node_modules')), join(dir, 'node_modules'), 'dir');
}

interface Region {
  code: string;
  name: string;
  level: 'city' | 'county';
  prefecture: string;
}
type PlanDoc = Record<string, unknown> & {
  id: string;
  title: string;
  level: string;
  region: { code: string; name: string };
  projects: ({ id: string } & Record<string, unknown>)[];
  presentation?: Record<string, unknown>;
};

interface SynthInfo {
  plans: number;
  projects: number;
  maxDepth: number;
  nestedCopy: { id: string; name: string } | undefined;
  /** Each synthetic plan: its template and what was changed (for copying the template's compiled form). */
  copies: { doc: PlanDoc; template: string }[];
}

/** Adds synthetic plans to `<dir>/data` until there are `planTarget` plans holding about `projectTarget` projects. */
function addSyntheticPlans(dir: string, planTarget: number, projectTarget: number): SynthInfo {
  const dataDir = join(dir, 'data');
  const real = readdirSync(dataDir).filter((d) => d !== 'seeds' && statSync(join(dataDir, d)).isDirectory());
  const docs = new Map(real.map((id) => [id, parse(readFileSync(join(dataDir, id, 'plan.yaml'), 'utf8')) as PlanDoc]));
  const used = new Set(['530000', ...[...docs.values()].map((d) => d.region.code)]);
  const labels = JSON.parse(readFileSync(join(dir, 'public/geo/base/labels.geojson'), 'utf8')) as {
    features: { properties: { kind: string; code: string; name: string; prefecture?: string } }[];
  };
  const prefectures: Region[] = labels.features
    .filter((f) => f.properties.kind === 'prefecture-seat' && !used.has(f.properties.code))
    .map((f) => ({ code: f.properties.code, name: f.properties.name, level: 'city', prefecture: f.properties.code }));
  const counties: Region[] = labels.features
    .filter((f) => f.properties.kind === 'county' && !used.has(f.properties.code))
    .map((f) => ({ code: f.properties.code, name: f.properties.name, level: 'county', prefecture: f.properties.prefecture ?? '' }));
  const count = planTarget - real.length;
  const regions = [...prefectures, ...counties];
  // Yunnan has 16 prefectures and 129 counties: past 141 synthetic plans, counties get a second plan.
  for (let i = 0; regions.length < count; i++) regions.push(counties[i % counties.length]!);

  const realProjects = [...docs.values()].reduce((n, d) => n + d.projects.length, 0);
  const share = Math.max(0, projectTarget - realProjects) / count;
  const cityPlan = new Map<string, string>(); // prefecture code → synthetic plan id
  const parentOf = new Map<string, string>([...docs.values()].map((d) => [d.id, (d.parent as { plan?: string } | undefined)?.plan ?? '']));
  let projects = realProjects;
  let nestedCopy: SynthInfo['nestedCopy'];
  const copies: SynthInfo['copies'] = [];
  for (let i = 0; i < count; i++) {
    const template = templates[i % templates.length]!;
    const source = docs.get(template)!;
    const region = regions[i]!;
    const id = `synth-${String(i + 1).padStart(3, '0')}`;
    const doc = structuredClone(source);
    doc.id = id;
    doc.title = `${region.name}${source.title.slice(Math.max(0, source.title.indexOf('“')))}`;
    delete doc.titleEn;
    doc.level = region.level;
    doc.region = { code: region.code, name: region.name };
    const parent = region.level === 'county' ? (cityPlan.get(region.prefecture) ?? rootPlan) : rootPlan;
    doc.parent = { plan: parent };
    parentOf.set(id, parent);
    if (region.level === 'city') cityPlan.set(region.code, id);
    if (doc.presentation) {
      delete doc.presentation.color;
      if (!Object.keys(doc.presentation).length) delete doc.presentation;
    }
    // Repeat the template's projects (ids suffixed) up to this plan's share of the project target.
    const want = Math.round(share * (i + 1)) - Math.round(share * i);
    const base = source.projects;
    if (base.length && want > 0) {
      doc.projects = Array.from({ length: want }, (_, k) => {
        const p = structuredClone(base[k % base.length]!);
        const round = Math.floor(k / base.length);
        return round ? { ...p, id: `${p.id}-${round + 1}` } : p;
      });
    }
    projects += doc.projects.length;
    copies.push({ doc, template });
    if (!nestedCopy && template === switchPlan && parent !== rootPlan) nestedCopy = { id, name: region.name };
    mkdirSync(join(dataDir, id));
    writeFileSync(join(dataDir, id, 'plan.yaml'), stringify(doc, { lineWidth: 0 }));
    cpSync(join(dataDir, template, 'places.yaml'), join(dataDir, id, 'places.yaml'));
  }
  const depth = (id: string): number => (parentOf.get(id) ? 1 + depth(parentOf.get(id)!) : 1);
  return { plans: real.length + count, projects, maxDepth: Math.max(...[...parentOf.keys()].map(depth)), nestedCopy, copies };
}

/** Runs a command in `cwd`, echoing its output with a heartbeat every 15 s. */
function run(cmd: string, args: string[], cwd: string, env: Record<string, string>, label: string): Promise<number> {
  return new Promise((done, fail) => {
    const t0 = Date.now();
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    const echo = (chunk: Buffer) => {
      for (const line of chunk
        .toString()
        .split('\n')
        .filter((l) => l && !l.startsWith('npm warn'))) {
        lines += 1;
        // 150 plans print 150 lines: show the first few and the summary.
        if (lines <= 6 || /plan layer|problem|error/i.test(line)) console.log(`    ${line}`);
        else if (lines === 7) console.log('    …');
      }
    };
    child.stdout.on('data', echo);
    child.stderr.on('data', echo);
    const beat = setInterval(() => log(`${label}: still running (${((Date.now() - t0) / 1000).toFixed(0)} s)`), 15_000);
    child.on('exit', (code) => {
      clearInterval(beat);
      log(`${label}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      if (code === 0) done((Date.now() - t0) / 1000);
      else fail(new Error(`${label} exited with ${code}`));
    });
  });
}

interface Variant {
  label: string;
  plans: number;
  projects: number;
  dir: string;
  dist: string;
  synth?: SynthInfo;
  /** Synthetic plans' compiled forms were copies put in the build's cache (not compiled one by one). */
  generated: boolean;
  /** `build:data` from scratch (or from the filled cache when generated), then with one plan.yaml changed, in s. */
  buildAll: number;
  buildOne: number;
  published: Record<string, { raw: number; gz: number }>;
}

/** The real plans compiled once, in this process: the templates of the generated scales' compiled plans. */
let realCompiled: NodeBuildResult | undefined;

/**
 * A synthetic plan's compiled form, copied from its template's: every id and reference of the template renamed to
 * the copy's, the region, title, level and parent of the synthetic plan.yaml, its projects repeated as the yaml
 * repeats them (ids suffixed). The geometry stays the template's (a benchmark needs the sizes, not the places).
 */
function copyCompiled(template: BuiltPlan, doc: PlanDoc): BuiltPlan {
  const from = template.meta.id;
  const text = JSON.stringify(template).replace(new RegExp(`"${from}(-|")`, 'g'), `"${doc.id}$1`);
  const copy = JSON.parse(text) as BuiltPlan;
  const projects = copy.features.filter((f) => f.properties.role === 'project');
  const others = copy.features.filter((f) => f.properties.role !== 'project');
  const repeated = projects.length
    ? Array.from({ length: doc.projects.length }, (_, k) => {
        const f = structuredClone(projects[k % projects.length]!);
        const round = Math.floor(k / projects.length);
        if (round) f.properties.id = `${f.properties.id}-${round + 1}`;
        return f;
      })
    : [];
  copy.features = [...others, ...repeated].sort((a, b) => roleLook[a.properties.role].stack - roleLook[b.properties.role].stack);
  const ids = new Set(copy.features.map((f) => f.properties.id));
  const { titleEn: _titleEn, ...meta } = copy.meta;
  const keyProjects = meta.keyProjects?.filter((k) => ids.has(k));
  copy.meta = {
    ...meta,
    title: doc.title,
    level: doc.level as BuiltPlan['meta']['level'],
    region: doc.region,
    regionShort: doc.region.name,
    regionEn: doc.region.code,
    parent: doc.parent as { plan: string },
    color: derivePlanColor(doc.id),
    counts: { ...meta.counts, project: repeated.length },
    ...(keyProjects ? { keyProjects } : {}),
  };
  copy.order = Number(doc.region.code);
  return copy;
}

/** Fills the build cache of the copy in `dir` with every plan's compiled form: the real plans', and copies for the synthetic ones. */
function fillCache(dir: string, cacheDir: string, synth: SynthInfo): void {
  realCompiled ??= buildPlans(join(root, 'data'), join(root, 'data/seeds'), root, readBaseGeo(join(root, 'public/geo/base')));
  const real = new Map(realCompiled.plans.map((p) => [p.meta.id, p]));
  const saved = process.env.ATLAS_BUILD_CACHE;
  process.env.ATLAS_BUILD_CACHE = cacheDir;
  const cache = openBuildCache(dir)!;
  if (saved === undefined) delete process.env.ATLAS_BUILD_CACHE;
  else process.env.ATLAS_BUILD_CACHE = saved;
  const files = readPlanFiles(join(dir, 'data'), join(dir, 'data/seeds'), dir);
  const byFolder = new Map(files.sources.map((src) => [src.folder, src]));
  for (const p of real.values()) cache.put(byFolder.get(p.meta.id)!, files.readSeed, { id: p.meta.id, built: p, problems: [], found: [] });
  for (const { doc, template } of synth.copies) {
    cache.put(byFolder.get(doc.id)!, files.readSeed, { id: doc.id, built: copyCompiled(real.get(template)!, doc), problems: [], found: [] });
  }
}

async function prepare(plans: number): Promise<Variant> {
  const name = `plans-${plans}`;
  const dir = join(work, name);
  log(`${name}: copying the project to ${dir}`);
  copyProject(dir);
  const synth = plans > realPlans.length ? addSyntheticPlans(dir, plans, plans * perPlan) : undefined;
  if (synth) log(`${name}: ${synth.plans} plans, ${synth.projects} projects, plan tree ${synth.maxDepth} levels deep`);
  const cacheDir = join(dir, '.build-cache');
  const generated = !!synth && plans > compileMax;
  if (generated) {
    log(`${name}: compiling the real plans and putting copies for the synthetic ones in the build cache`);
    fillCache(dir, cacheDir, synth);
  }
  const env = { ATLAS_DATA: join(dir, 'data'), ATLAS_PLANS_OUT: join(dir, 'public/geo/plans'), ATLAS_BUILD_CACHE: cacheDir };
  const buildAll = await run(
    'npx',
    ['tsx', 'scripts/build-plan-layers.ts'],
    dir,
    env,
    `${name}: data build${generated ? ' (compiled plans from the cache)' : ''}`,
  );
  // One plan changed: the last synthetic plan's title (or the switched-to plan's with the real plans only).
  const changed = synth?.copies.at(-1)?.doc.id ?? switchPlan;
  const planYaml = join(dir, 'data', changed, 'plan.yaml');
  const doc = parse(readFileSync(planYaml, 'utf8')) as PlanDoc;
  writeFileSync(planYaml, stringify({ ...doc, title: `${doc.title}（修订）` }, { lineWidth: 0 }));
  const buildOne = await run('npx', ['tsx', 'scripts/build-plan-layers.ts'], dir, env, `${name}: data build, ${changed} changed`);
  await run('npx', ['vite', 'build', '--logLevel', 'warn'], dir, {}, `${name}: vite build`);
  const plansDir = join(dir, 'public/geo/plans');
  const published: Variant['published'] = {};
  for (const f of ['catalogue.json', 'search.json', 'projects.json']) {
    const buf = readFileSync(join(plansDir, f));
    published[f] = { raw: buf.length, gz: gzipSync(buf, { level: 9 }).length };
  }
  const projects = (JSON.parse(readFileSync(join(plansDir, 'projects.json'), 'utf8')) as { rows?: unknown[] }).rows?.length;
  const count = readdirSync(plansDir).filter((f) => f.endsWith('.geojson')).length;
  return {
    label: `${count} plans`,
    plans: count,
    projects: projects ?? synth?.projects ?? 0,
    dir,
    dist: join(dir, 'dist'),
    published,
    generated,
    buildAll,
    buildOne,
    ...(synth ? { synth } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring in the browser
// ---------------------------------------------------------------------------------------------------------------

type Condition = 'tree' | 'plan-shown' | 'search-entries' | 'pb-row' | 'pb-total-changed' | 'treeitem' | 'map-drawn';
interface Timing {
  start: number;
  end: number;
}
interface BenchWindow {
  __bench: {
    arm(types: string[], cond: Condition, arg: string): void;
    pending: Promise<Timing>;
    /** Main-thread tasks over 50 ms (Long Tasks API), and when the map last reported idle (data-idle set). */
    stalls: { start: number; duration: number }[];
    idleAt: number;
    drawnAt: number;
  };
}

/**
 * Installed before the app: `arm(events, condition)` takes the time of the first of `events` (the user's action,
 * as the page saw it) and resolves at the first animation frame after `condition` holds (watched with a
 * MutationObserver, so the figure is the page's own, not Playwright's round trips).
 */
function benchHelper(): void {
  const visible = (el: Element | null) => !!el && (el as HTMLElement).getBoundingClientRect().height > 0;
  const conditions: Record<string, (arg: string) => boolean> = {
    tree: () => visible(document.querySelector('[role="tree"] [role="treeitem"]')),
    treeitem: (id) => visible(document.querySelector(`[role="tree"] [role="treeitem"][data-plan="${id}"]`)),
    'plan-shown': (id) => !!document.querySelector(`.map[data-plan-shown="${id}"]`),
    // An element or project from the search index (not only a plan name from the catalogue).
    'search-entries': (plansLabel) =>
      [...document.querySelectorAll('.search-results [role="option"]')].some(
        (o) => o.closest('[role="group"]')?.getAttribute('aria-label') !== plansLabel && visible(o),
      ),
    'pb-row': () => visible(document.querySelector('.pb-row')),
    'pb-total-changed': (before) => {
      const text = document.querySelector('.pb-total')?.textContent ?? before;
      return text !== before;
    },
    // The map holds another number of projects, and has been idle (everything drawn) since.
    'map-drawn': (before) => {
      const b = (window as unknown as BenchWindow).__bench;
      return (document.querySelector('.map') as HTMLElement | null)?.dataset.projectsDrawn !== before && b.idleAt > b.drawnAt;
    },
  };
  const w = window as unknown as BenchWindow;
  const stalls: { start: number; duration: number }[] = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) stalls.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.attributeName === 'data-idle') w.__bench.idleAt = performance.now();
      if (r.attributeName === 'data-projects-drawn') w.__bench.drawnAt = performance.now();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-idle', 'data-projects-drawn'] });
  w.__bench = {
    stalls,
    idleAt: 0,
    drawnAt: 0,
    pending: Promise.resolve({ start: 0, end: 0 }),
    arm(types, cond, arg) {
      let start: number | undefined;
      const onStart = (e: Event) => {
        if (start === undefined) start = e.timeStamp;
      };
      for (const t of types) document.addEventListener(t, onStart, true);
      this.pending = new Promise<Timing>((resolve) => {
        let finished = false;
        const check = () => {
          if (finished || start === undefined || !conditions[cond]!(arg)) return;
          finished = true;
          observer.disconnect();
          clearInterval(poll);
          for (const t of types) document.removeEventListener(t, onStart, true);
          const s = start;
          let sent = false;
          const send = () => {
            if (!sent) resolve({ start: s, end: performance.now() });
            sent = true;
          };
          requestAnimationFrame(send);
          setTimeout(send, 100);
        };
        const observer = new MutationObserver(check);
        observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
        const poll = setInterval(check, 25);
      });
    },
  };
}

async function timed(page: Page, events: string[], cond: Condition, arg: string, act: () => Promise<unknown>, timeout = 180_000): Promise<number> {
  const t = await timedSpan(page, events, cond, arg, act, timeout);
  return t.end - t.start;
}

/** The page's own times of the action and of the first frame after `cond` held. */
async function timedSpan(page: Page, events: string[], cond: Condition, arg: string, act: () => Promise<unknown>, timeout = 180_000): Promise<Timing> {
  await page.evaluate(([e, c, a]) => (window as unknown as BenchWindow).__bench.arm(e as string[], c as Condition, a as string), [events, cond, arg] as const);
  await act();
  const t = await Promise.race([
    page.evaluate(() => (window as unknown as BenchWindow).__bench.pending),
    new Promise<never>((_, fail) => setTimeout(() => fail(new Error(`timed out waiting for ${cond} ${arg}`)), timeout)),
  ]);
  return t;
}

interface Session {
  bytes: Record<string, number>;
  files: { url: string; gz: number }[];
  ready: number;
  menu: number;
  switchTo: number;
  switchNested?: number;
  searchFirst: number;
  /** gzip bytes of what the first search downloaded before its first result. */
  searchBytes: number;
  searchWarm: number;
  /** A chip of the list's filters with the list open: the map's projects redrawn, and the longest main-thread task meanwhile. */
  mapDrawn: number;
  /** From the same click to the filtered projects handed to the map (its source's data set). */
  mapSet: number;
  mapStall: number;
  /** Main-thread JS heap after searching and opening and filtering the list (after a garbage collection), bytes. */
  heap: number;
  listOpen: number;
  filter: number;
  planFilter: number;
  domNodes: number;
  domAfterFilter: number;
  rowsInDom: number;
  /** Request start → response end of the tables loaded on first use (from resource timing). */
  searchFetch?: number;
  listFetch?: number;
  errors: string[];
}

function kindOf(url: string, origin: string): string {
  const path = url.slice(origin.length + subPath.length).split('?')[0] ?? '';
  if (path === '' || path.endsWith('.html')) return 'HTML';
  if (/\.(m?js)$/.test(path)) return 'JavaScript (incl. worker)';
  if (path.endsWith('.css')) return 'CSS';
  if (path.startsWith('geo/base/')) return 'base geography';
  if (path.startsWith('geo/plans/') || path.startsWith('geo/projects/')) return 'plan data';
  return 'other';
}

/** One visit: first-visit bytes and time to idle, then each interaction in turn. */
async function session(browser: Browser, origin: string, v: Variant): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // The largest scales load tables of 100s of MB: waits are long, the figures say how long.
  context.setDefaultTimeout(180_000);
  // tsx names functions through a `__name` helper that the page does not have: supply it.
  await context.addInitScript({ content: `var __name = (f) => f; (${benchHelper.toString()})();` });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  const responses: Promise<{ url: string; gz: number; at: number } | null>[] = [];
  page.on('response', (r) => {
    const url = r.url();
    const at = Date.now();
    if (!url.startsWith(origin)) return;
    responses.push(
      r.body().then(
        (b) => ({ url, gz: gzipSync(b, { level: 9 }).length, at }),
        () => null,
      ),
    );
  });
  await page.goto(`${origin}${subPath}`);
  await page.waitForFunction(() => performance.getEntriesByName('atlas-map-ready').length > 0, undefined, { timeout: 180_000 });
  const readyAt = Date.now();
  const { ready, loaded } = await page.evaluate(() => {
    const mark = performance.getEntriesByName('atlas-map-ready')[0]!.startTime;
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    return { ready: mark, loaded: entries.map((e) => ({ url: e.name, end: e.responseEnd })) };
  });
  // Main-thread loads count when they ended before the ready mark; the document and the worker's own loads
  // (absent from the page's resource timing) when their response came before the mark was seen.
  const mainThread = new Map(loaded.map((e) => [e.url, e.end]));
  const files = (await Promise.all(responses))
    .filter((r): r is NonNullable<typeof r> => !!r)
    .filter((r) => {
      const end = mainThread.get(r.url);
      return end === undefined ? r.at <= readyAt : end <= ready;
    });
  const bytes: Record<string, number> = {};
  for (const f of files) bytes[kindOf(f.url, origin)] = (bytes[kindOf(f.url, origin)] ?? 0) + f.gz;
  await page.waitForTimeout(500);

  // Plan menu, then the mid-size plan from it.
  const menu = await timed(page, ['click'], 'tree', '', () => page.click('button.plan-switcher-button'));
  const item = page.locator(`[role="tree"] [role="treeitem"][data-plan="${switchPlan}"]`);
  if (!(await item.isVisible())) {
    const name = (
      JSON.parse(readFileSync(join(v.dist, 'geo/plans/catalogue.json'), 'utf8')) as { plans: { id: string; region: { name: string } }[] }
    ).plans.find((p) => p.id === switchPlan)!.region.name;
    await page.locator('.plan-menu input[role="combobox"]').fill(name);
    await item.waitFor({ state: 'visible' });
  }
  const switchTo = await timed(page, ['click'], 'plan-shown', switchPlan, () => item.click(), 180_000);
  await page.waitForTimeout(300);

  // Search: first use (focus loads the index, the character typed at once), then a warm keystroke.
  const plansLabel = (await page.locator('.plan-switcher-label').textContent()) ?? '';
  const search = page.locator('input.search-input');
  const searchSpan = await timedSpan(page, ['focusin'], 'search-entries', plansLabel, async () => {
    await search.click();
    await page.keyboard.insertText(searchChar);
  });
  const searchFirst = searchSpan.end - searchSpan.start;
  const fetchedDuringSearch = await page.evaluate(
    ([a, b]) =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.startTime >= a! && e.startTime <= b!).map((e) => e.name),
    [searchSpan.start, searchSpan.end],
  );
  const gzByUrl = new Map((await Promise.all(responses)).flatMap((r) => (r ? [[r.url, r.gz] as const] : [])));
  const searchBytes = fetchedDuringSearch.reduce((n, url) => n + (gzByUrl.get(url) ?? 0), 0);
  await search.fill('');
  await page.waitForFunction(() => !document.querySelector('.search-results [role="option"]'));
  const searchWarm = await timed(page, ['beforeinput', 'input'], 'search-entries', plansLabel, () => page.keyboard.insertText(searchChar));
  await search.fill('');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.waitForTimeout(300);

  // Project list, its DOM size, then a category chip.
  const listOpen = await timed(page, ['click'], 'pb-row', '', () => page.click('button.view-toggle'));
  // The map frames the list's projects (a 1.2 s flight): filters are timed once it has settled, as a reader would.
  await page.waitForTimeout(1800);
  const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  const fetchTimes = await page.evaluate(() =>
    Object.fromEntries(
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => /geo\/plans\/search\.json|geo\/projects\/summary\.json/.test(e.name))
        .map((e) => [e.name.includes('search') ? 'search' : 'projects', e.responseEnd - e.startTime]),
    ),
  );
  const rowsBefore = await page.evaluate(() => document.querySelectorAll('.pb-row').length);
  // A category from the filter panel (opened first, not timed): the count changes and the list is repainted.
  await page.click('button.pb-more-toggle');
  const before = (await page.locator('.pb-total').textContent()) ?? '';
  const chip = page.locator('.pb-more .pb-chips button[aria-pressed]').first();
  const filter = await timed(page, ['click'], 'pb-total-changed', before, () => chip.click());
  // The map: another chip; its projects redrawn and the map idle again, and the longest main-thread task meanwhile.
  await page.waitForTimeout(1800);
  const drawnBefore = (await page.locator('.map').getAttribute('data-projects-drawn')) ?? '';
  const mapChip = page.locator('.pb-more .pb-chips button[aria-pressed]').nth(1);
  const mapSpan = await timedSpan(page, ['click'], 'map-drawn', drawnBefore, () => mapChip.click());
  const mapSet = (await page.evaluate(() => (window as unknown as BenchWindow).__bench.drawnAt)) - mapSpan.start;
  const mapStall = await page.evaluate(
    ([a, b]) =>
      Math.max(0, ...(window as unknown as BenchWindow).__bench.stalls.filter((x) => x.start + x.duration >= a! && x.start <= b!).map((x) => x.duration)),
    [mapSpan.start, mapSpan.end],
  );
  await page.click('button.pb-more-toggle');
  await page.waitForTimeout(1800);
  // And the plan filter: the plan tree as a select, the plan switched to above.
  const beforePlan = (await page.locator('.pb-total').textContent()) ?? '';
  const planFilter = await timed(page, ['change', 'input'], 'pb-total-changed', beforePlan, () => page.selectOption('select.pb-plan-select', switchPlan));
  const domAfterFilter = await page.evaluate(() => document.getElementsByTagName('*').length);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  await cdp.detach();

  // With synthetic plans: back to the map, and a copy of the same plan nested under a synthetic city plan,
  // found by typing its region name into the menu's filter.
  let switchNested: number | undefined;
  const nested = v.synth?.nestedCopy;
  if (nested) {
    await page.click('button.view-toggle');
    await page.waitForSelector('.map[data-idle="true"]');
    await page.click('button.plan-switcher-button');
    await page.locator('.plan-menu input[role="combobox"]').fill(nested.name);
    const copy = page.locator(`[role="tree"] [role="treeitem"][data-plan="${nested.id}"]`);
    await copy.waitFor({ state: 'visible' });
    switchNested = await timed(page, ['click'], 'plan-shown', nested.id, () => copy.click(), 180_000);
  }
  await context.close();
  return {
    bytes,
    files: files.map((f) => ({ url: f.url.slice(origin.length + subPath.length) || 'index.html', gz: f.gz })),
    ready,
    menu,
    switchTo,
    ...(switchNested !== undefined ? { switchNested } : {}),
    searchFirst,
    searchBytes,
    searchWarm,
    mapDrawn: mapSpan.end - mapSpan.start,
    mapSet,
    mapStall,
    heap,
    listOpen,
    filter,
    planFilter,
    domNodes,
    domAfterFilter,
    rowsInDom: rowsBefore,
    errors,
    searchFetch: fetchTimes.search,
    listFetch: fetchTimes.projects,
  };
}

// ---------------------------------------------------------------------------------------------------------------

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
    realCompiled ??= buildPlans(join(root, 'data'), join(root, 'data/seeds'), root, () => readBaseGeo(join(root, 'public/geo/base')), openBuildCache(root));
    const real = new Map(realCompiled.plans.map((p) => [p.meta.id, p]));
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
  const servers = await Promise.all(variants.map((v) => serveBuild(v.dist)));
  const browser = await launchChromium();
  const results: Session[][] = variants.map(() => []);
  try {
    log('warm-up visit of each build (not counted)');
    for (const [i, v] of variants.entries())
      await session(browser, servers[i]!.origin, v).catch((e: unknown) => log(`warm-up ${v.label} failed: ${String(e)}`));
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

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
  const lpad = (s: string, n: number) => ' '.repeat(Math.max(0, n - [...s].length)) + s;
  const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : `${(n / 1024).toFixed(1)} KB`);
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const sec = (n: number) => `${n.toFixed(1)} s`;
  const w = 12;
  const m = (i: number, f: (s: Session) => number | undefined) => {
    const xs = results[i]!.map(f).filter((x): x is number => x !== undefined);
    return xs.length ? median(xs) : undefined;
  };
  const line = (label: string, cells: string[], budget = '') => console.log(`  ${pad(label, 46)} ${cells.map((c) => lpad(c, w)).join(' ')}  ${budget}`);
  const row = (label: string, f: (s: Session) => number | undefined, fmt: (n: number) => string, budget = '') =>
    line(
      label,
      variants.map((_, i) => {
        const x = m(i, f);
        return x === undefined ? '—' : fmt(x);
      }),
      budget,
    );
  const total = (s: Session) => Object.values(s.bytes).reduce((n, x) => n + x, 0);
  const kinds = ['HTML', 'JavaScript (incl. worker)', 'CSS', 'base geography', 'plan data', 'other'];
  const first = m(0, total) ?? 1;

  console.log(`\nScale benchmark: medians of ${runs} run(s), headless Chromium (SwiftShader), 1280×800; projects: the real plans' plus ${perPlan} per plan`);
  for (const v of variants) {
    console.log(
      `  ${v.label}: ${v.projects} projects${v.synth ? `, plan tree ${v.synth.maxDepth} levels deep` : ''}; ` +
        (v.generated
          ? `GENERATED at the compiled level: the real plans compiled, the ${v.plans - realPlans.length} synthetic plans' compiled forms copied from them into the build cache, every published file written by build:data`
          : `every plan compiled by build:data${v.synth ? ' (synthetic plans from the real plans’ yaml)' : ''}`),
    );
  }
  console.log('');
  line(
    '',
    variants.map((v) => `${v.plans} plans`),
    'budget at 1,000 plans',
  );
  line(
    '',
    variants.map((v) => `${v.projects} proj.`),
  );
  row('first visit, gzip -9 (loaded before first idle)', total, kb, `≤ 1.1 × ${kb(first)}`);
  for (const k of kinds) if (results.some((rs) => rs.some((s) => s.bytes[k]))) row(`  ${k}`, (s) => s.bytes[k] ?? 0, kb);
  line(
    '  ratio to the first column',
    variants.map((_, i) => `${((m(i, total) ?? 0) / first).toFixed(2)}×`),
    '≤ 1.10×',
  );
  row(`search: bytes before the first result ('${searchChar}')`, (s) => s.searchBytes, kb, '≤ 300 KB');
  row('search: first result (focus + keystroke)', (s) => s.searchFirst, ms, '≤ 1 s');
  row('search: warm keystroke → results', (s) => s.searchWarm, ms, '≤ 100 ms');
  row('project list: first open → first row', (s) => s.listOpen, ms, '≤ 1 s');
  row('    of which fetching the list summary', (s) => s.listFetch, ms);
  row('project list: filter change (category chip)', (s) => s.filter, ms, '≤ 200 ms');
  row(`project list: plan filter (${switchPlan})`, (s) => s.planFilter, ms);
  row('map: filter change → points handed to the map', (s) => s.mapSet, ms);
  row('map: filter change → drawn (idle, incl. framing)', (s) => s.mapDrawn, ms, '≤ 1 s');
  row('map: longest main-thread task meanwhile', (s) => s.mapStall, ms, '≤ 200 ms');
  row('heap after list + search (main thread)', (s) => s.heap, mb, '≤ 200 MB');
  line(
    'build:data, all plans (see above)',
    variants.map((v) => sec(v.buildAll)),
  );
  line(
    'build:data, one plan changed',
    variants.map((v) => sec(v.buildOne)),
    '≤ 10 s',
  );
  console.log('\n  other interactions');
  row('navigation → map first idle', (s) => s.ready, ms);
  row('plan menu: click → tree items visible', (s) => s.menu, ms);
  row(`choose ${switchPlan} in the menu → drawn, idle`, (s) => s.switchTo, ms);
  row('  a nested copy (filtered by name)', (s) => s.switchNested, ms);
  row(
    'DOM nodes with the project list open',
    (s) => s.domNodes,
    (n) => n.toFixed(0),
  );
  row(
    '  list rows in the DOM (windowed)',
    (s) => s.rowsInDom,
    (n) => n.toFixed(0),
  );

  console.log('\nPublished tables (raw / gzip -9), loaded on first use, not on the first visit');
  for (const f of Object.keys(variants[0]!.published)) {
    line(
      `  ${f} raw`,
      variants.map((v) => kb(v.published[f]!.raw)),
    );
    line(
      `  ${f} gzip`,
      variants.map((v) => kb(v.published[f]!.gz)),
    );
  }
  console.log('\nFirst-visit files, gzip -9 (first counted run)');
  for (const [i, v] of variants.entries()) {
    const files = results[i]![0]?.files ?? [];
    console.log(`  ${v.label}: ${files.map((f) => `${f.url} ${kb(f.gz)}`).join(', ')}`);
  }
  for (const [i, v] of variants.entries()) {
    const errors = [...new Set(results[i]!.flatMap((s) => s.errors))];
    console.log(`\nPage errors, ${v.label}: ${errors.length ? errors.join(' | ') : 'none'}`);
  }
} finally {
  if (process.env.BENCH_KEEP) log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
// Budgets are informative: always exit 0 once the table is printed.
process.exit(0);
