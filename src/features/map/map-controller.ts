/**
 * The one owner of the MapLibre map, put together from small parts: construction (here), the style
 * (style-sync), the plan data on the map (scene), the camera policy (camera) and pointer interaction
 * (interaction). Components never touch the map; they change the store.
 */
import type { GeoJSONSource, StyleSpecification } from 'maplibre-gl';
import type { MapView } from '../../state/camera-slice';
import type { AtlasStore } from '../../state/store';
import { type BaseSourceId, loadBaseData, onBaseData } from '../../data/base-geo';
import { loadAtlasConfig, onAtlasConfig } from '../../data/config';
import { type AtlasConfig, defaultAtlasConfig } from '../../lib/atlas-config';
import { bboxOf } from '../../lib/geometry';
import { languages, usesEnglishNames } from '../../i18n/languages';
import { contextFade, fadeSourceId } from './base-fade';
import { labelFontFamily } from './base-style';
import { mapCredits } from './map-credits';
import { coversOf, createCamera, framePadding } from './camera';
import { hatchImage } from './hatch-image';
import { attachInteraction, type CursorReport } from './interaction';
import { registerCaptureTarget } from '../../lib/map-capture';
import { maplibregl } from './maplibre-setup';
import { hatchImageId, planSourceIds, projectClusterRadius } from './layer-kit';
import { focusSetter, type Scene, syncScene } from './scene';
import { watch } from '../../state/watch';
import { syncProjectView } from './project-view';
import { spokenLayerIds } from './spoken-layers';
import { applyStyle, approxAreaOf, labelScaleFor, slideFocus, styleFor, styleInputs } from './style-sync';

export { framePadding };

/** The province with a margin: the first frame before any plan is drawn, and the view's limits. */
export const yunnanBounds: [number, number, number, number] = [97.5, 21.1, 106.2, 29.25];
// Tall enough in latitude that a phone held upright can frame the province above its bottom sheet, and wide enough
// to the west that a slide can frame the province right of a wide card (the closing indicators at 1280×720).
const maxBounds: [number, number, number, number] = [78, 10, 116, 38];

/** Below this width (px) the map's box is a phone's: its credits start folded and its areas' names are set narrower. */
export const narrowMapWidth = 640;

/**
 * The name a label shows, as its layer writes it (base-style.ts `nameField`): a seat's short name, else the
 * feature's name, in English where the language reads English names and the data has one.
 */
function shownName(p: Record<string, unknown>, english: boolean): string {
  const [zh, en] = 'short' in p ? [p.short, p.shortEn] : [p.name, p.nameEn];
  return String((english ? en || zh : zh) ?? '');
}

export interface MapControllerOptions {
  /** Called when the camera settles. */
  onViewChange?: (view: MapView) => void;
  /** Called when the map has drawn everything it was given, with the names it shows (for screen readers). */
  onIdle?: (visibleNames: string[]) => void;
  /** Called when the keyboard cursor ([ ]) moves on the map, to announce it. */
  onCursor?: (cursor: CursorReport) => void;
  /** The id of the element that explains the map's keys. */
  keysHintId?: string;
}

