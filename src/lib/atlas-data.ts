/**
 * The published files' contract: what `npm run build:data` writes to public/geo/plans and the app reads, as zod
 * schemas (the types everyone uses are inferred from them). The build validates every published record with these
 * once (src/compiler/check-published.ts); the app itself imports only types from here and reads the files through
 * published-format.ts (a format stamp and cheap structural guards), so zod is not in its first visit's JavaScript.
 * The build, the tests and the plan studio may use the schemas. Every list of values comes from the vocabulary.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { z } from 'zod';
import { categories, indicatorNatures, levels, precisions, roles, slugPattern } from './vocabulary';

// Before any schema exists: the pages' CSP forbids eval, so zod must not probe it with `new Function`
// (swallowed, but Firefox reports it as a CSP violation in the console).
z.config({ jitless: true });

export type { Category, Level, PlanId, Precision, Role } from './vocabulary';
export { categories, precisions, roles } from './vocabulary';

const id = z.string().regex(slugPattern);
/** Feature ids: `<planId>-<localId>`, and `…--linked` for a zone's lighter part. */
const featureId = z.string().regex(/^[a-z0-9]+(?:--?[a-z0-9]+)*$/);
const source = z.object({ section: z.string(), quote: z.string() });
const related = z.object({ plan: id, feature: z.string().optional(), note: z.string().optional() });

/** Properties of every published feature. */
export const featurePropsSchema = z.object({
  id: featureId,
  plan: id,
  role: z.enum(roles),
  name: z.string().min(1),
  nameEn: z.string().optional(),
  /** The layout term ("六区") for elements; the element's name for projects that belong to one. */
  group: z.string().optional(),
  /** `linked` for the lighter part of a zone; clicks on it select `of`. */
  part: z.enum(['main', 'linked']).optional(),
  of: z.string().optional(),
  functions: z.array(z.string()),
  projects: z.array(z.string()),
  category: z.enum(categories).optional(),
  /** Display names of the counties covered, joined with 、. */
  county: z.string(),
  counties: z.array(z.string()),
  /** Official names of the prefectures (州/市) the counties lie in. */
  prefectures: z.array(z.string()).optional(),
  precision: z.enum(precisions),
  source,
  element: z.string().optional(),
  investment: z.object({ amount: z.number(), unit: z.string() }).optional(),
  note: z.string().optional(),
  place: z.string().optional(),
  /** Where a project's coordinate comes from (its place's `source` in places.yaml), shown with its precision. */
  placeSource: z.string().optional(),
  /** Where an area's name is drawn: a point inside it. */
  label: z.tuple([z.number(), z.number()]).optional(),
  related: z.array(related).optional(),
});
export type AtlasFeatureProps = z.infer<typeof featurePropsSchema>;
export type AtlasFeature = Feature<Geometry, AtlasFeatureProps>;
export type AtlasCollection = FeatureCollection<Geometry, AtlasFeatureProps>;

const indicator = z.object({
  name: z.string(),
  unit: z.string(),
  baseline: z.string(),
  target: z.string(),
  nature: z.enum(indicatorNatures).optional(),
  group: z.string().optional(),
});
const chapter = z.object({
  title: z.string(),
  caption: z.string().optional(),
  features: z.array(z.string()).optional(),
  camera: z.object({ center: z.tuple([z.number(), z.number()]), zoom: z.number(), bearing: z.number().optional(), pitch: z.number().optional() }).optional(),
  indicators: z.boolean().optional(),
});
export type Chapter = z.infer<typeof chapter>;

export const bboxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export type BBox = z.infer<typeof bboxSchema>;

/** A plan as the catalogue lists it: enough for the plan tree, the map's first frame and search by plan name. */
export const catalogueEntrySchema = z.object({
  id,
  title: z.string().min(1),
  titleEn: z.string().optional(),
  level: z.enum(levels),
  region: z.object({ code: z.string(), name: z.string() }),
  /** Short name of the area (云南省, 曲靖市, 双江县) and its pinyin (Yunnan, Qujing, Shuangjiang). */
  regionShort: z.string(),
  regionEn: z.string(),
  parent: z.object({ plan: id, element: z.string().optional() }).optional(),
  /** The layout formula in the plan's words; absent where the plan states none. */
  formula: z.string().optional(),
  bbox: bboxSchema,
  color: z.string(),
  counts: z.partialRecord(z.enum(roles), z.number()),
});
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;

