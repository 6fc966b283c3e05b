/** The benchmark's baseline: MapLibre alone drawing the same base layers from the same files, nothing else. */
import 'maplibre-gl/dist/maplibre-gl.css';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { GeoJSONSource } from 'maplibre-gl';
import { loadBaseData } from '../src/data/base-geo';
import { baseFillLayers, baseLabelLayers, baseLineLayers, baseSourcesSpec, labelFontFamily, seatLayers } from '../src/features/map/base-style';

maplibregl.setWorkerUrl(workerUrl);
const options = { lang: 'zh', basemap: 'offline' } as const;
const map = new maplibregl.Map({
  container: 'map',
  style: {
    version: 8,
    sources: baseSourcesSpec(options),
    layers: [...baseFillLayers(options), ...baseLineLayers(), ...baseLabelLayers(options), ...seatLayers()],
  },
  bounds: [97.5, 21.1, 106.2, 29.25],
  localIdeographFontFamily: labelFontFamily,
});
let ready = false;
const data = loadBaseData(); // fetched from the start, as the atlas does
map.on('load', () => {
  data.then((data) => {
    for (const [id, fc] of Object.entries(data)) (map.getSource(id) as GeoJSONSource).setData(fc);
    ready = true;
  });
});
map.on('idle', () => {
  if (ready && !performance.getEntriesByName('atlas-map-ready').length) performance.mark('atlas-map-ready');
});