export function createMapController(container: HTMLElement, store: AtlasStore, options: MapControllerOptions = {}): () => void {
  // Fetching starts now, in parallel with the map's own start-up.
  const baseData = loadBaseData();
  baseData.catch(() => undefined); // reported as a notice by the data layer
  const initial = store.getState().cameraRequest;
  // The plans on the map, shared by the parts that draw, frame and click them (scene.ts keeps it in step).
  const scene: Scene = {};
  // The style knows a phone's width from the first frame; it follows the box as it is resized or turned.
  const measure = () => {
    const narrow = container.clientWidth > 0 && container.clientWidth < narrowMapWidth;
    if (store.getState().narrowMap !== narrow) store.getState().setNarrowMap(narrow);
  };
  measure();
  const resize = new ResizeObserver(measure);
  resize.observe(container);
  let style: StyleSpecification = styleFor(styleInputs(store.getState()), scene);
  const map = new maplibregl.Map({
    container,
    style,
    ...(initial?.kind === 'view'
      ? { center: initial.center, zoom: initial.zoom }
      : {
          bounds: yunnanBounds,
          fitBoundsOptions: { padding: framePadding(container.clientWidth, container.clientHeight, coversOf(store.getState(), container.clientWidth)) },
        }),
    maxBounds,
    minZoom: 4.5,
    maxZoom: 15,
    attributionControl: false,
    localIdeographFontFamily: labelFontFamily,
    dragRotate: false,
    pitchWithRotate: false,
    fadeDuration: 150,
    // Hash state is ours (url-state), not MapLibre's.
    hash: false,
    // MapLibre's own words (the canvas's name, its buttons) in the interface's language.
    locale: languages[store.getState().lang].mapLocale,
  });
  map.touchZoomRotate.disableRotation();
  // The canvas takes keyboard focus: it names its keys, and focus can come back to it after details close.
  const canvas = map.getCanvas();
  canvas.setAttribute('data-focus-key', 'map');
  if (options.keysHintId) canvas.setAttribute('aria-describedby', options.keysHintId);
  registerCaptureTarget(map);
  // The controls read MapLibre's words when they are made: a new language makes them anew.
  // The credits lead with the page's review number (审图号) and base credit from the deployment setting.
  let config: AtlasConfig = defaultAtlasConfig;
  let controls: maplibregl.IControl[] = [];
  const addControls = () => {
    for (const c of controls) map.removeControl(c);
    const s = store.getState();
    controls = [
      new maplibregl.NavigationControl({ showCompass: false }),
      new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }),
      new maplibregl.AttributionControl({ compact: true, customAttribution: mapCredits(config, s) }),
    ];
    const [nav, scale, attribution] = controls as [maplibregl.IControl, maplibregl.IControl, maplibregl.IControl];
    map.addControl(nav, 'top-right');
    map.addControl(scale, 'bottom-left');
    map.addControl(attribution, 'bottom-right');
  };
  addControls();
  loadAtlasConfig().catch(() => undefined); // a mistake in the file is a notice (data layer)
  const unsubscribeConfig = onAtlasConfig((next) => {
    config = next;
    addControls();
  });
  const unsubscribeLang = watch(
    store,
    // The key matters too: 天地图's credit is shown once its base is drawn, which needs the key.
    (s) => ({ lang: s.lang, basemap: s.basemap, keyed: !!s.tiandituKey }),
    ({ lang }) => {
      map._locale = { ...map._locale, ...languages[lang].mapLocale };
      canvas.setAttribute('aria-label', map._getUIString('Map.Title'));
      addControls();
      if (container.clientWidth < narrowMapWidth) container.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
    },
  );
  // The hatching is drawn in code, so it is supplied when the style first asks for it.
  map.on('styleimagemissing', (e: { id: string }) => {
    if (e.id === hatchImageId && !map.hasImage(hatchImageId)) map.addImage(hatchImageId, hatchImage(), { pixelRatio: 2 });
  });
  // What the map frames now, for tests: west,south,east,north. Written at load too: a camera that never moves (a frame
  // already on screen is not flown to) still says what it shows.
  const markBounds = () => {
    container.dataset.bounds = map
      .getBounds()
      .toArray()
      .flat()
      .map((x) => x.toFixed(3))
      .join(',');
  };
  map.once('load', markBounds);
  map.on('moveend', () => {
    const c = map.getCenter();
    markBounds();
    options.onViewChange?.({ zoom: map.getZoom(), lat: c.lat, lng: c.lng });
  });

  const cleanups: (() => void)[] = [];
  let disposed = false;
  map.once('load', () => {
    // On a phone the credits start folded behind their (i) button.
    if (container.clientWidth < narrowMapWidth) container.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
    if (!map.hasImage(hatchImageId)) map.addImage(hatchImageId, hatchImage(), { pixelRatio: 2 });
    const setBase = (data: Record<BaseSourceId, GeoJSON.FeatureCollection>) => {
      for (const [id, fc] of Object.entries(data)) (map.getSource(id) as GeoJSONSource | undefined)?.setData(fc);
      const fade = contextFade([data.countries, data.provinces], bboxOf(data.province.features.map((f) => f.geometry)));
      (map.getSource(fadeSourceId) as GeoJSONSource | undefined)?.setData(fade);
    };
    baseData.then(setBase, () => undefined);
    cleanups.push(onBaseData(setBase));

    // "Ready" (for tests and the benchmark) is the first idle with the base layers and a plan drawn; every idle
    // after a plan is drawn says which plan is on screen and tells screen readers the names it shows.
    let shownPlan = '';
    const tellNames = () => {
      if (!shownPlan || !options.onIdle) return;
      const rendered = map.queryRenderedFeatures({ layers: spokenLayerIds(style).filter((id) => map.getLayer(id)) });
      // The names as the map writes them, in the reader's language; a label naming several projects on one point
      // has a name a line.
      const english = usesEnglishNames(store.getState().lang);
      const names = rendered.flatMap((f) => shownName(f.properties, english).split('\n'));
      options.onIdle([...new Set(names.filter(Boolean))]);
    };
    map.on('idle', () => {
      if (!shownPlan) return;
      container.dataset.planShown = shownPlan;
      container.setAttribute('data-idle', 'true');
      if (!performance.getEntriesByName('atlas-map-ready').length) performance.mark('atlas-map-ready');
      tellNames();
    });
    // On a busy machine the map can take seconds to go idle after a flight (its sources re-tile for the new zoom):
    // the names are told once the camera has stopped and its labels have faded in, and again at idle.
    let namesTimer: ReturnType<typeof setTimeout> | undefined;
    map.on('moveend', () => {
      clearTimeout(namesTimer);
      namesTimer = setTimeout(() => {
        if (!disposed) tellNames();
      }, 400);
    });
    cleanups.push(() => clearTimeout(namesTimer));
    const showWhenBaseIn = (id: string) => {
      const show = () => {
        if (store.getState().planId !== id) return;
        shownPlan = id;
        map.triggerRepaint(); // an idle follows, even if nothing else moves
      };
      baseData.then(show, show);
    };
    const setFocus = focusSetter(map, scene);
    let clusterRadius = projectClusterRadius(1);
    const restyle = () => {
      const s = store.getState();
      const next = styleFor(styleInputs(s), scene);
      applyStyle(map, style, next);
      style = next;
      // Projector-sized discs need clusters further apart (the pure style holds no source options the diff applies).
      const radius = projectClusterRadius(labelScaleFor(s));
      if (radius !== clusterRadius) {
        clusterRadius = radius;
        map.getSource<GeoJSONSource>(planSourceIds.projects)?.setClusterOptions({ cluster: true, clusterRadius: radius, clusterMaxZoom: 10 });
      }
      // For tests: the county codes outlined for a selected approximate project.
      const area = s.presenting ? null : approxAreaOf(s, scene);
      if (area) container.dataset.approxArea = area.join(',');
      else delete container.dataset.approxArea;
      setFocus(s.presenting ? slideFocus(s, scene) : null);
    };
    // Made before the scene is kept in step: the scene calls on the camera and the style from its first plan on.
    const camera = createCamera(map, store, scene, container);
    const sceneSync = syncScene(map, store, scene, {
      changed: restyle,
      planCleared: () => {
        shownPlan = '';
        delete container.dataset.planShown;
      },
      planShown: (plan) => {
        camera.planShown(plan);
        showWhenBaseIn(plan.meta.id);
      },
    });
    cleanups.push(sceneSync.dispose, camera.dispose, attachInteraction(map, store, scene, { container, onCursor: options.onCursor }));
    cleanups.push(syncProjectView(map, store, container, { frame: (bbox) => camera.frameProjects(bbox) }));
    // The studio's map tools load with the studio, never on a first visit; once loaded they stay wired.
    let studioEdit: Promise<(() => void) | undefined> | undefined;
    const startStudio = () => {
      studioEdit ??= import('./studio-edit').then(
        (m) => (disposed ? undefined : m.attachStudioEdit(map, store, container)),
        (e: unknown) => {
          studioEdit = undefined;
          console.error('studio map tools:', e);
          return undefined;
        },
      );
    };
    if (store.getState().studio) startStudio();
    cleanups.push(
      watch(
        store,
        (s) => s.studio,
        (on) => on && startStudio(),
      ),
      () => void studioEdit?.then((detach) => detach?.()),
    );
    cleanups.push(watch(store, styleInputs, restyle));
  });

  return () => {
    disposed = true;
    resize.disconnect();
    unsubscribeLang();
    unsubscribeConfig();
    for (const c of cleanups) c();
    registerCaptureTarget(null);
    map.remove();
  };
}
