import type { StateCreator } from 'zustand';
import type { AtlasState } from './store';

export interface SelectionSlice {
  /** Full id of the selected feature (`qujing-core`), or null. */
  selectedId: string | null;
  hoveredId: string | null;
  select: (id: string | null) => void;
  hover: (id: string | null) => void;
}

export const createSelectionSlice: StateCreator<AtlasState, [], [], SelectionSlice> = (set, get) => ({
  selectedId: null,
  hoveredId: null,
  select: (selectedId) => set({ selectedId }),
  hover: (hoveredId) => {
    if (get().hoveredId !== hoveredId) set({ hoveredId });
  },
});
