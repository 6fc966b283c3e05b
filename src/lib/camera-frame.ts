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
