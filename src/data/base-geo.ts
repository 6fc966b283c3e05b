/** Fetches the shipped base geography (TopoJSON, a third of the GeoJSON's size) and decodes it: the map's base layers and the project book's locator maps. */
import type { FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { fetchJson as fetchAny } from './fetch-asset';
import { report, resolveNotice } from './notices';
import { createResource } from './resource';

/** The base layers by name: the map's base sources, and the outlines the project book draws its locator maps from. */
export type BaseSourceId = 'countries' | 'provinces' | 'province' | 'prefectures' | 'counties' | 'rivers' | 'lakes' | 'labels';

const fetchJson = async <T>(path: string, attempt: number): Promise<T> => (await fetchAny(path, { attempt })) as T;

function collection(topology: Topology, name: string): FeatureCollection {
  const object = topology.objects[name];
  if (!object) throw new Error(`base layer object “${name}” is missing`);
  const decoded = feature(topology, object);
  return 'features' in decoded ? decoded : { type: 'FeatureCollection', features: [decoded] };
}

/** Every base source's data; each file is fetched once. */
async function fetchBaseData(attempt: number): Promise<Record<BaseSourceId, FeatureCollection>> {
  const [yunnan, context, hydro, labels] = await Promise.all([
    fetchJson<Topology>('geo/base/yunnan.topo.json', attempt),
    fetchJson<Topology>('geo/base/context.topo.json', attempt),
    fetchJson<Topology>('geo/base/hydro.topo.json', attempt),
    fetchJson<FeatureCollection>('geo/base/labels.geojson', attempt),
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

const baseResource = createResource<'base', Record<BaseSourceId, FeatureCollection>>(
  async (_key, attempt) => {
    const data = await fetchBaseData(attempt);
    resolveNotice({ type: 'base-failed' });
    return data;
  },
  (_k, reason, retry) => report({ type: 'base-failed', reason }, { retry }),
);

/** The base layers, loaded once; a failure is a notice with a retry, and the plan layers still draw. */
export const loadBaseData = () => baseResource.load('base');
/** Calls back every time the base layers arrive (again after a retry). */
export const onBaseData = (listener: (data: Record<BaseSourceId, FeatureCollection>) => void) =>
  baseResource.subscribe(() => {
    const state = baseResource.peek('base');
    if (state?.status === 'ready') listener(state.data);
  });
