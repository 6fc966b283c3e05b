/**
 * The lists the project workspace derives from the published table and the store: every row, the filtered rows,
 * the shortlist, the list on screen (the tab's), facet counts, county groups, element options and the total.
 * The list on screen is the same array the map draws (`sharedListedProjects`), so the count, the list and the
 * map agree whichever tab is shown.
 */
import { useCallback, useDeferredValue, useMemo } from 'react';
import { useCatalogue, useProjectTable } from '../../data/hooks';
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
import type { PlanId } from '../../lib/vocabulary';
import { useAtlasStore } from '../../state/store';

/** Everything the workspace's parts show, derived once per change of the table, the filters or the shortlist. */
export function useProjectLists() {
  const lang = useAtlasStore((s) => s.lang);
  const filters = useAtlasStore((s) => s.projectFilters);
  const shortlist = useAtlasStore((s) => s.shortlist);
  const mode = useAtlasStore((s) => s.projectList);
  const catalogue = useCatalogue();
  const table = useProjectTable();

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

  const allRows = useMemo(() => (table.status === 'ready' ? sharedProjectRows(table.data, planOrder) : []), [table, planOrder]);
  const rows = useMemo(() => sharedFilteredProjects(allRows, filters), [allRows, filters]);
  const shortRows = useMemo(() => sharedListedProjects(allRows, filters, shortlist, 'shortlist'), [allRows, filters, shortlist]);
  const listed: ProjectRow[] = mode === 'shortlist' ? shortRows : rows;
  // The counts beside each option follow in a second, interruptible render: the list and its count paint first.
  const deferredFilters = useDeferredValue(filters);
  const counts = useMemo(() => facetCounts(allRows, deferredFilters), [allRows, deferredFilters]);
  const groups = useMemo(() => countyGroups(allRows), [allRows]);
  const elements = useMemo(() => elementOptions(allRows), [allRows]);
  const total = useMemo(() => investmentTotal(listed), [listed]);

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
    counts,
    groups,
    elements,
    total,
    loading: table.status === 'loading',
    failed: table.status === 'error',
  };
}

export type ProjectLists = ReturnType<typeof useProjectLists>;
