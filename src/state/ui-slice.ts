import type { StateCreator } from 'zustand';
import type { AtlasState } from './store';

export type Lang = 'zh' | 'en';
export type Basemap = 'offline' | 'osm' | 'tianditu';

export interface UiSlice {
  lang: Lang;
  /** Minimal chrome for an iframe. */
  embed: boolean;
  basemap: Basemap;
  setLang: (lang: Lang) => void;
  setBasemap: (basemap: Basemap) => void;
}

export const createUiSlice: StateCreator<AtlasState, [], [], UiSlice> = (set) => ({
  lang: 'zh',
  embed: false,
  basemap: 'offline',
  setLang: (lang) => set({ lang }),
  setBasemap: (basemap) => set({ basemap }),
});
