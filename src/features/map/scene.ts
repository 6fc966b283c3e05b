/**
 * What the map shows of the plans: the current plan's bundle and, faintly underneath, its tree's root plan.
 * On a plan change the old plan leaves the map at once (never the previous plan under a new title); the new
 * one is drawn when its data is in.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { loadCatalogue } from '../../data/catalogue';
import { projectNameInPlace } from '../../data/chapters';
import { loadPlan, planResource, type PlanBundle } from '../../data/plans';
import type { AtlasCollection, AtlasFeature } from '../../lib/atlas-data';
import type { AtlasStore } from '../../state/store';
import { watch } from '../../state/watch';
import { planSourceIds } from './layer-kit';
import { areaFeatures, labelFeatures, projectFeatures } from './plan-sources';

const none: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

export interface Scene {
  /** The plan drawn now, if its data is in. */
  plan?: PlanBundle;
  /** The root plan drawn faintly under it. */
  context?: PlanBundle;
}

export interface SceneSync {
  /** Re-reads the project filter (categories hidden in the legend). */
  refreshProjects(): void;
  dispose(): void;
}

/**
 * Keeps `scene` (the caller's, shared with the camera, the style and the interaction, which read it when they act)
 * and the plan sources in step with the store's plan, starting now: the hooks are called from this call on, so the
 * caller makes what they call first.
 */
export function syncScene(
  map: MapLibreMap,
  store: AtlasStore,
  scene: Scene,
  hooks: { changed(): void; planShown(plan: PlanBundle): void; planCleared(): void },
): SceneSync {
  const setData = (id: string, data: GeoJSON.GeoJSON) => (map.getSource(id) as GeoJSONSource | undefined)?.setData(data);
  const layerOf = (b: PlanBundle): AtlasCollection => ({ type: 'FeatureCollection', features: b.features });
  let disposed = false;

  const refreshProjects = () => {
    setData(planSourceIds.projects, scene.plan ? projectFeatures(layerOf(scene.plan), store.getState().hiddenCategories) : none);
  };

  let waiting = '';
  const show = async (planId: string) => {
    waiting = planId;
    scene.plan = undefined;
    scene.context = undefined;
    for (const id of Object.values(planSourceIds)) setData(id, none);
    hooks.planCleared();
    hooks.changed();
    if (!planId) return;
    const bundle = await loadPlan(planId).catch(() => undefined); // the data layer reports failures
    if (disposed || !bundle || store.getState().planId !== planId) return;
    waiting = '';
    scene.plan = bundle;
    setData(planSourceIds.areas, areaFeatures(layerOf(bundle)));
    setData(planSourceIds.labels, labelFeatures(layerOf(bundle)));
    refreshProjects();
    hooks.changed();
    hooks.planShown(bundle);
    const root = (await loadCatalogue().catch(() => undefined))?.rootOf(planId);
    if (!root || root === planId) return;
    const context = await loadPlan(root).catch(() => undefined);
    if (disposed || !context || store.getState().planId !== planId) return;
    scene.context = context;
    setData(planSourceIds.context, areaFeatures(layerOf(context)));
    hooks.changed();
  };

  void show(store.getState().planId);
  const unwatchPlan = watch(
    store,
    (s) => s.planId,
    (planId) => void show(planId),
  );
  const unwatchCategories = watch(store, (s) => s.hiddenCategories, refreshProjects);
  // A plan that failed and was loaded again (a retry, the network back) is drawn when it arrives.
  const unsubscribeRetry = planResource.subscribe(() => {
    const id = store.getState().planId;
    const state = id ? planResource.peek(id) : undefined;
    if (state?.status !== 'ready') return;
    if (waiting === id && !scene.plan) void show(id);
    // The studio's live preview replaced the plan on screen: redrawn in place, the camera stays where it is.
    else if (scene.plan?.meta.id === id && state.data !== scene.plan) {
      scene.plan = state.data;
      setData(planSourceIds.areas, areaFeatures(layerOf(state.data)));
      setData(planSourceIds.labels, labelFeatures(layerOf(state.data)));
      refreshProjects();
      hooks.changed();
    }
  });
  return {
    refreshProjects,
    dispose() {
      disposed = true;
      unwatchPlan();
      unwatchCategories();
      unsubscribeRetry();
    },
  };
}

/**
 * The projects among a slide's focus that the map names, one marker and name each on top of the plan's markers:
 * the focus's located projects in the scene's plan.
 */
export function namedProjects(ids: readonly string[] | null | undefined, scene: Scene): AtlasFeature[] {
  return (ids ?? []).flatMap((id) => {
    const f = scene.plan?.byId.get(id);
    return f && f.properties.role === 'project' && f.geometry.type === 'Point' ? [f] : [];
  });
}

/**
 * The projects a slide names, drawn one by one on top (a slide's key projects, an element's own projects) from the
 * scene's plan. Returns the setter; the same projects again draw nothing anew.
 */
export function focusSetter(map: MapLibreMap, scene: Scene): (ids: readonly string[] | null) => void {
  const setData = (data: GeoJSON.GeoJSON) => (map.getSource(planSourceIds.focus) as GeoJSONSource | undefined)?.setData(data);
  let focusKey = '';
  return (ids: readonly string[] | null) => {
    const features = namedProjects(ids, scene);
    const key = features.map((f) => f.properties.id).join();
    if (key === focusKey) return;
    focusKey = key;
    // Projects on one point (a county seat, one hospital campus) are named together, one name a line, so no name
    // is lost to a collision; names that lean on the plan's context carry their place (州人民医院 → 大理州人民医院).
    const meta = scene.plan?.meta;
    const byPoint = new Map<string, typeof features>();
    for (const f of features) {
      const at = (f.geometry as GeoJSON.Point).coordinates.join();
      byPoint.set(at, [...(byPoint.get(at) ?? []), f]);
    }
    setData({
      type: 'FeatureCollection',
      features: [...byPoint.values()].flatMap((group) =>
        group.map((f, i) => ({
          type: 'Feature' as const,
          geometry: f.geometry,
          properties: {
            id: f.properties.id,
            name: i ? '' : group.map((g) => (meta ? projectNameInPlace(g, meta) : g.properties.name)).join('\n'),
            nameEn: i ? '' : group.map((g) => g.properties.nameEn ?? g.properties.name).join('\n'),
            category: f.properties.category,
          },
        })),
      ),
    });
  };
}
