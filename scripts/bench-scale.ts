/**
 * `npm run bench:scale`: how the atlas holds up when Yunnan's 145 county and prefecture plans are all published.
 * Builds two scratch copies of the project in a temporary folder, one with the five real plans and one with 145
 * synthetic plans added (copies of qujing, lincang, shuangjiang and menghai, each moved to another county or
 * prefecture, nested under its prefecture's plan where there is one, projects repeated to reach ~10,000 in all),
 * then measures both builds in Chromium: what a first visit downloads, time to the map's first idle, and the
 * interactions that grow with the number of plans (plan menu, plan switch, search, project list).
 * Budgets are printed beside the figures; nothing here fails (exit code 0): these machines are noisy.
 *
 * Env: BENCH_RUNS (default 3), BENCH_PLANS (default 150), BENCH_PROJECTS (default 10000), BENCH_KEEP=1 keeps the
 * temporary folder. Nothing is written to the worktree's data/ or public/.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { parse, stringify } from 'yaml';
import { launchChromium } from './lib/chromium';
import { serveBuild, subPath } from './lib/static-server';

const root = resolve(import.meta.dirname, '..');
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const planTarget = Math.max(6, Number(process.env.BENCH_PLANS ?? 150));
const projectTarget = Number(process.env.BENCH_PROJECTS ?? 10_000);
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
  for (const entry of ['data', 'public', 'src', 'scripts', 'index.html', 'vite.config.ts', 'tsconfig.json', 'package.json']) {
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
}

/** Adds synthetic plans to `<dir>/data` until there are `planTarget` plans. */
function addSyntheticPlans(dir: string): SynthInfo {
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
  const perPlan = Math.max(0, projectTarget - realProjects) / count;
  const cityPlan = new Map<string, string>(); // prefecture code → synthetic plan id
  const parentOf = new Map<string, string>([...docs.values()].map((d) => [d.id, (d.parent as { plan?: string } | undefined)?.plan ?? '']));
  let projects = realProjects;
  let nestedCopy: SynthInfo['nestedCopy'];
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
    const want = Math.round(perPlan * (i + 1)) - Math.round(perPlan * i);
    const base = source.projects;
    if (base.length && want > 0) {
      doc.projects = Array.from({ length: want }, (_, k) => {
        const p = structuredClone(base[k % base.length]!);
        const round = Math.floor(k / base.length);
        return round ? { ...p, id: `${p.id}-${round + 1}` } : p;
      });
    }
    projects += doc.projects.length;
    if (!nestedCopy && template === switchPlan && parent !== rootPlan) nestedCopy = { id, name: region.name };
    mkdirSync(join(dataDir, id));
    writeFileSync(join(dataDir, id, 'plan.yaml'), stringify(doc, { lineWidth: 0 }));
    cpSync(join(dataDir, template, 'places.yaml'), join(dataDir, id, 'places.yaml'));
  }
  const depth = (id: string): number => (parentOf.get(id) ? 1 + depth(parentOf.get(id)!) : 1);
  return { plans: real.length + count, projects, maxDepth: Math.max(...[...parentOf.keys()].map(depth)), nestedCopy };
}

/** Runs a command in `cwd`, echoing its output with a heartbeat every 15 s. */
function run(cmd: string, args: string[], cwd: string, env: Record<string, string>, label: string): Promise<void> {
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
      if (code === 0) done();
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
  published: Record<string, { raw: number; gz: number }>;
}

