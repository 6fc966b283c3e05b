/**
 * Where MapLibre loads its worker from. The hosted build ships the worker as a file beside the app (a
 * self-contained module), so the map works from any sub-path. The single-file build replaces this module by
 * `maplibre-worker-url.offline.ts` (see scripts/build-offline.ts).
 */
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

export const maplibreWorkerUrl: string = workerUrl;
