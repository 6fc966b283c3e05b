/**
 * Keyboard focus goes back where it came from when what it opened goes away: closing details returns it to the
 * list item, legend entry or map that opened them; leaving a presentation returns it to the Present button.
 * Elements that can take focus back carry `data-focus-key`; the key survives their re-rendering.
 */
import type { AtlasStore } from '../state/store';

const keyOf = (el: Element | null): string | null => el?.closest('[data-focus-key]')?.getAttribute('data-focus-key') ?? null;

/** Focus is nowhere useful: on the page itself, or on an element that has just left it. */
const focusLost = () => {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected;
};

function restore(key: string | null) {
  // After the view has re-rendered.
  requestAnimationFrame(() => {
    if (!key || !focusLost()) return;
    document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`)?.focus({ preventScroll: false });
  });
}

export function startFocusReturn(store: AtlasStore): () => void {
  let detailsOpener: string | null = null;
  return store.subscribe((s, prev) => {
    // Store changes are synchronous, before React re-renders: the opener is still on the page.
    if (s.selectedId && !prev.selectedId) detailsOpener = keyOf(document.activeElement);
    if (!s.selectedId && prev.selectedId) {
      restore(detailsOpener);
      detailsOpener = null;
    }
    if (!s.presenting && prev.presenting) restore('present');
  });
}
