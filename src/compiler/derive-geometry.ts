/** Turns a plan element's geometry spec into GeoJSON, from the base layers (never drawn by hand). */
import * as turf from '@turf/turf';
import type { Feature, Geometry, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometrySpec, Place } from '../lib/plan-schema';
import type { BaseGeo } from './base-geo';

export interface Derived {
  geometry: Geometry;
  /** Lighter part of a zone (areas it links or radiates to). */
  linked?: Geometry;
  /** County codes the geometry covers or crosses. */
  counties: string[];
}

type Area = Feature<Polygon | MultiPolygon>;

/** Keeps the runs of a line whose vertices fall inside the area; densifies first so short crossings survive. */
function clipLine(coords: Position[], area: Area, stepKm = 1): Position[][] {
  const dense = turf
    .lineChunk(turf.lineString(coords), stepKm, { units: 'kilometers' })
    .features.flatMap((f, i) => (i === 0 ? f.geometry.coordinates : f.geometry.coordinates.slice(1)));
  const bbox = turf.bbox(area);
  const runs: Position[][] = [];
  let run: Position[] = [];
  for (const p of dense) {
    const [x = 0, y = 0] = p;
    const inside = x >= bbox[0] && x <= bbox[2] && y >= bbox[1] && y <= bbox[3] && turf.booleanPointInPolygon(p, area);
    if (inside) run.push(p);
    else {
      if (run.length > 1) runs.push(run);
      run = [];
    }
  }
  if (run.length > 1) runs.push(run);
  return runs;
}

function lines(geometry: LineString | MultiLineString): Position[][] {
  return geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
}

function multiLine(runs: Position[][], what: string): MultiLineString {
  if (!runs.length) throw new Error(`${what} produced no line inside the given areas`);
  return { type: 'MultiLineString', coordinates: runs };
}

/**
 * A test "is this point within `near` degrees of any of these rings' edges", with the edges in a grid of
 * `near`-sized cells so each point checks only the edges around it (the province border has thousands of points).
 */
function nearSegments(rings: Position[][], near: number): (p: Position) => boolean {
  const cell = (v: number) => Math.floor(v / near);
  const grid = new Map<string, [Position, Position][]>();
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const a = ring[i - 1] as Position;
      const b = ring[i] as Position;
      const [ax = 0, ay = 0] = a;
      const [bx = 0, by = 0] = b;
      for (let x = cell(Math.min(ax, bx) - near); x <= cell(Math.max(ax, bx) + near); x++) {
        for (let y = cell(Math.min(ay, by) - near); y <= cell(Math.max(ay, by) + near); y++) {
          const key = `${x},${y}`;
          const list = grid.get(key);
          if (list) list.push([a, b]);
          else grid.set(key, [[a, b]]);
        }
      }
    }
  }
  return ([x = 0, y = 0]) =>
    (grid.get(`${cell(x)},${cell(y)}`) ?? []).some(([[ax = 0, ay = 0], [bx = 0, by = 0]]) => {
      const dx = bx - ax;
      const dy = by - ay;
      const t = dx || dy ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy))) : 0;
      return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) < near;
    });
}

type Box = [number, number, number, number];

/** Each county's polygon parts with their boxes, computed once per county feature (the base layers never change). */
const partsOf = new WeakMap<object, { polygon: Polygon; box: Box }[]>();
function countyParts(county: Area): { polygon: Polygon; box: Box }[] {
  let parts = partsOf.get(county);
  if (!parts) {
    const g = county.geometry;
    const polygons: Polygon[] = g.type === 'Polygon' ? [g] : g.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
    parts = polygons.map((polygon) => ({ polygon, box: turf.bbox(polygon) as Box }));
    partsOf.set(county, parts);
  }
  return parts;
}

/**
 * The runs of consecutive segments of a line whose boxes meet `box`. Every vertex inside the box and every crossing
 * of an edge inside it lies on such a segment, so testing the runs against a polygon within `box` gives the same
 * answer as testing the whole line — at the cost of the few segments near it rather than the thousands of a belt.
 */
