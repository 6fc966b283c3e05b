/** The scale benchmark in the browser: one visit to a build, its first-visit bytes and the time of each interaction. */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { subPath } from '../lib/static-server';
import { onlyMap, searchChar, searchOnly, switchPlan } from './context';
import type { Variant } from './generate';

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
    /** Each time the map rendered a frame with the projects it was handed (data-projects-rendered set), and their count. */
    rendered: { at: number; count: string }[];
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
    // The map holds another number of projects, and has been idle (drawn, any framing flight ended) since.
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
      if (r.attributeName === 'data-projects-rendered')
        w.__bench.rendered.push({ at: performance.now(), count: (r.target as HTMLElement).dataset.projectsRendered ?? '' });
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-idle', 'data-projects-drawn', 'data-projects-rendered'] });
  w.__bench = {
    stalls,
    idleAt: 0,
    drawnAt: 0,
    rendered: [],
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

/** The page's main-thread JS heap after a garbage collection, bytes. */
async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const used = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  await cdp.detach();
  return used;
}

/** Downloads the list on screen as CSV: the time to the file whole, its size, and the JS heap's peak meanwhile (sampled). */
async function timedDownload(page: Page): Promise<{ ms: number; bytes: number; peak: number }> {
  const cdp = await page.context().newCDPSession(page);
  let peak = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, (await cdp.send('Runtime.getHeapUsage')).usedSize);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  await page.click('button.pb-download-toggle');
  const started = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), page.click('.pb-menu-item[data-format="csv"]')]);
  const path = await download.path();
  const ms = Date.now() - started;
  sampling = false;
  await sampler;
  await cdp.detach();
  return { ms, bytes: statSync(path).size, peak };
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

export interface Session {
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
  /** A chip of the list's filters with the list open: the first frame rendered with the new projects, and the longest main-thread task meanwhile. */
  mapDrawn: number;
  /** From the same click to the map settled (idle: drawn, and the framing flight, if any, ended). */
  mapSettled: number;
  /** From the same click to the filtered projects handed to the map (its source's data set). */
  mapSet: number;
  mapStall: number;
  /** Main-thread JS heap after searching and opening and filtering the list (after a garbage collection), bytes. */
  heap: number;
  /** The same just after the list opened (its summary and first page), and once every part has arrived (no filter). */
  heapOpen: number;
  heapAll: number;
  /** From clearing the filters to every part of the unfiltered list in. */
  allParts: number;
  /** From the same click to every project on the map (a list loaded by window reads their points in the background). */
  allDrawn: number;
  /** The unfiltered list as CSV: from choosing the format to the file whole, its size, and the JS heap's peak meanwhile. */
  csvTime: number;
  csvBytes: number;
  csvHeap: number;
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
export async function session(browser: Browser, origin: string, v: Variant): Promise<Session> {
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

  // `--only map`: straight to the project list.
  let menu = Number.NaN;
  let switchTo = Number.NaN;
  let searchFirst = Number.NaN;
  let searchBytes = Number.NaN;
  let searchWarm = Number.NaN;
  if (!onlyMap) {
    // Plan menu, then the mid-size plan from it.
    menu = await timed(page, ['click'], 'tree', '', () => page.click('button.plan-switcher-button'));
    const item = page.locator(`[role="tree"] [role="treeitem"][data-plan="${switchPlan}"]`);
    if (!(await item.isVisible())) {
      const name = (
        JSON.parse(readFileSync(join(v.dist, 'geo/plans/catalogue.json'), 'utf8')) as { plans: { id: string; region: { name: string } }[] }
      ).plans.find((p) => p.id === switchPlan)!.region.name;
      await page.locator('.plan-menu input[role="combobox"]').fill(name);
      await item.waitFor({ state: 'visible' });
    }
    switchTo = await timed(page, ['click'], 'plan-shown', switchPlan, () => item.click(), 180_000);
    await page.waitForTimeout(300);

    // Search: first use (focus loads the index, the character typed at once), then a warm keystroke.
    const plansLabel = (await page.locator('.plan-switcher-label').textContent()) ?? '';
    const search = page.locator('input.search-input');
    const searchSpan = await timedSpan(page, ['focusin'], 'search-entries', plansLabel, async () => {
      await search.click();
      await page.keyboard.insertText(searchChar);
    });
    searchFirst = searchSpan.end - searchSpan.start;
    const fetchedDuringSearch = await page.evaluate(
      ([a, b]) =>
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.startTime >= a! && e.startTime <= b!).map((e) => e.name),
      [searchSpan.start, searchSpan.end],
    );
    const gzByUrl = new Map((await Promise.all(responses)).flatMap((r) => (r ? [[r.url, r.gz] as const] : [])));
    searchBytes = fetchedDuringSearch.reduce((n, url) => n + (gzByUrl.get(url) ?? 0), 0);
    await search.fill('');
    await page.waitForFunction(() => !document.querySelector('.search-results [role="option"]'));
    searchWarm = await timed(page, ['beforeinput', 'input'], 'search-entries', plansLabel, () => page.keyboard.insertText(searchChar));
    await search.fill('');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.waitForTimeout(300);
  }
  if (searchOnly) {
    await context.close();
    const skipped = {
      heap: NaN,
      heapOpen: NaN,
      heapAll: NaN,
      allParts: NaN,
      allDrawn: NaN,
      csvTime: NaN,
      csvBytes: NaN,
      csvHeap: NaN,
      listOpen: NaN,
      filter: NaN,
      planFilter: NaN,
      mapDrawn: NaN,
      mapSettled: NaN,
      mapSet: NaN,
      mapStall: NaN,
      domNodes: NaN,
    };
    return { bytes, files: [], ready, menu, switchTo, searchFirst, searchBytes, searchWarm, ...skipped, domAfterFilter: NaN, rowsInDom: NaN, errors };
  }

