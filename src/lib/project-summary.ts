/**
 * The project list by parts (issue 19): the build publishes, beside the whole table, one part per plan
 * (`geo/projects/<planId>.json`, the table's rows of that plan) and a summary (`geo/projects/summary.json`): the
 * total, the facet counts of the unfiltered list, the county groups and layout elements the filters offer, the
 * plans under each county or prefecture, the total investment and the first page of the default order. The list
 * opens on the summary and loads only the parts its filters need; these pure functions say which.
 */
import type { ProjectRecord } from './atlas-data';
import {
  type CountyGroup,
  type CountyParts,
  countyGroupsOf,
  countyParts,
  type ElementOption,
  type ElementSeen,
  elementOptionsOf,
  elementsSeen,
  emptyProjectFilters,
  type FacetCounts,
  facetCounts,
  facetCountsByCategory,
  hasFilters,
  type InvestmentSum,
  type InvestmentTotal,
  investmentSum,
  investmentTotalOf,
  type ProjectFilters,
  projectRows,
  sortProjects,
} from './project-filter';
import { checkFormat, isProjectRecord, projectFields, publishedFormat, readTable, toTable } from './published-format';
import type { PlanId } from './vocabulary';

/** How many rows of the default order the summary carries: more than a projector screen of the list shows at once. */
export const projectPageSize = 60;

/** Where the parts live, relative to the app (a folder of its own, as geo/search: the single file embeds the whole table instead). */
export const projectPartPaths = {
  summary: 'geo/projects/summary.json',
  part: (planId: PlanId) => `geo/projects/${planId}.json`,
} as const;

export interface ProjectSummary {
  total: number;
  /** Every plan with projects, in tree order, and how many it has: the parts there are. */
  plans: [PlanId, number][];
  /** Facet counts of the unfiltered list. */
  categories: Record<string, number>;
  counties: Record<string, number>;
  elements: Record<string, number>;
  countyGroups: CountyGroup[];
  elementOptions: ElementOption[];
  /** The plans with projects in each county (display name) or prefecture. */
  countyPlans: Record<string, PlanId[]>;
  investment: InvestmentTotal;
  /**
   * The facet counts within each category (plans, counties, elements): with only a category filter set, every
   * count the list shows is exact from the summary, before any part is in. Absent from summaries published before it.
   */
  byCategory?: Record<string, CategoryFacets>;
  /** The first {@link projectPageSize} rows in the default order (by plan, then each plan's own). */
  firstPage: ProjectRecord[];
}

/** The counts of the other facets among one category's projects. */
export interface CategoryFacets {
  plans: Record<string, number>;
  counties: Record<string, number>;
  elements: Record<string, number>;
  /** The category's investments (absent from summaries published before it). */
  investment?: InvestmentSum;
}

/**
 * One plan's share of the summary: what {@link mergeSummaries} adds up over the plans. The build keeps it per plan,
 * so a change to one plan's projects makes the summary without reading the other plans' rows.
 */
export interface PlanSummary {
  plan: PlanId;
  /** Facet counts of the plan's rows, keys as they occur. */
  categories: [string, number][];
  counties: [string, number][];
  elements: [string, number][];
  county: CountyParts;
  elementsSeen: ElementSeen[];
  /** Its counties' and prefectures' names, as they occur. */
  places: string[];
  investment: InvestmentSum;
  /** Each category's counts of the other facets, as they occur. */
  byCategory: [string, { plans: [string, number][]; counties: [string, number][]; elements: [string, number][]; investment: InvestmentSum }][];
}

/** The {@link PlanSummary} of a plan's records (all of one plan). */
export function planSummary(plan: PlanId, records: readonly ProjectRecord[]): PlanSummary {
  const rows = projectRows(records, [plan]);
  const counts = facetCounts(rows, emptyProjectFilters);
  const places = new Set<string>();
  for (const r of rows) for (const name of [...r.countyNames, ...r.prefectures]) places.add(name);
  const ofCategory = new Map<string, ProjectRecord[]>();
  for (const r of records) {
    const list = ofCategory.get(r.category);
    if (list) list.push(r);
    else ofCategory.set(r.category, [r]);
  }
  return {
    plan,
    categories: [...counts.categories],
    counties: [...counts.counties],
    elements: [...counts.elements],
    county: countyParts(rows),
    elementsSeen: elementsSeen(rows),
    places: [...places],
    investment: investmentSum(records),
    byCategory: [...facetCountsByCategory(rows)].map(([category, within]) => [
      category,
      { plans: [...within.plans], counties: [...within.counties], elements: [...within.elements], investment: investmentSum(ofCategory.get(category) ?? []) },
    ]),
  };
}

