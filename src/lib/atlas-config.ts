/**
 * The deployment setting: what a page that publishes the atlas must show besides the plans, chiefly the map's
 * review number (审图号) and the credit of the base map whose borders were reviewed. It is data, not code:
 * `public/atlas.config.json`, read at start (and embedded in the offline file), checked here.
 * Checked by hand, not with zod: it is read on every first visit, whose JavaScript stays small.
 */

/** Where the setting lives, relative to the app (and under public/ in the repository). */
export const atlasConfigPath = 'atlas.config.json';

/** The setting's fields and their longest length (each a line shown on the map as text). */
const lines = {
  /** The review number of the map as published here, e.g. “云S（2025）012号”; empty when it has none. */
  reviewNumber: 60,
  /** Who made the base map (its borders) this page is reviewed with, e.g. “底图：云南省地图院”; empty for none. */
  baseCredit: 120,
  /** 天地图's own review number, shown while the 天地图 base is chosen (copy it from 天地图's site). */
  tiandituReviewNumber: 60,
} as const;

export type AtlasConfig = Record<keyof typeof lines, string>;

/** No setting: nothing extra is shown. */
export const defaultAtlasConfig: AtlasConfig = { reviewNumber: '', baseCredit: '', tiandituReviewNumber: '' };

/**
 * What is wrong with one line, if anything: short, and no markup (it is rendered as text, but an editor's `<b>` is a
 * mistake).
 */
function lineProblem(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return `expected a string, received ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}`;
  if (value.length > max) return `at most ${max} characters`;
  if (/[<>]/.test(value)) return 'plain text only, no “<” or “>”';
  if (/\p{Cc}/u.test(value)) return 'no control characters or line breaks';
  return undefined;
}

/** Checks the file's content; throws an Error naming the file and the field, e.g. `atlas.config.json: reviewNumber: at most 60 characters`. */
export function parseAtlasConfig(raw: unknown, file = atlasConfigPath): AtlasConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error(`${file}: (file): expected an object`);
  const record = raw as Record<string, unknown>;
  const problems: string[] = [];
  const unknown = Object.keys(record).filter((k) => k !== '$comment' && !(k in lines));
  if (unknown.length) problems.push(`(file): unknown field ${unknown.map((k) => `“${k}”`).join(', ')}`);
  /** Free text for the people who edit the file; never shown. */
  if (record.$comment !== undefined && typeof record.$comment !== 'string') problems.push('$comment: expected a string');
  const config: AtlasConfig = { ...defaultAtlasConfig };
  for (const [field, max] of Object.entries(lines) as [keyof AtlasConfig, number][]) {
    if (record[field] === undefined) continue;
    const problem = lineProblem(record[field], max);
    if (problem) problems.push(`${field}: ${problem}`);
    else config[field] = record[field] as string;
  }
  if (problems.length) throw new Error(`${file}: ${problems.join('; ')}`);
  return config;
}

/**
 * The credit lines the setting adds to a map (attribution, embed, PNG, print): the review number with its label,
 * the base map's credit, and 天地图's own review number while its base is shown.
 */
export function configCredits(
  config: AtlasConfig,
  options: { tianditu: boolean; reviewLabel: (n: string) => string; tiandituReviewLabel: (n: string) => string },
): string[] {
  return [
    config.reviewNumber && options.reviewLabel(config.reviewNumber),
    config.baseCredit,
    options.tianditu && config.tiandituReviewNumber && options.tiandituReviewLabel(config.tiandituReviewNumber),
  ].filter((x): x is string => !!x);
}
