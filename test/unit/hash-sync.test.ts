/** The hash is the state in both directions: every mode turns off when its key goes away, one mode at a time. */
import { describe, expect, it } from 'vitest';
import { parseHash } from '../../src/features/url-state/hash-state';
import { applyHashState } from '../../src/features/url-state/hash-sync';
import { createAtlasStore } from '../../src/state/store';

const apply = (store: ReturnType<typeof createAtlasStore>, hash: string, initial = false) => applyHashState(parseHash(hash), store, { initial });

describe('hash → store', () => {
  it('turns presenting off when present=1 goes away', () => {
    const store = createAtlasStore();
    apply(store, '#plan=yunnan&present=1&chapter=3', true);
    expect(store.getState()).toMatchObject({ presenting: true, chapter: 2, view: 'map' });
    apply(store, '#plan=yunnan');
    expect(store.getState().presenting).toBe(false);
  });

  it('returns to the map when view=projects goes away', () => {
    const store = createAtlasStore();
    apply(store, '#view=projects&plan=qujing', true);
    expect(store.getState().view).toBe('projects');
    apply(store, '#plan=qujing');
    expect(store.getState().view).toBe('map');
  });

  it('resolves present=1 with view=projects to one mode (presenting on the map)', () => {
    const store = createAtlasStore();
    apply(store, '#plan=yunnan&present=1&view=projects', true);
    expect(store.getState()).toMatchObject({ presenting: true, view: 'map' });
    // Opening the list later ends the presentation.
    store.getState().setView('projects');
    expect(store.getState()).toMatchObject({ presenting: false, view: 'projects' });
  });

  it('clears the selection, the language and the embed view when their keys go away', () => {
    const store = createAtlasStore();
    apply(store, '#plan=qujing&feature=qujing-core&lang=en&embed=1', true);
    expect(store.getState()).toMatchObject({ selectedId: 'qujing-core', lang: 'en', embed: true });
    apply(store, '#plan=qujing');
    expect(store.getState()).toMatchObject({ selectedId: null, lang: 'zh', embed: false });
  });

  it('opens the sheet to half when something is selected on a phone', () => {
    const store = createAtlasStore();
    expect(store.getState().sheet).toBe('peek');
    store.getState().select('qujing-core');
    expect(store.getState().sheet).toBe('half');
    store.getState().setSheet('full');
    store.getState().showFeature({ plan: 'qujing', id: 'qujing-zone-x' });
    expect(store.getState().sheet).toBe('full');
  });
});
