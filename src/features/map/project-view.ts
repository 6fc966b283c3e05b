/**
 * The projects view on the map: exactly the projects the list shows (every plan's, filtered by the store's
 * `projectFilters`, or the shortlist while the 入选 tab is shown), one marker per point, and a frame around them
 * whenever that list changes. The list and the map read the same array (`sharedListedProjects` in
 * src/lib/project-filter.ts), so the count, the list and the map agree.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { loadCatalogue } from '../../data/catalogue';
import { loadProjects } from '../../data/tables';
import type { BBox, ProjectRecord } from '../../lib/atlas-data';
import { projectsBbox, sharedListedProjects, sharedProjectRows, type ProjectFilters } from '../../lib/project-filter';
import { isProjectsView } from '../../state/present-slice';
import type { AtlasState, AtlasStore } from '../../state/store';
import { watch } from '../../state/watch';
import { browserSourceId } from './project-layers';
import { placeFeatures } from './plan-sources';

const none: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

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
  let table: { records: readonly ProjectRecord[]; planOrder: string[] } | undefined;
  let drawn: { records: readonly ProjectRecord[]; filters: ProjectFilters; shortlist: readonly string[]; list: AtlasState['projectList'] } | undefined;
  let frameTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const setData = (data: GeoJSON.GeoJSON) => (map.getSource(browserSourceId) as GeoJSONSource | undefined)?.setData(data);

  /** Draws the filtered projects; frames them when asked (a filter changed, or the view opened). */
  const draw = (frame: boolean) => {
    const s = store.getState();
    if (!isProjectsView(s)) {
      if (drawn) setData(none);
      drawn = undefined;
      delete container.dataset.projectsDrawn;
      return;
    }
    if (!table) return;
    if (drawn?.records === table.records && drawn.filters === s.projectFilters && drawn.shortlist === s.shortlist && drawn.list === s.projectList) return;
    drawn = { records: table.records, filters: s.projectFilters, shortlist: s.shortlist, list: s.projectList };
    const rows = sharedListedProjects(sharedProjectRows(table.records, table.planOrder), s.projectFilters, s.shortlist, s.projectList);
    setData(placeFeatures(rows));
    // For tests and assistive checks: how many projects the map holds now.
    container.dataset.projectsDrawn = String(rows.length);
    if (!frame) return;
    clearTimeout(frameTimer);
    const bbox = projectsBbox(rows);
    // Typing in the search box changes the filter at every key: frame once the typing pauses.
    if (bbox) frameTimer = setTimeout(() => hooks.frame(bbox), s.projectList === 'all' && s.projectFilters.query ? 350 : 0);
  };

  const load = () => {
    if (table || !isProjectsView(store.getState())) return;
    Promise.all([loadCatalogue(), loadProjects()]).then(
      ([catalogue, records]) => {
        if (disposed) return;
        table = { records, planOrder: catalogue.plans.map((p) => p.id) };
        const s = store.getState();
        draw(!s.selectedId);
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

  load();
  const unsubscribe = watch(store, listInputs, (next, prev, s) => {
    if (next.on === prev.on) return schedule(framesAnew(next, prev));
    if (next.on) load();
    schedule(next.on && !s.selectedId);
  });
  return () => {
    disposed = true;
    cancelAnimationFrame(drawFrame);
    clearTimeout(drawTimer);
    clearTimeout(frameTimer);
    unsubscribe();
  };
}
