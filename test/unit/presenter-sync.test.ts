/** The presenter's window listens only to the other atlas window of its own origin (file:// included). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acceptsOrigin, pageOrigin, syncWithOtherWindow, targetOrigin } from '../../src/features/present/presenter-sync';
import { createAtlasStore } from '../../src/state/store';

const step = (chapter: number) => ({ source: 'health-layout-atlas', chapter, step: 0 });

describe('presenter window messages', () => {
  let cleanup: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanup) c();
    cleanup = [];
  });

  it('ignores a step from a foreign origin and follows one from its own', () => {
    // The presenter's window was opened by another window (an iframe's window stands in for it).
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const opener = frame.contentWindow as Window;
    Object.defineProperty(window, 'opener', { value: opener, configurable: true });
    const store = createAtlasStore();
    store.getState().startPresenting(0, 0);
    store.setState({ presenter: true });
    cleanup.push(syncWithOtherWindow(store), () => frame.remove());

    window.dispatchEvent(new MessageEvent('message', { data: step(4), origin: 'https://elsewhere.example', source: opener }));
    expect(store.getState().chapter).toBe(0);

    window.dispatchEvent(new MessageEvent('message', { data: step(4), origin: pageOrigin(), source: opener }));
    expect(store.getState().chapter).toBe(4);
  });

  it('posts its position to its own origin only, never to “*”', () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const opener = frame.contentWindow as Window;
    const postMessage = vi.spyOn(opener, 'postMessage').mockImplementation(() => undefined);
    Object.defineProperty(window, 'opener', { value: opener, configurable: true });
    const store = createAtlasStore();
    store.getState().startPresenting(0, 0);
    store.setState({ presenter: true });
    cleanup.push(syncWithOtherWindow(store), () => frame.remove());

    store.getState().setChapter(2, 0);
    expect(postMessage).toHaveBeenCalledWith(expect.objectContaining({ chapter: 2, step: 0 }), window.location.origin);
    expect(window.location.origin).toMatch(/^https?:\/\//);
    for (const call of postMessage.mock.calls) expect(call[1]).not.toBe('*');
  });

  it('trusts the opaque origin "null" only on a page that has it (the offline file from file://)', () => {
    expect(acceptsOrigin('null', 'null')).toBe(true);
    expect(acceptsOrigin('null', 'https://atlas.example')).toBe(false);
    expect(acceptsOrigin('https://atlas.example.evil', 'https://atlas.example')).toBe(false);
    expect(targetOrigin('https://atlas.example')).toBe('https://atlas.example');
    expect(targetOrigin('null')).toBe('*');
  });
});
