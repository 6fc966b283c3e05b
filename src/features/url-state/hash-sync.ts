/**
 * Keeps the store and the URL hash in step. Writes use replaceState, so moving the map or selecting
 * never floods the history; a hash typed or pasted by the user is applied on `hashchange`.
 */
import { defaultLang } from '../../i18n/languages';
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
  const base: HashState = { lang: s.lang, embed: s.embed, ...(s.shortlist.length ? { shortlist: s.shortlist } : {}) };
  if (s.view === 'projects') {
    // In the project browser `plan` is the plan filter; the map's view is not part of the list's link.
    const f = s.projectFilters;
    return {
      ...base,
      view: 'projects',
      ...(f.plans.length === 1 ? { plan: f.plans[0] } : {}),
      ...(s.selectedId ? { feature: s.selectedId } : {}),
      ...(f.counties.length ? { county: f.counties } : {}),
      ...(f.categories.length ? { category: f.categories } : {}),
      ...(f.element ? { element: f.element } : {}),
      ...(f.query ? { q: f.query } : {}),
      sort: f.sort,
      ...(s.projectList === 'shortlist' ? { list: 'shortlist' as const } : {}),
    };
  }
  if (s.presenting) return { ...base, plan: s.planId, present: true, chapter: s.chapter, step: s.step, presenter: s.presenter };
  return { ...base, plan: s.planId, ...(s.selectedId ? { feature: s.selectedId } : {}), ...(lastView ? { map: lastView } : {}) };
}

function writeHash(store: AtlasStore): void {
  const hash = formatHash(currentHashState(store));
  if (hash !== window.location.hash) window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${hash}`);
}

/**
 * Puts a parsed hash into the store. The hash is the state in both directions: a mode whose key is gone is
 * switched off (selection, language, presenting, the project list, the embed view), and presenting wins over the
 * project list. A feature without a plan is resolved against the
 * catalogue when it arrives (see the app's start-up).
 */
export function applyHashState(state: HashState, store: AtlasStore, { initial = false } = {}): void {
  const s = store.getState();
  if (state.plan) s.setPlan(state.plan);
  // A link restores the selection as it was shared: the phone's sheet stays as the user has it.
  if (state.feature) s.select(state.feature, { keepSheet: true });
  else if (!initial && s.selectedId) s.select(null);
  if (state.lang) s.setLang(state.lang);
  else if (!initial && s.lang !== defaultLang) s.setLang(defaultLang);
  // The caller folds `?embed=1` into the state, so a hash without the key turns the embed view off.
  if (state.embed || !initial) s.setEmbed(!!state.embed);
  if (state.map) {
    lastView = state.map;
    s.moveCamera({ kind: 'view', center: [state.map.lng, state.map.lat], zoom: state.map.zoom });
  }
  if (state.shortlist || !initial) s.setShortlist(state.shortlist ?? []);
  if (state.present) {
    s.startPresenting(state.chapter ?? 0, state.step ?? 0);
    s.setPresenter(state.presenter === true);
  } else if (s.presenting) s.stopPresenting();
  if (state.view !== 'projects' && store.getState().view === 'projects') s.setView('map');
  if (state.view === 'projects' && !state.present) {
    s.setView('projects');
    s.setProjectFilters({
      plans: state.plan ? [state.plan] : [],
      counties: state.county ?? [],
      categories: state.category ?? [],
      element: state.element ?? null,
      query: state.q ?? '',
      sort: state.sort ?? 'plan',
    });
    s.setProjectList(state.list ?? 'all');
  }
}

export function startHashSync(store: AtlasStore): () => void {
  const fromUrl = parseHash(window.location.hash);
  const embedQuery = new URLSearchParams(window.location.search).get('embed') === '1';
  applyHashState({ ...fromUrl, ...(embedQuery ? { embed: true } : {}) }, store, { initial: true });
  const unsubscribe = store.subscribe((s, prev) => {
    if (
      s.planId !== prev.planId ||
      s.selectedId !== prev.selectedId ||
      s.lang !== prev.lang ||
      s.view !== prev.view ||
      s.presenting !== prev.presenting ||
      s.chapter !== prev.chapter ||
      s.step !== prev.step ||
      s.projectFilters !== prev.projectFilters ||
      s.shortlist !== prev.shortlist ||
      s.projectList !== prev.projectList
    )
      writeHash(store);
  });
  const onHashChange = () => {
    const next = parseHash(window.location.hash);
    applyHashState({ ...next, ...(embedQuery ? { embed: true } : {}) }, store);
  };
  window.addEventListener('hashchange', onHashChange);
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHashChange);
  };
}
