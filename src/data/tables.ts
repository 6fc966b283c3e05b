/** The compact all-plans tables, loaded on first use: the search index and the project table. */
import { fromTable, projectRecordSchema, publishedPaths, searchEntrySchema, tableFileSchema, type ProjectRecord, type SearchEntry } from '../lib/atlas-data';
import { fetchJson } from './fetch-asset';
import { report, resolveNotice } from './notices';
import { createResource } from './resource';

async function fetchTable<T>(path: string, schema: Parameters<typeof fromTable<T>>[1], attempt: number): Promise<T[]> {
  const table = tableFileSchema.safeParse(await fetchJson(path, { attempt }));
  if (!table.success) throw new Error(`${path}: not a table`);
  const { records, invalid } = fromTable(table.data, schema);
  if (invalid) report({ type: 'invalid-entries', file: path, count: invalid }, { level: 'warning' });
  return records;
}

export const searchResource = createResource<'search', SearchEntry[]>(
  async (_key, attempt) => {
    const rows = await fetchTable(publishedPaths.search, searchEntrySchema, attempt);
    resolveNotice({ type: 'search-failed' });
    return rows;
  },
  (_k, reason, retry) => report({ type: 'search-failed', reason }, { retry }),
);

export const projectsResource = createResource<'projects', ProjectRecord[]>(
  async (_key, attempt) => {
    const rows = await fetchTable(publishedPaths.projects, projectRecordSchema, attempt);
    resolveNotice({ type: 'projects-failed' });
    return rows;
  },
  (_k, reason, retry) => report({ type: 'projects-failed', reason }, { retry }),
);

export const loadSearchIndex = (): Promise<SearchEntry[]> => searchResource.load('search');
export const loadProjects = (): Promise<ProjectRecord[]> => projectsResource.load('projects');
