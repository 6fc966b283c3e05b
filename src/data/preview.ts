/**
 * The studio's live preview: the files the compiler would publish for the plans under edit take the place of
 * the published ones in the data layer (plan layer, catalogue, search index, project table), so the map, the
 * plan menu, search and the project list show exactly what a build would. Ending the preview puts back what was
 * published.
 */
import {
  catalogueFileSchema,
  catalogueEntrySchema,
  fromTable,
  projectRecordSchema,
  searchEntrySchema,
  tableFileSchema,
  type CatalogueEntry,
  type ProjectRecord,
  type SearchEntry,
} from '../lib/atlas-data';
import { publishedPaths } from '../lib/published-format';
import type { PlanId } from '../lib/vocabulary';
import { catalogueResource, makeCatalogue, type Catalogue } from './catalogue';
import { isEmbedded } from './fetch-asset';
import { parsePlanFile, planResource, type PlanBundle } from './plans';
import { setProjectsPreview } from './project-parts';
import { setSearchPreview } from './search';
import { projectsResource, searchResource } from './tables';

interface Saved {
  catalogue?: Catalogue;
  search?: ReturnType<typeof searchResource.peek>;
  projects?: ReturnType<typeof projectsResource.peek>;
  plans: Map<PlanId, PlanBundle | undefined>;
  /** The previewed plans' search entries, laid over the sharded index. */
  searchPlans?: Set<string>;
  searchRows?: SearchEntry[];
  /** The previewed plans' projects, in place of their published parts. */
  projectParts?: Map<PlanId, ProjectRecord[]>;
}
let saved: Saved | undefined;
let previews = 0;

/** A published file by its name (`qujing.geojson`, `catalogue.json`), whether or not the name carries its folder. */
function fileNamed(files: Record<string, string>, name: string): string | undefined {
  for (const [path, text] of Object.entries(files)) if (path === name || path.endsWith(`/${name}`)) return text;
  return undefined;
}

const ready = <T>(state: { status: string; data?: T } | undefined): T | undefined => (state?.status === 'ready' ? state.data : undefined);

/**
 * Shows these plans as the compiler built them (`files`: file name → text, as the build writes them). Plans not
 * in `files` (left out for their problems) keep what the preview last showed. Throws if a file is not readable.
 */
export function showPreview(files: Record<string, string>, planIds: readonly PlanId[]): void {
  saved ??= {
    catalogue: ready(catalogueResource.peek('catalogue')),
    search: searchResource.peek('search'),
    projects: projectsResource.peek('projects'),
    plans: new Map(),
  };
  const shown: PlanId[] = [];
  for (const id of planIds) {
    const text = fileNamed(files, `${id}.geojson`);
    if (!text) continue;
    if (!saved.plans.has(id)) saved.plans.set(id, ready(planResource.peek(id)));
    planResource.put(id, parsePlanFile(id, JSON.parse(text) as unknown));
    shown.push(id);
  }
  if (!shown.length) return;
  const replaced = new Set(shown);
  const catalogueText = fileNamed(files, 'catalogue.json');
  const current = ready(catalogueResource.peek('catalogue'));
  if (catalogueText && current) {
    const file = catalogueFileSchema.parse(JSON.parse(catalogueText));
    const entries = file.plans.flatMap((raw) => {
      const entry = catalogueEntrySchema.safeParse(raw);
      return entry.success && replaced.has(entry.data.id) ? [entry.data] : [];
    });
    const byId = new Map(entries.map((e) => [e.id, e]));
    // An edited plan keeps its place in the tree; a new one joins at the end, under its parent.
    const plans: CatalogueEntry[] = current.plans.map((p) => byId.get(p.id) ?? p);
    for (const e of entries) if (!current.byId.has(e.id)) plans.push(e);
    catalogueResource.put('catalogue', makeCatalogue(plans));
  }
  const merge = <T extends { plan: string }>(name: string, schema: Parameters<typeof fromTable<T>>[1], rows: T[]): T[] | undefined => {
    const text = fileNamed(files, name);
    if (!text) return undefined;
    const table = tableFileSchema.parse(JSON.parse(text));
    const fresh = fromTable(table, schema).records.filter((r) => replaced.has(r.plan));
    return [...rows.filter((r) => !replaced.has(r.plan)), ...fresh];
  };
  // The hosted atlas searches the published shards: the previewed plans' entries are laid over them.
  const searchText = fileNamed(files, 'search.json');
  if (searchText) {
    const fresh = fromTable(tableFileSchema.parse(JSON.parse(searchText)), searchEntrySchema).records.filter((r) => replaced.has(r.plan));
    const plans = new Set([...(saved.searchPlans ?? []), ...replaced]);
    saved.searchRows = [...(saved.searchRows ?? []).filter((r) => !replaced.has(r.plan)), ...fresh];
    saved.searchPlans = plans;
    setSearchPreview({ plans, rows: saved.searchRows });
  }
  // The project list reads the parts: the previewed plans' rows take the place of theirs (a plan left without
  // projects by the edit has an empty part).
  const projectsText = fileNamed(files, 'projects.json');
  if (projectsText) {
    const fresh = fromTable(tableFileSchema.parse(JSON.parse(projectsText)), projectRecordSchema).records.filter((r) => replaced.has(r.plan));
    const parts = new Map(saved.projectParts ?? []);
    for (const id of replaced) parts.set(id, []);
    for (const r of fresh) parts.get(r.plan)?.push(r);
    saved.projectParts = parts;
    setProjectsPreview(parts);
  }
  // The single file's whole tables load on first use; one loaded later (search opened in the studio) gets the
  // preview's rows then. A hosted atlas has no whole tables: its shards and parts take the preview above.
  const generation = ++previews;
  if (!isEmbedded(publishedPaths.search)) return;
  searchResource.load('search').then(
    (rows) => {
      const merged = generation === previews && saved ? merge('search.json', searchEntrySchema, rows) : undefined;
      if (merged) searchResource.put('search', merged);
    },
    () => undefined,
  );
  projectsResource.load('projects').then(
    (rows) => {
      const merged = generation === previews && saved ? merge('projects.json', projectRecordSchema, rows) : undefined;
      if (merged) projectsResource.put('projects', merged);
    },
    () => undefined,
  );
}

/** Puts back what was published, as it was before the preview. */
export function endPreview(): void {
  if (!saved) return;
  const { catalogue, search, projects, plans } = saved;
  saved = undefined;
  setSearchPreview(undefined);
  setProjectsPreview(undefined);
  if (catalogue) catalogueResource.put('catalogue', catalogue);
  // A table first loaded during the preview is loaded again from the published file on its next use.
  if (search?.status === 'ready') searchResource.put('search', search.data);
  else searchResource.reset();
  if (projects?.status === 'ready') projectsResource.put('projects', projects.data);
  else projectsResource.reset();
  for (const [id, bundle] of plans) {
    if (bundle) planResource.put(id, bundle);
    else void planResource.retry(id).catch(() => undefined);
  }
}
