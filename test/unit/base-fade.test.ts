// @vitest-environment node
/** The base geography's context fades into the paper before its box ends: no hard straight edge in any view. */
import type { FeatureCollection, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { contextFade } from '../../src/features/map/base-fade';
import type { BBox } from '../../src/lib/atlas-data';

/** A context cut to the box 90–110° E, 15–35° N (two corners of it), and a province that must stay clear. */
const context: FeatureCollection[] = [
  {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [90, 15] } },
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [110, 35] } },
    ],
  },
];
const province: BBox = [97, 21, 106, 29];

const extent = (ring: Position[]) => {
  const xs = ring.map((p) => p[0]!);
  const ys = ring.map((p) => p[1]!);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
};

describe('the context fade', () => {
  it('covers the box’s edge and everything beyond it with the paper, opaque', () => {
    const [outermost] = contextFade(context, province).features;
    expect(outermost?.properties?.opacity).toBe(1);
    const [world, hole] = outermost!.geometry.coordinates;
    expect(extent(world!)).toEqual([-180, -85, 180, 85]);
    const [w, s, e, n] = extent(hole!);
    // The hole lies inside the box: the box's own straight edge is under the paper.
    expect(w).toBeGreaterThan(90);
    expect(s).toBeGreaterThan(15);
    expect(e).toBeLessThan(110);
    expect(n).toBeLessThan(35);
  });

  it('fades in bands ever fainter towards the province, none of them over the province', () => {
    const bands = contextFade(context, province).features.slice(1);
    expect(bands.length).toBeGreaterThan(1);
    const opacities = bands.map((b) => b.properties?.opacity as number);
    for (let i = 1; i < opacities.length; i++) expect(opacities[i]).toBeLessThan(opacities[i - 1]!);
    expect(opacities[0]).toBeLessThan(1);
    for (const band of bands) {
      const [w, s, e, n] = extent(band.geometry.coordinates[1]!);
      expect(w).toBeLessThanOrEqual(province[0]);
      expect(s).toBeLessThanOrEqual(province[1]);
      expect(e).toBeGreaterThanOrEqual(province[2]);
      expect(n).toBeGreaterThanOrEqual(province[3]);
    }
  });

  it('draws nothing until there is a context and a province to keep clear', () => {
    expect(contextFade([], province).features).toEqual([]);
    expect(contextFade(context, undefined).features).toEqual([]);
  });
});
