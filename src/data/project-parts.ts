/**
 * The project list's data, by parts (issue 19): the one module the project list and the map's projects view read,
 * so the list, its count and the map agree. The build publishes a summary and one part per plan
 * (src/lib/project-summary.ts); this module loads the summary, then exactly the parts the current filters need:
 * a plan filter its plan's part, a county or prefecture filter the plans with projects there, no filter (or a
 * filter over every plan: text, category) every part, in batches in the plans' order, yielding to the main thread
 * between batches and, for a load longer than one batch, waiting while the reader acts (src/data/reader-first.ts).
 * Until a plan's part is in, its rows of the summary's first page stand in for it, so the unfiltered list opens at once. Beyond {@link allPartsMost} projects an unfiltered list (or one by categories) loads
 * only its window's parts, while every project's point is read for the map, and a download reads every part in turn
 * (`eachPart`). The single file carries the whole table (embedded once): there the summary and the parts are derived
 * from it in memory.
 */
import type { ProjectPoint, ProjectRecord } from '../lib/atlas-data';
import { hasFilters, type ProjectFilters, type ProjectListMode } from '../lib/project-filter';
import {
  facetNeeds,
  listedPerPlan,
  partsOfWindow,
  type ProjectSummary,
  projectPageSize,
  projectPartPaths,
  projectPartsFor,
  readSummary,
  recordsByPlan,
  shortlistParts,
  summariseProjects,
} from '../lib/project-summary';
import { isProjectRecord, projectFields, publishedPaths, readTable } from '../lib/published-format';
import type { PlanId } from '../lib/vocabulary';
import { loadCatalogue } from './catalogue';
import { fetchJson, isEmbedded } from './fetch-asset';
import { report, resolveNotice } from './notices';
import { quietIn, whenQuiet } from './reader-first';
import { createResource } from './resource';
import { loadProjects } from './tables';

/** What the list (or the map) shows: its filters, the shortlist and which of the two is on screen. */
export interface ProjectNeed {
  filters: ProjectFilters;
  shortlist: readonly string[];
  mode: ProjectListMode;
}

/** The loaded state, one snapshot per change (React and the map compare it by identity). */
export interface ProjectParts {
  summary: ProjectSummary | undefined;
  /** The rows of the loaded parts (and the first page's rows of plans not yet in), plans in tree order. */
  records: readonly ProjectRecord[];
  /** How many of the parts the current filters need are in, of how many. */
  progress: { loaded: number; total: number };
  /** The summary and every part the current filters need are in: the list and its counts are final. */
  complete: boolean;
  /** The summary or a needed part failed (a notice offers the retry). */
  failed: boolean;
  /** The studio previews some plans: their rows are the preview's, and the summary's figures no longer hold. */
  preview: boolean;
  /**
   * Beyond {@link allPartsMost} projects, a list in the default order with no filter or categories only: only the
   * parts of the list's window (see {@link setProjectWindow}) are loaded; each plan's count, from the summary, lays
   * the list out (`listedPerPlan` in src/lib/project-summary.ts). Undefined otherwise (every part the filters need).
   */
  perPlan: [PlanId, number][] | undefined;
  /**
   * With {@link perPlan}: every project as the map draws it, plans in tree order, as far as they have been read (in
   * the background, part by part, each part's records let go once its points are taken). Undefined otherwise (the map
   * draws the list's rows).
   */
  points: readonly ProjectPoint[] | undefined;
}

/**
 * The most projects whose every part an unfiltered list loads in the background. Measured (bench:scale,
 * 1 December 2026): the page's heap with every part in is 135 MB at 100,000 projects and 357 MB at 300,000
 * (~1.1 KB a project): beyond 150,000 it would pass the 200 MB budget, so there the list loads its window's parts.
 */
const defaultAllPartsMost = 150_000;
let allPartsMost = defaultAllPartsMost;
/** The rows the list shows (its window, with some margin), in its order: which parts a windowed list loads. */
let windowRows: [number, number] = [0, projectPageSize];

/** A batch of parts: loaded together, then the main thread gets a turn. */
const batchPlans = 32;
const batchRows = 5000;
/**
 * While parts arrive in the background, the list and the map take them in at most this often (ms), and half as
 * often at each turn (up to {@link refreshMost}): at 100,000 projects each turn re-filters every row, and frequent
 * turns would starve the loading itself.
 */