/** A plan's full metadata, carried by its layer file as the foreign member `meta`. */
export const planMetaSchema = catalogueEntrySchema.extend({
  issuer: z.string().optional(),
  docNumber: z.string().optional(),
  date: z.string().optional(),
  period: z.string(),
  formulaSource: source.optional(),
  summary: source,
  targets: z.array(source),
  indicators: z.array(indicator),
  indicatorsSource: z.object({ section: z.string() }).optional(),
  unplaced: z.array(z.object({ name: z.string(), category: z.enum(categories).optional(), reason: z.string(), source })),
  chapters: z.array(chapter).optional(),
  /** Full ids of the projects the plan presents as key projects. */
  keyProjects: z.array(z.string()).optional(),
});
export type PlanMeta = z.infer<typeof planMetaSchema>;

/** `catalogue.json`: every plan, in plan-tree order. Entries are validated one by one. */
export const catalogueFileSchema = z.object({ plans: z.array(z.unknown()) });

/** A compact table: its format, column names once, then one array per row. */
export const tableFileSchema = z.object({ format: z.number().optional(), fields: z.array(z.string()), rows: z.array(z.array(z.unknown())) });
export type TableFile = z.infer<typeof tableFileSchema>;

/** One searchable element or project (`search.json`); plans are searched from the catalogue. */
export const searchEntrySchema = z.object({
  id: z.string(),
  plan: id,
  role: z.enum(roles),
  name: z.string(),
  nameEn: z.string().optional(),
  category: z.enum(categories).optional(),
  county: z.string(),
  /** Pinyin initials of the name, e.g. "mkkysfq" for 勐库康养示范区. */
  initials: z.string(),
  /** Full pinyin without tones or spaces. */
  pinyin: z.string(),
});
export type SearchEntry = z.infer<typeof searchEntrySchema>;

/** One located project of any plan (`projects.json`): what the project list, its filters and exports need. */
export const projectRecordSchema = z.object({
  id: z.string(),
  plan: id,
  /** Position in its plan: the plan's own order. */
  order: z.number(),
  name: z.string(),
  nameEn: z.string().optional(),
  category: z.enum(categories),
  /** County display names joined with 、, and their codes. */
  county: z.string(),
  counties: z.array(z.string()),
  prefectures: z.array(z.string()),
  /** Full id and name of the layout element the project belongs to. */
  element: z.string().optional(),
  elementName: z.string().optional(),
  functions: z.array(z.string()),
  investment: z.object({ amount: z.number(), unit: z.string() }).optional(),
  precision: z.enum(precisions),
  place: z.string().optional(),
  note: z.string().optional(),
  section: z.string(),
  quote: z.string(),
  lon: z.number(),
  lat: z.number(),
});
export type ProjectRecord = z.infer<typeof projectRecordSchema>;

/** What a project marker needs, from a plan's layer or the project table: beyond every part's budget the map holds these, not whole records. */
export type ProjectPoint = Pick<ProjectRecord, 'id' | 'plan' | 'name' | 'nameEn' | 'category' | 'precision' | 'county' | 'lon' | 'lat'>;

/** Reads a compact table back into records (null fields are dropped), validating each row; bad rows are counted. */
export function fromTable<T>(table: TableFile, schema: z.ZodType<T>): { records: T[]; invalid: number } {
  const records: T[] = [];
  let invalid = 0;
  for (const row of table.rows) {
    const record: Record<string, unknown> = {};
    table.fields.forEach((f, i) => {
      if (row[i] !== null && row[i] !== undefined) record[f] = row[i];
    });
    const parsed = schema.safeParse(record);
    if (parsed.success) records.push(parsed.data);
    else invalid += 1;
  }
  return { records, invalid };
}

export { projectFields, publishedPaths, searchFields, toTable } from './published-format';