async function prepare(name: string, synthetic: boolean): Promise<Variant> {
  const dir = join(work, name);
  log(`${name}: copying the project to ${dir}`);
  copyProject(dir);
  const synth = synthetic ? addSyntheticPlans(dir) : undefined;
  if (synth) log(`${name}: ${synth.plans} plans, ${synth.projects} projects, plan tree ${synth.maxDepth} levels deep`);
  await run(
    'npx',
    ['tsx', 'scripts/build-plan-layers.ts'],
    dir,
    { ATLAS_DATA: join(dir, 'data'), ATLAS_PLANS_OUT: join(dir, 'public/geo/plans') },
    `${name}: data build`,
  );
  await run('npx', ['vite', 'build', '--logLevel', 'warn'], dir, {}, `${name}: vite build`);
  const plansDir = join(dir, 'public/geo/plans');
  const published: Variant['published'] = {};
  for (const f of ['catalogue.json', 'search.json', 'projects.json']) {
    const buf = readFileSync(join(plansDir, f));
    published[f] = { raw: buf.length, gz: gzipSync(buf, { level: 9 }).length };
  }
  const projects = (JSON.parse(readFileSync(join(plansDir, 'projects.json'), 'utf8')) as { rows?: unknown[] }).rows?.length;
  const plans = readdirSync(plansDir).filter((f) => f.endsWith('.geojson')).length;
  return { label: `${plans} plans`, plans, projects: projects ?? synth?.projects ?? 0, dir, dist: join(dir, 'dist'), published, ...(synth ? { synth } : {}) };
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring in the browser
// ---------------------------------------------------------------------------------------------------------------

type Condition = 'tree' | 'plan-shown' | 'search-entries' | 'pb-row' | 'pb-total-changed' | 'treeitem';
interface Timing {
  start: number;
  end: number;
}
interface BenchWindow {
  __bench: { arm(types: string[], cond: Condition, arg: string): void; pending: Promise<Timing> };
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
  };
  const w = window as unknown as BenchWindow;
  w.__bench = {
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

async function timed(page: Page, events: string[], cond: Condition, arg: string, act: () => Promise<unknown>, timeout = 60_000): Promise<number> {
  await page.evaluate(([e, c, a]) => (window as unknown as BenchWindow).__bench.arm(e as string[], c as Condition, a as string), [events, cond, arg] as const);
  await act();
  const t = await Promise.race([
    page.evaluate(() => (window as unknown as BenchWindow).__bench.pending),
    new Promise<never>((_, fail) => setTimeout(() => fail(new Error(`timed out waiting for ${cond} ${arg}`)), timeout)),
  ]);
  return t.end - t.start;
}

interface Session {
  bytes: Record<string, number>;
  files: { url: string; gz: number }[];
  ready: number;
  menu: number;
  switchTo: number;
  switchNested?: number;
  searchFirst: number;
  searchWarm: number;
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
  if (path.startsWith('geo/plans/')) return 'plan data';
  return 'other';
}

/** One visit: first-visit bytes and time to idle, then each interaction in turn. */
async function session(browser: Browser, origin: string, v: Variant): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
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
  await page.waitForFunction(() => performance.getEntriesByName('atlas-map-ready').length > 0, undefined, { timeout: 90_000 });
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
  const switchTo = await timed(page, ['click'], 'plan-shown', switchPlan, () => item.click(), 90_000);
  await page.waitForTimeout(300);

  // Search: first use (focus loads the index, the character typed at once), then a warm keystroke.
  const plansLabel = (await page.locator('.plan-switcher-label').textContent()) ?? '';
  const search = page.locator('input.search-input');
  const searchFirst = await timed(page, ['focusin'], 'search-entries', plansLabel, async () => {
    await search.click();
    await page.keyboard.insertText(searchChar);
  });
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
        .filter((e) => /geo\/plans\/(search|projects)\.json/.test(e.name))
        .map((e) => [e.name.includes('search') ? 'search' : 'projects', e.responseEnd - e.startTime]),
    ),
  );
  const rowsBefore = await page.evaluate(() => document.querySelectorAll('.pb-row').length);
  // A category from the filter panel (opened first, not timed): the count changes and the list is repainted.
  await page.click('button.pb-more-toggle');
  const before = (await page.locator('.pb-total').textContent()) ?? '';
  const chip = page.locator('.pb-more .pb-chips button[aria-pressed]').first();
  const filter = await timed(page, ['click'], 'pb-total-changed', before, () => chip.click());
  await page.click('button.pb-more-toggle');
  await page.waitForTimeout(1800);
  // And the plan filter: the plan tree as a select, the plan switched to above.
  const beforePlan = (await page.locator('.pb-total').textContent()) ?? '';
  const planFilter = await timed(page, ['change', 'input'], 'pb-total-changed', beforePlan, () => page.selectOption('select.pb-plan-select', switchPlan));
  const domAfterFilter = await page.evaluate(() => document.getElementsByTagName('*').length);

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
    switchNested = await timed(page, ['click'], 'plan-shown', nested.id, () => copy.click(), 90_000);
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
    searchWarm,
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

