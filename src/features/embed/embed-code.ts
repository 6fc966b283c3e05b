/**
 * The iframe code a web editor pastes into a page, and the embed's link back to the full atlas. Both carry the
 * plan, the selection and the language; the camera only when the author asks to keep the view, so an embed
 * otherwise frames the plan to its own size.
 */
import { defaultLang } from '../../i18n/languages';

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface EmbedState {
  plan: string;
  feature?: string | null;
  lang: string;
  /** `zoom/lat/lng` as the address writes it; only when the author keeps the view. */
  map?: string | null;
}

/** Ids and the view are already well-formed (the store only holds such); encoding keeps any slip harmless. */
function hashOf(state: EmbedState): string {
  const parts = [`plan=${encodeURIComponent(state.plan)}`];
  if (state.feature) parts.push(`feature=${encodeURIComponent(state.feature)}`);
  if (state.map && /^-?\d+(\.\d+)?\/-?\d+(\.\d+)?\/-?\d+(\.\d+)?$/.test(state.map)) parts.push(`map=${state.map}`);
  if (state.lang !== defaultLang) parts.push(`lang=${encodeURIComponent(state.lang)}`);
  return `#${parts.join('&')}`;
}

/** The live camera as the address holds it, for "keep this view". */
export function currentMapParam(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('map');
}

export function embedUrl(location: { origin: string; pathname: string }, state: EmbedState): string {
  return `${location.origin}${location.pathname}?embed=1${hashOf(state)}`;
}

/** The full atlas for the same plan and selection (its own camera frames them). */
export function fullAtlasUrl(location: { origin: string; pathname: string }, state: EmbedState): string {
  return `${location.origin}${location.pathname}${hashOf({ ...state, map: null })}`;
}

export function iframeCode(url: string, title: string, height = 600): string {
  return `<iframe src="${escapeAttr(url)}" title="${escapeAttr(title)}" width="100%" height="${height}" style="border:0;max-width:100%" loading="lazy" allow="fullscreen" sandbox="allow-scripts allow-same-origin allow-popups"></iframe>`;
}
