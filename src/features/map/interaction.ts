/**
 * Map events into store actions: hover highlights what a click would select, a click selects, a cluster opens.
 * From the keyboard, with the map focused, [ and ] step through the plan's elements and then its projects in the
 * plan's order (highlighted as hover, brought on screen, announced), and Enter opens the one highlighted.
 */
import type { GeoJSONSource, Map as MapLibreMap, MapGeoJSONFeature, PointLike } from 'maplibre-gl';
import type { AtlasFeature } from '../../lib/atlas-data';
import { bboxOf } from '../../lib/geometry';
import type { AtlasStore } from '../../state/store';
import { interactiveLayerIds, planSourceIds } from './plan-layers';
import type { Scene } from './scene';

/** What the keyboard cursor is on: the feature, its place in the cycle and the cycle's length. */
export type CursorReport = { feature: AtlasFeature; index: number; total: number } | null;

const reducedMotion = () => typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export function attachInteraction(map: MapLibreMap, store: AtlasStore, scene: Scene, onCursor?: (cursor: CursorReport) => void): () => void {
  const topFeature = (point: PointLike): MapGeoJSONFeature | undefined =>
    map.queryRenderedFeatures(point, { layers: interactiveLayerIds.filter((id) => map.getLayer(id)) })[0];

  // Hover lives in the store (the element list hovers too); the map shows it as feature state.
  let hoverShown: string | null = null;
  const targets = (x: string) => [
    { source: planSourceIds.areas, id: x },
    { source: planSourceIds.areas, id: `${x}--linked` },
    { source: planSourceIds.projects, id: x },
  ];
  const showHover = (id: string | null) => {
    if (hoverShown) for (const t of targets(hoverShown)) map.setFeatureState(t, { hover: false });
    hoverShown = id;
    if (id) for (const t of targets(id)) map.setFeatureState(t, { hover: true });
  };
  const setHover = (f: MapGeoJSONFeature | undefined) => {
    map.getCanvas().style.cursor = f ? 'pointer' : '';
    const props = f?.properties as { of?: string; id?: string; cluster_id?: number } | undefined;
    store.getState().hover(props?.cluster_id !== undefined ? null : (props?.of ?? props?.id ?? null));
  };
  const onMove = (e: { point: PointLike }) => setHover(topFeature(e.point));
  const onOut = () => setHover(undefined);
  const onClick = (e: { point: PointLike }) => {
    const f = topFeature(e.point);
    if (!f) return store.getState().select(null);
    const props = f.properties as { of?: string; id?: string; cluster_id?: number };
    if (props.cluster_id !== undefined) {
      const source = map.getSource(planSourceIds.projects) as GeoJSONSource;
      source
        .getClusterExpansionZoom(props.cluster_id)
        .then((zoom) => {
          map.easeTo({ center: (f.geometry as GeoJSON.Point).coordinates as [number, number], zoom: zoom + 0.2, animate: !reducedMotion() });
        })
        .catch(() => undefined);
      return;
    }
    store.getState().select(props.of ?? props.id ?? null);
  };
  // The keyboard cursor: the plan's visible elements in its order, then its visible projects.
  let cursor = -1;
  const cycle = (): AtlasFeature[] => {
    const s = store.getState();
    const features = scene.plan?.features ?? [];
    const shown = (f: AtlasFeature) =>
      f.properties.part !== 'linked' &&
      !s.hiddenRoles.includes(f.properties.role) &&
      (f.properties.role !== 'project' || !s.hiddenCategories.includes(f.properties.category ?? 'other'));
    return [...features.filter((f) => f.properties.role !== 'project' && shown(f)), ...features.filter((f) => f.properties.role === 'project' && shown(f))];
  };
  const step = (by: 1 | -1) => {
    const list = cycle();
    if (!list.length) return;
    const current = list.findIndex((f) => f.properties.id === store.getState().hoveredId);
    cursor = ((current >= 0 ? current : by > 0 ? -1 : 0) + by + list.length) % list.length;
    const feature = list[cursor]!;
    store.getState().hover(feature.properties.id);
    const box = bboxOf([feature.geometry]);
    const center: [number, number] | undefined = box && [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
    if (center && !map.getBounds().contains(center)) map.easeTo({ center, animate: !reducedMotion() });
    onCursor?.({ feature, index: cursor, total: list.length });
  };
  const canvas = map.getCanvas();
  const onKey = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === ']' || e.key === '[') {
      e.preventDefault();
      step(e.key === ']' ? 1 : -1);
    } else if (e.key === 'Enter') {
      const id = store.getState().hoveredId;
      const plan = scene.plan?.meta.id;
      if (!id || !plan || !scene.plan?.byId.has(id)) return;
      e.preventDefault();
      store.getState().showFeature({ plan, id });
    }
  };
  const onBlur = () => {
    if (cursor >= 0) {
      cursor = -1;
      store.getState().hover(null);
      onCursor?.(null);
    }
  };
  canvas.addEventListener('keydown', onKey);
  canvas.addEventListener('blur', onBlur);

  map.on('mousemove', onMove);
  map.on('mouseout', onOut);
  map.on('click', onClick);
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.hoveredId !== prev.hoveredId) showHover(s.hoveredId);
  });
  return () => {
    unsubscribe();
    canvas.removeEventListener('keydown', onKey);
    canvas.removeEventListener('blur', onBlur);
    map.off('mousemove', onMove);
    map.off('mouseout', onOut);
    map.off('click', onClick);
  };
}
