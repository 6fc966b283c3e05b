import type { StateCreator } from 'zustand';
import { defaultLang, type Lang } from '../i18n/languages';
import type { SheetSnap } from '../lib/sheet';
import type { AtlasState } from './store';

export type { Lang };
export type Basemap = 'offline' | 'osm' | 'tianditu';

export interface UiSlice {
  lang: Lang;
  /** Minimal chrome for an iframe. */
  embed: boolean;
  basemap: Basemap;
  /** The user's own 天地图 key; never put in the URL. */
  tiandituKey: string;
  setTiandituKey: (key: string) => void;
  setLang: (lang: Lang) => void;
  setEmbed: (embed: boolean) => void;
  setBasemap: (basemap: Basemap) => void;
  /** How far the phone's bottom sheet is open; the camera frames the plan in the map above it. */
  sheet: SheetSnap;
  setSheet: (sheet: SheetSnap) => void;
  /**
   * The map's box is a phone's width: its style sets the names of areas smaller and narrower, so that every one
   * finds room. Set by the map's owner, which measures its container.
   */
  narrowMap: boolean;
  setNarrowMap: (narrowMap: boolean) => void;
}

export const createUiSlice: StateCreator<AtlasState, [], [], UiSlice> = (set) => ({
  lang: defaultLang,
  embed: false,
  basemap: 'offline',
  tiandituKey: '',
  setTiandituKey: (tiandituKey) => set({ tiandituKey: tiandituKey.trim() }),
  setLang: (lang) => set({ lang }),
  setEmbed: (embed) => set({ embed }),
  setBasemap: (basemap) => set({ basemap }),
  sheet: 'peek',
  setSheet: (sheet) => set({ sheet }),
  narrowMap: false,
  setNarrowMap: (narrowMap) => set({ narrowMap }),
});
