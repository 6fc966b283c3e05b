/**
 * The phone's bottom sheet: its snap points and their heights, in one place for the sheet itself (its CSS height)
 * and the camera (which frames the plan in the part of the map above it).
 */
export const sheetSnaps = ['peek', 'half', 'full'] as const;
export type SheetSnap = (typeof sheetSnaps)[number];

/** At this width and below, the panel is a bottom sheet over the map (the same breakpoint as theme.css). */
export const sheetMaxWidth = 720;

/** The peek shows the handle, the plan's title and its layout formula. */
const peekPx = 176;

/** The sheet's height (px) at a snap point, for a stage (the map's box) of the given height. */
export function sheetHeight(snap: SheetSnap, stageHeight: number): number {
  if (snap === 'peek') return Math.min(peekPx, Math.round(stageHeight * 0.4));
  if (snap === 'half') return Math.round(stageHeight * 0.5);
  return Math.max(0, stageHeight - 56);
}

/** The snap point nearest a height the user dragged to; a flick (velocity in px/ms, up positive) goes one further. */
export function nearestSnap(height: number, stageHeight: number, velocity = 0): SheetSnap {
  const ranked = [...sheetSnaps].sort((a, b) => Math.abs(sheetHeight(a, stageHeight) - height) - Math.abs(sheetHeight(b, stageHeight) - height));
  const nearest = ranked[0] ?? 'peek';
  if (Math.abs(velocity) < 0.5) return nearest;
  const i = sheetSnaps.indexOf(nearest);
  const current = sheetHeight(nearest, stageHeight);
  // A flick goes on in its direction unless the drag already passed the nearest point that way.
  if (velocity > 0 && height >= current - 8) return sheetSnaps[Math.min(i + 1, sheetSnaps.length - 1)] ?? nearest;
  if (velocity < 0 && height <= current + 8) return sheetSnaps[Math.max(i - 1, 0)] ?? nearest;
  return nearest;
}

/** The next snap point up (+1) or down (-1). */
export function stepSnap(snap: SheetSnap, by: 1 | -1): SheetSnap {
  return sheetSnaps[Math.max(0, Math.min(sheetSnaps.length - 1, sheetSnaps.indexOf(snap) + by))] ?? snap;
}
