/**
 * When a new frame is worth a flight. The projects view frames the listed projects whenever a filter changes; a
 * chip that only thins out the points already on screen would otherwise fly the camera (1.2 s) to nearly the same
 * view, and a reader would lose the points they were looking at. Pure, so the decision is tested without a map.
 */
import type { BBox } from './atlas-data';

/** A view or a frame: a box (west, south, east, north) and the zoom the camera shows it at. */
export interface FrameView {
  bbox: BBox;
  zoom: number;
}

/** How far (in zoom levels) a new frame may differ from the view and still count as the view already shown. */
export const frameZoomSlack = 0.5;

/**
 * Whether `frame` is (nearly) the view already shown: its box lies inside the view's and its zoom differs from the
 * view's by less than `zoomSlack`. The camera then stays, and the points change in place.
 */
export function frameIsShown(view: FrameView, frame: FrameView, zoomSlack = frameZoomSlack): boolean {
  const [w, s, e, n] = frame.bbox;
  const [vw, vs, ve, vn] = view.bbox;
  const inside = w >= vw && s >= vs && e <= ve && n <= vn;
  return inside && Math.abs(frame.zoom - view.zoom) < zoomSlack;
}

/** A camera as the screen sees it: its centre in pixels and its zoom. */
export interface ScreenCamera {
  x: number;
  y: number;
  zoom: number;
}

/**
 * Whether moving from `from` to `to` would show nothing new: the centre moves under `px` pixels and the zoom under
 * `zoom` levels. The camera then jumps, not flies: a plan opening on the province's frame would otherwise fly 1.2 s to
 * a frame 0.005 zoom levels away, and every frame of that flight places the map's names again, each keeping its last
 * place, so where the names end up hung on how many frames the machine drew (a phone's zone name went unnamed).
 */
export function moveIsNegligible(from: ScreenCamera, to: ScreenCamera, px = 4, zoom = 0.05): boolean {
  return Math.hypot(to.x - from.x, to.y - from.y) < px && Math.abs(to.zoom - from.zoom) < zoom;
}
