/**
 * The projects view on the map: exactly the projects the list shows (every plan's, filtered by the store's
 * `projectFilters`, or the shortlist while the 入选 tab is shown), one marker per point, and a frame around them
 * whenever that list changes. The list and the map read the same array (`sharedListedProjects` in
 * src/lib/project-filter.ts) from the same parts (src/data/project-parts.ts), so the count, the list and the map
 * agree; the map draws the projects as their parts arrive.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { loadCatalogue } from '../../data/catalogue';
import { getProjectParts, requestProjects, subscribeProjectParts } from '../../data/project-parts';
import type { BBox, ProjectRecord } from '../../lib/atlas-data';
import { projectsBbox, sharedListedProjects, sharedProjectRows, type ProjectFilters } from '../../lib/project-filter';
import { isProjectsView } from '../../state/present-slice';
import type { AtlasState, AtlasStore } from '../../state/store';
import { watch } from '../../state/watch';
import { browserSourceId } from './project-layers';
import { placeFeatures } from './plan-sources';

const none: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
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
  let drawn: { records: readonly ProjectRecord[]; filters: ProjectFilters; shortlist: readonly string[]; list: AtlasState['projectList'] } | undefined;
  /** A frame asked for and not yet made on the final list: parts still arriving frame once, then once more when all are in. */
  let framePending: 'none' | 'first' | 'final' = 'none';
  let frameTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const setData = (data: GeoJSON.GeoJSON) => (map.getSource(browserSourceId) as GeoJSONSource | undefined)?.setData(data);

  /** Draws the filtered projects; frames them when asked (a filter changed, or the view opened). */
  const draw = (frame: boolean) => {
    const s = store.getState();
    if (!isProjectsView(s)) {
      if (drawn) setData(none);
      drawn = undefined;
      framePending = 'none';
      delete container.dataset.projectsDrawn;
      return;
    }
    if (frame) framePending = 'first';
    const parts = getProjectParts();
    if (!planOrder || !parts.summary) return;
    const same = drawn?.records === parts.records && drawn.filters === s.projectFilters && drawn.shortlist === s.shortlist && drawn.list === s.projectList;
    const rows = sharedListedProjects(sharedProjectRows(parts.records, planOrder), s.projectFilters, s.shortlist, s.projectList);
    if (!same) {
      drawn = { records: parts.records, filters: s.projectFilters, shortlist: s.shortlist, list: s.projectList };
      setData(placeFeatures(rows));
      // For tests and assistive checks: how many projects the map holds now.
      container.dataset.projectsDrawn = String(rows.length);
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

  // The list paints first: the map's share of a filter change (grouping up to 10,000 points, handing them to the
  // worker) runs in the task after the next frame, once per burst of changes.
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
  // hands every point to the worker); the first rows and the final list are drawn at once.
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
  };
}
