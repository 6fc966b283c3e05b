/**
 * The one owner of the MapLibre map. It creates the map, turns store changes into map calls, and turns
 * map events into store actions. Components never touch the map; they change the store.
 */
import * as maplibregl from 'maplibre-gl';
import { diff } from '@maplibre/maplibre-gl-style-spec';
import type { GeoJSONSource, MapGeoJSONFeature, StyleSpecification } from 'maplibre-gl';
import type { AtlasCollection, PlanId, PlanMeta } from '../../lib/atlas-data';
import { bboxOf } from '../../lib/geometry';
import { elementColors } from '../../lib/presentation';
import type { AtlasState, AtlasStore } from '../../state/store';
import { getFeature, loadIndex, loadPlanLayer } from '../plans/plan-data';
import { deriveChapters, type ResolvedChapter } from '../present/chapters';
import type { MapView } from '../url-state/hash-state';
import { atlasStyle } from './atlas-style';
import { loadBaseData } from './base-data';
// Worker URL and prewarm (the single-file build swaps the worker's source).
import './maplibre-setup';
import { baseAttribution, labelFontFamily } from './base-style';
import { hatchImage } from './hatch-image';
import { registerCaptureTarget } from './map-capture';
import { hatchImageId, interactiveLayerIds, planSourceIds } from './plan-layers';
import { areaFeatures, labelFeatures, projectFeatures } from './plan-sources';

/** The province with a margin: the view stays around Yunnan. */
export const yunnanBounds: [number, number, number, number] = [97.5, 21.1, 106.2, 29.25];
const maxBounds: [number, number, number, number] = [91.5, 17.5, 112.5, 32.5];

export interface MapControllerOptions {
  /** A deep link's view; otherwise the map frames the plan. */
  initialView?: MapView;
  /** Called when the camera settles. */
  onViewChange?: (view: MapView) => void;
  /** Called when the map has drawn everything it was given, with the names it shows (for screen readers). */
  onIdle?: (visibleNames: string[]) => void;
}

const applicable = new Set(['addLayer', 'removeLayer', 'setPaintProperty', 'setLayoutProperty', 'setFilter', 'addSource', 'removeSource', 'setLayerZoomRange']);

/** Applies the difference between two pure styles as map calls; geojson data set by setData is kept. */
function applyStyle(map: maplibregl.Map, before: StyleSpecification, after: StyleSpecification): void {
  for (const command of diff(before, after)) {
    if (!applicable.has(command.command)) continue; // data lives outside the pure style
    (map as unknown as Record<string, (...args: unknown[]) => void>)[command.command]?.(...command.args);
  }
}

/** Room for the floating legend (left, on wide maps) and the bottom sheet (phones). */
export function framePadding(width: number, height: number, presenting = false): { top: number; bottom: number; left: number; right: number } {
  if (width < 640) return { top: 60, bottom: Math.round(height * 0.4), left: 24, right: 24 };
  // In presentation mode the caption card takes the left third.
  if (presenting) return { top: 90, bottom: 50, left: Math.round(width * 0.36), right: 60 };
  return { top: 50, bottom: 40, left: width > 900 ? 300 : 60, right: 50 };
}

