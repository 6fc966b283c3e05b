/**
 * The schema of a plan as authored under `data/<planId>/plan.yaml` and `data/<planId>/places.yaml`.
 * Build scripts validate with it (`npm run validate`); the published layers are derived from it.
 */
import { z } from 'zod';
import { bidiControlPattern, categories, elementRoles, indicatorNatures, investmentUnits, levels, markupPattern, precisions, slugPattern } from './vocabulary';

/** The schema's own hints, by name: the validator prints them; the studio has its words for each (studio-zh.ts). */
export const schemaHints = {
  slug: 'use lower-case letters, digits and hyphens',
  sixDigits: 'a six-digit GB/T 2260 code such as 530925',
  yunnan: 'not a county or prefecture of Yunnan: its GB/T 2260 codes start with 53 (e.g. 530925)',
  markup: 'markup (HTML tags or entities) is not allowed in text',
  bidi: 'invisible bidirectional control characters (U+202A–202E, U+2066–2069, U+200E/F) are not allowed in text',
  bidiCell: 'invisible bidirectional control characters are not allowed',
  seedFile: 'a file name in data/seeds such as 002_141cab6b3d237511.txt',
} as const;

const slug = z.string().regex(slugPattern, schemaHints.slug);
/** GB/T 2260 code of a Yunnan county (53xxyy) or prefecture (53xx00). */
export const adminCode = z
  .string()
  .regex(/^\d{6}$/, schemaHints.sixDigits)
  // Six digits outside Yunnan (999999) are told so, not that they must be six digits.
  .regex(/^53/, schemaHints.yunnan);
/** Plain text: shown to users as text, so markup is refused rather than escaped silently. */
const text = z
  .string()
  .trim()
  .min(1)
  .refine((v) => !markupPattern.test(v), schemaHints.markup)
  .refine((v) => !bidiControlPattern.test(v), schemaHints.bidi);
/** Short table cells: the same guard against invisible reordering. */
const cell = z
  .string()
  .trim()
  .refine((v) => !bidiControlPattern.test(v), schemaHints.bidiCell);

/** Where a statement stands in the plan: the section heading and the plan's own words. */
export const sourceSchema = z.strictObject({
  section: text,
  /** Verbatim from the seed, once line breaks, page numbers and layout artefacts are removed. */
  quote: text,
});
export type Source = z.infer<typeof sourceSchema>;

/** How well a location or an extent is known. */
export const precisionSchema = z.enum(precisions);
export type Precision = z.infer<typeof precisionSchema>;

/** A named place with a coordinate and where that coordinate came from. */
export const placeSchema = z.strictObject({
  id: slug,
  name: text,
  nameEn: text.optional(),
  lon: z.number().min(97).max(107),
  lat: z.number().min(20.5).max(30),
  precision: precisionSchema,
  /** County the place lies in. */
  county: adminCode,
  /** Where the coordinate came from, e.g. "Wikipedia: Menglai Township, infobox". */
  source: text,
  note: text.optional(),
});
export type Place = z.infer<typeof placeSchema>;

export const placesFileSchema = z.strictObject({ places: z.array(placeSchema) });

const km = z.number().positive().max(100);

/**
 * How an element's geometry is derived from the base geography; never drawn by hand.
 * `areas`: union of county/prefecture polygons; `linked` are drawn lighter (areas a zone links or radiates to).
 * `corridor`: lines through places (one list of place ids per line); `river`: a named river of the base layers clipped to areas;
 * `parallel`: a line of latitude clipped to areas; `border`: the national border along the given areas;
 * `hull`: a schematic extent around places, clipped to areas; `point`: a place.
 */
export const geometrySpecSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('areas'), codes: z.array(adminCode).min(1), linked: z.array(adminCode).optional() }),
  z.strictObject({ type: z.literal('corridor'), through: z.array(z.array(slug).min(2)).min(1), widthKm: km.optional() }),
  z.strictObject({ type: z.literal('river'), river: text, within: z.array(adminCode).min(1), widthKm: km.optional() }),
  z.strictObject({ type: z.literal('parallel'), lat: z.number(), within: z.array(adminCode).min(1), widthKm: km.optional() }),
  z.strictObject({ type: z.literal('border'), within: z.array(adminCode).min(1), widthKm: km.optional() }),
  z.strictObject({ type: z.literal('hull'), places: z.array(slug).min(1), within: z.array(adminCode).min(1), bufferKm: km.optional() }),
  z.strictObject({ type: z.literal('point'), place: slug }),
]);
export type GeometrySpec = z.infer<typeof geometrySpecSchema>;

/** A plan id: the plan's folder name under data/, any lower-case slug. */
export const planIdSchema = slug;

