/**
 * The presentation window and the presenter's window stay in step: each tells the other its chapter and step
 * with postMessage, which works between windows opened from a file:// page too (no server, no network). The
 * presentation window also sends a small picture of each slide's map, and the presenter's window (whose own map
 * shows the next slide, behind its view) pictures the next slide itself.
 *
 * Only the other atlas window is listened to: a message must come from that very window and from this page's own
 * origin, and messages are addressed to this origin only. A page opened from file:// has the opaque origin "null",
 * which cannot be named as a target: there, and only there, a message from a "null" origin is accepted (still
 * only from the window this one opened or was opened by), and messages are sent with the target "*".
 */
import { captureThumbnail } from '../../lib/map-capture';
import type { AtlasStore } from '../../state/store';

interface StepMessage {
  source: 'health-layout-atlas';
  chapter: number;
  step: number;
  /** A picture of the sender's map at that chapter and step (a JPEG data URL). */
  picture?: string;
}

const isStepMessage = (d: unknown): d is StepMessage =>
  typeof d === 'object' &&
  d !== null &&
  (d as StepMessage).source === 'health-layout-atlas' &&
  Number.isInteger((d as StepMessage).chapter) &&
  Number.isInteger((d as StepMessage).step) &&
  ((d as StepMessage).picture === undefined || /^data:image\/(jpeg|png);base64,/.test(String((d as StepMessage).picture)));

/**
 * This page's origin as messages carry it. A file:// page's is opaque, "null" in a MessageEvent, although Chromium's
 * `location.origin` says "file://".
 */
export function pageOrigin(): string {
  return window.location.protocol === 'file:' ? 'null' : window.location.origin;
}

/**
 * Whether a message's origin is this page's own. From file:// both windows have the opaque origin "null": a
 * "null" message is accepted only by a "null" page (an http page never trusts an opaque origin).
 */
export function acceptsOrigin(messageOrigin: string, ownOrigin: string = pageOrigin()): boolean {
  return messageOrigin === ownOrigin;
}

/** The target origin of this window's messages: its own, or "*" where the origin is opaque (file://) and cannot be named. */
export function targetOrigin(ownOrigin: string = pageOrigin()): string {
  return ownOrigin === 'null' ? '*' : ownOrigin;
}

let presenterWindow: Window | null = null;

/** Opens (or brings forward) the presenter's window: the same atlas with `presenter=1` in its link. */
export function openPresenterWindow(): void {
  const url = new URL(window.location.href);
  url.hash = `${url.hash.replace(/^#/, '').replace(/&?presenter=1/, '')}&presenter=1`.replace(/^&/, '#');
  presenterWindow = window.open(url.href, 'atlas-presenter', 'popup,width=1200,height=800');
  presenterWindow?.focus();
}

/** Pictures of slides by "chapter.step", from either window; listeners hear of each new one. */
const pictures = new Map<string, string>();
const pictureListeners = new Set<() => void>();
const keyOf = (chapter: number, step: number) => `${chapter}.${step}`;

/** The picture of a slide, if one has been taken. */
export function slidePicture(chapter: number, step: number): string | undefined {
  return pictures.get(keyOf(chapter, step));
}

/** Calls back when a slide's picture arrives; returns the unsubscribe. */
export function onSlidePicture(listener: () => void): () => void {
  pictureListeners.add(listener);
  return () => pictureListeners.delete(listener);
}

function keepPicture(chapter: number, step: number, picture: string): void {
  pictures.set(keyOf(chapter, step), picture);
  for (const l of pictureListeners) l();
}

/**
 * Sends this window's chapter and step to the other window, and follows the other's. `shownAfter` says which
 * slide this window's map shows for a position (the presenter's map shows the next one), so the picture taken of
 * it is kept under the right slide. Returns the unsubscribe.
 */
export function syncWithOtherWindow(store: AtlasStore, shownAfter: (chapter: number, step: number) => [number, number] = (c, s) => [c, s]): () => void {
  const other = (): Window | null => (store.getState().presenter ? window.opener : presenterWindow) as Window | null;
  const post = (message: StepMessage) => {
    const target = other();
    if (target && !target.closed) target.postMessage(message, targetOrigin());
  };
  const send = () => {
    const s = store.getState();
    post({ source: 'health-layout-atlas', chapter: s.chapter, step: s.step });
  };
  const onMessage = (e: MessageEvent) => {
    if (!acceptsOrigin(e.origin) || !isStepMessage(e.data) || e.source !== other() || !other()) return;
    if (e.data.picture) keepPicture(e.data.chapter, e.data.step, e.data.picture);
    const s = store.getState();
    // The presenter's window says where it is when it opens: it gets the picture of the slide on screen.
    if (!s.presenter && !e.data.picture) {
      const url = slidePicture(s.chapter, s.step);
      if (url) post({ source: 'health-layout-atlas', chapter: s.chapter, step: s.step, picture: url });
      else picture();
    }
    if (s.chapter !== e.data.chapter || s.step !== e.data.step) s.setChapter(e.data.chapter, e.data.step);
  };

  // Once the map has settled on a slide, its picture: kept here, and sent along to the other window.
  let disposed = false;
  let pictureRun = 0;
  function picture() {
    // Only while there is a presenter's window to show it: pictures cost a frame each.
    const s = store.getState();
    if (!s.presenter && !(presenterWindow && !presenterWindow.closed)) return;
    const run = ++pictureRun;
    setTimeout(() => {
      void captureThumbnail().then(
        (url) => {
          const s = store.getState();
          if (disposed || run !== pictureRun || !url || !s.presenting) return;
          const [chapter, step] = shownAfter(s.chapter, s.step);
          keepPicture(chapter, step, url);
          if (!s.presenter) post({ source: 'health-layout-atlas', chapter, step, picture: url });
        },
        () => undefined, // no picture: the presenter's view says so
      );
    }, 0);
  }

  window.addEventListener('message', onMessage);
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.chapter !== prev.chapter || s.step !== prev.step) {
      send();
      picture();
    }
  });
  // A newly opened presenter window asks for the current position by sending its own; the opener answers.
  send();
  picture();
  return () => {
    disposed = true;
    window.removeEventListener('message', onMessage);
    unsubscribe();
  };
}
