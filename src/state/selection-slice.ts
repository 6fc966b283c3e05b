import type { StateCreator } from 'zustand';
import type { PlanId } from '../lib/vocabulary';
import type { AtlasState } from './store';

export interface SelectionSlice {
  /** Full id of the selected feature (`qujing-core`), or null. */
  selectedId: string | null;
  hoveredId: string | null;
  /** Selects a feature (or none); on a phone the sheet opens past its peek to show the details, unless `keepSheet`. */
  select: (id: string | null, options?: { keepSheet?: boolean }) => void;
  hover: (id: string | null) => void;
  /**
   * The one intent "show this feature": switch to its plan if needed, select it and frame it once its plan is
   * drawn. Search, the project list, details, related plans and the element list all use it.
   */
  showFeature: (target: { plan: PlanId; id: string | null }) => void;
}

export const createSelectionSlice: StateCreator<AtlasState, [], [], SelectionSlice> = (set, get) => ({
  selectedId: null,
  hoveredId: null,
  // On a phone, details need more than the sheet's peek.
  select: (selectedId, { keepSheet = false } = {}) =>
    set((s) => ({ selectedId, ...(selectedId && !keepSheet && s.sheet === 'peek' ? { sheet: 'half' as const } : {}) })),
  hover: (hoveredId) => {
    if (get().hoveredId !== hoveredId) set({ hoveredId });
  },
  showFeature: ({ plan, id }) => {
    const seq = (get().cameraRequest?.seq ?? 0) + 1;
    set({
      planId: plan,
      selectedId: id,
      hoveredId: null,
      ...(id && get().sheet === 'peek' ? { sheet: 'half' as const } : {}),
      // Without a feature the plan itself is framed.
      cameraRequest: id ? { kind: 'feature', plan, id, seq } : { kind: 'plan', plan, seq },
    });
  },
});
