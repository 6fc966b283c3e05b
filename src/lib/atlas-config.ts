/**
 * The deployment setting: what a page that publishes the atlas must show besides the plans, chiefly the map's
 * review number (审图号) and the credit of the base map whose borders were reviewed. It is data, not code:
 * `public/atlas.config.json`, read at start (and embedded in the offline file), checked here.
 */
import { z } from 'zod';

// The pages' CSP forbids eval: zod must not probe it (see atlas-data.ts).
z.config({ jitless: true });

/** Where the setting lives, relative to the app (and under public/ in the repository). */
export const atlasConfigPath = 'atlas.config.json';

/** A line shown on the map as text: short, and no markup (it is rendered as text, but an editor's `<b>` is a mistake). */
const line = (max: number) =>
  z
    .string()
    .max(max, `at most ${max} characters`)
    .refine((s) => !/[<>]/.test(s), 'plain text only, no “<” or “>”')
    .refine((s) => !/\p{Cc}/u.test(s), 'no control characters or line breaks');

export const atlasConfigSchema = z.strictObject({
  /** Free text for the people who edit the file; never shown. */
  $comment: z.string().optional(),
  /** The review number of the map as published here, e.g. “云S（2025）012号”; empty when it has none. */
  reviewNumber: line(60).default(''),
  /** Who made the base map (its borders) this page is reviewed with, e.g. “底图：云南省地图院”; empty for none. */
  baseCredit: line(120).default(''),
  /** 天地图's own review number, shown while the 天地图 base is chosen (copy it from 天地图's site). */
  tiandituReviewNumber: line(60).default(''),
});

export type AtlasConfig = z.infer<typeof atlasConfigSchema>;

/** No setting: nothing extra is shown. */
export const defaultAtlasConfig: AtlasConfig = { reviewNumber: '', baseCredit: '', tiandituReviewNumber: '' };

/** Checks the file's content; throws an Error naming the file and the field, e.g. `atlas.config.json: reviewNumber: at most 60 characters`. */
export function parseAtlasConfig(raw: unknown, file = atlasConfigPath): AtlasConfig {
  const parsed = atlasConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (i) =>
      `${i.path.length ? i.path.join('.') : '(file)'}: ${i.code === 'unrecognized_keys' ? `unknown field ${i.keys.map((k) => `“${k}”`).join(', ')}` : i.message}`,
  );
  throw new Error(`${file}: ${problems.join('; ')}`);
}

/**
 * The credit lines the setting adds to a map (attribution, embed, PNG, print): the review number with its label,
 * the base map's credit, and 天地图's own review number while its base is shown.
 */
export function configCredits(config: AtlasConfig, options: { tianditu: boolean; reviewLabel: (n: string) => string }): string[] {
  return [
    config.reviewNumber && options.reviewLabel(config.reviewNumber),
    config.baseCredit,
    options.tianditu && config.tiandituReviewNumber && `天地图 ${options.reviewLabel(config.tiandituReviewNumber)}`,
  ].filter((x): x is string => !!x);
}
