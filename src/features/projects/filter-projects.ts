/** Filtering, sorting and facet counts of the project list: see src/lib/project-filter.ts, shared with the map. */
export {
  compareZh,
  countyGroups,
  elementOptions,
  facetCounts,
  filterProjects,
  hasFilters,
  investmentYuan,
  matchesCounty,
  queryTerms,
  sortProjects,
  type CountyGroup,
  type ElementOption,
  type FacetCounts,
} from '../../lib/project-filter';
