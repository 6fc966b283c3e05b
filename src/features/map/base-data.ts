/** Fetches the shipped base geography (TopoJSON, a third of the GeoJSON's size) and decodes it for the map. */
import type { FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { fetchJson } from '../../data/fetch-asset';
import type { BaseSourceId } from './base-style';

function collection(topology: Topology, name: string): FeatureCollection {
  const object = topology.objects[name];
  if (!object) throw new Error(`base layer object “${name}” is missing`);
  const decoded = feature(topology, object);
  return 'features' in decoded ? decoded : { type: 'FeatureCollection', features: [decoded] };
}

/** Every base source's data; each file is fetched once. */
export async function loadBaseData(): Promise<Record<BaseSourceId, FeatureCollection>> {
  const [yunnan, context, hydro, labels] = await Promise.all([
    fetchJson('geo/base/yunnan.topo.json') as Promise<Topology>,
    fetchJson('geo/base/context.topo.json') as Promise<Topology>,
    fetchJson('geo/base/hydro.topo.json') as Promise<Topology>,
    fetchJson('geo/base/labels.geojson') as Promise<FeatureCollection>,
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