try {
  const small = await prepare('plans-5', false);
  const large = await prepare(`plans-${planTarget}`, true);
  const variants = [small, large];
  const servers = await Promise.all(variants.map((v) => serveBuild(v.dist)));
  const browser = await launchChromium();
  const results: Session[][] = [[], []];
  try {
    log('warm-up visit of each build (not counted)');
    for (const [i, v] of variants.entries()) await session(browser, servers[i]!.origin, v);
    for (let r = 0; r < runs; r++) {
      for (const [i, v] of variants.entries()) {
        log(`run ${r + 1}/${runs}: ${v.label}`);
        results[i]!.push(await session(browser, servers[i]!.origin, v));
      }
    }
  } finally {
    await browser.close();
    for (const s of servers) s.server.close();
  }

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
  const lpad = (s: string, n: number) => ' '.repeat(Math.max(0, n - [...s].length)) + s;
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const m = (i: number, f: (s: Session) => number | undefined) => {
    const xs = results[i]!.map(f).filter((x): x is number => x !== undefined);
    return xs.length ? median(xs) : undefined;
  };
  const row = (label: string, f: (s: Session) => number | undefined, fmt: (n: number) => string, budget?: number) => {
    const a = m(0, f);
    const b = m(1, f);
    const ratio = a !== undefined && b !== undefined && a > 0 ? b / a : undefined;
    const verdict = budget !== undefined && ratio !== undefined ? `≤ ${budget.toFixed(2)}× ${ratio <= budget ? 'PASS' : 'OVER'}` : '';
    console.log(
      `  ${pad(label, 50)} ${lpad(a !== undefined ? fmt(a) : '—', 10)} ${lpad(b !== undefined ? fmt(b) : '—', 10)} ${lpad(ratio !== undefined ? `${ratio.toFixed(2)}×` : '', 7)}  ${verdict}`,
    );
  };
  const total = (s: Session) => Object.values(s.bytes).reduce((n, x) => n + x, 0);
  const kinds = ['HTML', 'JavaScript (incl. worker)', 'CSS', 'base geography', 'plan data', 'other'];

  console.log(
    `\nScale benchmark: ${small.plans} real plans (${small.projects} projects) vs ${large.plans} plans (${large.projects} projects, ` +
      `tree ${large.synth?.maxDepth ?? '?'} levels deep); medians of ${runs} run(s), headless Chromium (SwiftShader), 1280×800\n`,
  );
  console.log(`  ${pad('', 50)} ${lpad(`${small.plans} plans`, 10)} ${lpad(`${large.plans} plans`, 10)} ${lpad('ratio', 7)}  budget`);
  console.log(`  ${pad('', 50)} ${lpad(`${small.projects} proj.`, 10)} ${lpad(`${large.projects} proj.`, 10)}`);
  row('first visit, gzip -9 (loaded before first idle)', total, kb, 1.1);
  for (const k of kinds) if (results.some((rs) => rs.some((s) => s.bytes[k]))) row(`  ${k}`, (s) => s.bytes[k] ?? 0, kb);
  row('navigation → map first idle', (s) => s.ready, ms);
  row('plan menu: click → tree items visible', (s) => s.menu, ms);
  row(`choose ${switchPlan} in the menu → layers drawn, map idle`, (s) => s.switchTo, ms, 1.2);
  if (large.synth?.nestedCopy) row(`  a nested copy (${large.synth.nestedCopy.id}, filtered by name)`, (s) => s.switchNested, ms);
  row(`search, first use: focus + '${searchChar}' → results (loads index)`, (s) => s.searchFirst, ms);
  row('    of which fetching search.json', (s) => s.searchFetch, ms);
  row(`search, warm: keystroke '${searchChar}' → results`, (s) => s.searchWarm, ms);
  row('project list: click → first row visible', (s) => s.listOpen, ms);
  row('    of which fetching projects.json', (s) => s.listFetch, ms);
  row('project list: category chip → count and list painted', (s) => s.filter, ms);
  row(`project list: plan filter (${switchPlan}) → count and list painted`, (s) => s.planFilter, ms);
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
  row(
    'DOM nodes after filtering',
    (s) => s.domAfterFilter,
    (n) => n.toFixed(0),
  );

  console.log('\nPublished tables (raw / gzip -9), loaded on first use, not on the first visit');
  for (const f of Object.keys(small.published)) {
    const a = small.published[f]!;
    const b = large.published[f]!;
    console.log(`  ${pad(f, 50)} ${lpad(kb(a.raw), 10)} ${lpad(kb(b.raw), 10)}   gzip ${kb(a.gz)} → ${kb(b.gz)}`);
  }
  console.log('\nFirst-visit files, gzip -9 (first counted run)');
  for (const [i, v] of variants.entries()) {
    const files = results[i]![0]!.files;
    console.log(`  ${v.label}: ${files.map((f) => `${f.url} ${kb(f.gz)}`).join(', ')}`);
  }
  for (const [i, v] of variants.entries()) {
    const errors = [...new Set(results[i]!.flatMap((s) => s.errors))];
    console.log(`\nPage errors, ${v.label}: ${errors.length ? errors.join(' | ') : 'none'}`);
  }
  console.log(
    '\nRuns (ms): ' +
      variants
        .map(
          (v, i) =>
            `${v.label}: ready ${results[i]!.map((s) => s.ready.toFixed(0)).join('/')}, switch ${results[i]!.map((s) => s.switchTo.toFixed(0)).join('/')}`,
        )
        .join('; '),
  );
} finally {
  if (process.env.BENCH_KEEP) log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
// Budgets are informative: always exit 0 once the table is printed.
process.exit(0);
