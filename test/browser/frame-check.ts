/** Where a plan's features fall on screen for the camera a link records, to check what a frame shows. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { screenPoint } from './map-math';

export type Box = { x: number; y: number; width: number; height: number };
export interface LayerFeature {
  properties: { id: string; role: string; part?: string; name?: string; nameEn?: string };
  geometry: GeoJSON.Geometry;
}

export const planLayer = (plan: string) =>
  (JSON.parse(readFileSync(resolve(import.meta.dirname, `../../public/geo/plans/${plan}.geojson`), 'utf8')) as { features: LayerFeature[] }).features;

export function bboxOf(g: GeoJSON.Geometry): [number, number, number, number] {
  const b: [number, number, number, number] = [180, 90, -180, -90];
  const walk = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as [number, number];
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    } else for (const d of c as unknown[]) walk(d);
  };
  walk((g as GeoJSON.Polygon).coordinates);
  return b;
}

/** The camera a URL's hash records (`map=zoom/lat/lng`), as the app writes it once the map settles. */
export function viewOf(url: string): { zoom: number; lat: number; lng: number } | undefined {
  const m = new URLSearchParams(new URL(url).hash.slice(1)).get('map');
  if (!m) return undefined;
  const [zoom, lat, lng] = m.split('/').map(Number) as [number, number, number];
  return { zoom, lat, lng };
}

/** The ids of the given features whose extent is not inside `room` (the part of the map nothing covers). */
export function outside(features: LayerFeature[], url: string, map: Box, room: { top: number; bottom: number; left: number; right: number }): string[] {
  const view = viewOf(url);
  if (!view) return features.map((f) => f.properties.id);
  return features
    .filter((f) => {
      const [w, s, e, n] = bboxOf(f.geometry);
      const nw = screenPoint([w, n], view, map);
      const se = screenPoint([e, s], view, map);
      return nw.x < room.left - 2 || se.x > room.right + 2 || nw.y < room.top - 2 || se.y > room.bottom + 2;
    })
    .map((f) => f.properties.id);
}
