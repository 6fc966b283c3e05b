/**
 * The projects view on the map: exactly the projects the list shows (every plan's, filtered by the store's
 * `projectFilters`, or the shortlist while the 入选 tab is shown), and a frame around them whenever that list changes.
 * The list and the map read the same array (`sharedListedProjects` in src/lib/project-filter.ts) from the same parts
 * (src/data/project-parts.ts), so the count, the list and the map agree; the map draws the projects as their parts
 * arrive.
 *
 * The map never holds every listed point (100,000 at a national scale), and a filter never copies them all to
 * MapLibre's worker. What its source is handed is computed here, on the main thread, from the listed rows
 * (src/lib/project-grid.ts):
 * - below `placesFromZoom`, one disc per grid cell of the screen at the integer zoom (its count, at its members'
 *   mean position; a cell whose projects share one point is that place's own marker), recomputed when the list
 *   changes and when the integer zoom does;
 * - from it up, the places in a padded box around the view (one marker per point), recomputed when the list changes
 *   and when the view leaves the box or the zoom band; a view holding more than `maxPlacesHandedOver` places is
 *   given discs instead.
 * Beyond every part's budget (a country's list, loaded by window) the map draws every project's point
 * (`ProjectParts.points`, read in the background) filtered by the list's categories, not the window's rows.
 * `data-projects-drawn` on the map says how many projects it shows for the list (the listed count, or the points
 * read so far), whatever part of them is in view.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { loadCatalogue } from '../../data/catalogue';
import { getProjectParts, requestProjects, subscribeProjectParts } from '../../data/project-parts';
import { languages } from '../../i18n/languages';
import type { BBox, Category, ProjectPoint, ProjectRecord } from '../../lib/atlas-data';
import { projectsBbox, sharedListedProjects, sharedProjectRows, type ProjectFilters } from '../../lib/project-filter';
import { aggregateByGrid, containsBox, countPlaces, inBox, maxPlacesHandedOver, padBox, placesFromZoom } from '../../lib/project-grid';
import { isProjectsView } from '../../state/present-slice';
import type { AtlasState, AtlasStore } from '../../state/store';
import { watch } from '../../state/watch';
import { browserSourceId } from './project-layers';
import { gridFeatures, placeFeatures } from './plan-sources';

const none: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The points of some categories (all of them when none is chosen). */
const pointsOfCategories = (points: readonly ProjectPoint[], categories: readonly Category[]): readonly ProjectPoint[] =>
  categories.length ? points.filter((p) => categories.includes(p.category)) : points;
/** How far around the view the places handed to the map reach: half a view's width and height on every side. */
const viewPadding = 0.5;

/** How soon parts arriving in the background first redraw the map (ms). */
const partsRedrawMs = 1000;

/** A new sort order reorders the list; the map has nothing new to frame. */
const sameExceptSort = (a: ProjectFilters, b: ProjectFilters) => JSON.stringify({ ...a, sort: '' }) === JSON.stringify({ ...b, sort: '' });

/**
 * What the map's projects are drawn from: whether the view is on, the tab, and the shortlist or the filters,
 * whichever the tab shows (a change to the other draws nothing new).
 */
const listInputs = (s: AtlasState) => ({
  on: isProjectsView(s),
  // The discs' names are in the reader's language.
  lang: s.lang,
  list: s.projectList,
  shortlist: s.projectList === 'shortlist' ? s.shortlist : null,
  filters: s.projectList === 'shortlist' ? null : s.projectFilters,
});
type ListInputs = ReturnType<typeof listInputs>;

/** Whether a change of what the map draws frames it anew: a new tab does, a new sort order or shortlist does not. */
function framesAnew(next: ListInputs, prev: ListInputs): boolean {
  if (next.list !== prev.list) return true;
  if (next.filters && prev.filters && next.filters !== prev.filters) return !sameExceptSort(next.filters, prev.filters);
  return false;
}

