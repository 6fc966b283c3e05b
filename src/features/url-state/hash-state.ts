/**
 * The URL hash holds the shareable state: `#plan=<planId>&feature=<featureId>&map=8.5/25.5/103.8&lang=en`.
 * Parsing keeps only well-formed, known values; anything else is dropped silently so a link never breaks the page.
 */
import { defaultLang, isLang, type Lang } from '../../i18n/languages';
import { cleanShortlist, projectSorts, queryMaxLength } from '../../lib/project-filter';
import { categories, isOneOf, slugPattern, type Category, type PlanId } from '../../lib/vocabulary';
import type { MapView } from '../../state/camera-slice';
import type { ProjectSort } from '../../state/projects-slice';

export type { MapView };

export interface HashState {
  plan?: PlanId;
  feature?: string;
  map?: MapView;
  /** Any interface language of languages.ts; the default one is left out of the address. */
  lang?: Lang;
  embed?: boolean;
  present?: boolean;
  /**
   * The chapter's index (0 = the first). In the link it counts from 1, as the screen does (`chapter=1` is the
   * first slide); `chapter=0`, which older links used for the first slide, still opens the first slide.
   */
  chapter?: number;
  /** The step within the chapter (a clicker press), and whether this window is the presenter's view. */
  step?: number;
  presenter?: boolean;
  view?: 'projects';
  /** Project-browser filters (with view=projects; `plan` doubles as the plan filter there). */
  county?: string[];
  category?: Category[];
  element?: string;
  q?: string;
  sort?: ProjectSort;
  /** Ids of the shortlisted projects. */
  shortlist?: string[];
  /** The project list shows the shortlist (the 入选 tab), and so does the map. */
  list?: 'shortlist';
}

/** County and prefecture names: Chinese characters only, as the layers write them. */
const countyName = /^[\p{Script=Han}]{1,20}$/u;

const featureId = slugPattern;

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
  // Any well-formed id: whether such a plan exists is the catalogue's to say (and the user is told).
  if (plan && plan.length <= 60 && slugPattern.test(plan)) state.plan = plan;
  const feature = params.get('feature');
  if (feature && feature.length <= 80 && featureId.test(feature)) state.feature = feature;
  const map = params.get('map');
  const view = map ? parseMap(map) : undefined;
  if (view) state.map = view;
  const lang = params.get('lang');
  if (isLang(lang)) state.lang = lang;
  if (params.get('embed') === '1') state.embed = true;
  if (params.get('present') === '1') state.present = true;
  const chapter = params.get('chapter');
  if (chapter && /^\d{1,3}$/.test(chapter)) state.chapter = Math.max(0, Number(chapter) - 1);
  const step = params.get('step');
  if (step && /^\d{1,3}$/.test(step)) state.step = Number(step);
  if (params.get('presenter') === '1') state.presenter = true;
  if (params.get('view') === 'projects') state.view = 'projects';
  const county = params
    .get('county')
    ?.split(',')
    .filter((c) => countyName.test(c));
  if (county?.length) state.county = county;
  const category = params
    .get('category')
    ?.split(',')
    .filter((c): c is Category => isOneOf(categories, c));
  if (category?.length) state.category = category;
  const element = params.get('element');
  if (element && element.length <= 80 && featureId.test(element)) state.element = element;
  const q = params.get('q');
  // The search box's own limit: a link keeps what can be typed, and reads back what it keeps.
  if (q) state.q = q.slice(0, queryMaxLength);
  const sort = params.get('sort');
  if (isOneOf(projectSorts, sort)) state.sort = sort;
  // Every well-formed id: the store caps the list and tells the user how many a long link named beyond it.
  const shortlist = cleanShortlist(params.get('shortlist')?.split(',') ?? [], Number.POSITIVE_INFINITY);
  if (shortlist.length) state.shortlist = shortlist;
  if (params.get('list') === 'shortlist') state.list = 'shortlist';
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
  if (state.view) params.push(`view=${state.view}`);
  if (state.county?.length) params.push(`county=${state.county.map(encodeURIComponent).join(',')}`);
  if (state.category?.length) params.push(`category=${state.category.join(',')}`);
  if (state.element) params.push(`element=${state.element}`);
  if (state.q) params.push(`q=${encodeURIComponent(state.q)}`);
  if (state.sort && state.sort !== 'plan') params.push(`sort=${state.sort}`);
  if (state.shortlist?.length) params.push(`shortlist=${state.shortlist.join(',')}`);
  if (state.list) params.push(`list=${state.list}`);
  if (state.present) params.push('present=1');
  if (state.present && state.chapter !== undefined) params.push(`chapter=${state.chapter + 1}`);
  if (state.present && state.step) params.push(`step=${state.step}`);
  if (state.present && state.presenter) params.push('presenter=1');
  if (state.lang && state.lang !== defaultLang) params.push(`lang=${state.lang}`);
  if (state.embed) params.push('embed=1');
  return params.length ? `#${params.join('&')}` : '';
}
