import type { StateCreator } from 'zustand';
import type { PlanId } from '../lib/vocabulary';
import type { AtlasState } from './store';

export interface PlanSlice {
  /** The plan whose layout is shown; empty until the catalogue names a default or a link names one. */
  planId: PlanId;
  setPlan: (planId: PlanId) => void;
}

export const createPlanSlice: StateCreator<AtlasState, [], [], PlanSlice> = (set, get) => ({
  planId: '',
  setPlan: (planId) => {
    if (get().planId === planId) return;
    // A selection belongs to its plan; leaving the plan clears it.
    set({ planId, selectedId: get().selectedId?.startsWith(`${planId}-`) ? get().selectedId : null, hoveredId: null });
  },
});
