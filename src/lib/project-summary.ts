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
  /** The first {@link projectPageSize} rows in the default order (by plan, then each plan's own). */
  firstPage: ProjectRecord[];
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
}

/** The {@link PlanSummary} of a plan's records (all of one plan). */
export function planSummary(plan: PlanId, records: readonly ProjectRecord[]): PlanSummary {
  const rows = projectRows(records, [plan]);
  const counts = facetCounts(rows, emptyProjectFilters);
  const places = new Set<string>();
  for (const r of rows) for (const name of [...r.countyNames, ...r.prefectures]) places.add(name);
  return {
    plan,
    categories: [...counts.categories],
    counties: [...counts.counties],
    elements: [...counts.elements],
    county: countyParts(rows),
    elementsSeen: elementsSeen(rows),
    places: [...places],
    investment: investmentSum(records),
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
  const sum = (pick: (p: PlanSummary) => [string, number][]) => {
    const map = new Map<string, number>();
    for (const p of parts) for (const [key, n] of pick(p)) map.set(key, (map.get(key) ?? 0) + n);
    return Object.fromEntries(map);
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
    categories: sum((p) => p.categories),
    counties: sum((p) => p.counties),
    elements: sum((p) => p.elements),
    countyGroups: countyGroupsOf(parts.map((p) => p.county)),
    elementOptions: elementOptionsOf(
      parts.map((p) => p.elementsSeen),
      planOrder,
    ),
    countyPlans: Object.fromEntries(countyPlans),
    investment: investmentTotalOf(parts.map((p) => p.investment)),
    firstPage,
  };
}

/** Records by plan, plans as they first occur. */
function byPlan(records: readonly ProjectRecord[]): Map<PlanId, ProjectRecord[]> {
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
  const plans = byPlan(records);
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

/** Reads a published summary (its shape checked, as every published file); throws an Error naming the file. */
export function readSummary(path: string, raw: unknown): ProjectSummary {
  const file = checkFormat(path, raw, 'a project summary');
  const bad = (field: string) => new Error(`${path}: ${field}: not as a project summary has it`);
  if (typeof file.total !== 'number') throw bad('total');
  if (!Array.isArray(file.plans) || !file.plans.every((p) => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'number')) throw bad('plans');
  for (const field of ['categories', 'counties', 'elements', 'countyPlans', 'investment']) if (!isObject(file[field])) throw bad(field);
  for (const field of ['countyGroups', 'elementOptions']) if (!Array.isArray(file[field])) throw bad(field);
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

/** Facet counts of the loaded rows, with the summary's (exact) counts wherever {@link facetNeeds} says so. */
export function summaryFacetCounts(rows: Parameters<typeof facetCounts>[0], filters: ProjectFilters, summary: ProjectSummary): FacetCounts {
  const { fromSummary } = facetNeeds(filters, summary);
  const counts = fromSummary.size === 4 ? { plans: new Map(), categories: new Map(), counties: new Map(), elements: new Map() } : facetCounts(rows, filters);
  if (fromSummary.has('plans')) counts.plans = new Map(summary.plans);
  if (fromSummary.has('categories')) counts.categories = new Map(Object.entries(summary.categories)) as FacetCounts['categories'];
  if (fromSummary.has('counties')) counts.counties = new Map(Object.entries(summary.counties));
  if (fromSummary.has('elements')) counts.elements = new Map(Object.entries(summary.elements));
  return counts;
}
