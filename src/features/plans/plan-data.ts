/**
 * Fetches and validates the published layers once each; components and the map module share the results.
 * A file that fails to load or validate is reported for its plan alone, so the other plans still work.
 */
import { useEffect, useSyncExternalStore } from 'react';
import {
  atlasIndexSchema, featurePropsSchema, planMetaSchema, searchEntrySchema,
  type AtlasCollection, type AtlasFeature, type PlanId, type PlanMeta, type SearchEntry,
} from '../../lib/atlas-data';
import { fetchJson } from '../../data/fetch-asset';

export type Loadable<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: string };

export interface AtlasIndex {
  plans: PlanMeta[];
  search: SearchEntry[];
  /** Entries of index.json that failed validation, by description. */
  problems: string[];
}

const listeners = new Set<() => void>();
let indexState: Loadable<AtlasIndex> = { status: 'loading' };
let indexPromise: Promise<AtlasIndex> | undefined;
const layers = new Map<PlanId, Loadable<AtlasCollection>>();
const layerPromises = new Map<PlanId, Promise<AtlasCollection>>();
const featuresById = new Map<string, AtlasFeature>();

function emit() {
  for (const l of listeners) l();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function loadIndex(): Promise<AtlasIndex> {
  indexPromise ??= fetchJson('geo/plans/index.json')
    .then((raw) => {
      const parsed = atlasIndexSchema.parse(raw);
      const problems: string[] = [];
      const plans = parsed.plans.flatMap((p, i) => {
        const r = planMetaSchema.safeParse(p);
        if (!r.success) problems.push(`geo/plans/index.json: plans[${i}]: ${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
        return r.success ? [r.data] : [];
      });
      const search = parsed.search.flatMap((e) => {
        const r = searchEntrySchema.safeParse(e);
        return r.success ? [r.data] : [];
      });
      const index = { plans, search, problems };
      indexState = { status: 'ready', data: index };
      emit();
      return index;
    })
    .catch((e: unknown) => {
      indexState = { status: 'error', error: e instanceof Error ? e.message : String(e) };
      emit();
      throw e;
    });
  return indexPromise;
}

/** Loads one plan's layer; features that fail validation are dropped and named in the console. */
export function loadPlanLayer(planId: PlanId): Promise<AtlasCollection> {
  let promise = layerPromises.get(planId);
  if (!promise) {
    layers.set(planId, { status: 'loading' });
    promise = fetchJson(`geo/plans/${planId}.geojson`)
      .then((raw) => {
        const fc = raw as { type?: unknown; features?: unknown };
        if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new Error(`geo/plans/${planId}.geojson: not a FeatureCollection`);
        const features = fc.features.flatMap((f: { properties?: unknown; geometry?: unknown }, i: number) => {
          const r = featurePropsSchema.safeParse(f?.properties);
          if (!r.success || !f.geometry) {
            console.error(`geo/plans/${planId}.geojson: features[${i}]: ${r.success ? 'geometry: missing' : r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
            return [];
          }
          return [{ ...(f as AtlasFeature), properties: r.data }];
        });
        const collection: AtlasCollection = { type: 'FeatureCollection', features };
        for (const f of features) featuresById.set(f.properties.id, f);
        layers.set(planId, { status: 'ready', data: collection });
        emit();
        return collection;
      })
      .catch((e: unknown) => {
        layers.set(planId, { status: 'error', error: e instanceof Error ? e.message : String(e) });
        emit();
        throw e;
      });
    layerPromises.set(planId, promise);
    emit();
  }
  return promise;
}

/** A feature of a loaded layer, by full id. */
export function getFeature(id: string): AtlasFeature | undefined {
  return featuresById.get(id);
}

export function useAtlasIndex(): Loadable<AtlasIndex> {
  return useSyncExternalStore(subscribe, () => indexState);
}

const loading: Loadable<never> = { status: 'loading' };

export function usePlanLayer(planId: PlanId): Loadable<AtlasCollection> {
  useEffect(() => {
    loadPlanLayer(planId).catch(() => undefined);
  }, [planId]);
  return useSyncExternalStore(subscribe, () => layers.get(planId)) ?? loading;
}

/** For tests: forget everything loaded. */
export function resetPlanData(): void {
  indexState = { status: 'loading' };
  indexPromise = undefined;
  layers.clear();
  layerPromises.clear();
  featuresById.clear();
  emit();
}
