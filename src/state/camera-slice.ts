import type { StateCreator } from 'zustand';
import type { BBox } from '../lib/atlas-data';
import type { PlanId } from '../lib/vocabulary';
import type { AtlasState } from './store';

/** A camera position as links carry it (`map=zoom/lat/lng`). */
export interface MapView {
  zoom: number;
  lat: number;
  lng: number;
}

/**
 * A one-off request for the map to move; the map module carries it out once what it names is drawn.
 * The live camera is not stored.
 */
export type CameraRequest =
  | { kind: 'bbox'; bbox: BBox; seq: number }
  | { kind: 'feature'; plan: PlanId; id: string; seq: number }
  | { kind: 'plan'; plan: PlanId; seq: number }
  | { kind: 'view'; center: [number, number]; zoom: number; bearing?: number; pitch?: number; seq: number };

type WithoutSeq<T> = T extends unknown ? Omit<T, 'seq'> : never;

export interface CameraSlice {
  cameraRequest: CameraRequest | null;
  moveCamera: (request: WithoutSeq<CameraRequest>) => void;
}

export const createCameraSlice: StateCreator<AtlasState, [], [], CameraSlice> = (set, get) => ({
  cameraRequest: null,
  moveCamera: (request) => set({ cameraRequest: { ...request, seq: (get().cameraRequest?.seq ?? 0) + 1 } as CameraRequest }),
});
