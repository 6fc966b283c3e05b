/**
 * The base geography's context (neighbouring countries and provinces) is cut to a box, and where a view reaches
 * past it the map would end in a hard straight edge: the clipped borders drawn along the box, a change of tint.
 * Instead the context fades into the paper towards the box's edge, in bands of rising opacity, and the box's own
 * edge is covered. Derived from what the base data holds, so it follows the box if `npm run geo` changes it.
 */
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { BBox } from '../../lib/atlas-data';
import { bboxOf } from '../../lib/geometry';

/** The source that holds the fade. */
export const fadeSourceId = 'context-fade';

/** How many bands the fade has; more is smoother, each is one polygon. */
const bands = 8;

const ring = (w: number, s: number, e: number, n: number) => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];

/**
 * Frames between the context's box and the area that must stay clear (the province): the outermost band, opaque,
 * covers the box's edge and everything beyond; inner bands grow fainter towards the province. Each side's fade is
 * as wide as the room on that side allows (at most `maxWidth` degrees), so the province itself is never veiled.
 */
export function contextFade(context: readonly FeatureCollection[], clear: BBox | undefined, maxWidth = 2.5): FeatureCollection<Polygon> {
  const box = bboxOf(context.flatMap((c) => c.features.map((f) => f.geometry)));
  if (!box || !clear) return { type: 'FeatureCollection', features: [] };
  const [w, s, e, n] = box;
  // Room on each side between the box and what stays clear, of which the fade takes most.
  const side = (room: number) => Math.max(0, Math.min(maxWidth, room * 0.8));
  const dw = side(clear[0] - w);
  const ds = side(clear[1] - s);
  const de = side(e - clear[2]);
  const dn = side(n - clear[3]);
  const features: Feature<Polygon>[] = [];
  // Beyond the box (and over its edge), the paper only.
  const edge = 0.02;
  features.push({
    type: 'Feature',
    properties: { opacity: 1 },
    geometry: { type: 'Polygon', coordinates: [ring(-180, -85, 180, 85), ring(w + edge, s + edge, e - edge, n - edge).reverse()] },
  });
  for (let i = 0; i < bands; i++) {
    const outer = i / bands;
    const inner = (i + 1) / bands;
    // Opacity eases from nearly opaque at the edge to nothing at the inner end of the fade.
    const opacity = (1 - outer) ** 2 * 0.95;
    features.push({
      type: 'Feature',
      properties: { opacity },
      geometry: {
        type: 'Polygon',
        coordinates: [
          ring(w + edge + dw * outer, s + edge + ds * outer, e - edge - de * outer, n - edge - dn * outer),
          ring(w + edge + dw * inner, s + edge + ds * inner, e - edge - de * inner, n - edge - dn * inner).reverse(),
        ],
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
