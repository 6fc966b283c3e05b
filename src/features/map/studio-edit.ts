/**
 * The map's part in the plan studio (loaded with the studio, never on a first visit). While the store says a
 * studio tool is on, the map edits instead of selecting: the point being placed is a draggable marker (a click
 * also puts it there), counties toggle in and out of an extent on click, and clicks add a belt's waypoints.
 * Everything is reported through store actions; the studio pane turns them into plan changes.
 */
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap, MapMouseEvent, Marker } from 'maplibre-gl';
import { languages } from '../../i18n/languages';
import type { AtlasState, AtlasStore } from '../../state/store';
import { watch } from '../../state/watch';
import { colors } from '../../ui/tokens';
import { maplibregl } from './maplibre-setup';

const waypointSource = 'studio-waypoints';
const hitLayer = 'studio-counties-hit';

const codeFilter = (codes: readonly string[]) => ['in', ['get', 'code'], ['literal', [...codes]]] as never;

function layers(codes: readonly string[]): LayerSpecification[] {
  return [
    // Invisible, but clickable: the county under the pointer.
    { id: hitLayer, type: 'fill', source: 'counties', paint: { 'fill-color': '#000', 'fill-opacity': 0 } },
    { id: 'studio-counties-on', type: 'fill', source: 'counties', filter: codeFilter(codes), paint: { 'fill-color': colors.focus, 'fill-opacity': 0.28 } },
    { id: 'studio-prefectures-on', type: 'fill', source: 'prefectures', filter: codeFilter(codes), paint: { 'fill-color': colors.focus, 'fill-opacity': 0.2 } },
    { id: 'studio-counties-edge', type: 'line', source: 'counties', filter: codeFilter(codes), paint: { 'line-color': colors.focus, 'line-width': 2 } },
    { id: 'studio-waypoints-line', type: 'line', source: waypointSource, paint: { 'line-color': colors.focus, 'line-width': 3, 'line-dasharray': [2, 1] } },
    {
      id: 'studio-waypoints-dot',
      type: 'circle',
      source: waypointSource,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-radius': 6, 'circle-color': colors.paper, 'circle-stroke-color': colors.focus, 'circle-stroke-width': 2.5 },
    },
  ];
}

function waypointData(s: AtlasState): GeoJSON.FeatureCollection {
  const points = s.studioTool === 'waypoints' ? s.studioWaypoints : [];
  return {
    type: 'FeatureCollection',
    features: [
      ...(points.length > 1
        ? [{ type: 'Feature' as const, properties: {}, geometry: { type: 'LineString' as const, coordinates: points.map((p) => [...p]) } }]
        : []),
      ...points.map((p) => ({ type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: [...p] } })),
    ],
  };
}

/** Wires the studio's tools to the map; returns the cleanup. */
export function attachStudioEdit(map: MapLibreMap, store: AtlasStore, container: HTMLElement): () => void {
  let marker: Marker | undefined;
  const ensureLayers = () => {
    if (!map.getSource(waypointSource)) map.addSource(waypointSource, { type: 'geojson', data: waypointData(store.getState()) });
    const codes = store.getState().studioTool === 'areas' ? store.getState().studioCodes : [];
    for (const layer of layers(codes)) if (!map.getLayer(layer.id)) map.addLayer(layer);
  };
  const sync = () => {
    const s = store.getState();
    ensureLayers();
    const codes = s.studio && s.studioTool === 'areas' ? s.studioCodes : [];
    for (const id of ['studio-counties-on', 'studio-prefectures-on', 'studio-counties-edge']) map.setFilter(id, codeFilter(codes));
    (map.getSource(waypointSource) as GeoJSONSource).setData(waypointData(s));
    const point = s.studio && s.studioTool === 'point' ? s.studioPoint : null;
    if (point && !marker) {
      const element = document.createElement('div');
      element.className = 'studio-marker';
      element.setAttribute('role', 'img');
      marker = new maplibregl.Marker({ element, draggable: true, color: colors.focus }).setLngLat([...point]).addTo(map);
      marker.on('dragend', () => {
        const at = marker?.getLngLat();
        if (at) store.getState().setStudioPoint([at.lng, at.lat]);
      });
    }
    if (point && marker) {
      marker.setLngLat([...point]);
      marker.getElement().setAttribute('aria-label', languages[s.lang].studioPointLabel(point[0], point[1]));
      container.dataset.studioPoint = `${point[0]},${point[1]}`;
    }
    if (!point && marker) {
      marker.remove();
      marker = undefined;
      delete container.dataset.studioPoint;
    }
    map.getCanvas().style.cursor = s.studio && s.studioTool !== 'none' ? 'crosshair' : '';
    container.dataset.studioTool = s.studio ? s.studioTool : '';
  };
  const onClick = (e: MapMouseEvent) => {
    const s = store.getState();
    if (!s.studio) return;
    if (s.studioTool === 'point') s.setStudioPoint([e.lngLat.lng, e.lngLat.lat]);
    else if (s.studioTool === 'waypoints') s.addStudioWaypoint([e.lngLat.lng, e.lngLat.lat]);
    else if (s.studioTool === 'areas') {
      const code = map.queryRenderedFeatures(e.point, { layers: [hitLayer] })[0]?.properties?.code;
      if (typeof code === 'string') s.toggleStudioCode(code);
    }
  };
  // A style rebuilt from scratch (another base map) drops the studio's layers: they are put back.
  const onStyle = () => {
    if (map.isStyleLoaded() && !map.getLayer(hitLayer)) sync();
  };
  sync();
  map.on('click', onClick);
  map.on('styledata', onStyle);
  const unsubscribe = watch(
    store,
    (s) => ({ studio: s.studio, tool: s.studioTool, point: s.studioPoint, codes: s.studioCodes, waypoints: s.studioWaypoints, lang: s.lang }),
    sync,
  );
  return () => {
    unsubscribe();
    map.off('click', onClick);
    map.off('styledata', onStyle);
    marker?.remove();
    for (const layer of layers([])) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
    if (map.getSource(waypointSource)) map.removeSource(waypointSource);
  };
}