const refreshLeast = 300;
const refreshMost = 5000;
let refreshEvery = refreshLeast;

const failed = (reason: string) => report({ type: 'projects-failed', reason }, { retry: () => retryProjects() });

/** Whether the page carries the whole table (the single file). */
const embeddedTable = () => isEmbedded(publishedPaths.projects);

let grouped: { records: readonly ProjectRecord[]; byPlan: Map<PlanId, ProjectRecord[]> } | undefined;
/** Rows by plan, in their order (once per table). */
function byPlan(records: readonly ProjectRecord[]): Map<PlanId, ProjectRecord[]> {
  if (grouped?.records !== records) grouped = { records, byPlan: recordsByPlan(records) };
  return grouped.byPlan;
}

export const projectSummaryResource = createResource<'summary', ProjectSummary>(
  async (_key, attempt) => {
    const summary = embeddedTable()
      ? summariseProjects(
          await loadProjects(),
          (await loadCatalogue()).plans.map((p) => p.id),
        )
      : readSummary(projectPartPaths.summary, await fetchJson(projectPartPaths.summary, { attempt }));
    resolveNotice({ type: 'projects-failed' });
    return summary;
  },
  (_k, reason) => failed(reason),
);

/** A plan's part, fetched and checked (from the page's own table in the single file). */
async function readPart(plan: PlanId, attempt = 0): Promise<ProjectRecord[]> {
  if (embeddedTable()) return byPlan(await loadProjects()).get(plan) ?? [];
  const path = projectPartPaths.part(plan);
  const { records, invalid } = readTable<ProjectRecord>(path, await fetchJson(path, { attempt }), projectFields, isProjectRecord);
  if (invalid) report({ type: 'invalid-entries', file: path, count: invalid }, { level: 'warning' });
  return records;
}

export const projectPartResource = createResource<PlanId, ProjectRecord[]>(
  async (plan, attempt) => {
    const records = await readPart(plan, attempt);
    resolveNotice({ type: 'projects-failed' });
    return records;
  },
  (_k, reason) => failed(reason),
);

/**
 * Every row of these plans, a plan's part at a time in their order, for a download of a list loaded by window: a
 * part that is in (or previewed) is read from memory, any other fetched for this walk alone and let go once the
 * caller has written it, so a download of the country never holds it. A part that fails throws (the download says so).
 */
export async function* eachPart(plans: readonly PlanId[]): AsyncGenerator<readonly ProjectRecord[]> {
  for (const plan of plans) yield await partAtHand(plan);
}

/** A plan's rows: the previewed or loaded part if there is one, else the part read for the caller alone (not kept). */
const partAtHand = async (plan: PlanId): Promise<readonly ProjectRecord[]> =>
  previewParts?.get(plan) ?? ready(projectPartResource.peek(plan)) ?? readPart(plan);

/** Each plan's points, for the map of a list loaded by window (see {@link ProjectParts.points}). */
const pointsByPlan = new Map<PlanId, ProjectPoint[]>();
/** Counts resets: a walk from before one stops. */
let pointsWalk = 0;
let walking = false;
let pointsMade: { count: number; points: ProjectPoint[] } | undefined;

const toPoint = ({ id, plan, name, nameEn, category, precision, county, lon, lat }: ProjectRecord): ProjectPoint => ({
  id,
  plan,
  name,
  nameEn,
  category,
  precision,
  county,
  lon,
  lat,
});

/**
 * Reads every plan's points not yet read, a batch of parts at a time (a part that is in is read from memory; any other
 * fetched and let go): the map of a country's list draws every project while the list holds only its window's rows.
 */
