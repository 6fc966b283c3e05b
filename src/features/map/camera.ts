/**
 * The one camera policy. A plan newly drawn is framed, unless a link gave a view or a request waits for it
 * (a feature to show); a request for a plan not yet drawn waits until it is, and is carried out once.
 * Frames leave room for the panels that cover the map.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { loadBaseData } from '../../data/base-geo';
import type { PlanBundle } from '../../data/plans';
import type { BBox } from '../../lib/atlas-data';
import { bboxOf } from '../../lib/geometry';
import { frameIsShown, moveIsNegligible } from '../../lib/camera-frame';
import type { CameraRequest } from '../../state/camera-slice';
import { type SheetSnap, sheetHeight, sheetMaxWidth } from '../../lib/sheet';
import { isProjectsView } from '../../state/present-slice';
import type { AtlasState, AtlasStore } from '../../state/store';
import { watch } from '../../state/watch';
import type { Scene } from './scene';
import { isAreaPrecision } from '../../lib/vocabulary';
import { focusNameWidth } from './layer-kit';
import { currentChapter, currentStep, labelScaleFor } from './style-sync';

export interface Padding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** What covers the map besides its own controls: the caption card, the embed's bar, the phone's bottom sheet. */
export interface Covers {
  presenting?: boolean;
  /** Presenting a slide whose wide card (and the plan's legend under it) take the left half: the indicators. */
  wideCard?: boolean;
  embed?: boolean;
  /** The bottom sheet's snap point when the panel is a sheet over the map (phones), else null. */
  sheet?: SheetSnap | null;
  /**
   * Presenting a step's key projects: their names are written right of their points, level with them, so the frame
   * keeps the points above the slide's legend (lower right), not only its edge; a name set below or above its point
   * (its right taken by a neighbour's) is centred on it, so the frame keeps the points half a name clear of the card.
   */
  stepNames?: boolean;
  /**
   * The room the slide's legend takes from the map's lower right, measured on screen (px from the map's right edge to
   * the legend's left side, and from the map's bottom to its top); without it (not drawn yet), an estimate.
   */
  legend?: { width: number; height: number } | null;
  /** The framed extent's width over its height on the map (Web Mercator), when a box is framed. */
  aspect?: number;
}

/**
 * Space kept between the framed content and the slide legend: the frame holds the elements' outlines, and the name
 * of an element at the frame's edge, written at its label point in projector type, runs past them (滇东北's by ~45 px).
 */
const legendGap = 56;

/**
 * Presenting: the frame keeps clear of the slide legend (lower right) either beside it or above it, whichever shows
 * the framed extent larger (for its shape, else the larger frame): a tall legend (a plan's seventeen rows at 720 px)
 * is cleared beside, a short one (a step's few rows) above a wide extent. On a step whose names run right of their
 * points, beside the legend means a name's width more.
 */
function clearOfLegend(width: number, height: number, left: number, top: number, covers: Covers): Pick<Padding, 'right' | 'bottom'> {
  const nameRoom = covers.stepNames ? focusNameWidth(labelScaleFor({ presenting: true })) : 0;
  // theme.css `.slide-legend`: 16 px from the right, 40 px up, its rows in type of 1.7vh (≥ 14 px), ~20 em wide.
  const type = Math.min(19, Math.max(14, height * 0.017));
  const legend = covers.legend ?? { width: 16 + 20 * type, height: 40 + 3 * 1.6 * type + 1.2 * type };
  const beside = { right: Math.max(40, legend.width + legendGap + nameRoom), bottom: 60 };
  const above = { right: Math.max(40, nameRoom + 20), bottom: Math.max(60, legend.height + legendGap) };
  const room = (p: Pick<Padding, 'right' | 'bottom'>) => {
    const w = Math.max(0, width - left - p.right);
    const h = Math.max(0, height - top - p.bottom);
    // The extent's scale when fitted (its height taken as 1), else the frame's area.
    return covers.aspect ? Math.min(w / covers.aspect, h) : w * h;
  };
  return room(above) > room(beside) ? above : beside;
}

