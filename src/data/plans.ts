/**
 * A plan's layer and metadata, fetched and validated once, with what is derived from it once for every
 * consumer: features by id, element colours, legend content and presentation chapters.
 */
import type { AtlasFeature, PlanMeta } from '../lib/atlas-data';
import { checkFormat, isFeatureProps, isPlanMeta, publishedPaths } from '../lib/published-format';
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

/**
 * Reads a published plan file: its format and shape are checked (the build validated it in full); features that
 * fail the structural guard are counted and left out, never drawn half-broken.
 */
export function parsePlanFile(planId: PlanId, raw: unknown): PlanBundle {
  const path = publishedPaths.plan(planId);
  const file = checkFormat(path, raw, 'a plan layer (a FeatureCollection with meta)');
  if (file.type !== 'FeatureCollection' || !Array.isArray(file.features)) throw new Error(`${path}: not a plan layer (a FeatureCollection with meta)`);
  const meta = file.meta;
  if (!isPlanMeta(meta, planId)) throw new Error(`${path}: meta: not the metadata of plan ${planId}`);
  let invalid = 0;
  const features: AtlasFeature[] = [];
  for (const f of file.features as { properties?: unknown; geometry?: unknown }[]) {
    if (!f || !isFeatureProps(f.properties, planId) || !f.geometry || typeof f.geometry !== 'object') invalid += 1;
    else features.push(f as AtlasFeature);
  }
  return {
    meta,
    features,
    byId: new Map(features.map((f) => [f.properties.id, f])),
    colors: elementColors(features, meta.color),
    legend: legendContent(features),
    chapters: deriveChapters(meta, features),
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
