/**
 * Small locator maps for the project book, drawn as SVG from the base geography the map has already loaded (no
 * network, no map): the province outline, the project's county, and its point. Pure functions of the outlines.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

export interface Locator {
  /** SVG viewBox of the province at the locator's scale. */
  viewBox: string;
  province: string;
  /** Path data of a county, by GB/T 2260 code. */
  county(code: string): string | undefined;
  /** Where a point falls in the viewBox. */
  project(lon: number, lat: number): [number, number];
}

/** Width of the viewBox in user units; the book scales the SVG. */
const width = 200;

function rings(g: Geometry | null): Position[][] {
  if (!g) return [];
  if (g.type === 'Polygon') return g.coordinates;
  if (g.type === 'MultiPolygon') return g.coordinates.flat();
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(rings);
  return [];
}

export function makeLocator(province: FeatureCollection, counties: FeatureCollection): Locator | undefined {
  const all = province.features.flatMap((f) => rings(f.geometry)).flat();
  if (!all.length) return undefined;
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (const [x = 0, y = 0] of all) {
    w = Math.min(w, x);
    e = Math.max(e, x);
    s = Math.min(s, y);
    n = Math.max(n, y);
  }
  // Equirectangular at the province's middle latitude: true enough at this size.
  const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const scale = width / ((e - w) * k);
  const height = (n - s) * scale;
  const project = (lon: number, lat: number): [number, number] => [(lon - w) * k * scale, (n - lat) * scale];
  /** Path data, dropping points closer than half a unit to the last one kept. */
  const path = (g: Geometry | null) =>
    rings(g)
      .map((ring) => {
        let last: [number, number] | undefined;
        const kept: string[] = [];
        for (const [x = 0, y = 0] of ring) {
          const p = project(x, y);
          if (last && Math.abs(p[0] - last[0]) < 0.5 && Math.abs(p[1] - last[1]) < 0.5) continue;
          last = p;
          kept.push(`${p[0].toFixed(1)} ${p[1].toFixed(1)}`);
        }
        return kept.length > 2 ? `M${kept.join('L')}Z` : '';
      })
      .join('');
  const byCode = new Map<string, Feature>(counties.features.map((f) => [String(f.properties?.code ?? ''), f]));
  const cache = new Map<string, string>();
  return {
    viewBox: `-4 -4 ${(width + 8).toFixed(0)} ${(height + 8).toFixed(0)}`,
    province: province.features.map((f) => path(f.geometry)).join(''),
    county(code) {
      if (!cache.has(code)) {
        const f = byCode.get(code);
        cache.set(code, f ? path(f.geometry) : '');
      }
      return cache.get(code) || undefined;
    },
    project,
  };
}