/** A link to another plan (and optionally one of its features by full id). */
export const relatedSchema = z.strictObject({ plan: planIdSchema, feature: z.string().optional(), note: text.optional() });

export const roleSchema = z.enum(elementRoles);
export type ElementRole = z.infer<typeof roleSchema>;

/** A core, zone, belt or node of a plan's spatial layout. */
export const elementSchema = z.strictObject({
  id: slug,
  role: roleSchema,
  /** As the plan writes it. */
  name: text,
  nameEn: text.optional(),
  /** The layout term the element belongs to, in the plan's words: "一核", "六区", "四带", "多点" … */
  group: text,
  geometry: geometrySpecSchema,
  precision: precisionSchema,
  /** Counties (codes) the element covers or passes; derived from `geometry` when omitted. */
  counties: z.array(adminCode).optional(),
  /** Planned functions, as the plan's own phrases. */
  functions: z.array(text),
  /** Named projects, as the plan's own phrases. */
  projects: z.array(text),
  source: sourceSchema,
  related: z.array(relatedSchema).optional(),
  /** A plain note on how the extent was drawn where the plan gives none (shown to users). */
  note: text.optional(),
});
export type PlanElement = z.infer<typeof elementSchema>;

export const categorySchema = z.enum(categories);

/** A named, locatable project or facility. */
export const projectSchema = z.strictObject({
  id: slug,
  name: text,
  nameEn: text.optional(),
  category: categorySchema,
  county: adminCode,
  /** A place of places.yaml; without it the project sits at its county's seat with precision `county`. */
  place: slug.optional(),
  /** The layout element it belongs to, if the plan puts it in one. */
  element: slug.optional(),
  /** What the plan says it will be or do, in the plan's own phrases. */
  functions: z.array(text),
  investment: z.strictObject({ amount: z.number().nonnegative(), unit: z.enum(investmentUnits), note: text.optional() }).optional(),
  source: sourceSchema,
  /** A plain note on the location, e.g. why it is only approximate. */
  note: text.optional(),
});
export type Project = z.infer<typeof projectSchema>;

/** Something the plan names that has no place on a map; kept, not dropped. */
export const unplacedSchema = z.strictObject({
  name: text,
  category: categorySchema.optional(),
  reason: text,
  source: sourceSchema,
});

export const indicatorSchema = z.strictObject({
  name: text,
  unit: cell,
  /** As written in the plan ("6.89", "≥95", "—"). */
  baseline: cell,
  target: cell,
  nature: z.enum(indicatorNatures).optional(),
  group: text.optional(),
});

export const chapterSchema = z.strictObject({
  title: text,
  caption: text.optional(),
  /** Full feature ids to frame and highlight. */
  features: z.array(z.string()).optional(),
  camera: z
    .strictObject({ center: z.tuple([z.number(), z.number()]), zoom: z.number(), bearing: z.number().optional(), pitch: z.number().optional() })
    .optional(),
  indicators: z.boolean().optional(),
});

export const planSchema = z.strictObject({
  id: planIdSchema,
  title: text,
  titleEn: text.optional(),
  level: z.enum(levels),
  /** The administrative area the plan covers. */
  region: z.strictObject({ code: adminCode, name: text }),
  issuer: text.optional(),
  docNumber: text.optional(),
  /** ISO date of issue, where the text gives it. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  period: text,
  /** The plan it nests in, and the element of that plan it falls within. */
  parent: z.strictObject({ plan: planIdSchema, element: slug.optional() }).optional(),
  /** File name of the seed text in shared/seeds. */
  seed: z.string().regex(/^[\w.-]+\.txt$/, schemaHints.seedFile),
  /** The layout formula in the plan's words, e.g. "一核、六区、四带"; omitted where the plan states none. */
  formula: text.optional(),
  formulaSource: sourceSchema.optional(),
  summary: sourceSchema,
  /** Targets stated in prose. */
  targets: z.array(sourceSchema),
  indicators: z.array(indicatorSchema),
  indicatorsSource: z.strictObject({ section: text }).optional(),
  elements: z.array(elementSchema),
  projects: z.array(projectSchema),
  unplaced: z.array(unplacedSchema),
  /** Optional overrides; every one has a default derived from the data. */
  presentation: z
    .strictObject({
      /** The plan's colour; derived from its id when omitted. */
      color: z
        .string()
        .regex(/^#[0-9a-f]{6}$/i)
        .optional(),
      /** Position among its sibling plans in the plan tree; by region code when omitted. */
      order: z.number().int().optional(),
      chapters: z.array(chapterSchema).optional(),
      /** Ids of the projects presented as key projects; derived from the plan when omitted. */
      keyProjects: z.array(slug).optional(),
    })
    .optional(),
});
export type Plan = z.infer<typeof planSchema>;
