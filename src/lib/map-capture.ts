/**
 * Captures the map's pixels for export and print. The map controller registers its map here; this is the only
 * other module that talks to it, and only to read pixels.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

let current: MapLibreMap | null = null;

export function registerCaptureTarget(map: MapLibreMap | null): void {
  current = map;
}

export interface MapCapture {
  image: HTMLCanvasElement;
  /** Metres per image pixel at the centre of the view. */
  metresPerPixel: number;
  attribution: string;
}

/** Renders the current view at a pixel ratio that makes it at least `minWidth` pixels wide, and copies it. */
export async function captureMap(minWidth = 1600): Promise<MapCapture> {
  const map = current;
  if (!map) throw new Error('the map is not ready');
  const canvas = map.getCanvas();
  const cssWidth = canvas.clientWidth || canvas.width;
  const before = map.getPixelRatio();
  const ratio = Math.max(before, minWidth / cssWidth);
  map.setPixelRatio(ratio);
  try {
    await new Promise<void>((done) => map.once('idle', () => done()));
    const image = document.createElement('canvas');
    image.width = canvas.width;
    image.height = canvas.height;
    // The WebGL buffer is only readable during the frame that drew it.
    await new Promise<void>((done) => {
      map.once('render', () => {
        image.getContext('2d')?.drawImage(canvas, 0, 0);
        done();
      });
      map.triggerRepaint();
    });
    const lat = map.getCenter().lat;
    const metresPerCssPixel = (40075016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** map.getZoom());
    const attribution = [...map.getContainer().querySelectorAll('.maplibregl-ctrl-attrib-inner')].map((e) => e.textContent ?? '').join(' ');
    return { image, metresPerPixel: metresPerCssPixel / ratio, attribution };
  } finally {
    map.setPixelRatio(before);
  }
}

/**
 * A small picture of the map once it has settled (a JPEG data URL about `width` pixels wide), for the presenter's
 * view of the slides; undefined when there is no map. Reads the frame the map draws next, as {@link captureMap} does.
 */
export async function captureThumbnail(width = 480): Promise<string | undefined> {
  const map = current;
  if (!map) return undefined;
  if (!map.loaded() || map.isMoving()) await new Promise<void>((done) => map.once('idle', () => done()));
  const canvas = map.getCanvas();
  if (!canvas.width || !canvas.height) return undefined;
  const image = document.createElement('canvas');
  image.width = width;
  image.height = Math.round((canvas.height / canvas.width) * width);
  await new Promise<void>((done) => {
    map.once('render', () => {
      image.getContext('2d')?.drawImage(canvas, 0, 0, image.width, image.height);
      done();
    });
    map.triggerRepaint();
  });
  return image.toDataURL('image/jpeg', 0.82);
}