export function syncProjectView(map: MapLibreMap, store: AtlasStore, container: HTMLElement, hooks: { frame(bbox: BBox): void }): () => void {
  let planOrder: string[] | undefined;
  let drawn:
    | {
        records: readonly ProjectRecord[];
        points: readonly ProjectPoint[] | undefined;
        filters: ProjectFilters;
        shortlist: readonly string[];
        list: AtlasState['projectList'];
      }
    | undefined;
  /** A frame asked for and not yet made on the final list: parts still arriving frame once, then once more when all are in. */
  let framePending: 'none' | 'first' | 'final' = 'none';
  let frameTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  /** The listed count whose data the source was last handed, until a frame has been rendered with it. */
  let toRender: string | undefined;
  const setData = (data: GeoJSON.GeoJSON) => {
    (map.getSource(browserSourceId) as GeoJSONSource | undefined)?.setData(data);
    toRender = container.dataset.projectsDrawn;
  };
  /**
   * For tests and the benchmark: `data-projects-rendered` is the listed count once a frame has been rendered with
   * the data the source was handed for it (the worker has loaded it and its tiles are in), which a framing flight
   * may follow; `data-idle` says when everything has settled.
   */
  const onRender = () => {
    if (toRender === undefined || !map.getSource(browserSourceId) || !map.isSourceLoaded(browserSourceId)) return;
    container.dataset.projectsRendered = toRender;
    toRender = undefined;
  };
  map.on('render', onRender);
  /** The listed rows the map draws (the list's own array), and the language its discs are named in. */
  let listed: { rows: readonly ProjectPoint[]; lang: AtlasState['lang'] } | undefined;
  /** What the source holds: discs at an integer zoom, or the places of a box (or discs, when the box held too many). */
  let held: { zoom: number; grid: boolean; box: BBox | undefined } | undefined;

  /** The camera's view as a box (west, south, east, north). */
  const viewBox = (): BBox => {
    const b = map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  };

  /** Hands the map what the camera shows of the listed rows: discs below `placesFromZoom`, the places around the view from it up. */
  const fill = () => {
    if (!listed) return;
    const zoom = Math.floor(map.getZoom());
    const name = languages[listed.lang].browser.aggregateName;
    if (zoom < placesFromZoom) {
      setData(gridFeatures(aggregateByGrid(listed.rows, zoom), name));
      held = { zoom, grid: true, box: undefined };
      return;
    }
    const box = padBox(viewBox(), viewPadding);
    const rows = inBox(listed.rows, box);
    // Even zoomed in, a view may hold more places than are worth handing over: discs then.
    const grid = rows.length > maxPlacesHandedOver && countPlaces(rows, maxPlacesHandedOver) > maxPlacesHandedOver;
    setData(grid ? gridFeatures(aggregateByGrid(rows, zoom), name) : placeFeatures(rows));
    held = { zoom, grid, box };
  };

  /** After the camera moves: a new integer zoom below `placesFromZoom`, another zoom band, or a view out of the box held, refills. */
  const onMoveEnd = () => {
    if (!listed || !held) return;
    const zoom = Math.floor(map.getZoom());
    const view = viewBox();
    const band = (z: number) => z >= placesFromZoom;
    if ((held.grid && zoom !== held.zoom) || band(zoom) !== band(held.zoom) || (held.box && !containsBox(held.box, view))) fill();
  };
  map.on('moveend', onMoveEnd);

  /** Draws the filtered projects; frames them when asked (a filter changed, or the view opened). */
  const draw = (frame: boolean) => {
    const s = store.getState();
    if (!isProjectsView(s)) {
      if (drawn) setData(none);
      drawn = undefined;
      listed = undefined;
      held = undefined;
      framePending = 'none';
      toRender = undefined;
      delete container.dataset.projectsDrawn;
      delete container.dataset.projectsRendered;
      return;
    }
    if (frame) framePending = 'first';
    const parts = getProjectParts();
    if (!planOrder || !parts.summary) return;
    const same =
      drawn?.records === parts.records &&
      drawn.points === parts.points &&
      drawn.filters === s.projectFilters &&
      drawn.shortlist === s.shortlist &&
      drawn.list === s.projectList;
    // A list loaded by window holds only its window's rows: the map draws every project's point instead (no filter,
    // or categories only, is what such a list has).
    const rows =
      parts.points && s.projectList === 'all'
        ? pointsOfCategories(parts.points, s.projectFilters.categories)
        : sharedListedProjects(sharedProjectRows(parts.records, planOrder), s.projectFilters, s.shortlist, s.projectList);
    if (!same || listed?.lang !== s.lang) {
      drawn = { records: parts.records, points: parts.points, filters: s.projectFilters, shortlist: s.shortlist, list: s.projectList };
      listed = { rows, lang: s.lang };
      // For tests and assistive checks: how many projects the map shows for the list (the listed count).
      container.dataset.projectsDrawn = String(rows.length);
      fill();
    }
    // A project chosen meanwhile keeps the camera: the final frame is only for a list still being looked over.
    if (framePending === 'final' && s.selectedId) framePending = 'none';
    if (framePending === 'none' || (framePending === 'final' && !parts.complete)) return;
    const bbox = projectsBbox(rows);
    if (!bbox) return;
    framePending = parts.complete ? 'none' : 'final';
    clearTimeout(frameTimer);
    // Typing in the search box changes the filter at every key: frame once the typing pauses.
    frameTimer = setTimeout(() => hooks.frame(bbox), s.projectList === 'all' && s.projectFilters.query ? 350 : 0);
  };

  /** Asks the data layer for the parts the list on the map needs. */
  const request = () => {
    const s = store.getState();
    if (!isProjectsView(s)) return;
    requestProjects({ filters: s.projectFilters, shortlist: s.shortlist, mode: s.projectList });
    if (planOrder) return;
    loadCatalogue().then(
      (catalogue) => {
        if (disposed) return;
        planOrder = catalogue.plans.map((p) => p.id);
        schedule(false);
      },
      () => undefined, // the data layer shows the failure, with a retry
    );
  };

  // The list paints first: the map's share of a filter change (one pass over the listed rows into discs or the
  // view's places, handed to the worker) runs in the task after the next frame, once per burst of changes.
  let scheduled: { frame: boolean } | undefined;
  let drawTimer: ReturnType<typeof setTimeout> | undefined;
  let drawFrame = 0;
  const schedule = (frame: boolean) => {
    if (scheduled) {
      scheduled.frame ||= frame;
      return;
    }
    scheduled = { frame };
    const run = () => {
      const job = scheduled;
      scheduled = undefined;
      if (job && !disposed) draw(job.frame);
    };
    drawFrame = requestAnimationFrame(() => {
      drawTimer = setTimeout(run, 0);
    });
  };

  // The view opens framed on its projects (unless a project is selected).
  if (isProjectsView(store.getState()) && !store.getState().selectedId) framePending = 'first';
  request();
  // Parts arriving in the background redraw the map after a second, then half as often each time (each redraw
  // passes over every listed row); the first rows and the final list are drawn at once.
  let partsTimer: ReturnType<typeof setTimeout> | undefined;
  let partsDelay = partsRedrawMs;
  const unsubscribeParts = subscribeProjectParts(() => {
    if (!drawn || getProjectParts().complete) {
      clearTimeout(partsTimer);
      partsTimer = undefined;
      partsDelay = partsRedrawMs;
      return schedule(false);
    }
    partsTimer ??= setTimeout(() => {
      partsTimer = undefined;
      schedule(false);
    }, partsDelay);
    partsDelay *= 2;
  });
  const unsubscribe = watch(store, listInputs, (next, prev, s) => {
    if (next.on) request();
    if (next.on === prev.on) return schedule(framesAnew(next, prev));
    schedule(next.on && !s.selectedId);
  });
  return () => {
    disposed = true;
    cancelAnimationFrame(drawFrame);
    clearTimeout(drawTimer);
    clearTimeout(frameTimer);
    clearTimeout(partsTimer);
    unsubscribeParts();
    unsubscribe();
    map.off('moveend', onMoveEnd);
    map.off('render', onRender);
  };
}
