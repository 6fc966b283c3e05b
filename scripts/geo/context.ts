/**
 * The context around Yunnan: the other Chinese provinces that reach into the box (echarts files, dissolved) and the
 * neighbouring countries (Natural Earth) with every Chinese polygon cut out of them.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { englishPlaceName } from './english';
import { readEcharts } from './sources';
import type { Country, Province } from './tables';
import { readJson } from './util';

/** The box the context is clipped to: west, south, east, north. */
export const CONTEXT_BOX: [number, number, number, number] = [94, 19, 110, 31];

type Area2D = Polygon | MultiPolygon;

/** Drop polygon parts and holes smaller than minKm2 (slivers left by dissolving, tiny islets): context only. */
function dropSmall(geom: Area2D | null, minKm2: number): Area2D | null {
  if (!geom) return null;
  const polys = (geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates)
    .map((poly) => [poly[0]!, ...poly.slice(1).filter((hole) => turf.area(turf.polygon([hole])) / 1e6 >= minKm2)])
    .filter((poly) => turf.area(turf.polygon([poly[0]!])) / 1e6 >= minKm2);
  if (!polys.length) return null;
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0]! } : { type: 'MultiPolygon', coordinates: polys };
}

const box = turf.bboxPolygon(CONTEXT_BOX);
const clipToBox = (geom: Area2D): Area2D | null => {
  const f = turf.intersect(turf.featureCollection([turf.feature(geom), box]));
  return f ? f.geometry : null;
};

/** The context provinces (dissolved, clipped, small parts dropped), as features with their names. */
export function buildProvinces(echartsGeoDir: string, provinces: Province[], englishNames: ReadonlyMap<string, string>): Feature<Area2D>[] {
  const echartsFiles = readdirSync(echartsGeoDir).sort();
  const out: Feature<Area2D>[] = [];
  for (const pv of provinces) {
    const files = echartsFiles.filter((f) => f.startsWith(pv.prefix));
    if (!files.length) throw new Error(`scripts/sources/base-geo/provinces.yaml: ${pv.name}: prefix: no echarts files start with ${pv.prefix}`);
    const fcs = files.map((f) => readEcharts(join(echartsGeoDir, f)));
    // Dissolve with a polygon union (robust to the small mismatches between these files), only over the
    // parts that reach into the box.
    const parts = fcs
      .flatMap((fc) => fc.features)
      .filter((f) => {
        const [x0, y0, x1, y1] = turf.bbox(f);
        return x1! >= CONTEXT_BOX[0] && x0 <= CONTEXT_BOX[2] && y1! >= CONTEXT_BOX[1] && y0 <= CONTEXT_BOX[3];
      })
      .map((f) => turf.feature(f.geometry));
    if (!parts.length) continue;
    const merged = parts.length === 1 ? parts[0]!.geometry : turf.union(turf.featureCollection(parts))!.geometry;
    const clipped = dropSmall(clipToBox(merged), 30);
    if (clipped)
      out.push({
        type: 'Feature',
        properties: { name: pv.name, short: pv.short, shortEn: englishPlaceName(pv.short, 'province', englishNames) },
        geometry: clipped,
      });
  }
  return out;
}

/**
 * The context countries: Natural Earth polygons clipped to the box with `chinaParts` cut out, so the context never
 * draws a neighbour over Chinese territory as the Chinese sources delimit it.
 */
export function buildCountries(worldDir: string, countries: Country[], chinaParts: Feature<Geometry>[]): Feature<Area2D>[] {
  const world = readJson<Topology>(join(worldDir, 'countries-10m.json'));
  const worldFc = feature(world, world.objects.countries as GeometryCollection<{ name: string }>);
  const out: Feature<Area2D>[] = [];
  for (const { en, zh } of countries) {
    const f = worldFc.features.find((x) => x.properties.name === en);
    if (!f) throw new Error(`scripts/sources/base-geo/countries.yaml: ${zh}: en: Natural Earth has no ${en}`);
    let g = clipToBox(f.geometry as Area2D);
    if (!g) continue;
    for (const cp of chinaParts) {
      if (!g) break;
      const d = turf.difference(turf.featureCollection([turf.feature(g), cp as Feature<Area2D>]));
      g = d ? d.geometry : null;
    }
    g = dropSmall(g, 30);
    if (g) out.push({ type: 'Feature', properties: { name: zh, nameEn: en }, geometry: g });
  }
  return out;
}

/**
 * The context topology. The neighbouring sources do not share vertices exactly (their borders would split into
 * thousands of tiny arcs), so the context is simplified feature by feature (Douglas-Peucker 0.003°, ~2 px at zoom 9)
 * before the topology is built; it is drawn beneath Yunnan, whose own outline is detailed.
 */
export function contextTopology(countries: Feature<Area2D>[], provinces: Feature<Area2D>[]): Topology {
  const simplifyFeature = (f: Feature<Area2D>) => turf.simplify(f, { tolerance: 0.003, highQuality: true, mutate: false });
  const ctx = topology(
    {
      countries: { type: 'FeatureCollection', features: countries.map(simplifyFeature) } as FeatureCollection,
      provinces: { type: 'FeatureCollection', features: provinces.map(simplifyFeature) } as FeatureCollection,
    },
    2e4,
  );
  delete ctx.bbox;
  return ctx;
}