function runsNear(line: Position[], box: Box): Position[][] {
  if (line.length < 2) return [line];
  const runs: Position[][] = [];
  let run: Position[] = [];
  for (let i = 1; i < line.length; i++) {
    const [ax = 0, ay = 0] = line[i - 1] as Position;
    const [bx = 0, by = 0] = line[i] as Position;
    const meets = Math.min(ax, bx) <= box[2] && Math.max(ax, bx) >= box[0] && Math.min(ay, by) <= box[3] && Math.max(ay, by) >= box[1];
    if (meets) {
      if (!run.length) run.push(line[i - 1] as Position);
      run.push(line[i] as Position);
    } else if (run.length) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

/** County codes whose polygons the geometry touches (turf's `booleanIntersects`, a line tested only near each part). */
export function countiesTouched(base: BaseGeo, geometry: Geometry): string[] {
  const bbox = turf.bbox(geometry);
  const lineParts = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.type === 'MultiLineString' ? geometry.coordinates : undefined;
  return base.counties
    .filter((c) => {
      const [w, s, e, n] = turf.bbox(c);
      if (w > bbox[2] || e < bbox[0] || s > bbox[3] || n < bbox[1]) return false;
      if (!lineParts) return turf.booleanIntersects(c, geometry);
      return countyParts(c).some(({ polygon, box }) =>
        lineParts.some((line) =>
          runsNear(line, box).some((run) => turf.booleanIntersects(polygon, run.length > 1 ? turf.lineString(run) : turf.point(run[0] ?? [0, 0]))),
        ),
      );
    })
    .map((c) => c.properties.code);
}

export function deriveGeometry(spec: GeometrySpec, base: BaseGeo, places: Map<string, Place>): Derived {
  const place = (id: string): Place => {
    const p = places.get(id);
    if (!p) throw new Error(`unknown place ${id}`);
    return p;
  };
  switch (spec.type) {
    case 'areas': {
      const main = base.union(spec.codes).geometry;
      const linked = spec.linked?.length ? base.union(spec.linked).geometry : undefined;
      return { geometry: main, ...(linked ? { linked } : {}), counties: spec.codes.flatMap(base.expand) };
    }
    case 'corridor': {
      const geometry: MultiLineString = { type: 'MultiLineString', coordinates: spec.through.map((line) => line.map((id) => [place(id).lon, place(id).lat])) };
      return { geometry, counties: countiesTouched(base, geometry) };
    }
    case 'river': {
      const area = base.union(spec.within);
      const river = base.rivers.filter((r) => r.properties.name === spec.river);
      if (!river.length) throw new Error(`no river named ${spec.river} in the base layers`);
      const geometry = multiLine(
        river.flatMap((r) => lines(r.geometry)).flatMap((l) => clipLine(l, area, 0.5)),
        `river ${spec.river}`,
      );
      return { geometry, counties: countiesTouched(base, geometry).filter((c) => spec.within.flatMap(base.expand).includes(c)) };
    }
    case 'parallel': {
      const area = base.union(spec.within);
      const [w, , e] = turf.bbox(area);
      const geometry = multiLine(
        clipLine(
          [
            [w - 0.01, spec.lat],
            [e + 0.01, spec.lat],
          ],
          area,
          0.2,
        ),
        `latitude ${spec.lat}`,
      );
      return { geometry, counties: countiesTouched(base, geometry) };
    }
    case 'border': {
      const area = base.union(spec.within);
      const near = 0.05; // degrees (~5 km): the country outlines come from another source than the counties
      const foreign = base.countries.filter((c) => !/中国|China/.test(c.properties.name));
      const nearForeign = nearSegments(
        foreign.flatMap((c) => (c.geometry.type === 'Polygon' ? c.geometry.coordinates : c.geometry.coordinates.flat())),
        near,
      );
      const g = base.province.geometry;
      const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
      const runs: Position[][] = [];
      for (const ring of rings) {
        let run: Position[] = [];
        for (const p of ring) {
          const onBorder = nearForeign(p) && turf.booleanPointInPolygon(p, area);
          if (onBorder) run.push(p);
          else {
            if (run.length > 1) runs.push(run);
            run = [];
          }
        }
        if (run.length > 1) runs.push(run);
      }
      const geometry = multiLine(runs, 'border');
      return { geometry, counties: countiesTouched(base, geometry) };
    }
    case 'hull': {
      const area = base.union(spec.within);
      const pts = turf.featureCollection(spec.places.map((id) => turf.point([place(id).lon, place(id).lat])));
      const core =
        spec.places.length >= 3
          ? turf.convex(pts)
          : spec.places.length === 2
            ? turf.lineString(pts.features.map((f) => f.geometry.coordinates))
            : pts.features[0];
      if (!core) throw new Error('hull needs places');
      const buffered = turf.buffer(core, spec.bufferKm ?? 5, { units: 'kilometers', steps: 16 });
      const clipped = buffered && turf.intersect(turf.featureCollection([buffered as Area, area]));
      if (!clipped) throw new Error('hull lies outside its areas');
      return { geometry: clipped.geometry, counties: countiesTouched(base, clipped.geometry).filter((c) => spec.within.flatMap(base.expand).includes(c)) };
    }
    case 'point': {
      const p = place(spec.place);
      return { geometry: { type: 'Point', coordinates: [p.lon, p.lat] }, counties: [p.county] };
    }
  }
}
