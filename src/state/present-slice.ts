import type { StateCreator } from 'zustand';
import type { AtlasState } from './store';

export type View = 'map' | 'projects';

/** The projects view is on: the project list beside a map that draws its projects (never while presenting or embedded). */
export const isProjectsView = (s: Pick<AtlasState, 'view' | 'presenting' | 'embed'>): boolean => s.view === 'projects' && !s.presenting && !s.embed;

export interface PresentSlice {
  /** The main view: the map with its panels, or the project browser. */
  view: View;
  /** Presentation mode: full screen, large type, chapter by chapter. */
  presenting: boolean;
  /** Index of the current chapter (0 = overview), and of the step within it (one clicker press each). */
  chapter: number;
  step: number;
  /** This window is the presenter's view (notes, next slide, timer) of a presentation in another window. */
  presenter: boolean;
  setView: (view: View) => void;
  startPresenting: (chapter?: number, step?: number) => void;
  stopPresenting: () => void;
  setPresenter: (presenter: boolean) => void;
  setChapter: (chapter: number, step?: number) => void;
}

export const createPresentSlice: StateCreator<AtlasState, [], [], PresentSlice> = (set) => ({
  view: 'map',
  presenting: false,
  chapter: 0,
  step: 0,
  presenter: false,
  // One mode at a time: the project list ends a presentation, and presenting shows the map.
  setView: (view) => set((s) => ({ view, presenting: view === 'projects' ? false : s.presenting })),
  // Presenting takes the whole screen: it wins over the project list.
  startPresenting: (chapter = 0, step = 0) => set({ presenting: true, chapter, step, view: 'map', selectedId: null }),
  stopPresenting: () => set({ presenting: false, presenter: false }),
  setPresenter: (presenter) => set({ presenter }),
  setChapter: (chapter, step = 0) => set({ chapter: Math.max(0, chapter), step: Math.max(0, step) }),
});
