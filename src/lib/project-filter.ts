/**
 * The project list's rows, filters, sort, facet counts, places shared by several projects and investment totals:
 * pure functions of the published project table, shared by the project list, the map (which draws exactly the
 * filtered projects) and the project book.
 */
import type { BBox, ProjectRecord } from './atlas-data';
import { categories, type Category, type PlanId } from './vocabulary';

export type ProjectSort = 'plan' | 'name' | 'county' | 'category' | 'investment';

/** Filters of the project browser; they live in the URL so a filtered list can be sent. */
export interface ProjectFilters {
  plans: PlanId[];
  /** County names as the layers write them (曲靖市 麒麟区 → 麒麟区), or prefecture names. */
  counties: string[];
  categories: Category[];
  /** Full id of a layout element. */
  element: string | null;
  query: string;
  sort: ProjectSort;
}

export const emptyProjectFilters: ProjectFilters = { plans: [], counties: [], categories: [], element: null, query: '', sort: 'plan' };
export const projectSorts: readonly ProjectSort[] = ['plan', 'name', 'county', 'category', 'investment'];

export interface ProjectRow extends ProjectRecord {
  /** The county display names, one each. */
  countyNames: string[];
  /** The plan's position in the plan tree, for sorting by plan. */
  planRank: number;
}

/** Rows from the table, in the table's order; plans not in `planOrder` sort last. */
export function projectRows(records: readonly ProjectRecord[], planOrder: readonly PlanId[]): ProjectRow[] {
  const rank = new Map(planOrder.map((p, i) => [p, i]));
  return records.map((r) => ({
    ...r,
    countyNames: r.county
      .split('、')
      .map((c) => c.trim())
      .filter(Boolean),
    planRank: rank.get(r.plan) ?? planOrder.length,
  }));
}

const collator = new Intl.Collator('zh-Hans-CN');
/** Chinese collation, as `a.localeCompare(b, 'zh-Hans-CN')`. */
export const compareZh = (a: string, b: string): number => collator.compare(a, b);

/** Investment in yuan, for comparing 万元 with 亿元; undefined when the plan gives none. */
export function investmentYuan(row: Pick<ProjectRow, 'investment'>): number | undefined {
  if (!row.investment) return undefined;
  const { amount, unit } = row.investment;
  return amount * (unit === '亿元' ? 1e8 : unit === '万元' ? 1e4 : 1);
}

/** Lower-cased, trimmed search terms; every term must be found. */
export function queryTerms(query: string): string[] {
  return query.trim().toLowerCase().split(/\s+/).filter(Boolean);
}

/** What the text search looks in, built once per row (10,000 rows are searched at every keystroke). */
const haystacks = new WeakMap<ProjectRow, string>();
function haystackOf(row: ProjectRow): string {
  let text = haystacks.get(row);
  if (text === undefined) {
    text = [row.name, row.nameEn ?? '', row.county, ...row.functions].join('\n').toLowerCase();
    haystacks.set(row, text);
  }
  return text;
}

function matchesQuery(row: ProjectRow, terms: readonly string[]): boolean {
  if (!terms.length) return true;
  const haystack = haystackOf(row);
  return terms.every((t) => haystack.includes(t));
}

/** A county filter value names a county as the layers write it, or a whole prefecture. */
export function matchesCounty(row: ProjectRow, counties: readonly string[]): boolean {
  if (!counties.length) return true;
  return counties.some((c) => row.countyNames.includes(c) || row.county === c || row.prefectures.includes(c));
}

/** The dimensions a row can fail, one bit each (facet counts leave one dimension out). */
const dimPlans = 1;
const dimCategories = 2;
const dimElement = 4;
const dimCounties = 8;
const dimQuery = 16;

/**
 * Which filters a row fails, one bit per dimension (0: it passes them all). Runs once per row per filter change
 * (100,000 rows at a national scale): no allocation.
 */
function failures(row: ProjectRow, f: ProjectFilters, terms: readonly string[]): number {
  let failed = 0;
  if (f.plans.length && !f.plans.includes(row.plan)) failed |= dimPlans;
  if (f.categories.length && !f.categories.includes(row.category)) failed |= dimCategories;
  if (f.element && row.element !== f.element) failed |= dimElement;
  if (!matchesCounty(row, f.counties)) failed |= dimCounties;
  if (!matchesQuery(row, terms)) failed |= dimQuery;
  return failed;
}

