/**
 * What the projects view hands to the map, computed from the listed rows on the main thread, so the map never holds
 * every point and a filter never copies them all to MapLibre's worker: below {@link placesFromZoom}, one disc per
 * grid cell of the screen ({@link aggregateByGrid}); from it up, the places in (a padded box around) the view
 * ({@link inBox}). Pure functions of rows and numbers.
 */
import type { BBox } from './atlas-data';

/**
 * The zoom from which every place (a point holding one or several projects) is drawn one by one; below it, places
 * near each other on screen are one disc with their count. One constant for the map's layers and the aggregation.
 */
export const placesFromZoom = 8;

/** A grid cell's side in screen pixels: about a disc and its margin, as MapLibre's clusterRadius was. */
export const gridCellPx = 36;

/** More places than this in a view are aggregated even from {@link placesFromZoom} up: the worker gets no flood. */
export const maxPlacesHandedOver = 5000;

/** The world's width in screen pixels at zoom 0 (MapLibre's 512-pixel tiles). */
const worldPx = 512;
/** Web Mercator's latitude limit. */
const maxLat = 85.0511287798;

/** One cell of the grid: its members' mean position and count, their bounding box, and the members when they share one point. */
export interface GridCell<T> {
  lon: number;
  lat: number;
  count: number;
  /** [west, south, east, north] of the members' points: what a click on the disc frames. */
  bbox: BBox;
  /**
   * The members when they all stand on one point (the cell is that place, drawn as a place is), else undefined
   * (the cell is a disc with a count).
   */
  members: T[] | undefined;
}

interface Cell<T> {
  cx: number;
  cy: number;
  /** Sums of the members' positions, in degrees and in screen pixels at the zoom (for the distance between discs). */
  sumLon: number;
  sumLat: number;
  sumX: number;
  sumY: number;
  count: number;
  w: number;
  s: number;
  e: number;
  n: number;
  /** The first member's point, rounded as places are keyed (5 decimals), to tell whether every member shares it. */
  x5: number;
  y5: number;
  members: T[] | undefined;
  /** Taken into a neighbour, or already handed out. */
  merged: boolean;
}

/** Adds cell `b` into cell `a`. */
function mergeInto<T>(a: Cell<T>, b: Cell<T>): void {
  a.sumLon += b.sumLon;
  a.sumLat += b.sumLat;
  a.sumX += b.sumX;
  a.sumY += b.sumY;
  a.count += b.count;
  a.w = Math.min(a.w, b.w);
  a.s = Math.min(a.s, b.s);
  a.e = Math.max(a.e, b.e);
  a.n = Math.max(a.n, b.n);
  a.members = a.members && b.members && a.x5 === b.x5 && a.y5 === b.y5 ? [...a.members, ...b.members] : undefined;
  b.merged = true;
}

/**
 * Groups points into square cells of `cellPx` screen pixels at the integer part of `zoom` (Web Mercator, as the
 * map draws them): one pass over the rows, one object per cell. A cell keeps its members only while they share one
 * point, so a lone place stays itself and every other cell is a count. Then, as the grid's edges fall anywhere, a
 * cell whose neighbour's centre lies closer than `cellPx` to its own takes it in (one pass over the cells): two
 * discs never sit on each other because points straddle an edge.
 */
export function aggregateByGrid<T extends { lon: number; lat: number }>(rows: readonly T[], zoom: number, cellPx = gridCellPx): GridCell<T>[] {
  const px = worldPx * 2 ** Math.floor(Math.max(0, zoom));
  const cellsPerWorld = px / cellPx;
  const side = Math.ceil(cellsPerWorld) + 1;
  const cells = new Map<number, Cell<T>>();
  for (const row of rows) {
    const { lon, lat } = row;
    const x = (lon + 180) / 360;
    const sin = Math.sin((Math.max(-maxLat, Math.min(maxLat, lat)) * Math.PI) / 180);
    const y = 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
    const cx = Math.floor(x * cellsPerWorld);
    const cy = Math.floor(y * cellsPerWorld);
    const key = cx * side + cy;
    const x5 = Math.round(lon * 1e5);
    const y5 = Math.round(lat * 1e5);
    const cell = cells.get(key);
    if (!cell) {
      cells.set(key, {
        cx,
        cy,
        sumLon: lon,
        sumLat: lat,
        sumX: x * px,
        sumY: y * px,
        count: 1,
        w: lon,
        s: lat,
        e: lon,
        n: lat,
        x5,
        y5,
        members: [row],
        merged: false,
      });
      continue;
    }
    cell.sumLon += lon;
    cell.sumLat += lat;
    cell.sumX += x * px;
    cell.sumY += y * px;
    cell.count++;
    if (lon < cell.w) cell.w = lon;
    if (lon > cell.e) cell.e = lon;
    if (lat < cell.s) cell.s = lat;
    if (lat > cell.n) cell.n = lat;
    if (cell.members && x5 === cell.x5 && y5 === cell.y5) cell.members.push(row);
    else cell.members = undefined;
  }
  const out: GridCell<T>[] = [];
  for (const c of cells.values()) {
    if (c.merged) continue;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const next = dx || dy ? cells.get((c.cx + dx) * side + c.cy + dy) : undefined;
        if (!next || next.merged) continue;
        const d = Math.hypot(c.sumX / c.count - next.sumX / next.count, c.sumY / c.count - next.sumY / next.count);
        if (d < cellPx) mergeInto(c, next);
      }
    }
    out.push({ lon: c.sumLon / c.count, lat: c.sumLat / c.count, count: c.count, bbox: [c.w, c.s, c.e, c.n], members: c.members });
    // Handed out: a later neighbour no longer takes it in.
    c.merged = true;
  }
  return out;
}

/** The rows whose point lies in `bbox` ([west, south, east, north], edges included). */
export function inBox<T extends { lon: number; lat: number }>(rows: readonly T[], bbox: BBox): T[] {
  const [w, s, e, n] = bbox;
  return rows.filter((r) => r.lon >= w && r.lon <= e && r.lat >= s && r.lat <= n);
}

/**
 * How many distinct places (points, keyed to 5 decimals as places are) the rows hold, counting no further than
 * `max + 1`: whether a view's places are few enough to hand over, without building them first.
 */
export function countPlaces(rows: readonly { lon: number; lat: number }[], max: number): number {
  const seen = new Set<number>();
  for (const { lon, lat } of rows) {
    // Longitude and latitude in 1e-5 degrees: both under 2^25, so the pair fits a double exactly.
    seen.add((Math.round(lon * 1e5) + 18_000_000) * 2 ** 25 + (Math.round(lat * 1e5) + 9_000_000));
    if (seen.size > max) break;
  }
  return seen.size;
}

/** `bbox` grown by `share` of its width and height on every side (1: a box three views wide and high). */
export function padBox(bbox: BBox, share: number): BBox {
  const [w, s, e, n] = bbox;
  const dx = (e - w) * share;
  const dy = (n - s) * share;
  return [w - dx, Math.max(-90, s - dy), e + dx, Math.min(90, n + dy)];
}

/** Whether `inner` lies wholly inside `outer`. */
export function containsBox(outer: BBox, inner: BBox): boolean {
  return inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];
}
