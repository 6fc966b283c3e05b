import type { StateCreator } from 'zustand';
import { cleanShortlist, emptyProjectFilters, type ProjectFilters } from '../lib/project-filter';
import type { AtlasState } from './store';

export { emptyProjectFilters, type ProjectFilters, type ProjectSort } from '../lib/project-filter';

export interface ProjectsSlice {
  projectFilters: ProjectFilters;
  /** Ids of the projects an investor has picked to compare; in the URL (`shortlist=`), so it survives a reload. */
  shortlist: string[];
  setProjectFilters: (patch: Partial<ProjectFilters>) => void;
  resetProjectFilters: () => void;
  toggleShortlist: (id: string) => void;
  setShortlist: (ids: string[]) => void;
}

export const createProjectsSlice: StateCreator<AtlasState, [], [], ProjectsSlice> = (set) => ({
  projectFilters: emptyProjectFilters,
  shortlist: [],
  setProjectFilters: (patch) => set((s) => ({ projectFilters: { ...s.projectFilters, ...patch } })),
  resetProjectFilters: () => set({ projectFilters: emptyProjectFilters }),
  toggleShortlist: (id) => set((s) => ({ shortlist: s.shortlist.includes(id) ? s.shortlist.filter((x) => x !== id) : cleanShortlist([...s.shortlist, id]) })),
  setShortlist: (ids) => set({ shortlist: cleanShortlist(ids) }),
});