async function walkPoints(plans: readonly PlanId[]): Promise<void> {
  // One walk at a time: a scroll (a new window) while it runs leaves it going.
  if (walking) return;
  walking = true;
  const run = pointsWalk;
  const todo = plans.filter((p) => !pointsByPlan.has(p));
  for (let start = 0; start < todo.length && run === pointsWalk; start += batchPlans) {
    await whenQuiet();
    if (run !== pointsWalk) return;
    const batch = todo.slice(start, start + batchPlans);
    const read = await Promise.all(
      batch.map((p) =>
        partAtHand(p).then(
          (records) => records.map(toPoint),
          (e: unknown) => {
            failed(e instanceof Error ? e.message : String(e));
            return undefined;
          },
        ),
      ),
    );
    if (run !== pointsWalk) return; // forgotten meanwhile (a reset)
    batch.forEach((p, i) => {
      const points = read[i];
      if (points) pointsByPlan.set(p, points);
    });
    // The last batch is taken in at once; the others as parts arriving in the background are.
    scheduleRefresh(start + batchPlans >= todo.length, true);
    await yieldToMain();
  }
  if (run === pointsWalk) walking = false;
}

/** The points read so far, plans in tree order (made again only when more have arrived). */
function pointsSoFar(summary: ProjectSummary): ProjectPoint[] {
  if (pointsMade?.count !== pointsByPlan.size) {
    const points: ProjectPoint[] = [];
    for (const [p] of summary.plans) for (const point of pointsByPlan.get(p) ?? []) points.push(point);
    pointsMade = { count: pointsByPlan.size, points };
  }
  return pointsMade.points;
}

let lastNeed: ProjectNeed | undefined;
/** The parts the current need asks for, the list's first; and a key to tell a new set from the same one. */
let wanted: PlanId[] = [];
let wantedKey: string | undefined;
let generation = 0;
let previewParts: ReadonlyMap<PlanId, ProjectRecord[]> | undefined;
const emptySnapshot: ProjectParts = {
  summary: undefined,
  records: [],
  progress: { loaded: 0, total: 0 },
  complete: false,
  failed: false,
  preview: false,
  perPlan: undefined,
  points: undefined,
};
let snapshot = emptySnapshot;
const listeners = new Set<() => void>();

const ready = <T>(state: { status: string; data?: T } | undefined): T | undefined => (state?.status === 'ready' ? state.data : undefined);

/** Every plan with projects, in tree order, then the previewed plans the summary does not know. */
function planOrder(summary: ProjectSummary): PlanId[] {
  const order = summary.plans.map(([p]) => p);
  const known = new Set(order);
  for (const p of previewParts?.keys() ?? []) if (!known.has(p)) order.push(p);
  return order;
}

/** The per-plan layout of a need's list when it is loaded by window (beyond {@link allPartsMost} projects), else undefined. */
function windowLayout(need: ProjectNeed, summary: ProjectSummary): [PlanId, number][] | undefined {
  if (previewParts || need.mode !== 'all' || summary.total <= allPartsMost) return undefined;
  return listedPerPlan(need.filters, summary);
}

/** Which parts a need asks for: the list's, then the ones its facet counts need (the summary's counts cover the rest). */
export function partsWanted(need: ProjectNeed, summary: ProjectSummary): PlanId[] {
  // A preview's rows change counts the summary cannot know: everything is counted from the rows.
  if (previewParts) return planOrder(summary);
  if (need.mode === 'shortlist') return shortlistParts(need.shortlist, summary);
  // Loaded by window: the summary has every count, and the window's parts hold its rows.
  const layout = windowLayout(need, summary);
  // A window's length more on either side, so a short scroll finds its rows there.
  const [start, end] = windowRows;
  if (layout) return partsOfWindow(layout, Math.max(0, start - (end - start)), end + (end - start));
  const list = hasFilters(need.filters) ? projectPartsFor(need.filters, summary) : planOrder(summary);
  return [...new Set([...list, ...facetNeeds(need.filters, summary).parts])];
}

/** Asks for what a need shows: the summary, then its parts (cached; a part once loaded is kept). */
export function requestProjects(need: ProjectNeed): void {
  lastNeed = need;
  projectSummaryResource.load('summary').then(
    (summary) => {
      if (lastNeed === need) plan(need, summary);
    },
    () => undefined, // the notice offers the retry
  );
  scheduleRefresh();
}

/**
 * Whether the current need's load is longer than a batch: then it is background work (src/data/reader-first.ts), its
 * batches after the first, and the list's and the map's turns at taking them in, waiting while the reader acts.
 */
let longLoad = false;

