/**
 * The lists the project workspace derives from the published project parts and the store: the rows loaded so far,
 * the filtered rows, the shortlist, the list on screen (the tab's), facet counts, county groups, element options
 * and the total. It opens on the summary (src/data/project-parts.ts): the total, the unfiltered facet counts, the
 * county groups and elements come from it before any part is in. The list on screen is the same array the map
 * draws (`sharedListedProjects`), so the count, the list and the map agree whichever tab is shown.
 */
import { useCallback, useDeferredValue, useMemo } from 'react';
import { useCatalogue, useProjectParts } from '../../data/hooks';
import { regionName } from '../../i18n/languages';
import {
  countyGroups,
  elementOptions,
  facetCounts,
  investmentTotal,
  sharedFilteredProjects,
  sharedListedProjects,
  sharedProjectRows,
  type ProjectRow,
} from '../../lib/project-filter';
import { placeRows, summaryCount, summaryFacetCounts, summaryInvestment } from '../../lib/project-summary';
import type { PlanId } from '../../lib/vocabulary';
import { useAtlasStore } from '../../state/store';
import { type RowSource, rowsInMemory, rowsOfParts } from './row-source';

/** Everything the workspace's parts show, derived once per change of the table, the filters or the shortlist. */
export function useProjectLists() {
  const lang = useAtlasStore((s) => s.lang);
  const filters = useAtlasStore((s) => s.projectFilters);
  const shortlist = useAtlasStore((s) => s.shortlist);
  const mode = useAtlasStore((s) => s.projectList);
  const catalogue = useCatalogue();
  const parts = useProjectParts({ filters, shortlist, mode });
  const { summary, records, complete, perPlan } = parts;
  // The summary's figures hold for the published parts (not while the studio previews a plan).
  const exact = summary && !parts.preview ? summary : undefined;

  const ready = catalogue.status === 'ready' ? catalogue.data : undefined;
  const tree = useMemo(() => ready?.tree ?? [], [ready]);
  const plans = useMemo(() => ready?.plans ?? [], [ready]);
  const planOrder = useMemo(() => plans.map((p) => p.id), [plans]);
  const planLabel = useCallback(
    (id: PlanId) => {
      const plan = ready?.byId.get(id);
      return plan ? regionName(plan, lang) : id;
    },
    [ready, lang],
  );

  const allRows = useMemo(() => sharedProjectRows(records, planOrder), [records, planOrder]);
  const rows = useMemo(() => sharedFilteredProjects(allRows, filters), [allRows, filters]);
  const shortRows = useMemo(() => sharedListedProjects(allRows, filters, shortlist, 'shortlist'), [allRows, filters, shortlist]);
  const listed: ProjectRow[] = mode === 'shortlist' ? shortRows : rows;
  // Loaded by window (beyond every part's budget): the list's rows at their places, those of parts not in empty.
  const shown = useMemo<readonly (ProjectRow | undefined)[]>(
    () => (perPlan && mode === 'all' ? placeRows(perPlan, rows) : listed),
    [perPlan, mode, rows, listed],
  );
  // The counts beside each option follow in a second, interruptible render: the list and its count paint first.
  const deferredFilters = useDeferredValue(filters);
  const counts = useMemo(
    () => (exact ? summaryFacetCounts(allRows, deferredFilters, exact) : facetCounts(allRows, deferredFilters)),
    [allRows, deferredFilters, exact],
  );
  const groups = useMemo(() => exact?.countyGroups ?? countyGroups(allRows), [allRows, exact]);
  const elements = useMemo(() => exact?.elementOptions ?? elementOptions(allRows), [allRows, exact]);
  // Unfiltered or by category, the list's total is the summary's, before (or without) every part.
  const knownTotal = mode === 'all' && exact ? summaryInvestment(filters, exact) : undefined;
  const listedTotal = useMemo(() => investmentTotal(listed), [listed]);
  const total = knownTotal ?? listedTotal;
  /** How many projects there are, and how many the filters (or the shortlist) list. */
  const totalCount = exact?.total ?? allRows.length;
  // A category filter's count is exact from the summary too, while its parts are still arriving.
  const known = mode === 'all' && exact ? summaryCount(filters, exact) : undefined;
  const listedCount = known ?? listed.length;

  // What a download reads: the list in memory, or, loaded by window, every part in turn (never the whole at once).
  // A list whose filters' parts are still arriving is not handed over.
  const partial = (!complete || !!perPlan) && !parts.failed;
  const download = useMemo<RowSource | undefined>(() => {
    if (perPlan && mode === 'all') return rowsOfParts(perPlan, filters, planOrder);
    return partial ? undefined : rowsInMemory(listed);
  }, [perPlan, mode, filters, planOrder, partial, listed]);

  return {
    mode,
    tree,
    plans,
    planOrder,
    planLabel,
    allRows,
    rows,
    shortRows,
    listed,
    /** The list on screen, row by row: `listed`, or when loaded by window, every row's place (empty until its part is in). */
    shown,
    counts,
    groups,
    elements,
    total,
    totalCount,
    listedCount,
    /** Parts still arriving for the current filters: how many are in, of how many. */
    progress: complete ? undefined : parts.progress,
    loading: !summary && !parts.failed,
    /** The list is not final yet (parts of the current filters still arriving, or only its window's loaded). */
    partial,
    /** The list for a download (undefined while it is still arriving). */
    download,
    failed: parts.failed,
  };
}

export type ProjectLists = ReturnType<typeof useProjectLists>;
