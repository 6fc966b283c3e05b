/** The base layers (public/geo/base) as the compiler derives plan geometry from them: in Node and in the browser. */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { feature, merge } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export interface CountyProps {
  code: string;
  name: string;
  short: string;
  prefecture: string;
}
export interface LabelProps {
  kind: 'county' | 'prefecture-seat';
  code: string;
  name: string;
  short: string;
}

/** The four files of public/geo/base, parsed. */
export interface BaseGeoFiles {
  topology: Topology;
  hydro: Topology;
  context: Topology;
  labels: FeatureCollection<Point, LabelProps>;
}

/** The file names of {@link BaseGeoFiles} under public/geo/base. */
export const baseGeoFileNames: Record<keyof BaseGeoFiles, string> = {
  topology: 'yunnan.topo.json',
  hydro: 'hydro.topo.json',
  context: 'context.topo.json',
  labels: 'labels.geojson',
};

export interface BaseGeo {
  topology: Topology;
  counties: Feature<Polygon | MultiPolygon, CountyProps>[];
  countyByCode: Map<string, Feature<Polygon | MultiPolygon, CountyProps>>;
  countyLabel: Map<string, Feature<Point, LabelProps>>;
  rivers: Feature<LineString | MultiLineString, { name: string }>[];
  province: Feature<Polygon | MultiPolygon>;
  countries: Feature<Polygon | MultiPolygon, { name: string }>[];
  /** Official name of a prefecture (53xx00), or undefined. */
  prefectureName(code: string): string | undefined;
  /** Whether a code names a county, a prefecture or the province in the base layers. */
  isRegion(code: string): boolean;
  /** County codes an admin code stands for: itself, every county of a prefecture (53xx00), or of the province (530000). */
  expand(code: string): string[];
  /**
   * The union of counties, merged along shared arcs so it lines up exactly with the base map. Computed once per set
   * of counties and shared: callers must not change it.
   */
  union(codes: string[]): Feature<MultiPolygon>;
}

function asFeatures<P>(topology: Topology, name: string): Feature<never, P>[] {
  const object = topology.objects[name];
  if (!object) throw new Error(`base layer is missing object “${name}”`);
  const fc = feature(topology, object) as FeatureCollection | Feature;
  return ('features' in fc ? fc.features : [fc]) as Feature<never, P>[];
}

/** Indexes the parsed base layers for deriving geometry and checking codes. */
export function baseGeoFrom({ topology, hydro, context, labels }: BaseGeoFiles): BaseGeo {
  const counties = asFeatures<CountyProps>(topology, 'counties') as unknown as Feature<Polygon | MultiPolygon, CountyProps>[];
  const countyByCode = new Map(counties.map((c) => [c.properties.code, c]));
  const countyLabel = new Map(labels.features.filter((f) => f.properties.kind === 'county').map((f) => [f.properties.code, f]));
  const countyGeoms = (topology.objects.counties as GeometryCollection<CountyProps>).geometries;
  const prefectures = asFeatures<{ code: string; name: string }>(topology, 'prefectures');
  const prefectureName = (code: string) => prefectures.find((p) => p.properties.code === code)?.properties.name;
  const expand = (code: string): string[] => {
    if (countyByCode.has(code)) return [code];
    if (code === '530000') return counties.map((c) => c.properties.code);
    const inPrefecture = counties.filter((c) => c.properties.prefecture === code).map((c) => c.properties.code);
    if (!inPrefecture.length) throw new Error(`unknown county or prefecture code ${code}`);
    return inPrefecture;
  };
  // Unions by their sorted county list: the same extent is asked for again by every compile and check.
  const unions = new Map<string, Feature<MultiPolygon>>();
  return {
    prefectureName,
    isRegion: (code) => code === '530000' || countyByCode.has(code) || prefectureName(code) !== undefined,
    topology,
    counties,
    countyByCode,
    countyLabel,
    rivers: asFeatures(hydro, 'rivers'),
    province: asFeatures<unknown>(topology, 'province')[0] as unknown as Feature<Polygon | MultiPolygon>,
    countries: asFeatures(context, 'countries'),
    expand,
    union(codes) {
      const wanted = new Set(codes.flatMap(expand));
      const key = [...wanted].sort().join(',');
      const known = unions.get(key);
      if (known) return known;
      const geoms = countyGeoms.filter((g) => wanted.has((g.properties as CountyProps | undefined)?.code ?? ''));
      const merged = merge(topology, geoms as never);
      // Merging can leave a ring open by one quantisation step where the source's borders nearly meet.
      for (const polygon of merged.coordinates) {
        for (const ring of polygon) {
          const [first, last] = [ring[0], ring[ring.length - 1]];
          if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([...first]);
        }
      }
      const union = turf.feature(merged);
      // Kept for the next compile (the studio compiles on every edit): a few dozen extents at most are drawn.
      if (unions.size >= 200) unions.delete(unions.keys().next().value ?? '');
      unions.set(key, union);
      return union;
    },
  };
}