function plan(need: ProjectNeed, summary: ProjectSummary): void {
  const parts = partsWanted(need, summary);
  const key = parts.join(',');
  if (key === wantedKey) return;
  wanted = parts;
  wantedKey = key;
  const run = ++generation;
  refreshEvery = refreshLeast;
  scheduleRefresh(true);
  // Every part for the unfiltered list: the summary's first page is on screen, so the background load starts once
  // the list has painted; a filter's own parts (or a window's) are what the list waits for, and start at once.
  const layout = windowLayout(need, summary);
  const background = need.mode === 'all' && !hasFilters(need.filters) && !layout;
  const sizes = new Map(summary.plans);
  const todo = parts.filter((p) => !projectPartResource.peek(p) && !previewParts?.has(p));
  longLoad = todo.length > batchPlans || todo.reduce((n, p) => n + (sizes.get(p) ?? 0), 0) > batchRows;
  void (background ? afterPaint() : Promise.resolve()).then(() => pump(run, parts, sizes, background && longLoad));
  // Loaded by window, the map still draws every project: their points follow, once the window's rows are asked for.
  if (layout && pointsByPlan.size < summary.plans.length) void afterPaint().then(() => walkPoints(summary.plans.map(([p]) => p)));
}

const yieldToMain = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** After the next frame is painted (a task after it); at once where nothing paints. */
const afterPaint = () =>
  new Promise<void>((resolve) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => setTimeout(resolve, 0)) : resolve()));

/**
 * Loads the parts in order, a batch at a time, until a newer need takes over. Each batch after the first waits while
 * the reader acts (there is one only in a long load), and so does the first when `waitFirst` (a long load the list
 * does not wait for: every part behind the unfiltered list's first page).
 */
async function pump(run: number, parts: readonly PlanId[], sizes: ReadonlyMap<PlanId, number>, waitFirst: boolean): Promise<void> {
  let batch: PlanId[] = [];
  let rows = 0;
  let waits = waitFirst;
  const flush = async () => {
    if (waits) await whenQuiet();
    waits = true;
    if (run !== generation) return;
    await Promise.all(batch.map((p) => projectPartResource.load(p).catch(() => undefined)));
    batch = [];
    rows = 0;
    await yieldToMain();
  };
  for (const p of parts) {
    if (run !== generation) return;
    // Loaded, loading (an earlier need's batch) or failed (its notice has the retry): nothing to start.
    if (projectPartResource.peek(p) || previewParts?.has(p)) continue;
    batch.push(p);
    rows += sizes.get(p) ?? 0;
    if (batch.length >= batchPlans || rows >= batchRows) await flush();
  }
  if (batch.length && run === generation) await flush();
}

let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshSoon = false;
/**
 * Takes what has arrived into a new snapshot: at once when the need's parts are all in (or `now`), otherwise (or for
 * the map's points, `background`) at most every {@link refreshEvery} ms, so the list and the map are not recomputed
 * for every part of a long load.
 */
function scheduleRefresh(now = false, background = false): void {
  const settled = now || (!background && wanted.every((p) => previewParts?.has(p) || projectPartResource.peek(p)?.status !== 'loading'));
  if (refreshTimer !== undefined) {
    if (!settled || refreshSoon) return;
    clearTimeout(refreshTimer);
  }
  refreshSoon = settled;
  const delay = settled ? 0 : refreshEvery;
  if (!settled) refreshEvery = Math.min(refreshMost, refreshEvery * 2);
  // Parts of a long load taken in while the reader acts would compete with their action's own work: they wait for a pause.
  const take = () => {
    const wait = settled || !(background || longLoad) ? 0 : quietIn();
    if (wait > 0) {
      refreshTimer = setTimeout(take, wait);
      return;
    }
    refreshTimer = undefined;
    refresh();
  };
  refreshTimer = setTimeout(take, delay);
}

