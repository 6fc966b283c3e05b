/** The compact all-plans tables, loaded on first use: the search index and the project table. */
import type { ProjectRecord, SearchEntry } from '../lib/atlas-data';
import { isProjectRecord, isSearchEntry, projectFields, publishedPaths, readTable, searchFields } from '../lib/published-format';
import { fetchJson } from './fetch-asset';
import { report, resolveNotice } from './notices';
import { createResource } from './resource';

/** A table of this app's format, its rows checked by type (the build validated them in full). */
async function fetchTable<T>(path: string, fields: readonly string[], guard: (r: Record<string, unknown>) => boolean, attempt: number): Promise<T[]> {
  const { records, invalid } = readTable<T>(path, await fetchJson(path, { attempt }), fields, guard);
  if (invalid) report({ type: 'invalid-entries', file: path, count: invalid }, { level: 'warning' });
  return records;
}

export const searchResource = createResource<'search', SearchEntry[]>(
  async (_key, attempt) => {
    const rows = await fetchTable<SearchEntry>(publishedPaths.search, searchFields, isSearchEntry, attempt);
    resolveNotice({ type: 'search-failed' });
    return rows;
  },
  (_k, reason, retry) => report({ type: 'search-failed', reason }, { retry }),
);

export const projectsResource = createResource<'projects', ProjectRecord[]>(
  async (_key, attempt) => {
    const rows = await fetchTable<ProjectRecord>(publishedPaths.projects, projectFields, isProjectRecord, attempt);
    resolveNotice({ type: 'projects-failed' });
    return rows;
  },
  (_k, reason, retry) => report({ type: 'projects-failed', reason }, { retry }),
);

/** The flat search table (the single file's search, which downloads nothing). */
export const loadSearchIndex = (): Promise<SearchEntry[]> => searchResource.load('search');
export const loadProjects = (): Promise<ProjectRecord[]> => projectsResource.load('projects');
