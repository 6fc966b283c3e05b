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
import { currentChapter, currentStep } from './style-sync';

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
  // In presentation mode the caption card takes the left third and the slide's legend the lower right.
  if (presenting) return { top: 90, bottom: 60, left: Math.round(Math.min(width * 0.34, 660) + 64), right: Math.round(width * 0.2) };
  return { top: 50, bottom: 40, left: width > 900 ? 300 : 60, right: 50 };
}

const reducedMotion = () => typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export interface Camera {
  /** Called when a plan's layers are drawn. */
  planShown(plan: PlanBundle): void;
  dispose(): void;
}

export function createCamera(map: MapLibreMap, store: AtlasStore, scene: Scene, container: HTMLElement): Camera {
  // A view from a link wins over framing the first plan.
  let keepView = store.getState().cameraRequest?.kind === 'view';
  let pending: CameraRequest | null = null;

  const frameBox = (bbox: BBox | undefined, maxZoom = 10) => {
    if (!bbox) return;
    map.fitBounds(bbox, {
      padding: framePadding(container.clientWidth, container.clientHeight, store.getState().presenting),
      maxZoom,
      animate: !reducedMotion(),
      duration: 1200,
    });
  };

  const frameFeature = (plan: PlanBundle, id: string) => {
    const f = plan.byId.get(id);
    if (!f) return frameBox(plan.meta.bbox);
    if (f.geometry.type === 'Point') {
      map.flyTo({ center: f.geometry.coordinates as [number, number], zoom: Math.max(map.getZoom(), 10.5), animate: !reducedMotion(), duration: 900 });
    } else frameBox(bboxOf([f.geometry, ...plan.features.filter((x) => x.properties.of === id).map((x) => x.geometry)]), 9.5);
  };

  /** A slide frames its step's own extent (a key project), else the chapter's camera or extent. */
  const frameChapter = () => {
    const s = store.getState();
    const chapter = currentChapter(s, scene);
    if (!chapter) return;
    const step = currentStep(s, scene);
    if (step?.bbox) frameBox(step.bbox, 9);
    else if (chapter.camera) map.flyTo({ ...chapter.camera, animate: !reducedMotion(), duration: 1600 });
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
    if (!s.presenting) return;
    if (s.presenting !== prev.presenting || s.chapter !== prev.chapter) frameChapter();
    // Within a chapter only a step with its own extent moves the camera; a caption step keeps the frame.
    else if (s.step !== prev.step && currentStep(s, scene)?.bbox) frameChapter();
  });

  return {
    planShown(plan) {
      const s = store.getState();
      if (s.presenting) frameChapter();
      else if (pending && 'plan' in pending && pending.plan === plan.meta.id) carryOut(pending);
      else if (keepView) keepView = false;
      else if (s.selectedId && plan.byId.has(s.selectedId)) frameFeature(plan, s.selectedId);
      else frameBox(plan.meta.bbox);
    },
    dispose: unsubscribe,
  };
}
