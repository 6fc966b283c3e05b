/** Fetches the shipped base geography (TopoJSON, a third of the GeoJSON's size) and decodes it for the map. */
import type { FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { BaseSourceId } from './base-style';

async function fetchJson<T>(path: string): Promise<T> {
  const response = await fetch(new URL(path, document.baseURI));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

function collection(topology: Topology, name: string): FeatureCollection {
  const object = topology.objects[name];
  if (!object) throw new Error(`base layer object “${name}” is missing`);
  const decoded = feature(topology, object);
  return 'features' in decoded ? decoded : { type: 'FeatureCollection', features: [decoded] };
}

/** Every base source's data; each file is fetched once. */
export async function loadBaseData(): Promise<Record<BaseSourceId, FeatureCollection>> {
  const [yunnan, context, hydro, labels] = await Promise.all([
    fetchJson<Topology>('geo/base/yunnan.topo.json'),
    fetchJson<Topology>('geo/base/context.topo.json'),
    fetchJson<Topology>('geo/base/hydro.topo.json'),
    fetchJson<FeatureCollection>('geo/base/labels.geojson'),
  ]);
  return {
    counties: collection(yunnan, 'counties'),
    prefectures: collection(yunnan, 'prefectures'),
    province: collection(yunnan, 'province'),
    countries: collection(context, 'countries'),
    provinces: collection(context, 'provinces'),
    rivers: collection(hydro, 'rivers'),
    lakes: collection(hydro, 'lakes'),
    labels,
  };
}
