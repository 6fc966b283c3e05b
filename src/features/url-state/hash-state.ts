/**
 * The URL hash holds the shareable state: `#plan=qujing&feature=qujing-core&map=8.5/25.5/103.8&lang=en`.
 * Parsing keeps only well-formed, known values; anything else is dropped silently so a link never breaks the page.
 */
import { isPlanId, type PlanId } from '../../lib/atlas-data';

export interface MapView {
  zoom: number;
  lat: number;
  lng: number;
}

export interface HashState {
  plan?: PlanId;
  feature?: string;
  map?: MapView;
  lang?: 'zh' | 'en';
  embed?: boolean;
}

const featureId = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function parseMap(value: string): MapView | undefined {
  const parts = value.split('/');
  if (parts.length !== 3 || parts.some((p) => !/^-?\d+(\.\d+)?$/.test(p))) return undefined;
  const [zoom, lat, lng] = parts.map(Number) as [number, number, number];
  if (zoom < 0 || zoom > 22 || lat < -85 || lat > 85 || lng < -180 || lng > 180) return undefined;
  return { zoom, lat, lng };
}

/** Reads a hash (with or without the leading #); unknown keys and malformed values are ignored. */
export function parseHash(hash: string): HashState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state: HashState = {};
  const plan = params.get('plan');
  if (isPlanId(plan)) state.plan = plan;
  const feature = params.get('feature');
  if (feature && feature.length <= 80 && featureId.test(feature)) state.feature = feature;
  const map = params.get('map');
  const view = map ? parseMap(map) : undefined;
  if (view) state.map = view;
  const lang = params.get('lang');
  if (lang === 'zh' || lang === 'en') state.lang = lang;
  if (params.get('embed') === '1') state.embed = true;
  return state;
}

/** Writes the state in a fixed order; the view is rounded as openstreetmap.org does (zoom 2 decimals, ~1 m). */
export function formatHash(state: HashState): string {
  const params: string[] = [];
  if (state.plan) params.push(`plan=${state.plan}`);
  if (state.feature) params.push(`feature=${state.feature}`);
  if (state.map) {
    const { zoom, lat, lng } = state.map;
    const digits = Math.max(0, Math.ceil(Math.log2(Math.max(zoom, 1))));
    params.push(`map=${+zoom.toFixed(2)}/${+lat.toFixed(digits)}/${+lng.toFixed(digits)}`);
  }
  if (state.lang === 'en') params.push('lang=en');
  if (state.embed) params.push('embed=1');
  return params.length ? `#${params.join('&')}` : '';
}
