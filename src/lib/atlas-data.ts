/**
 * The published layers' contract: what `npm run build:data` writes to public/geo/plans and the app reads.
 * Validated at load time, so a broken file is reported with its name and left out instead of breaking the page.
 */
import { z } from 'zod';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

// Before any schema exists: the pages' CSP forbids eval, so zod must not probe it with `new Function`
// (swallowed, but Firefox reports it as a CSP violation in the console).
z.config({ jitless: true });

export const roles = ['core', 'zone', 'belt', 'node', 'project'] as const;
/** The part a feature plays in a plan's layout. */
export type Role = (typeof roles)[number];

export const categories = [
  'medical', 'tcm', 'public-health', 'eldercare', 'wellness-tourism', 'sports',
  'biomedicine', 'green-food', 'education', 'digital-health', 'other',
] as const;
/** Category of a project point. */
export type Category = (typeof categories)[number];

export const precisions = ['exact', 'township', 'county', 'schematic'] as const;
export type Precision = (typeof precisions)[number];

export const planIds = ['yunnan', 'qujing', 'lincang', 'shuangjiang', 'menghai'] as const;
export type PlanId = (typeof planIds)[number];
export const isPlanId = (value: unknown): value is PlanId => (planIds as readonly unknown[]).includes(value);

const source = z.object({ section: z.string(), quote: z.string() });
const related = z.object({ plan: z.enum(planIds), feature: z.string().optional(), note: z.string().optional() });

/** Properties of every published feature. */
export const featurePropsSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  plan: z.enum(planIds),
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
  /** Where an area's name is drawn: a point inside it. */
  label: z.tuple([z.number(), z.number()]).optional(),
  related: z.array(related).optional(),
});
export type AtlasFeatureProps = z.infer<typeof featurePropsSchema>;
export type AtlasFeature = Feature<Geometry, AtlasFeatureProps>;
export type AtlasCollection = FeatureCollection<Geometry, AtlasFeatureProps>;

const indicator = z.object({
  name: z.string(), unit: z.string(), baseline: z.string(), target: z.string(),
  nature: z.enum(['预期性', '约束性']).optional(), group: z.string().optional(),
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

/** A plan's metadata, as listed in index.json. */
export const planMetaSchema = z.object({
  id: z.enum(planIds),
  title: z.string(),
  titleEn: z.string().optional(),
  level: z.enum(['province', 'city', 'county']),
  region: z.object({ code: z.string(), name: z.string() }),
  /** Short name of the area (云南省, 曲靖市, 双江县) and its pinyin (Yunnan, Qujing, Shuangjiang). */
  regionShort: z.string(),
  regionEn: z.string(),
  issuer: z.string().optional(),
  docNumber: z.string().optional(),
  date: z.string().optional(),
  period: z.string(),
  parent: z.object({ plan: z.enum(planIds), element: z.string().optional() }).optional(),
  formula: z.string(),
  summary: source,
  targets: z.array(source),
  indicators: z.array(indicator),
  indicatorsSource: z.object({ section: z.string() }).optional(),
  unplaced: z.array(z.object({ name: z.string(), category: z.enum(categories).optional(), reason: z.string(), source })),
  bbox: bboxSchema,
  color: z.string(),
  chapters: z.array(chapter).optional(),
  counts: z.record(z.enum(roles), z.number()),
});
export type PlanMeta = z.infer<typeof planMetaSchema>;

/** One row of the search index: every element and project of every plan. */
export const searchEntrySchema = z.object({
  id: z.string(),
  plan: z.enum(planIds),
  role: z.enum(roles),
  name: z.string(),
  nameEn: z.string().optional(),
  category: z.enum(categories).optional(),
  county: z.string(),
  /** Pinyin initials of the name, e.g. "mkkysfq" for 勐库康养示范区. */
  initials: z.string(),
  /** Full pinyin without tones or spaces. */
  pinyin: z.string(),
  center: z.tuple([z.number(), z.number()]),
});
export type SearchEntry = z.infer<typeof searchEntrySchema>;

export const atlasIndexSchema = z.object({
  plans: z.array(z.unknown()),
  search: z.array(z.unknown()),
});