function matches(row: ProjectRow, f: ProjectFilters, terms: readonly string[] = queryTerms(f.query)): boolean {
  return failures(row, f, terms) === 0;
}

const categoryRank = (c: Category) => categories.indexOf(c);
const byPlan = (a: ProjectRow, b: ProjectRow) => a.planRank - b.planRank || a.order - b.order;
const byName = (a: ProjectRow, b: ProjectRow) => compareZh(a.name, b.name);

const comparators: Record<ProjectSort, (a: ProjectRow, b: ProjectRow) => number> = {
  plan: byPlan,
  name: (a, b) => byName(a, b) || byPlan(a, b),
  county: (a, b) => compareZh(a.county, b.county) || byName(a, b) || byPlan(a, b),
  category: (a, b) => categoryRank(a.category) - categoryRank(b.category) || byName(a, b) || byPlan(a, b),
  investment: (a, b) => {
    const x = investmentYuan(a);
    const y = investmentYuan(b);
    if (x === undefined || y === undefined) return x === y ? byPlan(a, b) : x === undefined ? 1 : -1;
    return y - x || byPlan(a, b);
  },
};

/** The rows in the chosen order: by plan (the plans' order, then each plan's own), name (Chinese collation), county, category or investment (largest first, none last). */
export function sortProjects(rows: readonly ProjectRow[], sort: ProjectSort): ProjectRow[] {
  const compare = comparators[sort] ?? byPlan;
  // The table comes in the default order (plans in tree order, each in its own): checking is cheaper than sorting.
  for (let i = 1; i < rows.length; i++) if (compare(rows[i - 1]!, rows[i]!) > 0) return [...rows].sort(compare);
  return [...rows];
}

/** The rows that pass every filter, in the filters' sort order. */
export function filterProjects(rows: readonly ProjectRow[], filters: ProjectFilters): ProjectRow[] {
  const terms = queryTerms(filters.query);
  return sortProjects(
    rows.filter((r) => matches(r, filters, terms)),
    filters.sort,
  );
}

export interface FacetCounts {
  plans: Map<PlanId, number>;
  categories: Map<Category, number>;
  /** By county display name and by prefecture name. */
  counties: Map<string, number>;
  elements: Map<string, number>;
}

