/** The hydro layer: named river lines and lake polygons as one simplified, quantised topology. */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, LineString, Polygon } from 'geojson';
import { quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import type { Objects, Topology } from 'topojson-specification';
import { englishPlaceName } from './english';
import type { Hydro } from './hydro-source';
import { nameRivers, type RiverReport } from './rivers';
import type { Lake, River } from './tables';
import type { Pt } from './util';

/** Whether each listed lake was found in GSHHG. */
export type LakeReport = { name: string; found: boolean }[];

/** The hydro topology, with reports on the named rivers and lakes. */
export function buildHydro(
  hydro: Hydro,
  tables: { rivers: River[]; lakes: Lake[]; englishNames: ReadonlyMap<string, string> },
  chinaParts: Feature<Geometry>[],
): { hyd: Topology<Objects>; riverFc: FeatureCollection<LineString>; riverReport: RiverReport[]; lakeFeatures: Feature<Polygon>[]; lakeReport: LakeReport } {
  const chinaTest = chinaParts.map((f) => turf.feature(f.geometry) as Feature<Polygon>);
  const isChina = (p: Pt) => chinaTest.some((f) => turf.booleanPointInPolygon(turf.point(p), f));
  const { features: riverFeatures, report: riverReport } = nameRivers(hydro, tables.rivers, isChina);
  const lakeFeatures: Feature<Polygon>[] = [];
  const lakePolys = hydro.lakes.map((ring) => turf.polygon([ring]));
  for (const lp of lakePolys) {
    const hit = tables.lakes.find((l) => turf.booleanPointInPolygon(turf.point(l.at), lp));
    lakeFeatures.push({
      type: 'Feature',
      properties: { name: hit ? hit.name : '', nameEn: englishPlaceName(hit ? hit.name : '', 'lake', tables.englishNames) },
      geometry: lp.geometry,
    });
  }
  const lakeReport = tables.lakes.map((l) => ({ name: l.name, found: lakeFeatures.some((f) => f.properties?.name === l.name) }));
  const riverFc: FeatureCollection<LineString> = {
    type: 'FeatureCollection',
    features: riverFeatures
      .sort((a, b) => a.rank - b.rank || (a.name === '' ? 1 : 0) - (b.name === '' ? 1 : 0))
      .map((r) => ({
        type: 'Feature',
        properties: { name: r.name, nameEn: englishPlaceName(r.name, 'river', tables.englishNames), rank: r.rank },
        geometry: { type: 'LineString', coordinates: r.coords },
      })),
  };
  let hyd = topology({ rivers: riverFc, lakes: { type: 'FeatureCollection', features: lakeFeatures } as FeatureCollection }, 1e5) as Topology<Objects>;
  hyd = presimplify(hyd);
  hyd = simplify(hyd, 4e-7);
  hyd = quantize(hyd, 1e5);
  delete hyd.bbox;
  return { hyd, riverFc, riverReport, lakeFeatures, lakeReport };
}
