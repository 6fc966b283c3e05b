/**
 * Keeps the store and the URL hash in step. Writes use replaceState, so moving the map or selecting
 * never floods the history; a hash typed or pasted by the user is applied on `hashchange`.
 */
import { isPlanId } from '../../lib/atlas-data';
import type { AtlasStore } from '../../state/store';
import { formatHash, parseHash, type HashState, type MapView } from './hash-state';

let lastView: MapView | undefined;

/** Called by the map module when the camera settles. */
export function reportMapView(view: MapView, store: AtlasStore): void {
  lastView = view;
  writeHash(store);
}

function currentHashState(store: AtlasStore): HashState {
  const s = store.getState();
  return { plan: s.planId, ...(s.selectedId ? { feature: s.selectedId } : {}), ...(lastView ? { map: lastView } : {}), lang: s.lang, embed: s.embed };
}

function writeHash(store: AtlasStore): void {
  const hash = formatHash(currentHashState(store));
  if (hash !== window.location.hash) window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${hash}`);
}

/** Puts a parsed hash into the store. A feature id implies its plan when the hash names none. */
export function applyHashState(state: HashState, store: AtlasStore): void {
  const s = store.getState();
  const implied = state.feature?.split('-')[0];
  const plan = state.plan ?? (isPlanId(implied) ? implied : undefined);
  if (plan) s.setPlan(plan);
  if (state.feature) s.select(state.feature);
  if (state.lang) s.setLang(state.lang);
  if (state.embed !== undefined) store.setState({ embed: state.embed });
  if (state.map) lastView = state.map;
}

/** The view a deep link asked for, if any, read once at start-up. */
export function initialMapView(): MapView | undefined {
  return parseHash(window.location.hash).map;
}

export function startHashSync(store: AtlasStore): () => void {
  const fromUrl = parseHash(window.location.hash);
  const embedQuery = new URLSearchParams(window.location.search).get('embed') === '1';
  applyHashState({ ...fromUrl, ...(embedQuery ? { embed: true } : {}) }, store);
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.planId !== prev.planId || s.selectedId !== prev.selectedId || s.lang !== prev.lang) writeHash(store);
  });
  const onHashChange = () => {
    const next = parseHash(window.location.hash);
    applyHashState(next, store);
    if (next.map) store.getState().moveCamera({ kind: 'view', center: [next.map.lng, next.map.lat], zoom: next.map.zoom });
  };
  window.addEventListener('hashchange', onHashChange);
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHashChange);
  };
}