function bump<K>(map: Map<K, number>, key: K) {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * How many projects each option of a filter would show, given the other filters (the usual faceted count:
 * an option's own dimension is left out, so ticking it adds exactly that many).
 */
export function facetCounts(rows: readonly ProjectRow[], filters: ProjectFilters): FacetCounts {
  const counts: FacetCounts = { plans: new Map(), categories: new Map(), counties: new Map(), elements: new Map() };
  const terms = queryTerms(filters.query);
  // One pass: a row counts for a dimension's option when it fails no other dimension (no allocation per row).
  for (const r of rows) {
    const failed = failures(r, filters, terms);
    // Failing two dimensions or more, it counts nowhere.
    if (failed & (failed - 1)) continue;
    if ((failed & ~dimPlans) === 0) bump(counts.plans, r.plan);
    if ((failed & ~dimCategories) === 0) bump(counts.categories, r.category);
    if (r.element && (failed & ~dimElement) === 0) bump(counts.elements, r.element);
    if ((failed & ~dimCounties) === 0) bumpCounties(counts.counties, r);
  }
  return counts;
}

/**
 * The facet counts of each category's projects alone (as {@link facetCounts} with that category as the only filter),
 * in one pass over the rows; the categories in order of first appearance.
 */
export function facetCountsByCategory(rows: readonly ProjectRow[]): Map<Category, Omit<FacetCounts, 'categories'>> {
  const by = new Map<Category, Omit<FacetCounts, 'categories'>>();
  for (const r of rows) {
    let counts = by.get(r.category);
    if (!counts) {
      counts = { plans: new Map(), counties: new Map(), elements: new Map() };
      by.set(r.category, counts);
    }
    bump(counts.plans, r.plan);
    if (r.element) bump(counts.elements, r.element);
    bumpCounties(counts.counties, r);
  }
  return by;
}

/** Counts a row once under each of its county names and prefectures (a name that is both counts once). */
function bumpCounties(map: Map<string, number>, r: ProjectRow): void {
  const names = r.countyNames;
  for (let i = 0; i < names.length; i++) if (names.indexOf(names[i]!) === i) bump(map, names[i]!);
  for (let i = 0; i < r.prefectures.length; i++) {
    const p = r.prefectures[i]!;
    if (!names.includes(p) && r.prefectures.indexOf(p) === i) bump(map, p);
  }
}

export interface CountyGroup {
  /** Prefecture name; the group's own option selects the whole prefecture. */
  prefecture: string;
  /** County names as the layers write them, in Chinese order; the prefecture's own name is left out. */
  counties: string[];
}

/** What {@link countyGroups} gathers from some rows; the parts of several sets of rows add up ({@link countyGroupsOf}). */
export interface CountyParts {
  /** Each prefecture, and the smallest county code seen with it. */
  firstCodes: [string, string][];
  /** Each prefecture a row names alone, and its counties (its own name left out), as they occur. */
  groups: [string, string[]][];
  /** Counties of rows that name no single prefecture. */
  loose: string[];
}

/** The {@link CountyParts} of these rows. */
export function countyParts(rows: readonly ProjectRow[]): CountyParts {
  const firstCode = new Map<string, string>();
  const groups = new Map<string, Set<string>>();
  const loose = new Set<string>();
  for (const r of rows) {
    for (const pref of r.prefectures) {
      const code = [...r.counties].sort()[0] ?? '999999';
      if (!firstCode.has(pref) || code < firstCode.get(pref)!) firstCode.set(pref, code);
    }
    const pref = r.prefectures.length === 1 ? r.prefectures[0] : undefined;
    for (const c of r.countyNames) {
      if (!pref) loose.add(c);
      else {
        if (!groups.has(pref)) groups.set(pref, new Set());
        if (c !== pref) groups.get(pref)!.add(c);
      }
    }
  }
  return { firstCodes: [...firstCode], groups: [...groups].map(([p, set]) => [p, [...set]]), loose: [...loose] };
}

/** The county groups of the rows whose parts these are, in their order (as {@link countyGroups} of all the rows). */
export function countyGroupsOf(parts: readonly CountyParts[]): CountyGroup[] {
  // Prefectures in code order: each by the smallest county code seen in it.
  const firstCode = new Map<string, string>();
  const groups = new Map<string, Set<string>>();
  const loose = new Set<string>();
  for (const part of parts) {
    for (const [pref, code] of part.firstCodes) if (!firstCode.has(pref) || code < firstCode.get(pref)!) firstCode.set(pref, code);
    for (const [pref, counties] of part.groups) {
      if (!groups.has(pref)) groups.set(pref, new Set());
      for (const c of counties) groups.get(pref)!.add(c);
    }
    for (const c of part.loose) loose.add(c);
  }
  const other = [...loose].filter((c) => !firstCode.has(c));
  const result = [...groups]
    .sort(([a], [b]) => (firstCode.get(a) ?? '').localeCompare(firstCode.get(b) ?? ''))
    .map(([prefecture, set]) => ({ prefecture, counties: [...set].sort(compareZh) }));
  if (other.length) result.push({ prefecture: '', counties: other.sort(compareZh) });
  return result;
}

/** The counties that occur, grouped by prefecture (prefectures in code order, counties by Chinese collation). */
export const countyGroups = (rows: readonly ProjectRow[]): CountyGroup[] => countyGroupsOf([countyParts(rows)]);

export interface ElementOption {
  id: string;
  name: string;
  plan: PlanId;
}

/** An element as the rows first name it: {@link elementOptions} gathers these, and those of several sets of rows add up. */
export type ElementSeen = ElementOption & { order: number };

/** Each element these rows belong to, at its first place in its plan's order. */
export function elementsSeen(rows: readonly Pick<ProjectRow, 'element' | 'elementName' | 'plan' | 'order'>[]): ElementSeen[] {
  return elementsSeenOf([rows.flatMap((r) => (r.element ? [{ id: r.element, name: r.elementName ?? r.element, plan: r.plan, order: r.order }] : []))]);
}

function elementsSeenOf(parts: readonly (readonly ElementSeen[])[]): ElementSeen[] {
  const seen = new Map<string, ElementSeen>();
  for (const part of parts)
    for (const e of part) {
      const known = seen.get(e.id);
      if (!known || e.order < known.order) seen.set(e.id, e);
    }
  return [...seen.values()];
}

/** The element options of the rows whose {@link elementsSeen} these are, plans ranked by `planOrder` (as {@link elementOptions}). */
export function elementOptionsOf(parts: readonly (readonly ElementSeen[])[], planOrder: readonly PlanId[]): ElementOption[] {
  const rank = new Map(planOrder.map((p, i) => [p, i]));
  const rankOf = (p: PlanId) => rank.get(p) ?? planOrder.length;
  return elementsSeenOf(parts)
    .sort((a, b) => rankOf(a.plan) - rankOf(b.plan) || a.order - b.order)
    .map(({ id, name, plan }) => ({ id, name, plan }));
}

/** The layout elements projects belong to, as they occur (plans in order, elements in their plan's order). */
export function elementOptions(rows: readonly ProjectRow[]): ElementOption[] {
  const rank = new Map(rows.map((r) => [r.plan, r.planRank]));
  const order = [...rank.keys()].sort((a, b) => rank.get(a)! - rank.get(b)!);
  return elementOptionsOf([elementsSeen(rows)], order);
}

/** Whether any filter (not the sort) is set. */
export function hasFilters(f: ProjectFilters): boolean {
  return f.plans.length > 0 || f.counties.length > 0 || f.categories.length > 0 || f.element !== null || f.query.trim() !== '';
}

/** The key of a project's point: projects placed only to their county share its seat's point, and so this key. */
export const placeKey = (p: { lon: number; lat: number }): string => `${p.lon.toFixed(5)},${p.lat.toFixed(5)}`;

export interface PlaceGroup<T> {
  key: string;
  lon: number;
  lat: number;
  /** In the order given. */
  members: T[];
}

/**
 * Projects that share a point, as one group per point (in order of first appearance). Distinct projects on one
 * county seat are a list at that seat, never spread out: their point is only as precise as the plan says.
 */
export function groupByPlace<T extends { lon: number; lat: number }>(items: readonly T[]): PlaceGroup<T>[] {
  const groups = new Map<string, PlaceGroup<T>>();
  for (const item of items) {
    const key = placeKey(item);
    const group = groups.get(key);
    if (group) group.members.push(item);
    else groups.set(key, { key, lon: item.lon, lat: item.lat, members: [item] });
  }
  return [...groups.values()];
}

/** [west, south, east, north] of the projects' points; undefined for none. */
export function projectsBbox(items: readonly { lon: number; lat: number }[]): BBox | undefined {
  if (!items.length) return undefined;
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (const { lon, lat } of items) {
    if (lon < w) w = lon;
    if (lon > e) e = lon;
    if (lat < s) s = lat;
    if (lat > n) n = lat;
  }
  return [w, s, e, n];
}

export interface InvestmentTotal {
  /** Sum of the given investments in 万元 (亿元 converted: 1 亿元 = 10,000 万元). */
  wan: number;
  /** How many of the projects give an investment. */
  given: number;
  count: number;
}

/** What an investment total adds up, in whole yuan (integers add up in any order: the build sums plans' totals). */
export interface InvestmentSum {
  yuan: number;
  given: number;
  count: number;
}

/** The {@link InvestmentSum} of these projects. */
export function investmentSum(items: readonly Pick<ProjectRecord, 'investment'>[]): InvestmentSum {
  let yuan = 0;
  let given = 0;
  for (const { investment } of items) {
    const amount = investmentYuan({ investment });
    if (amount === undefined) continue;
    yuan += Math.round(amount);
    given += 1;
  }
  return { yuan, given, count: items.length };
}

/** The total of sums, in 万元 to the hundredth. */
export function investmentTotalOf(sums: readonly InvestmentSum[]): InvestmentTotal {
  const add = (k: keyof InvestmentSum) => sums.reduce((n, s) => n + s[k], 0);
  return { wan: Math.round(add('yuan') / 100) / 100, given: add('given'), count: add('count') };
}

/** The total of the investments the plans give, in 万元; projects without one are counted apart, never guessed. */
export const investmentTotal = (items: readonly Pick<ProjectRecord, 'investment'>[]): InvestmentTotal => investmentTotalOf([investmentSum(items)]);

/**
 * The most projects a shortlist holds: every project of the plans (about 200 today, 10,000 at the scale benchmark's
 * 150 plans), and at 80 characters an id at most some 100 KB of address, which browsers keep in a link.
 */
export const shortlistMax = 1200;

/** The longest filter text, the same for the search box, the store and a link read back. */
export const queryMaxLength = 200;

/** Keeps shortlist ids that are well-formed, once each, at most `max` of them. */
export function cleanShortlist(ids: readonly string[], max = shortlistMax): string[] {
  const pattern = /^[a-z0-9]+(?:--?[a-z0-9]+)*$/;
  return [...new Set(ids.filter((id) => id.length <= 80 && pattern.test(id)))].slice(0, max);
}

/** How many well-formed ids {@link cleanShortlist} leaves out for the cap (a link longer than any shortlist can be). */
export function shortlistOverflow(ids: readonly string[], max = shortlistMax): number {
  return Math.max(0, cleanShortlist(ids, Number.POSITIVE_INFINITY).length - max);
}

/** Which list the workspace shows, and so which projects the map draws: the filtered list or the shortlist. */
export type ProjectListMode = 'all' | 'shortlist';

/** The shortlisted rows, in the shortlist's order (or the chosen sort); ids no longer in the table are left out. */
export function shortlistedProjects(rows: readonly ProjectRow[], shortlist: readonly string[], sort: ProjectSort): ProjectRow[] {
  // Every filter change re-derives the shortlist from up to 100,000 rows: only the shortlisted ones are indexed.
  if (!shortlist.length) return [];
  const wanted = new Set(shortlist);
  const byId = new Map<string, ProjectRow>();
  for (const r of rows) if (wanted.has(r.id)) byId.set(r.id, r);
  const picked = shortlist.map((id) => byId.get(id)).filter((r): r is ProjectRow => !!r);
  return sort === 'plan' ? picked : sortProjects(picked, sort);
}

let listedCache: { rows: readonly ProjectRow[]; filters: ProjectFilters; shortlist: readonly string[]; result: ProjectRow[] } | undefined;

/**
 * What the workspace lists and the map draws: the filtered projects, or (the 入选 tab) the shortlisted ones.
 * One function for both, so the tab drives the map exactly as the filters do.
 */
export function sharedListedProjects(rows: readonly ProjectRow[], filters: ProjectFilters, shortlist: readonly string[], mode: ProjectListMode): ProjectRow[] {
  if (mode === 'all') return sharedFilteredProjects(rows, filters);
  if (listedCache?.rows !== rows || listedCache.filters.sort !== filters.sort || listedCache.shortlist !== shortlist)
    listedCache = { rows, filters, shortlist, result: shortlistedProjects(rows, shortlist, filters.sort) };
  return listedCache.result;
}

let cache: { records: readonly ProjectRecord[]; planOrder: string; rows: ProjectRow[]; byRecord: WeakMap<ProjectRecord, ProjectRow> } | undefined;
let filteredCache: { rows: readonly ProjectRow[]; filters: ProjectFilters; result: ProjectRow[] } | undefined;

/** {@link projectRows}, computed once per table and plan order (the list and the map share the result). */
export function sharedProjectRows(records: readonly ProjectRecord[], planOrder: readonly PlanId[]): ProjectRow[] {
  const key = planOrder.join(',');
  if (cache?.records === records && cache.planOrder === key) return cache.rows;
  // The table grows by parts (src/data/project-parts.ts): a record seen before keeps its row (and its search text).
  const byRecord = cache?.planOrder === key ? cache.byRecord : new WeakMap<ProjectRecord, ProjectRow>();
  const fresh = records.filter((r) => !byRecord.has(r));
  const made = projectRows(fresh, planOrder);
  fresh.forEach((r, i) => byRecord.set(r, made[i]!));
  cache = { records, planOrder: key, rows: records.map((r) => byRecord.get(r)!), byRecord };
  return cache.rows;
}

/** {@link filterProjects}, computed once per rows and filters: the count, the list and the map are the same list. */
export function sharedFilteredProjects(rows: readonly ProjectRow[], filters: ProjectFilters): ProjectRow[] {
  if (filteredCache?.rows !== rows || filteredCache.filters !== filters) filteredCache = { rows, filters, result: filterProjects(rows, filters) };
  return filteredCache.result;
}
