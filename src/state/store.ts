/** The atlas store: ids, visibility, filters, selection and language; never the map or large GeoJSON. */
import { create } from 'zustand';
import { createCameraSlice, type CameraSlice } from './camera-slice';
import { createLayersSlice, type LayersSlice } from './layers-slice';
import { createPlanSlice, type PlanSlice } from './plan-slice';
import { createPresentSlice, type PresentSlice } from './present-slice';
import { createProjectsSlice, type ProjectsSlice } from './projects-slice';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';
import { createStudioSlice, type StudioSlice } from './studio-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

export type AtlasState = PlanSlice & SelectionSlice & LayersSlice & UiSlice & CameraSlice & PresentSlice & ProjectsSlice & StudioSlice;

export function createAtlasStore() {
  return create<AtlasState>()((...a) => ({
    ...createPlanSlice(...a),
    ...createSelectionSlice(...a),
    ...createLayersSlice(...a),
    ...createUiSlice(...a),
    ...createCameraSlice(...a),
    ...createPresentSlice(...a),
    ...createProjectsSlice(...a),
    ...createStudioSlice(...a),
  }));
}

export type AtlasStore = ReturnType<typeof createAtlasStore>;

/** The app's one store. Tests create their own with {@link createAtlasStore}. */
export const useAtlasStore = createAtlasStore();
