/**
 * The whole search and project tables (`geo/plans/search.json`, `projects.json`) of published plans, made from their
 * layers in the catalogue's order as `singleFileTables` makes them: the single file embeds them, and the benchmarks
 * take today's rows from them. A host has none (it serves the search shards and the project list's parts).
 */
import { type PlanLayer, singleFileTables } from '../../src/compiler/publish';
import type { ProjectRecord, SearchEntry } from '../../src/lib/atlas-data';
import { isProjectRecord, isSearchEntry, projectFields, publishedPaths, readTable, searchFields } from '../../src/lib/published-format';

/** The tables as published files (path → parsed JSON); `read` gives a published file by its path under public/. */
export function wholeTables(read: (path: string) => unknown): Record<string, unknown> {
  const catalogue = read(publishedPaths.catalogue) as { plans?: { id: string }[] } | undefined;
  if (!Array.isArray(catalogue?.plans)) throw new Error(`public/${publishedPaths.catalogue}: missing or not a catalogue (run npm run build:data)`);
  const layers = catalogue.plans.map(({ id }) => {
    const layer = read(publishedPaths.plan(id)) as PlanLayer | undefined;
    if (!layer?.meta || !Array.isArray(layer.features))
      throw new Error(`public/${publishedPaths.plan(id)}: missing or not a plan layer (run npm run build:data)`);
    return layer;
  });
  return Object.fromEntries(Object.entries(singleFileTables(layers)).map(([path, text]) => [path, JSON.parse(text) as unknown]));
}

/** Every published row of both tables. */
export function wholeTableRows(read: (path: string) => unknown): { search: SearchEntry[]; projects: ProjectRecord[] } {
  const tables = wholeTables(read);
  return {
    search: readTable<SearchEntry>(publishedPaths.search, tables[publishedPaths.search], searchFields, isSearchEntry).records,
    projects: readTable<ProjectRecord>(publishedPaths.projects, tables[publishedPaths.projects], projectFields, isProjectRecord).records,
  };
}
