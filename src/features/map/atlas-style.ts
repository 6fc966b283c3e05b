/** The whole map style: base map and plan layers in drawing order, as one pure function. */
import type { StyleSpecification } from 'maplibre-gl';
import { baseFillLayers, baseLabelLayers, baseLineLayers, baseSourcesSpec, seatDotLayers, seatLayers, type BaseStyleOptions } from './base-style';
import { projectLayers, projectSourcesSpec, type ProjectLayerOptions } from './project-layers';
import { type PlanLayerOptions, planProjectsShown, planSourcesSpec } from './layer-kit';
import { contextLayers, planAreaLayers, planCountLayers, planFocusLayers, planLineAndPointLayers, planTopLayers } from './plan-layers';

export interface AtlasStyleOptions {
  base: BaseStyleOptions;
  plan: PlanLayerOptions;
  /** Colours of the province plan's elements, for its faint context layer. */
  contextColors: Map<string, string>;
  /** The project list's markers and the place markers; absent, the projects view is off. */
  projects?: ProjectLayerOptions;
}

export function atlasStyle({ base, plan, contextColors, projects }: AtlasStyleOptions): StyleSpecification {
  return {
    version: 8,
    sources: { ...baseSourcesSpec(base), ...planSourcesSpec(), ...projectSourcesSpec() },
    layers: [
      ...baseFillLayers(base),
      ...contextLayers({ ...plan, colors: contextColors }),
      ...planAreaLayers(plan),
      ...baseLineLayers(),
      ...planLineAndPointLayers(plan),
      ...baseLabelLayers(base),
      ...seatDotLayers(),
      ...planTopLayers(plan),
      ...seatLayers(base),
      ...planCountLayers(plan),
      ...projectLayers({
        ...(projects ?? { lang: plan.lang, selectedId: plan.selectedId, projectsView: false, planProjectsHidden: false }),
        // The plan's place markers follow its other project markers (a step naming its projects hides them too).
        planProjectsHidden: !!projects?.planProjectsHidden || !planProjectsShown(plan),
      }),
      ...planFocusLayers(plan),
    ],
  };
}
