/**
 * The atlas's vocabulary, defined once. The authoring schema (plan-schema.ts), the published schema
 * (atlas-data.ts), map styles, legends and strings all derive from these lists.
 */

/**
 * The parts a feature plays in a plan's layout, in legend and overview order. (The map draws them by each role's
 * `stack` in role-look.ts, not in this order: zones under the core.)
 */
export const roles = ['core', 'zone', 'belt', 'node', 'project'] as const;
export type Role = (typeof roles)[number];

/** Roles of layout elements (everything but projects). */
export const elementRoles = ['core', 'zone', 'belt', 'node'] as const;
export type ElementRole = (typeof elementRoles)[number];

/** Categories of located projects. */
export const categories = [
  'medical',
  'tcm',
  'public-health',
  'eldercare',
  'wellness-tourism',
  'sports',
  'biomedicine',
  'green-food',
  'education',
  'digital-health',
  'other',
] as const;
export type Category = (typeof categories)[number];

/** How well a location or an extent is known, from best to worst. */
export const precisions = ['exact', 'township', 'county', 'schematic'] as const;
export type Precision = (typeof precisions)[number];

/**
 * Precisions that give no site, only a county (or a schematic place): such a point is framed at county scale and
 * drawn with its county, never as an exact pin. Exact and township points keep their pin.
 */
export const areaPrecisions = ['county', 'schematic'] as const satisfies readonly Precision[];
export type AreaPrecision = (typeof areaPrecisions)[number];
/** Whether a point of this precision stands for its county rather than a site. */
export const isAreaPrecision = (p: Precision | undefined): p is AreaPrecision => (areaPrecisions as readonly string[]).includes(p ?? '');

/** Administrative level of a plan. */
export const levels = ['province', 'city', 'county'] as const;
export type Level = (typeof levels)[number];

export const investmentUnits = ['万元', '亿元'] as const;

export const indicatorNatures = ['预期性', '约束性'] as const;

/** Plan, element, project and place ids: any lower-case slug. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Plan ids are slugs chosen by whoever adds the plan; the code never names one. */
export type PlanId = string;

/** Text fields are plain text: anything that looks like markup is refused at validation. */
export const markupPattern = /<\s*\/?\s*[a-zA-Z!?][^>]*>|&#?[a-zA-Z0-9]+;|javascript:/;

/** Bidirectional control characters: invisible, they can reorder what a reader sees (U+202A–202E, U+2066–2069, U+200E/F, U+061C). */
export const bidiControlPattern = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;

export const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T => (list as readonly unknown[]).includes(value);
