/**
 * What the build publishes of compiled plans: each plan's layer and sources, the catalogue, the search index in
 * shards, the project list's summary and parts; and the whole search and project tables that the single file embeds
 * (made by the offline build from the published layers, never put on a host). The same functions in Node
 * (`npm run build:data`, the offline build) and in the studio's preview, so what the preview shows is what the build writes.
 */
import { pinyin } from 'pinyin-pro';
import type { CatalogueEntry, PlanMeta, ProjectRecord, SearchEntry } from '../lib/atlas-data';
import { projectFields, publishedFormat, publishedPaths, searchFields, toTable } from '../lib/published-format';
import { planTree } from '../lib/plan-tree';
import { mergeSummaries, type PlanSummary, planSummary, projectPartPaths, summaryFile } from '../lib/project-summary';
import { checkPublished } from './check-published';
import type { BuiltPlan } from './compile';
import { searchShardFiles } from './search-shards';
import { type PlanSources, type PublishedSources, type ReadSeed, sourcesPath } from './sources';

const searchable = (name: string) => name.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '');

export function pinyinOf(name: string): { initials: string; pinyin: string } {
  const clean = searchable(name);
  return {
    initials: pinyin(clean, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase(),
    pinyin: syllablesOf(name).join(''),
  };
}

/** The name's pinyin syllable by syllable (lower case, no tones): `pinyinOf(name).pinyin` is their concatenation. */
export function syllablesOf(name: string): string[] {
  return pinyin(searchable(name), { toneType: 'none', type: 'array' }).map((s) => s.toLowerCase());
}

/** The plan's sources as the build publishes them for the studio. */
export function publishedSources(src: PlanSources, readSeed: ReadSeed, seedName: string): PublishedSources {
  return { ...src, seed: { name: seedName, text: readSeed(seedName) ?? '' } };
}

const json = (value: unknown) => `${JSON.stringify(value)}\n`;

/**
 * Every file `npm run build:data` writes under public/geo, by path relative to public/: the catalogue, one layer per
 * plan, the sharded search index (`geo/search/`), the project list's summary and parts (`geo/projects/`), and each
 * plan's sources for the studio. Every published record is validated
 * here, once (the app only checks the files' format stamp and shape); a record that fails throws.
 * It is the union of {@link publishedParts}: the incremental data build makes each part only when its inputs changed.
 */
export function publishedFiles(plans: BuiltPlan[], sources: PlanSources[] = [], readSeed: ReadSeed = () => undefined): Record<string, string> {
  return {
    ...publishedParts.plans(plans, sources, readSeed),
    ...publishedParts.catalogue(plans),
    ...publishedParts.search(plans),
    ...publishedParts.projects(plans),
  };
}

/**
 * The published files in parts, each a function of only what its name says, so a build may make a part again only
 * when its inputs changed (scripts/lib/build-state.ts): `plans` are each plan's own files (its layer and sources:
 * a plan's files depend on that plan alone), `catalogue` the plan tree (every plan's {@link catalogueEntry}),
 * `search` the search index's shards (every plan's {@link searchEntries}, in order), `projects` the project list's
 * summary and parts (every plan's {@link projectRecords}, in order). A new published file belongs to one of them.
 */
export const publishedParts = {
  plans(plans: BuiltPlan[], sources: PlanSources[] = [], readSeed: ReadSeed = () => undefined): Record<string, string> {
    checkPublished({ layers: plans.map((p) => ({ path: publishedPaths.plan(p.meta.id), meta: p.meta, features: p.features })) }, publishedPaths);
    const files: Record<string, string> = {};
    const format = publishedFormat;
    for (const p of plans) files[publishedPaths.plan(p.meta.id)] = json({ type: 'FeatureCollection', format, meta: p.meta, features: p.features });
    const published = new Map(plans.map((p) => [p.meta.id, p]));
    for (const src of sources) {
      const seedName = published.get(src.folder)?.seed;
      if (seedName) files[sourcesPath(src.folder)] = json(publishedSources(src, readSeed, seedName));
    }
    return files;
  },
  catalogue(plans: BuiltPlan[]): Record<string, string> {
    const catalogue = plans.map((p) => catalogueEntry(p.meta));
    checkPublished({ catalogue }, publishedPaths);
    return { [publishedPaths.catalogue]: json({ format: publishedFormat, plans: catalogue }) };
  },
  search(plans: BuiltPlan[]): Record<string, string> {
    const search = plans.flatMap((p) => searchEntries(p));
    checkPublished({ search }, publishedPaths);
    const files: Record<string, string> = {};
    for (const [path, value] of Object.entries(searchShardFiles(search, syllablesOf))) files[path] = json(value);
    return files;
  },
  /**
   * The project list by parts (src/lib/project-summary.ts): a summary to open on (its first page in the plan tree's
   * order, so this part also depends on every plan's parent) and each plan's rows. The incremental build hands over
   * rows it checked when it made them (`checked`), each plan's share of the summary where it kept it (`summaryOf`),
   * and asks only for the plans' parts it needs (`part`): a plan's rows are read only for its part, its share of the
   * summary if not given, and the first page.
   */
  projects(
    plans: BuiltPlan[],
    recordsOf: (plan: BuiltPlan) => ProjectRecord[] = projectRecords,
    {
      checked = false,
      part = () => true,
      summaryOf,
    }: { checked?: boolean; part?: (plan: string) => boolean; summaryOf?: (plan: BuiltPlan) => PlanSummary | undefined } = {},
  ): Record<string, string> {
    const records = new Map<string, ProjectRecord[]>();
    const rowsOf = (p: BuiltPlan) => {
      let rows = records.get(p.meta.id);
      if (!rows) {
        rows = recordsOf(p);
        if (!checked) checkPublished({ projects: rows }, { ...publishedPaths, projects: projectPartPaths.part(p.meta.id) });
        records.set(p.meta.id, rows);
      }
      return rows;
    };
    const byId = new Map(plans.map((p) => [p.meta.id, p]));
    const treeOrder = planTree(plans.map((p) => catalogueEntry(p.meta))).map((n) => n.plan.id);
    const summary = mergeSummaries(
      plans.map((p) => summaryOf?.(p) ?? planSummary(p.meta.id, rowsOf(p))),
      treeOrder,
      (id) => rowsOf(byId.get(id)!),
    );
    const files: Record<string, string> = { [projectPartPaths.summary]: json(summaryFile(summary)) };
    for (const p of plans) {
      if (!part(p.meta.id)) continue;
      const rows = rowsOf(p);
      if (rows.length) files[projectPartPaths.part(p.meta.id)] = json(toTable(projectFields, rows));
    }
    return files;
  },
};

/** A plan as the whole tables read it: its layer's metadata and features (a published layer will do). */
export type PlanLayer = Pick<BuiltPlan, 'meta' | 'features'>;

/**
 * The whole search and project tables (`geo/plans/search.json`, `projects.json`: every plan's rows, in order), which
 * the single file embeds in place of the sharded index and the list's parts (a file downloads nothing, and shards
 * repeat entries). Not on a host: the offline build makes them from the published layers, and the studio's preview
 * reads the previewed plans' rows from them. Every row is checked.
 */
export function singleFileTables(plans: readonly PlanLayer[]): Record<string, string> {
  const search = plans.flatMap((p) => searchEntries(p));
  const projects = plans.flatMap((p) => projectRecords(p));
  checkPublished({ search, projects }, publishedPaths);
  return { [publishedPaths.search]: json(toTable(searchFields, search)), [publishedPaths.projects]: json(toTable(projectFields, projects)) };
}

/** What the catalogue lists of a plan. */
export function catalogueEntry(meta: PlanMeta): CatalogueEntry {
  const { id, title, titleEn, level, region, regionShort, regionEn, parent, formula, bbox, color, counts } = meta;
  return {
    id,
    title,
    ...(titleEn ? { titleEn } : {}),
    level,
    region,
    regionShort,
    regionEn,
    ...(parent ? { parent } : {}),
    ...(formula ? { formula } : {}),
    bbox,
    color,
    counts,
  };
}

/**
 * Search entries of a plan's elements and projects: what a search matches and lists, and no position (a result is
 * shown from its plan's layer), so a plan's places can be corrected without remaking the search index.
 */
export function searchEntries(plan: PlanLayer): SearchEntry[] {
  return plan.features.flatMap((f) => {
    const p = f.properties;
    if (p.part === 'linked') return [];
    return [
      {
        id: p.id,
        plan: p.plan,
        role: p.role,
        name: p.name,
        ...(p.nameEn ? { nameEn: p.nameEn } : {}),
        ...(p.category ? { category: p.category } : {}),
        county: p.county,
        ...pinyinOf(p.name),
      },
    ];
  });
}

/** The plan's projects as rows of the all-plans project table. */
export function projectRecords(plan: PlanLayer): ProjectRecord[] {
  const elements = new Map(plan.features.map((f) => [f.properties.id, f.properties.name]));
  return plan.features.flatMap((f, order) => {
    const p = f.properties;
    if (p.role !== 'project' || f.geometry.type !== 'Point') return [];
    const [lon = 0, lat = 0] = f.geometry.coordinates;
    return [
      {
        id: p.id,
        plan: p.plan,
        order,
        name: p.name,
        ...(p.nameEn ? { nameEn: p.nameEn } : {}),
        category: p.category ?? 'other',
        county: p.county,
        counties: p.counties,
        prefectures: p.prefectures ?? [],
        ...(p.element ? { element: p.element, elementName: elements.get(p.element) ?? p.group ?? p.element } : {}),
        functions: p.functions,
        ...(p.investment ? { investment: p.investment } : {}),
        precision: p.precision,
        ...(p.place ? { place: p.place } : {}),
        ...(p.note ? { note: p.note } : {}),
        section: p.source.section,
        quote: p.source.quote,
        lon,
        lat,
      },
    ];
  });
}
