/**
 * The single-file build's MapLibre worker: its code is part of the page's one script and is handed to MapLibre
 * as a blob: URL. (On a file:// page, whose origin is opaque, MapLibre reads that blob and starts the worker
 * from a data: URL, which is why the offline page's CSP allows workers from data: as well as blob:.)
 * Used in place of `maplibre-worker-url.ts` by scripts/build-offline.ts; the hosted build never loads it.
 */
import workerCode from 'maplibre-gl/dist/maplibre-gl-worker.mjs?raw';

export const maplibreWorkerUrl: string = URL.createObjectURL(new Blob([workerCode], { type: 'text/javascript' }));
