import { describe, expect, it } from 'vitest';
import { createAtlasStore } from '../../src/state/store';

describe('atlas store', () => {
  it('clears a selection that belongs to the plan being left', () => {
    const store = createAtlasStore();
    store.getState().select('yunnan-core');
    store.getState().setPlan('qujing');
    expect(store.getState().selectedId).toBeNull();
  });
  it('keeps a selection that belongs to the new plan', () => {
    const store = createAtlasStore();
    store.getState().select('qujing-core');
    store.getState().setPlan('qujing');
    expect(store.getState().selectedId).toBe('qujing-core');
  });
  it('toggles roles and categories', () => {
    const store = createAtlasStore();
    store.getState().toggleRole('belt');
    store.getState().toggleCategory('medical');
    store.getState().toggleRole('belt');
    expect(store.getState().hiddenRoles).toEqual([]);
    expect(store.getState().hiddenCategories).toEqual(['medical']);
  });
  it('numbers camera requests so the same request twice still moves the map', () => {
    const store = createAtlasStore();
    store.getState().moveCamera({ kind: 'feature', plan: 'qujing', id: 'qujing-core' });
    const first = store.getState().cameraRequest;
    store.getState().moveCamera({ kind: 'feature', plan: 'qujing', id: 'qujing-core' });
    expect(store.getState().cameraRequest).not.toBe(first);
    expect(store.getState().cameraRequest?.seq).toBe(2);
  });
});
