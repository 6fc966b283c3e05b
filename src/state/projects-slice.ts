import type { StateCreator } from 'zustand';
import type { Category, PlanId } from '../lib/vocabulary';
import type { AtlasState } from './store';

export type ProjectSort = 'plan' | 'name' | 'county' | 'category' | 'investment';

/** Filters of the project browser; they live in the URL so a filtered list can be sent. */
export interface ProjectFilters {
  plans: PlanId[];
  /** County names as the layers write them (曲靖市 麒麟区 → 麒麟区), or prefecture names. */
  counties: string[];
  categories: Category[];
  /** Full id of a layout element. */
  element: string | null;
  query: string;
  sort: ProjectSort;
}

export const emptyProjectFilters: ProjectFilters = { plans: [], counties: [], categories: [], element: null, query: '', sort: 'plan' };

export interface ProjectsSlice {
  projectFilters: ProjectFilters;
  setProjectFilters: (patch: Partial<ProjectFilters>) => void;
  resetProjectFilters: () => void;
}

export const createProjectsSlice: StateCreator<AtlasState, [], [], ProjectsSlice> = (set) => ({
  projectFilters: emptyProjectFilters,
  setProjectFilters: (patch) => set((s) => ({ projectFilters: { ...s.projectFilters, ...patch } })),
  resetProjectFilters: () => set({ projectFilters: emptyProjectFilters }),
});