/**
 * The summary of the plans whose {@link PlanSummary} these are, in the table's order; `planOrder` is the plans' tree
 * order (the list's default sort), `rowsOf` a plan's records (asked only for the first page's plans).
 */
export function mergeSummaries(
  parts: readonly PlanSummary[],
  planOrder: readonly PlanId[],
  rowsOf: (plan: PlanId) => readonly ProjectRecord[],
  pageSize = projectPageSize,
): ProjectSummary {
  const sum = (lists: readonly (readonly [string, number][])[]) => {
    const map = new Map<string, number>();
    for (const list of lists) for (const [key, n] of list) map.set(key, (map.get(key) ?? 0) + n);
    return Object.fromEntries(map);
  };
  const categories = new Map<string, PlanSummary['byCategory'][number][1][]>();
  for (const p of parts)
    for (const [category, within] of p.byCategory) {
      const list = categories.get(category);
      if (list) list.push(within);
      else categories.set(category, [within]);
    }
  const byCategory: Record<string, CategoryFacets> = {};
  for (const [category, within] of categories)
    byCategory[category] = {
      plans: sum(within.map((w) => w.plans)),
      counties: sum(within.map((w) => w.counties)),
      elements: sum(within.map((w) => w.elements)),
      investment: {
        yuan: within.reduce((n, w) => n + w.investment.yuan, 0),
        given: within.reduce((n, w) => n + w.investment.given, 0),
        count: within.reduce((n, w) => n + w.investment.count, 0),
      },
    };
  const countyPlans = new Map<string, PlanId[]>();
  for (const p of parts)
    for (const name of p.places) {
      const plans = countyPlans.get(name);
      if (!plans) countyPlans.set(name, [p.plan]);
      else if (!plans.includes(p.plan)) plans.push(p.plan);
    }
  // The default order: plans in the tree's order (those not in it last, as they come), each in its own.
  const rank = new Map(planOrder.map((p, i) => [p, i]));
  const rankOf = (p: PlanId) => rank.get(p) ?? planOrder.length;
  const plans = parts
    .filter((p) => p.investment.count > 0)
    .map((p) => p.plan)
    .sort((a, b) => rankOf(a) - rankOf(b));
  const firstPage: ProjectRecord[] = [];
  for (const plan of plans) {
    if (firstPage.length >= pageSize) break;
    const rows = sortProjects(projectRows(rowsOf(plan), [plan]), 'plan');
    for (const { countyNames: _c, planRank: _r, ...r } of rows.slice(0, pageSize - firstPage.length)) firstPage.push(r);
  }
  const counts = new Map(parts.map((p) => [p.plan, p.investment.count]));
  return {
    total: parts.reduce((n, p) => n + p.investment.count, 0),
    plans: plans.map((p) => [p, counts.get(p)!]),
    categories: sum(parts.map((p) => p.categories)),
    counties: sum(parts.map((p) => p.counties)),
    elements: sum(parts.map((p) => p.elements)),
    countyGroups: countyGroupsOf(parts.map((p) => p.county)),
    elementOptions: elementOptionsOf(
      parts.map((p) => p.elementsSeen),
      planOrder,
    ),
    countyPlans: Object.fromEntries(countyPlans),
    investment: investmentTotalOf(parts.map((p) => p.investment)),
    byCategory,
    firstPage,
  };
}

/** Records by plan, plans as they first occur, each plan's in their order. */
export function recordsByPlan(records: readonly ProjectRecord[]): Map<PlanId, ProjectRecord[]> {
  const map = new Map<PlanId, ProjectRecord[]>();
  for (const r of records) {
    const rows = map.get(r.plan);
    if (rows) rows.push(r);
    else map.set(r.plan, [r]);
  }
  return map;
}

/** The summary of a table; `planOrder` is the plans' tree order (the list's default sort). */
export function summariseProjects(records: readonly ProjectRecord[], planOrder: readonly PlanId[], pageSize = projectPageSize): ProjectSummary {
  const plans = recordsByPlan(records);
  return mergeSummaries(
    [...plans].map(([plan, rows]) => planSummary(plan, rows)),
    planOrder,
    (plan) => plans.get(plan) ?? [],
    pageSize,
  );
}

