/** MapLibre's worker ships with the app (a self-contained module), so the map works from any sub-path and offline. */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

maplibregl.setWorkerUrl(workerUrl);
// Start the workers while React renders the shell, before the map exists.
maplibregl.prewarm();

export { maplibregl };