const reducedMotion = () => typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export function createMapController(container: HTMLElement, store: AtlasStore, options: MapControllerOptions = {}): () => void {
  const layers = new Map<PlanId, AtlasCollection>();
  const colorsOf = (plan: PlanId, color: string) => elementColors(layers.get(plan)?.features ?? [], color);
  let planColors = new Map<string, string>();
  let contextColors = new Map<string, string>();
  let planColor = '#b23a48';
  let currentMeta: PlanMeta | undefined;

  /** The chapter on screen in presentation mode (titles are the component's concern; here: what to frame and dim). */
  const chapterNow = (s: AtlasState): ResolvedChapter | undefined => {
    const layer = layers.get(s.planId);
    if (!s.presenting || !currentMeta || !layer) return undefined;
    const chapters = deriveChapters(currentMeta, layer.features, { overview: '', projects: '', indicators: '', nodes: '' });
    return chapters[Math.min(s.chapter, chapters.length - 1)];
  };

  const styleFor = (s: AtlasState): StyleSpecification => {
    const chapter = chapterNow(s);
    return atlasStyle({
      base: { lang: s.lang, basemap: s.basemap, ...(s.tiandituKey ? { tiandituKey: s.tiandituKey } : {}) },
      plan: {
        lang: s.lang, colors: planColors, planColor, hiddenRoles: s.hiddenRoles, selectedId: s.selectedId,
        showContext: s.showContextPlan && s.planId !== 'yunnan' && !s.presenting, focus: chapter?.features.length ? chapter.features : null,
      },
      contextColors,
    });
  };

  // Fetching starts now, in parallel with the map's own start-up, not after its 'load' event.
  const baseData = loadBaseData();
  const firstPlan = store.getState().planId;
  void Promise.all([loadIndex(), loadPlanLayer(firstPlan)]).catch(() => undefined);

  let style = styleFor(store.getState());
  const view = options.initialView;
  const map = new maplibregl.Map({
    container,
    style,
    ...(view ? { center: [view.lng, view.lat] as [number, number], zoom: view.zoom } : { bounds: yunnanBounds, fitBoundsOptions: { padding: framePadding(container.clientWidth, container.clientHeight) } }),
    maxBounds,
    minZoom: 4.5,
    maxZoom: 15,
    attributionControl: false,
    localIdeographFontFamily: labelFontFamily,
    dragRotate: false,
    pitchWithRotate: false,
    fadeDuration: 150,
    // Hash state is ours (hash-sync), not MapLibre's.
    hash: false,
  });
  map.touchZoomRotate.disableRotation();
  registerCaptureTarget(map);
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
  map.addControl(new maplibregl.AttributionControl({ compact: true, customAttribution: baseAttribution }), 'bottom-right');

  // Until the first style has loaded, changes wait; 'load' applies whatever accumulated.
  let styleReady = false;
  const restyle = () => {
    if (!styleReady) return;
    const next = styleFor(store.getState());
    applyStyle(map, style, next);
    style = next;
  };

  const setData = (id: string, data: GeoJSON.GeoJSON) => (map.getSource(id) as GeoJSONSource | undefined)?.setData(data);

  const fit = (bbox: [number, number, number, number] | undefined, maxZoom = 10) => {
    if (!bbox) return;
    map.fitBounds(bbox, { padding: framePadding(container.clientWidth, container.clientHeight, store.getState().presenting), maxZoom, animate: !reducedMotion(), duration: 1200 });
  };

  const showChapter = () => {
    const chapter = chapterNow(store.getState());
    if (!chapter) return;
    if (chapter.camera) map.flyTo({ ...chapter.camera, animate: !reducedMotion(), duration: 1600 });
    else fit(chapter.bbox, 9.5);
  };

  // Plan data: the active plan on top, the province faintly under a city's or county's.
  let shownPlan: PlanId | undefined;
  let firstFrame = true;
  const showPlan = async (planId: PlanId) => {
    const [index, layer] = await Promise.all([loadIndex(), loadPlanLayer(planId)]);
    if (store.getState().planId !== planId || destroyed) return;
    layers.set(planId, layer);
    const meta = index.plans.find((p) => p.id === planId);
    currentMeta = meta;
    planColor = meta?.color ?? planColor;
    planColors = colorsOf(planId, planColor);
    const s = store.getState();
    setData(planSourceIds.areas, areaFeatures(layer));
    setData(planSourceIds.labels, labelFeatures(layer));
    setData(planSourceIds.projects, projectFeatures(layer, s.hiddenCategories));
    planSet = true;
    restyle();
    const changed = shownPlan !== planId;
    shownPlan = planId;
    // A deep link's view wins on the first frame; otherwise a selection in this plan is framed, else the plan.
    if (s.presenting) showChapter();
    else if (!(firstFrame && view) && (changed || firstFrame)) {
      if (s.selectedId && getFeature(s.selectedId)) focusFeature(s.selectedId);
      else fit(meta?.bbox);
    }
    firstFrame = false;
    if (planId !== 'yunnan') {
      const province = await loadPlanLayer('yunnan').catch(() => undefined);
      if (!province || destroyed) return;
      layers.set('yunnan', province);
      contextColors = colorsOf('yunnan', index.plans.find((p) => p.id === 'yunnan')?.color ?? planColor);
      setData(planSourceIds.context, areaFeatures(province));
      restyle();
    } else setData(planSourceIds.context, { type: 'FeatureCollection', features: [] });
  };

  const focusFeature = (id: string) => {
    const f = getFeature(id);
    if (!f) return;
    if (f.geometry.type === 'Point') {
      map.flyTo({ center: f.geometry.coordinates as [number, number], zoom: Math.max(map.getZoom(), 10.5), animate: !reducedMotion(), duration: 900 });
    } else fit(bboxOf([f.geometry]), 9.5);
  };

  let destroyed = false;
  // "Ready" is the first idle with the base layers and the plan drawn: tests and the benchmark wait for it.
  let baseSet = false;
  let planSet = false;
  let markedReady = false;
  // The hatching is drawn in code, so it is supplied when the style first asks for it.
  map.on('styleimagemissing', (e: { id: string }) => {
    if (e.id === hatchImageId && !map.hasImage(hatchImageId)) map.addImage(hatchImageId, hatchImage(), { pixelRatio: 2 });
  });
  map.on('load', () => {
    // On a phone the credits start folded behind their (i) button.
    if (container.clientWidth < 640) container.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
    styleReady = true;
    restyle();
    baseData
      .then((data) => {
        if (destroyed) return;
        for (const [id, fc] of Object.entries(data)) setData(id, fc);
        baseSet = true;
      })
      .catch((e: unknown) => console.error('base map:', e));
    showPlan(store.getState().planId).catch((e: unknown) => console.error(`plan ${store.getState().planId}:`, e));
  });
  const labelLayers = ['prefecture-label', 'plan-area-label', 'plan-point-label', 'plan-belt-label'];
  map.on('idle', () => {
    if (!baseSet || !planSet) return;
    if (!markedReady) {
      markedReady = true;
      performance.mark('atlas-map-ready');
    }
    if (!options.onIdle) return;
    const rendered = map.queryRenderedFeatures({ layers: labelLayers.filter((id) => map.getLayer(id)) });
    options.onIdle([...new Set(rendered.map((f) => String(f.properties.short ?? f.properties.name ?? '')).filter(Boolean))]);
  });
  map.on('moveend', () => {
    const c = map.getCenter();
    options.onViewChange?.({ zoom: map.getZoom(), lat: c.lat, lng: c.lng });
  });

  // Interaction: hover highlights what a click would select; a click selects.
  const interactive = [...interactiveLayerIds];
  const topFeature = (point: maplibregl.PointLike): MapGeoJSONFeature | undefined =>
    map.queryRenderedFeatures(point, { layers: interactive.filter((id) => map.getLayer(id)) })[0];
  // Hover lives in the store (the element list hovers too); the map shows it as feature state.
  let hoverShown: string | null = null;
  const showHover = (id: string | null) => {
    const targets = (x: string) => [
      { source: planSourceIds.areas, id: x }, { source: planSourceIds.areas, id: `${x}--linked` }, { source: planSourceIds.projects, id: x },
    ];
    if (hoverShown) for (const t of targets(hoverShown)) map.setFeatureState(t, { hover: false });
    hoverShown = id;
    if (id) for (const t of targets(id)) map.setFeatureState(t, { hover: true });
  };
  const setHover = (f: MapGeoJSONFeature | undefined) => {
    map.getCanvas().style.cursor = f ? 'pointer' : '';
    const props = f?.properties as { of?: string; id?: string; cluster_id?: number } | undefined;
    store.getState().hover(props?.cluster_id !== undefined ? null : (props?.of ?? props?.id ?? null));
  };
  map.on('mousemove', (e) => setHover(topFeature(e.point)));
  map.on('mouseout', () => setHover(undefined));
  map.on('click', (e) => {
    const f = topFeature(e.point);
    if (!f) {
      store.getState().select(null);
      return;
    }
    const props = f.properties as { of?: string; id?: string; cluster_id?: number };
    if (props.cluster_id !== undefined) {
      const source = map.getSource(planSourceIds.projects) as GeoJSONSource;
      source.getClusterExpansionZoom(props.cluster_id).then((zoom) => {
        map.easeTo({ center: (f.geometry as GeoJSON.Point).coordinates as [number, number], zoom: zoom + 0.2, animate: !reducedMotion() });
      }).catch(() => undefined);
      return;
    }
    store.getState().select(props.of ?? props.id ?? null);
  });

  // Store → map.
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.planId !== prev.planId && styleReady) showPlan(s.planId).catch((e: unknown) => console.error(`plan ${s.planId}:`, e));
    if (s.hiddenCategories !== prev.hiddenCategories) {
      const layer = layers.get(s.planId);
      if (layer) setData(planSourceIds.projects, projectFeatures(layer, s.hiddenCategories));
    }
    if (s.hoveredId !== prev.hoveredId && styleReady) showHover(s.hoveredId);
    if (s.presenting !== prev.presenting || s.chapter !== prev.chapter) {
      restyle();
      if (s.presenting && styleReady) showChapter();
    }
    if (s.tiandituKey !== prev.tiandituKey ||
      s.lang !== prev.lang || s.hiddenRoles !== prev.hiddenRoles || s.selectedId !== prev.selectedId || s.showContextPlan !== prev.showContextPlan || s.basemap !== prev.basemap) restyle();
    const request = s.cameraRequest;
    if (request && request !== prev.cameraRequest) {
      if (request.kind === 'bbox') fit(request.bbox);
      else if (request.kind === 'feature') {
        if (getFeature(request.id)) focusFeature(request.id);
        else loadPlanLayer(s.planId).then(() => focusFeature(request.id)).catch(() => undefined);
      } else map.flyTo({ center: request.center, zoom: request.zoom, bearing: request.bearing ?? 0, pitch: request.pitch ?? 0, animate: !reducedMotion(), duration: 1200 });
    }
  });

  return () => {
    destroyed = true;
    registerCaptureTarget(null);
    unsubscribe();
    map.remove();
  };
}
