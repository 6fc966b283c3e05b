import type { StateCreator } from 'zustand';
import type { AtlasState } from './store';

/** What a click or a drag on the map does while the studio is open. */
export type StudioTool = 'none' | 'point' | 'areas' | 'waypoints';

/** A longitude and a latitude, in that order. */
export type LonLat = readonly [number, number];

export interface StudioSlice {
  /** The plan studio (编辑 / Edit) is open: the map edits instead of selecting. */
  studio: boolean;
  /** What the map's pointer does now; the studio pane sets it, the map reads it. */
  studioTool: StudioTool;
  /** The point being placed (a project's or a node's): the map shows it draggable and reports moves here. */
  studioPoint: LonLat | null;
  /** The extent being drawn, as county/prefecture codes: the map shows them and toggles them on click. */
  studioCodes: readonly string[];
  /** The belt being drawn, as clicked waypoints in order. */
  studioWaypoints: readonly LonLat[];
  /** The studio was opened to restore unsaved work kept in the browser's storage. */
  studioRestore: boolean;
  openStudio: (restore?: boolean) => void;
  closeStudio: () => void;
  /** Starts a tool with its draft (the point, codes or waypoints being edited), or ends it with `none`. */
  setStudioTool: (tool: StudioTool, draft?: { point?: LonLat | null; codes?: readonly string[]; waypoints?: readonly LonLat[] }) => void;
  setStudioPoint: (point: LonLat | null) => void;
  /** Adds a code to the extent, or takes it out if it is in. */
  toggleStudioCode: (code: string) => void;
  setStudioWaypoints: (waypoints: readonly LonLat[]) => void;
  addStudioWaypoint: (point: LonLat) => void;
}

const round = (x: number) => Math.round(x * 1e5) / 1e5;

export const createStudioSlice: StateCreator<AtlasState, [], [], StudioSlice> = (set) => ({
  studio: false,
  studioRestore: false,
  studioTool: 'none',
  studioPoint: null,
  studioCodes: [],
  studioWaypoints: [],
  // The studio is a desk mode of the map: it ends a presentation and the project list.
  openStudio: (restore = false) => set({ studio: true, studioRestore: restore, presenting: false, view: 'map', selectedId: null, hoveredId: null }),
  closeStudio: () => set({ studio: false, studioTool: 'none', studioPoint: null, studioCodes: [], studioWaypoints: [] }),
  setStudioTool: (studioTool, draft = {}) =>
    set({ studioTool, studioPoint: draft.point ?? null, studioCodes: draft.codes ?? [], studioWaypoints: draft.waypoints ?? [] }),
  // Five decimals (about a metre) is more than any source gives; it keeps the YAML short and stable.
  setStudioPoint: (point) => set({ studioPoint: point && [round(point[0]), round(point[1])] }),
  toggleStudioCode: (code) => set((s) => ({ studioCodes: s.studioCodes.includes(code) ? s.studioCodes.filter((c) => c !== code) : [...s.studioCodes, code] })),
  setStudioWaypoints: (studioWaypoints) => set({ studioWaypoints }),
  addStudioWaypoint: (point) => set((s) => ({ studioWaypoints: [...s.studioWaypoints, [round(point[0]), round(point[1])] as const] })),
});
