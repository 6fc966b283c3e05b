/**
 * Each plan's rows in the shared parts (its search entries with where they are filed, its project records), kept in
 * the build cache under the plan's cache key (`rows/<plan>.json`). Making a shared part then reads these small files,
 * not every plan's compiled geometry; and the rows a plan had before its change are still there to compare with,
 * which is how the search index is made again only where the change touches it (search-build.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPublished } from '../../src/compiler/check-published';
import type { BuiltPlan } from '../../src/compiler/compile';
import { projectRecords, searchEntries, syllablesOf } from '../../src/compiler/publish';
import { type EntryIndexing, entryIndexing } from '../../src/compiler/search-shards';
import type { ProjectRecord, SearchEntry } from '../../src/lib/atlas-data';
import { projectPartPaths } from '../../src/lib/project-summary';
import { publishedPaths } from '../../src/lib/published-format';
import { readJsonFile } from './json-file';

/** A plan's search entries, made from the plan compiled under `key`. */
export interface SearchRows {
  key: string;
  search: SearchEntry[];
  /** Where each of `search` is filed, in the same order. */
  indexing: EntryIndexing[];
}

/** A plan's project records, made from the plan compiled under `key`. */
export interface ProjectRows {
  key: string;
  projects: ProjectRecord[];
}

/** A plan's rows in both shared parts. */
export type PlanRows = SearchRows & ProjectRows;

/** The rows of a compiled plan, checked against the published schemas (the parts made from them check no row again). */
export function makePlanRows(key: string, plan: BuiltPlan): PlanRows {
  const search = searchEntries(plan);
  const projects = projectRecords(plan);
  const id = plan.meta.id;
  checkPublished({ search, projects }, { ...publishedPaths, search: `${publishedPaths.search} (${id})`, projects: projectPartPaths.part(id) });
  return { key, search, indexing: search.map((e) => entryIndexing(e, syllablesOf(e.name))), projects };
}

/**
 * The cache's rows, a file per plan and part (a part reads only its own): `search` and `projects` give what is
 * stored for a plan (of whatever key), `write` replaces both.
 */
export interface PlanRowsStore {
  search(plan: string): SearchRows | undefined;
  projects(plan: string): ProjectRows | undefined;
  write(plan: string, rows: PlanRows): void;
}

/** The store in the build cache's folder. */
export function planRowsStore(cacheDir: string): PlanRowsStore {
  const dir = join(cacheDir, 'rows');
  mkdirSync(dir, { recursive: true });
  const file = (plan: string, part: 'search' | 'projects') => join(dir, `${plan}.${part}.json`);
  // A missing or damaged file is made again.
  return {
    search: (plan) => readJsonFile<SearchRows>(file(plan, 'search')),
    projects: (plan) => readJsonFile<ProjectRows>(file(plan, 'projects')),
    write(plan, { key, search, indexing, projects }) {
      writeFileSync(file(plan, 'search'), JSON.stringify({ key, search, indexing }));
      writeFileSync(file(plan, 'projects'), JSON.stringify({ key, projects }));
    },
  };
}
