/** Map events into store actions: hover highlights what a click would select, a click selects, a cluster opens. */
import type { GeoJSONSource, Map as MapLibreMap, MapGeoJSONFeature, PointLike } from 'maplibre-gl';
import type { AtlasStore } from '../../state/store';
import { interactiveLayerIds, planSourceIds } from './plan-layers';

const reducedMotion = () => typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export function attachInteraction(map: MapLibreMap, store: AtlasStore): () => void {
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
  map.on('mousemove', onMove);
  map.on('mouseout', onOut);
  map.on('click', onClick);
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.hoveredId !== prev.hoveredId) showHover(s.hoveredId);
  });
  return () => {
    unsubscribe();
    map.off('mousemove', onMove);
    map.off('mouseout', onOut);
    map.off('click', onClick);
  };
}