/** The summary as published: the first page as a compact table. */
export function summaryFile(summary: ProjectSummary): Record<string, unknown> {
  const { firstPage, ...rest } = summary;
  return { format: publishedFormat, ...rest, firstPage: toTable(projectFields, firstPage) };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const isCategoryFacets = (v: unknown): boolean =>
  isObject(v) && isObject(v.plans) && isObject(v.counties) && isObject(v.elements) && (v.investment === undefined || isObject(v.investment));

/** Reads a published summary (its shape checked, as every published file); throws an Error naming the file. */
export function readSummary(path: string, raw: unknown): ProjectSummary {
  const file = checkFormat(path, raw, 'a project summary');
  const bad = (field: string) => new Error(`${path}: ${field}: not as a project summary has it`);
  if (typeof file.total !== 'number') throw bad('total');
  if (!Array.isArray(file.plans) || !file.plans.every((p) => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'number')) throw bad('plans');
  for (const field of ['categories', 'counties', 'elements', 'countyPlans', 'investment']) if (!isObject(file[field])) throw bad(field);
  for (const field of ['countyGroups', 'elementOptions']) if (!Array.isArray(file[field])) throw bad(field);
  if (file.byCategory !== undefined && !(isObject(file.byCategory) && Object.values(file.byCategory).every(isCategoryFacets))) throw bad('byCategory');
  const { records, invalid } = readTable<ProjectRecord>(`${path} firstPage`, file.firstPage, projectFields, isProjectRecord);
  if (invalid) throw bad('firstPage');
  const { format: _format, ...summary } = file;
  return { ...(summary as unknown as ProjectSummary), firstPage: records };
}

/** The plans whose parts hold every project that passes `filters` (a plan, element or county filter narrows them). */
export function projectPartsFor(filters: ProjectFilters, summary: ProjectSummary): PlanId[] {
  let plans = summary.plans.map(([p]) => p);
  if (filters.plans.length) plans = plans.filter((p) => filters.plans.includes(p));
  if (filters.element) {
    const owner = summary.elementOptions.find((e) => e.id === filters.element)?.plan;
    plans = plans.filter((p) => p === owner);
  }
  if (filters.counties.length) {
    const under = new Set(filters.counties.flatMap((c) => summary.countyPlans[c] ?? []));
    plans = plans.filter((p) => under.has(p));
  }
  return plans;
}

/** The facet dimensions, each with the filter it leaves out (its own). */
const dimensions = {
  plans: { plans: [] },
  categories: { categories: [] },
  elements: { element: null },
  counties: { counties: [] },
} as const satisfies Record<keyof FacetCounts, Partial<ProjectFilters>>;

/**
 * Where each facet's counts come from: the summary when the other filters are all unset (its counts are then
 * exact), else the rows of the parts the other filters need.
 */
export function facetNeeds(filters: ProjectFilters, summary: ProjectSummary): { fromSummary: Set<keyof FacetCounts>; parts: PlanId[] } {
  const fromSummary = new Set<keyof FacetCounts>();
  const parts = new Set<PlanId>();
  for (const [dim, cleared] of Object.entries(dimensions) as [keyof FacetCounts, Partial<ProjectFilters>][]) {
    const others = { ...filters, ...cleared };
    if (!hasFilters(others)) fromSummary.add(dim);
    else for (const p of projectPartsFor(others, summary)) parts.add(p);
  }
  return { fromSummary, parts: summary.plans.map(([p]) => p).filter((p) => parts.has(p)) };
}

/** The plans whose parts may hold these shortlisted projects (a project's id starts with its plan's). */
export function shortlistParts(ids: readonly string[], summary: ProjectSummary): PlanId[] {
  return summary.plans.map(([p]) => p).filter((p) => ids.some((id) => id.startsWith(`${p}-`)));
}

/**
 * The categories of a filter that sets nothing but categories (and the summary's counts within each), else
 * undefined: such a filter's count and facet counts are exact from the summary, whatever parts are in.
 */
function categoriesOnly(filters: ProjectFilters, summary: ProjectSummary): CategoryFacets[] | undefined {
  if (!filters.categories.length || hasFilters({ ...filters, categories: [] }) || !summary.byCategory) return undefined;
  return filters.categories.map((c) => summary.byCategory?.[c] ?? { plans: {}, counties: {}, elements: {} });
}

/** How many projects a filter lists, when the summary knows it exactly (no filter, or categories only); else undefined. */
export function summaryCount(filters: ProjectFilters, summary: ProjectSummary): number | undefined {
  if (!hasFilters(filters)) return summary.total;
  if (!categoriesOnly(filters, summary)) return undefined;
  return filters.categories.reduce((n, c) => n + (summary.categories[c] ?? 0), 0);
}

/**
 * The investment total of what a filter lists, when the summary knows it exactly (no filter, or categories only, from
 * a summary that has each category's investments); else undefined (the listed rows' own total).
 */
export function summaryInvestment(filters: ProjectFilters, summary: ProjectSummary): InvestmentTotal | undefined {
  if (!hasFilters(filters)) return summary.investment;
  const sums = categoriesOnly(filters, summary)?.map((w) => w.investment);
  return sums?.every((s) => s !== undefined) ? investmentTotalOf(sums) : undefined;
}

/** The sum of some categories' counts, option by option. */
function sumCounts(records: readonly Record<string, number>[]): Map<string, number> {
  const sum = new Map<string, number>();
  for (const r of records) for (const [k, n] of Object.entries(r)) sum.set(k, (sum.get(k) ?? 0) + n);
  return sum;
}

/** Facet counts of the loaded rows, with the summary's (exact) counts wherever {@link facetNeeds} says so. */
export function summaryFacetCounts(rows: Parameters<typeof facetCounts>[0], filters: ProjectFilters, summary: ProjectSummary): FacetCounts {
  const within = categoriesOnly(filters, summary);
  if (within)
    return {
      plans: sumCounts(within.map((w) => w.plans)),
      categories: new Map(Object.entries(summary.categories)) as FacetCounts['categories'],
      counties: sumCounts(within.map((w) => w.counties)),
      elements: sumCounts(within.map((w) => w.elements)),
    };
  const { fromSummary } = facetNeeds(filters, summary);
  const counts = fromSummary.size === 4 ? { plans: new Map(), categories: new Map(), counties: new Map(), elements: new Map() } : facetCounts(rows, filters);
  if (fromSummary.has('plans')) counts.plans = new Map(summary.plans);
  if (fromSummary.has('categories')) counts.categories = new Map(Object.entries(summary.categories)) as FacetCounts['categories'];
  if (fromSummary.has('counties')) counts.counties = new Map(Object.entries(summary.counties));
  if (fromSummary.has('elements')) counts.elements = new Map(Object.entries(summary.elements));
  return counts;
}

/**
 * How many projects each plan contributes to a filter's list, plans in tree order, when the summary knows it
 * exactly and the list is in the default order (by plan, then each plan's own): no filter, or categories only.
 * Row `i` of such a list is then found without its rows: it lies in the plan whose running total passes `i`.
 */
export function listedPerPlan(filters: ProjectFilters, summary: ProjectSummary): [PlanId, number][] | undefined {
  if (filters.sort !== 'plan') return undefined;
  if (!hasFilters(filters)) return summary.plans;
  const within = categoriesOnly(filters, summary);
  if (!within) return undefined;
  return summary.plans.map(([p]): [PlanId, number] => [p, within.reduce((n, w) => n + (w.plans[p] ?? 0), 0)]).filter(([, n]) => n > 0);
}

/** The plans holding rows `start` to `end` (exclusive) of a list laid out by {@link listedPerPlan}, in order. */
export function partsOfWindow(perPlan: readonly [PlanId, number][], start: number, end: number): PlanId[] {
  const parts: PlanId[] = [];
  let offset = 0;
  for (const [plan, n] of perPlan) {
    if (offset >= end) break;
    if (offset + n > start && n > 0) parts.push(plan);
    offset += n;
  }
  return parts;
}

/**
 * The list laid out by {@link listedPerPlan}: each loaded plan's rows (in its own order) at their place, the rows of
 * plans not loaded left empty (`undefined`), `total` rows in all.
 */
export function placeRows<T extends { plan: PlanId }>(perPlan: readonly [PlanId, number][], rows: readonly T[]): (T | undefined)[] {
  const spans = new Map<PlanId, [number, number]>();
  let total = 0;
  for (const [plan, n] of perPlan) {
    spans.set(plan, [total, total + n]);
    total += n;
  }
  const placed: (T | undefined)[] = new Array(total);
  let plan: PlanId | undefined;
  let at = 0;
  let end = 0;
  for (const r of rows) {
    if (r.plan !== plan) {
      plan = r.plan;
      [at, end] = spans.get(plan) ?? [0, 0];
    }
    // A plan's rows never spill into the next plan's places (counts that no longer hold, e.g. a preview).
    if (at < end) placed[at++] = r;
  }
  return placed;
}