  // Project list, its DOM size, then a category chip.
  const listOpen = await timed(page, ['click'], 'pb-row', '', () => page.click('button.view-toggle'));
  const heapOpen = await heapUsed(page);
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
  // Drawn: the first frame rendered with the projects the chip lists (the count the map holds once settled).
  const mapRendered = await page.evaluate(
    ([start]) => {
      const count = (document.querySelector('.map') as HTMLElement | null)?.dataset.projectsDrawn;
      return (window as unknown as BenchWindow).__bench.rendered.find((r) => r.at >= start! && r.count === count)?.at ?? Number.NaN;
    },
    [mapSpan.start],
  );
  const mapStall = await page.evaluate(
    ([a, b]) =>
      Math.max(0, ...(window as unknown as BenchWindow).__bench.stalls.filter((x) => x.start + x.duration >= a! && x.start <= b!).map((x) => x.duration)),
    [mapSpan.start, mapSpan.end],
  );
  await page.click('button.pb-more-toggle');
  if (onlyMap) {
    await context.close();
    const skipped = { heap: NaN, planFilter: NaN, domAfterFilter: NaN, heapAll: NaN, allParts: NaN, allDrawn: NaN, csvTime: NaN, csvBytes: NaN, csvHeap: NaN };
    return {
      bytes,
      files: [],
      ready,
      menu,
      switchTo,
      searchFirst,
      searchBytes,
      searchWarm,
      ...skipped,
      heapOpen,
      listOpen,
      filter,
      mapDrawn: mapRendered - mapSpan.start,
      mapSettled: mapSpan.end - mapSpan.start,
      mapSet,
      mapStall,
      domNodes,
      rowsInDom: rowsBefore,
      errors,
    };
  }
  await page.waitForTimeout(1800);
  // And the plan filter: the plan tree as a select, the plan switched to above.
  const beforePlan = (await page.locator('.pb-total').textContent()) ?? '';
  const planFilter = await timed(page, ['change', 'input'], 'pb-total-changed', beforePlan, () => page.selectOption('select.pb-plan-select', switchPlan));
  const domAfterFilter = await page.evaluate(() => document.getElementsByTagName('*').length);
  const heap = await heapUsed(page);
  // No filter, left until every part has arrived in the background (the list's progress line gone): the most it holds.
  const cleared = Date.now();
  await page.click('button.pb-clear');
  await page.waitForFunction(() => !document.querySelector('.pb-status') && !!document.querySelector('.pb-row'), undefined, { timeout: 600_000 });
  const allParts = Date.now() - cleared;
  const listedCount = await page.evaluate(() => document.querySelector('.pb-total')?.textContent?.match(/\d+/g)?.at(-1) ?? '');
  await page.waitForFunction((n) => document.querySelector<HTMLElement>('[data-projects-drawn]')?.dataset.projectsDrawn === n, listedCount, {
    timeout: 600_000,
  });
  const allDrawn = Date.now() - cleared;
  const heapAll = await heapUsed(page);
  const csv = await timedDownload(page);

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
    mapDrawn: mapRendered - mapSpan.start,
    mapSettled: mapSpan.end - mapSpan.start,
    mapSet,
    mapStall,
    heap,
    heapOpen,
    heapAll,
    allParts,
    allDrawn,
    csvTime: csv.ms,
    csvBytes: csv.bytes,
    csvHeap: csv.peak,
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
