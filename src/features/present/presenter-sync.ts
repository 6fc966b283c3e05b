/**
 * The presentation window and the presenter's window stay in step: each tells the other its chapter and step
 * with postMessage, which works between windows opened from a file:// page too (no server, no network).
 */
import type { AtlasStore } from '../../state/store';

interface StepMessage {
  source: 'health-layout-atlas';
  chapter: number;
  step: number;
}

const isStepMessage = (d: unknown): d is StepMessage =>
  typeof d === 'object' &&
  d !== null &&
  (d as StepMessage).source === 'health-layout-atlas' &&
  Number.isInteger((d as StepMessage).chapter) &&
  Number.isInteger((d as StepMessage).step);

let presenterWindow: Window | null = null;

/** Opens (or brings forward) the presenter's window: the same atlas with `presenter=1` in its link. */
export function openPresenterWindow(): void {
  const url = new URL(window.location.href);
  url.hash = `${url.hash.replace(/^#/, '').replace(/&?presenter=1/, '')}&presenter=1`.replace(/^&/, '#');
  presenterWindow = window.open(url.href, 'atlas-presenter', 'popup,width=1200,height=800');
  presenterWindow?.focus();
}

/** Sends this window's chapter and step to the other window, and follows the other's. Returns the unsubscribe. */
export function syncWithOtherWindow(store: AtlasStore): () => void {
  const other = (): Window | null => (store.getState().presenter ? window.opener : presenterWindow) as Window | null;
  const send = () => {
    const s = store.getState();
    const target = other();
    if (target && !target.closed) target.postMessage({ source: 'health-layout-atlas', chapter: s.chapter, step: s.step } satisfies StepMessage, '*');
  };
  const onMessage = (e: MessageEvent) => {
    if (!isStepMessage(e.data) || e.source !== other()) return;
    const s = store.getState();
    if (s.chapter !== e.data.chapter || s.step !== e.data.step) s.setChapter(e.data.chapter, e.data.step);
  };
  window.addEventListener('message', onMessage);
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.chapter !== prev.chapter || s.step !== prev.step) send();
  });
  // A newly opened presenter window asks for the current position by sending its own; the opener answers.
  send();
  return () => {
    window.removeEventListener('message', onMessage);
    unsubscribe();
  };
}
