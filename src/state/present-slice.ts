import type { StateCreator } from 'zustand';
import type { AtlasState } from './store';

export type View = 'map' | 'projects';

export interface PresentSlice {
  /** The main view: the map with its panels, or the project browser. */
  view: View;
  /** Presentation mode: full screen, large type, chapter by chapter. */
  presenting: boolean;
  /** Index of the current chapter (0 = overview). */
  chapter: number;
  setView: (view: View) => void;
  startPresenting: (chapter?: number) => void;
  stopPresenting: () => void;
  setChapter: (chapter: number) => void;
}

export const createPresentSlice: StateCreator<AtlasState, [], [], PresentSlice> = (set) => ({
  view: 'map',
  presenting: false,
  chapter: 0,
  // One mode at a time: the project list ends a presentation, and presenting shows the map.
  setView: (view) => set((s) => ({ view, presenting: view === 'projects' ? false : s.presenting })),
  startPresenting: (chapter = 0) => set({ presenting: true, chapter, view: 'map', selectedId: null }),
  stopPresenting: () => set({ presenting: false }),
  setChapter: (chapter) => set({ chapter: Math.max(0, chapter) }),
});
