/**
 * The reader first: background work (every part of a long load, every project's point for the map) waits while the
 * reader acts. On a 2-core machine drawing the map (WebGL through a software rasteriser) and taking in a batch of
 * parts compete for the same cores, so a click's own work (the list's first rows, the map redrawn) would wait behind
 * a load nobody is looking at (issue 19: at 1,000 plans the map's redraw after a chip took 2 s while parts arrived).
 */

/** How long after the reader's last input (click, key, wheel, touch) background work resumes (ms). */
export const quietAfterMs = 1200;

let lastInput = Number.NEGATIVE_INFINITY;

// Listened to from the module's first import (the data layer's, at start-up), so the click that opens the list counts.
if (typeof document !== 'undefined') {
  const note = () => {
    lastInput = performance.now();
  };
  for (const type of ['pointerdown', 'keydown', 'wheel', 'touchstart']) document.addEventListener(type, note, { capture: true, passive: true });
}

/** How long until the reader has given no input for {@link quietAfterMs} (ms; 0 when they have not acted lately). */
export const quietIn = (): number => Math.max(0, lastInput + quietAfterMs - performance.now());

/** Resolves once the reader has given no input for {@link quietAfterMs} (at once when they have not acted lately). */
export async function whenQuiet(): Promise<void> {
  for (let wait = quietIn(); wait > 0; wait = quietIn()) await new Promise((resolve) => setTimeout(resolve, wait));
}
