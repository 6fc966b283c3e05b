import type { StateCreator } from 'zustand';
import { cleanShortlist, emptyProjectFilters, queryMaxLength, shortlistOverflow, type ProjectFilters, type ProjectListMode } from '../lib/project-filter';
import type { AtlasState } from './store';

export { emptyProjectFilters, type ProjectFilters, type ProjectSort } from '../lib/project-filter';

export interface ProjectsSlice {
  projectFilters: ProjectFilters;
  /** Ids of the projects an investor has picked to compare; in the URL (`shortlist=`), so it survives a reload. */
  shortlist: string[];
  /** How many projects a link's shortlist named beyond the cap (`shortlistMax`) (left out, and the user is told). */
  shortlistDropped: number;
  /** The workspace's tab: the filtered list or the shortlist. The map draws the same list. */
  projectList: ProjectListMode;
  setProjectList: (mode: ProjectListMode) => void;
  setProjectFilters: (patch: Partial<ProjectFilters>) => void;
  resetProjectFilters: () => void;
  toggleShortlist: (id: string) => void;
  setShortlist: (ids: string[]) => void;
}

export const createProjectsSlice: StateCreator<AtlasState, [], [], ProjectsSlice> = (set) => ({
  projectFilters: emptyProjectFilters,
  shortlist: [],
  shortlistDropped: 0,
  projectList: 'all',
  setProjectList: (projectList) => set({ projectList }),
  // The text is cut where the search box and a link stop too, so what is typed is what a reload reads back.
  setProjectFilters: (patch) =>
    set((s) => ({ projectFilters: { ...s.projectFilters, ...patch, ...(patch.query !== undefined ? { query: patch.query.slice(0, queryMaxLength) } : {}) } })),
  resetProjectFilters: () => set({ projectFilters: emptyProjectFilters }),
  toggleShortlist: (id) =>
    set((s) => ({ shortlist: s.shortlist.includes(id) ? s.shortlist.filter((x) => x !== id) : cleanShortlist([...s.shortlist, id]), shortlistDropped: 0 })),
  setShortlist: (ids) => set({ shortlist: cleanShortlist(ids), shortlistDropped: shortlistOverflow(ids) }),
});
