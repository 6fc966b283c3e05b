/**
 * A plan's layer and metadata, fetched and validated once, with what is derived from it once for every
 * consumer: features by id, element colours, legend content and presentation chapters.
 */
import { featurePropsSchema, planFileSchema, planMetaSchema, publishedPaths, type AtlasFeature, type PlanMeta } from '../lib/atlas-data';
import { elementColors } from '../lib/presentation';
import type { PlanId } from '../lib/vocabulary';
import { loadCatalogue } from './catalogue';
import { deriveChapters, type ResolvedChapter } from './chapters';
import { fetchJson } from './fetch-asset';
import { legendContent, type LegendContent } from './legend';
import { report, resolveNotice } from './notices';
import { createResource } from './resource';

export interface PlanBundle {
  meta: PlanMeta;
  features: AtlasFeature[];
  byId: Map<string, AtlasFeature>;
  /** Colour of every element (linked parts share their zone's). */
  colors: Map<string, string>;
  legend: LegendContent;
  chapters: ResolvedChapter[];
  /** Features left out because they failed validation. */
  invalid: number;
}

/** Validates a published plan file; invalid features are counted and left out, never drawn half-broken. */
export function parsePlanFile(planId: PlanId, raw: unknown): PlanBundle {
  const path = publishedPaths.plan(planId);
  const file = planFileSchema.safeParse(raw);
  if (!file.success) throw new Error(`${path}: not a plan layer (a FeatureCollection with meta)`);
  const meta = planMetaSchema.safeParse(file.data.meta);
  if (!meta.success)
    throw new Error(
      `${path}: meta: ${meta.error.issues
        .map((x) => `${x.path.join('.')}: ${x.message}`)
        .slice(0, 3)
        .join('; ')}`,
    );
  let invalid = 0;
  const features: AtlasFeature[] = [];
  for (const f of file.data.features as { properties?: unknown; geometry?: unknown }[]) {
    const props = featurePropsSchema.safeParse(f?.properties);
    if (!props.success || !f.geometry || typeof f.geometry !== 'object' || props.data.plan !== planId) invalid += 1;
    else features.push({ ...(f as AtlasFeature), properties: props.data });
  }
  return {
    meta: meta.data,
    features,
    byId: new Map(features.map((f) => [f.properties.id, f])),
    colors: elementColors(features, meta.data.color),
    legend: legendContent(features),
    chapters: deriveChapters(meta.data, features),
    invalid,
  };
}

/** Plans a link named that the catalogue does not hold: the start-up says so once, and no retry is offered. */
const notInCatalogue = new Set<PlanId>();

async function fetchPlan(planId: PlanId, attempt: number): Promise<PlanBundle> {
  // Only a plan the catalogue lists is requested: a well-formed id of no plan costs no 404 and no useless retry.
  // (Were the catalogue itself unreachable, the plan is still tried: the catalogue's own notice says what failed.)
  const catalogue = await loadCatalogue().catch(() => undefined);
  if (catalogue && !catalogue.byId.has(planId)) {
    notInCatalogue.add(planId);
    throw new Error(`${publishedPaths.plan(planId)}: no plan “${planId}” in ${publishedPaths.catalogue}`);
  }
  const bundle = parsePlanFile(planId, await fetchJson(publishedPaths.plan(planId), { attempt }));
  resolveNotice({ type: 'plan-failed', plan: planId });
  if (bundle.invalid) report({ type: 'invalid-entries', file: publishedPaths.plan(planId), count: bundle.invalid }, { level: 'warning' });
  return bundle;
}

export const planResource = createResource<PlanId, PlanBundle>(fetchPlan, (plan, reason, retry) => {
  if (!notInCatalogue.has(plan)) report({ type: 'plan-failed', plan, reason }, { retry });
});

export const loadPlan = (planId: PlanId): Promise<PlanBundle> => planResource.load(planId);

/** A feature of any loaded plan, by full id. */
export function getFeature(id: string): AtlasFeature | undefined {
  // Feature ids start with their plan's id; plan ids may contain hyphens, so every prefix is tried.
  for (let i = id.indexOf('-'); i > 0; i = id.indexOf('-', i + 1)) {
    const state = planResource.peek(id.slice(0, i));
    const f = state?.status === 'ready' ? state.data.byId.get(id) : undefined;
    if (f) return f;
  }
  return undefined;
}
