/**
 * The one camera policy. A plan newly drawn is framed, unless a link gave a view or a request waits for it
 * (a feature to show); a request for a plan not yet drawn waits until it is, and is carried out once.
 * Frames leave room for the panels that cover the map.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { PlanBundle } from '../../data/plans';
import type { BBox } from '../../lib/atlas-data';
import { bboxOf } from '../../lib/geometry';
import type { CameraRequest } from '../../state/camera-slice';
import type { AtlasStore } from '../../state/store';
import type { Scene } from './scene';
import { currentChapter } from './style-sync';

export interface Padding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Room for the floating legend (left, on wide maps), the caption card (presenting) and the bottom sheet (phones). */
export function framePadding(width: number, height: number, presenting = false): Padding {
  if (width < 640) return { top: 60, bottom: Math.round(height * 0.4), left: 24, right: 24 };
  // In presentation mode the caption card takes the left third.
  if (presenting) return { top: 90, bottom: 50, left: Math.round(width * 0.36), right: 60 };
  return { top: 50, bottom: 40, left: width > 900 ? 300 : 60, right: 50 };
}

/**
 * The projects view: the list is beside the map (not over it), and the details card floats over the map's
 * bottom right (theme.css: `.stage--projects .panel`, min(360px, 30% of the stage) wide, 12 px from the edge).
 * While a project is selected the frame keeps clear of that card, so the selected marker is never under it.
 */
export function projectsPadding(container: HTMLElement, detailsShown: boolean): Padding {
  const width = container.clientWidth;
  const height = container.clientHeight;
  if (width < 480 || height < 360) return { top: 40, bottom: 50, left: 70, right: 70 };
  const stage = container.closest('.stage')?.clientWidth ?? width;
  const card = detailsShown ? Math.min(360, stage * 0.3) + 24 : 0;
  // Never more than the map can give: keep at least a third of the width for what is framed.
  // Room for a place marker's two-line label ("19 个项目 · 勐海县 / 位置近似") around the framed points.
  const right = Math.min(90 + card, Math.round(width * 0.62));
  return { top: 60, bottom: 80, left: 90, right };
}

const reducedMotion = () => typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export interface Camera {
  /** Called when a plan's layers are drawn. */
  planShown(plan: PlanBundle): void;
  /** Frames the projects the list shows (projects view). */
  frameProjects(bbox: BBox): void;
  dispose(): void;
}

export function createCamera(map: MapLibreMap, store: AtlasStore, scene: Scene, container: HTMLElement): Camera {
  // A view from a link wins over framing the first plan.
  let keepView = store.getState().cameraRequest?.kind === 'view';
  let pending: CameraRequest | null = null;
  /** No plan has been drawn yet (the page is opening from a link). */
  let first = true;

  const projectsView = () => {
    const s = store.getState();
    return s.view === 'projects' && !s.presenting && !s.embed;
  };
  const padding = () =>
    projectsView()
      ? projectsPadding(container, !!store.getState().selectedId)
      : framePadding(container.clientWidth, container.clientHeight, store.getState().presenting);

  const frameBox = (bbox: BBox | undefined, maxZoom = 10) => {
    if (!bbox) return;
    map.fitBounds(bbox, {
      padding: padding(),
      maxZoom,
      animate: !reducedMotion(),
      duration: 1200,
    });
  };

  const frameFeature = (plan: PlanBundle, id: string) => {
    const f = plan.byId.get(id);
    if (!f) return frameBox(plan.meta.bbox);
    if (f.geometry.type === 'Point') {
      map.flyTo({
        center: f.geometry.coordinates as [number, number],
        // An approximate point (a county or township seat) is shown with its surroundings, not at street scale.
        zoom: Math.max(map.getZoom(), f.properties.precision === 'county' ? 9 : f.properties.precision === 'township' ? 10 : 10.5),
        // In the projects view the details card floats over the map: the marker is placed clear of it.
        ...(projectsView() ? { padding: padding() } : {}),
        animate: !reducedMotion(),
        duration: 900,
      });
    } else frameBox(bboxOf([f.geometry, ...plan.features.filter((x) => x.properties.of === id).map((x) => x.geometry)]), 9.5);
  };

  const frameChapter = () => {
    const chapter = currentChapter(store.getState(), scene);
    if (!chapter) return;
    if (chapter.camera) map.flyTo({ ...chapter.camera, animate: !reducedMotion(), duration: 1600 });
    else frameBox(chapter.bbox, 9.5);
  };

  /** Carries out a request now if what it names is drawn; otherwise keeps it for `planShown`. */
  const carryOut = (request: CameraRequest) => {
    if (request.kind === 'bbox') return frameBox(request.bbox);
    if (request.kind === 'view') {
      return map.flyTo({
        center: request.center,
        zoom: request.zoom,
        bearing: request.bearing ?? 0,
        pitch: request.pitch ?? 0,
        animate: !reducedMotion(),
        duration: 1200,
      });
    }
    const plan = scene.plan;
    if (!plan || plan.meta.id !== request.plan) {
      pending = request;
      return;
    }
    pending = null;
    if (request.kind === 'plan') frameBox(plan.meta.bbox);
    else frameFeature(plan, request.id);
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.cameraRequest && s.cameraRequest !== prev.cameraRequest) carryOut(s.cameraRequest);
    if (s.presenting && (s.presenting !== prev.presenting || s.chapter !== prev.chapter)) frameChapter();
  });

  return {
    planShown(plan) {
      const s = store.getState();
      if (s.presenting) frameChapter();
      else if (pending && 'plan' in pending && pending.plan === plan.meta.id) carryOut(pending);
      else if (keepView) keepView = false;
      else if (projectsView()) {
        // The list's projects are framed, not the plan; a link to a selected project opens on it.
        if (first && s.selectedId && plan.byId.has(s.selectedId)) frameFeature(plan, s.selectedId);
      } else if (s.selectedId && plan.byId.has(s.selectedId)) frameFeature(plan, s.selectedId);
      else frameBox(plan.meta.bbox);
      first = false;
    },
    frameProjects(bbox) {
      const [w, s, e, n] = bbox;
      // A single point (or one county seat) is shown at county scale, not at the map's closest zoom.
      const pad = 0.02;
      frameBox(e - w < pad && n - s < pad ? [w - pad, s - pad, e + pad, n + pad] : bbox, 10);
    },
    dispose: unsubscribe,
  };
}
