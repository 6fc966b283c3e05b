/**
 * Printing: a WebGL canvas does not print reliably, so the map is captured into an image shown only in print,
 * and the page size (A4 or A3 landscape) is set for this print job.
 */
import { report } from '../../data/notices';
import { captureMap } from '../../lib/map-capture';

/** The paper sizes the export menu offers, in its order (landscape). */
export const paperSizes = ['A4', 'A3'] as const;

export async function printMap(size: (typeof paperSizes)[number]): Promise<void> {
  const style = document.createElement('style');
  style.textContent = `@page { size: ${size} landscape; margin: 10mm; }`;
  document.head.append(style);
  const img = document.createElement('img');
  img.className = 'print-map';
  img.alt = '';
  // The map's credits, review number (审图号) first: the printed page carries them under the map.
  const credit = document.createElement('p');
  credit.className = 'print-credit';
  try {
    const capture = await captureMap(size === 'A3' ? 2400 : 1600);
    img.src = capture.image.toDataURL('image/png');
    credit.textContent = capture.attribution;
    document.querySelector('.map-wrap')?.append(img, credit);
    await img.decode().catch(() => undefined);
  } catch (e) {
    // The page still prints (legend, plan text); the user is told the map image is missing from it.
    report({ type: 'export-failed', reason: e instanceof Error ? e.message : String(e) });
  }
  window.print();
  img.remove();
  credit.remove();
  style.remove();
}