/**
 * Room for what covers the map: the floating legend (left, on wide maps), the caption card (presenting), the
 * embed's bar, and on phones the bottom sheet at its current height, so a frame lies in the map above it.
 */
export function framePadding(width: number, height: number, covers: Covers = {}): Padding {
  // Presenting the indicators, the wide card and the legend take the left column (theme.css `.present-side`).
  if (covers.presenting && covers.wideCard && width > sheetMaxWidth)
    return { top: 90, bottom: 50, left: Math.round(Math.min(width * 0.56, 980) + 48), right: 40 };
  // Presenting, the caption card takes the left third and the slide's legend the lower right.
  if (covers.presenting && width > sheetMaxWidth) {
    // The bar above; on a step, a name set above its point (up to two lines of projector type) kept below the bar too.
    const top = covers.stepNames ? 130 : 90;
    const left = Math.round(Math.min(width * 0.34, 660) + 64 + (covers.stepNames ? focusNameWidth(labelScaleFor({ presenting: true })) / 2 : 0));
    const { right, bottom } = clearOfLegend(width, height, left, top, covers);
    return { top, bottom: Math.round(bottom), left, right: Math.round(right) };
  }
  if (width <= sheetMaxWidth) {
    // A full sheet leaves a strip of map: frame for the half sheet, which is what shows when it folds.
    const sheet = covers.sheet ? sheetHeight(covers.sheet === 'full' ? 'half' : covers.sheet, height) : 0;
    const top = covers.embed ? 48 : 56;
    const bottom = covers.presenting ? Math.round(height * 0.45) : Math.max(sheet + 12, covers.embed ? 56 : 32);
    // Never a negative frame on a very short map.
    const room = Math.max(0, height - top - bottom - 40);
    return { top, bottom: room > 0 ? bottom : Math.max(0, height - top - 40), left: 20, right: 20 };
  }
  if (covers.embed) return { top: 56, bottom: 40, left: width > 900 ? 300 : 60, right: 50 };
  return { top: 50, bottom: 40, left: width > 900 ? 300 : 60, right: 50 };
}

