/**
 * MapLibre's process-wide set-up: where its worker comes from, and starting the workers early.
 * Imported for its effect by map-controller.ts. The worker's source is `./maplibre-worker-url`, which the
 * single-file build swaps for the inlined worker (scripts/build-offline.ts).
 */
import * as maplibregl from 'maplibre-gl';
import { maplibreWorkerUrl } from './maplibre-worker-url';

maplibregl.setWorkerUrl(maplibreWorkerUrl);
// Start the workers while React renders the shell, before the map exists.
maplibregl.prewarm();

export { maplibregl };