function refresh(): void {
  const summaryState = projectSummaryResource.peek('summary');
  const summary = ready(summaryState);
  const records: ProjectRecord[] = [];
  let loaded = 0;
  let failedPart = false;
  if (summary) {
    const firstPage = byPlanOfPage(summary);
    for (const p of planOrder(summary)) {
      const rows = previewParts?.get(p) ?? ready(projectPartResource.peek(p)) ?? firstPage.get(p);
      if (rows) for (const r of rows) records.push(r);
    }
    for (const p of wanted) {
      const status = previewParts?.has(p) ? 'ready' : projectPartResource.peek(p)?.status;
      if (status === 'ready') loaded += 1;
      if (status === 'error') failedPart = true;
    }
  }
  const same = snapshot.records.length === records.length && snapshot.records.every((r, i) => r === records[i]);
  const perPlan = summary && lastNeed ? windowLayout(lastNeed, summary) : undefined;
  snapshot = {
    summary,
    records: same ? snapshot.records : records,
    progress: { loaded, total: wanted.length },
    complete: !!summary && wantedKey !== undefined && loaded === wanted.length,
    failed: summaryState?.status === 'error' || failedPart,
    preview: !!previewParts,
    perPlan,
    points: summary && perPlan ? pointsSoFar(summary) : undefined,
  };
  for (const l of listeners) l();
}

let pageGroups: { summary: ProjectSummary; byPlan: Map<PlanId, ProjectRecord[]> } | undefined;
function byPlanOfPage(summary: ProjectSummary): Map<PlanId, ProjectRecord[]> {
  if (pageGroups?.summary !== summary) pageGroups = { summary, byPlan: byPlan(summary.firstPage) };
  return pageGroups.byPlan;
}

projectSummaryResource.subscribe(() => scheduleRefresh());
projectPartResource.subscribe(() => scheduleRefresh());

/** Tries again what failed (the summary, the needed parts), then carries on with the current need. */
export function retryProjects(): void {
  const retried: Promise<unknown>[] = [];
  if (projectSummaryResource.peek('summary')?.status === 'error') retried.push(projectSummaryResource.retry('summary'));
  for (const p of wanted) if (projectPartResource.peek(p)?.status === 'error') retried.push(projectPartResource.retry(p));
  Promise.all(retried.map((r) => r.catch(() => undefined))).then(() => {
    wantedKey = undefined;
    if (lastNeed) requestProjects(lastNeed);
  });
}

/**
 * The rows the list shows, in its order (`end` exclusive): a list loaded by window loads the parts that hold them
 * (and some margin); any other list ignores it.
 */
export function setProjectWindow(start: number, end: number): void {
  if (start === windowRows[0] && end === windowRows[1]) return;
  windowRows = [start, end];
  const summary = ready(projectSummaryResource.peek('summary'));
  if (lastNeed && summary && windowLayout(lastNeed, summary)) plan(lastNeed, summary);
}

/** For tests: the number of projects beyond which an unfiltered list is loaded by window (undefined: the default). */
export function setAllPartsMost(most: number | undefined): void {
  allPartsMost = most ?? defaultAllPartsMost;
}

/** The current snapshot (stable until something changes). */
export const getProjectParts = (): ProjectParts => snapshot;

export function subscribeProjectParts(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Resolves once the parts asked for are all in, or one failed (for a caller that needs the final list). */
export function whenProjectsSettled(): Promise<ProjectParts> {
  return new Promise((resolve) => {
    const check = () => {
      if (!snapshot.complete && !snapshot.failed) return false;
      resolve(snapshot);
      return true;
    };
    if (check()) return;
    const stop = subscribeProjectParts(() => {
      if (check()) stop();
    });
  });
}

/** The studio's preview: these plans' rows take the place of their published parts; `undefined` ends it. */
export function setProjectsPreview(parts: ReadonlyMap<PlanId, ProjectRecord[]> | undefined): void {
  previewParts = parts;
  wantedKey = undefined;
  if (lastNeed) requestProjects(lastNeed);
  else scheduleRefresh(true);
}

/** For tests: forget every part, the need and the preview. */
export function resetProjectParts(): void {
  projectSummaryResource.reset();
  projectPartResource.reset();
  clearTimeout(refreshTimer);
  refreshTimer = undefined;
  lastNeed = undefined;
  wanted = [];
  wantedKey = undefined;
  generation += 1;
  previewParts = undefined;
  windowRows = [0, projectPageSize];
  allPartsMost = defaultAllPartsMost;
  pointsByPlan.clear();
  pointsWalk += 1;
  walking = false;
  longLoad = false;
  pointsMade = undefined;
  snapshot = emptySnapshot;
  for (const l of listeners) l();
}