/** What covers the map for a store state: the sheet only where the panel is one (phones, the map view). */
export function coversOf(s: AtlasState, width: number): Covers {
  const panelShown = !s.presenting && s.view === 'map' && (!s.embed || !!s.selectedId);
  return { presenting: s.presenting, embed: s.embed, sheet: width <= sheetMaxWidth && panelShown ? s.sheet : null };
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

/**
 * The room the slide legend (the present feature's `[data-slide-legend]`, lower right) takes from the map, measured on
 * screen; null when it is not drawn, hidden (phones) or not over the map (the indicators' left column).
 */
export function slideLegendRoom(container: HTMLElement): Covers['legend'] {
  const legend = container.ownerDocument.querySelector<HTMLElement>('[data-slide-legend]');
  if (!legend) return null;
  const box = legend.getBoundingClientRect();
  const map = container.getBoundingClientRect();
  if (!box.width || !box.height || box.left < map.left + map.width / 2) return null;
  return { width: Math.max(0, map.right - box.left), height: Math.max(0, map.bottom - box.top) };
}

/** A box's width over its height as the map draws it (Web Mercator); 1 for a box without height. */
export function mercatorAspect([w, s, e, n]: BBox): number {
  const y = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const height = y(n) - y(s);
  return height > 0 ? ((e - w) * Math.PI) / 180 / height : 1;
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

  const projectsView = () => isProjectsView(store.getState());
  const padding = (extra: Covers = {}) =>
    projectsView()
      ? projectsPadding(container, !!store.getState().selectedId)
      : framePadding(container.clientWidth, container.clientHeight, {
          ...coversOf(store.getState(), container.clientWidth),
          wideCard: !!currentChapter(store.getState(), scene)?.indicators,
          legend: store.getState().presenting ? slideLegendRoom(container) : null,
          ...extra,
        });

  /** Whether the camera at rest already shows `target` (a flight there would show nothing new). */
  const nearlyThere = (target: ReturnType<MapLibreMap['cameraForBounds']>) => {
    if (map.isMoving() || !target?.center || target.zoom === undefined) return false;
    const [from, to] = [map.project(map.getCenter()), map.project(target.center)];
    return moveIsNegligible({ x: from.x, y: from.y, zoom: map.getZoom() }, { x: to.x, y: to.y, zoom: target.zoom });
  };

  // The last frame the camera chose itself; it is redone when the room changes (resize, the sheet moves) until the
  // user moves the map.
  let lastFrame: ((animate: boolean) => void) | null = null;

  const frameBox = (bbox: BBox | undefined, maxZoom = 10, animate = !reducedMotion(), extra: Covers = {}) => {
    if (!bbox) return;
    lastFrame = (again) => frameBox(bbox, maxZoom, again, extra);
    const options = { padding: padding({ aspect: mercatorAspect(bbox), ...extra }), maxZoom };
    map.fitBounds(bbox, { ...options, animate: animate && !nearlyThere(map.cameraForBounds(bbox, options)), duration: 1200 });
  };

  /**
   * A point that stands for its county (the plan names no site) is framed with the whole county (or prefecture),
   * from the base geography, never at street scale on a pin; without the base map, at a county's zoom.
   */
  const frameArea = (id: string, codes: readonly string[], center: [number, number]) => {
    const fallback = () => map.flyTo({ center, zoom: Math.min(Math.max(map.getZoom(), 7.5), 8.5), animate: !reducedMotion(), duration: 900 });
    loadBaseData().then(
      (base) => {
        if (store.getState().selectedId !== id) return; // another selection came meanwhile
        const wanted = new Set(codes);
        const areas = [...base.counties.features, ...base.prefectures.features].filter((a) => wanted.has(String(a.properties?.code)));
        const bbox = bboxOf([...areas.map((a) => a.geometry), { type: 'Point', coordinates: center }]);
        if (bbox && areas.length) frameBox(bbox, 10);
        else fallback();
      },
      () => store.getState().selectedId === id && fallback(),
    );
  };

  const frameFeature = (plan: PlanBundle, id: string) => {
    const f = plan.byId.get(id);
    if (!f) return frameBox(plan.meta.bbox);
    if (f.geometry.type === 'Point' && f.properties.role === 'project' && isAreaPrecision(f.properties.precision) && f.properties.counties.length)
      return frameArea(id, f.properties.counties, f.geometry.coordinates as [number, number]);
    if (f.geometry.type === 'Point') {
      const center = f.geometry.coordinates as [number, number];
      // A township seat is shown with its surroundings, not at street scale.
      const zoom = Math.max(map.getZoom(), f.properties.precision === 'township' ? 10 : 10.5);
      // The point goes to the middle of the free room (an offset, not the map's padding, which would persist).
      const offset = (): [number, number] => {
        const p = padding();
        return [(p.left - p.right) / 2, (p.top - p.bottom) / 2];
      };
      lastFrame = (again) => map.easeTo({ center, zoom, offset: offset(), animate: again });
      map.flyTo({ center, zoom, offset: offset(), animate: !reducedMotion(), duration: 900 });
    } else frameBox(bboxOf([f.geometry, ...plan.features.filter((x) => x.properties.of === id).map((x) => x.geometry)]), 9.5);
  };

  /** The frame of a slide waiting for the slide to be drawn. */
  let framing = 0;
  /** A slide frames its step's own extent (a key project), else the chapter's camera or extent. */
  const frameChapter = () => {
    cancelAnimationFrame(framing);
    // After the slide is drawn (React renders the store's change before the next frame), so that the frame is
    // measured against the new slide's legend, not the last one's.
    framing = requestAnimationFrame(frameChapterNow);
  };
  const frameChapterNow = () => {
    const s = store.getState();
    if (!s.presenting) return;
    const chapter = currentChapter(s, scene);
    if (!chapter) return;
    lastFrame = null;
    const step = currentStep(s, scene);
    if (step?.bbox) frameBox(step.bbox, 9, !reducedMotion(), { stepNames: true });
    else if (chapter.camera) map.flyTo({ ...chapter.camera, animate: !reducedMotion(), duration: 1600 });
    else frameBox(chapter.bbox, 9.5);
  };

  /** Carries out a request now if what it names is drawn; otherwise keeps it for `planShown`. */
  const carryOut = (request: CameraRequest) => {
    if (request.kind === 'bbox') return frameBox(request.bbox);
    if (request.kind === 'view') {
      lastFrame = null;
      // A view that arrives before the first plan is drawn (a link read after the map was made) still wins.
      if (first) keepView = true;
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

  const unwatch = [
    watch(
      store,
      (s) => s.cameraRequest,
      (request) => request && carryOut(request),
      Object.is,
    ),
    watch(
      store,
      (s) => ({ presenting: s.presenting, chapter: s.chapter, step: s.step }),
      (next, prev, s) => {
        if (!next.presenting) return;
        if (next.presenting !== prev.presenting || next.chapter !== prev.chapter) frameChapter();
        // Within a chapter only a step with its own extent moves the camera; a caption step keeps the frame.
        // The presenter's window shows the next slide, which may be another chapter's: it follows every step.
        else if (next.step !== prev.step && (s.presenter || currentStep(s, scene)?.bbox)) frameChapter();
      },
    ),
    // The sheet moved or the panel came or went (an embed's panel shows with a selection): the frame follows the
    // room left above it.
    watch(
      store,
      (s) => ({ sheet: s.sheet, view: s.view, embedPanel: s.embed && !!s.selectedId }),
      (next, prev, s) => {
        // Opening the project list is no reason to redo the plan's frame: the projects view frames its own projects.
        if (next.view !== prev.view && isProjectsView(s)) return;
        if (!s.presenting && lastFrame) lastFrame(!reducedMotion());
      },
    ),
  ];
  // A map the user moved stays where they put it; a frame the camera chose follows the map's size.
  const onMoveStart = (e: { originalEvent?: unknown }) => {
    if (e.originalEvent) lastFrame = null;
  };
  const onResize = () => lastFrame?.(false);
  map.on('movestart', onMoveStart);
  map.on('resize', onResize);

  return {
    planShown(plan) {
      const s = store.getState();
      if (s.presenting) frameChapter();
      else if (pending && 'plan' in pending && pending.plan === plan.meta.id) carryOut(pending);
      else if (keepView) {
        keepView = false;
        lastFrame = null;
      } else if (projectsView()) {
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
      const framed: BBox = e - w < pad && n - s < pad ? [w - pad, s - pad, e + pad, n + pad] : bbox;
      // A frame that is (nearly) the view on screen is not flown to: the points change in place (a camera at rest
      // only; one still flying goes on to the new frame).
      const target = map.isMoving() ? undefined : map.cameraForBounds(framed, { padding: padding(), maxZoom: 10 });
      if (target?.zoom !== undefined) {
        const view = map.getBounds();
        const shown = { bbox: [view.getWest(), view.getSouth(), view.getEast(), view.getNorth()] as BBox, zoom: map.getZoom() };
        if (frameIsShown(shown, { bbox: framed, zoom: target.zoom })) {
          lastFrame = (again) => frameBox(framed, 10, again);
          return;
        }
      }
      frameBox(framed, 10);
    },
    dispose() {
      cancelAnimationFrame(framing);
      for (const stop of unwatch) stop();
      map.off('movestart', onMoveStart);
      map.off('resize', onResize);
    },
  };
}
