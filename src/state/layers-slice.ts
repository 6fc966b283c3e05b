import type { StateCreator } from 'zustand';
import type { Category, Role } from '../lib/vocabulary';
import type { AtlasState } from './store';

export interface LayersSlice {
  hiddenRoles: Role[];
  hiddenCategories: Category[];
  /** Whether the province's layout shows faintly under a city's or county's. */
  showContextPlan: boolean;
  toggleRole: (role: Role) => void;
  toggleCategory: (category: Category) => void;
  setShowContextPlan: (show: boolean) => void;
}

const toggle = <T>(list: T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

export const createLayersSlice: StateCreator<AtlasState, [], [], LayersSlice> = (set) => ({
  hiddenRoles: [],
  hiddenCategories: [],
  showContextPlan: true,
  toggleRole: (role) => set((s) => ({ hiddenRoles: toggle(s.hiddenRoles, role) })),
  toggleCategory: (category) => set((s) => ({ hiddenCategories: toggle(s.hiddenCategories, category) })),
  setShowContextPlan: (showContextPlan) => set({ showContextPlan }),
});
