/** The whole map style: base map and plan layers in drawing order, as one pure function. */
import type { StyleSpecification } from 'maplibre-gl';
import { baseFillLayers, baseLabelLayers, baseLineLayers, baseSourcesSpec, seatLayers, type BaseStyleOptions } from './base-style';
import { contextLayers, planAreaLayers, planLineAndPointLayers, planSourcesSpec, planTopLayers, type PlanLayerOptions } from './plan-layers';

export interface AtlasStyleOptions {
  base: BaseStyleOptions;
  plan: PlanLayerOptions;
  /** Colours of the province plan's elements, for its faint context layer. */
  contextColors: Map<string, string>;
}

export function atlasStyle({ base, plan, contextColors }: AtlasStyleOptions): StyleSpecification {
  return {
    version: 8,
    sources: { ...baseSourcesSpec(base), ...planSourcesSpec() },
    layers: [
      ...baseFillLayers(base),
      ...contextLayers({ ...plan, colors: contextColors }),
      ...planAreaLayers(plan),
      ...baseLineLayers(),
      ...planLineAndPointLayers(plan),
      ...baseLabelLayers(base),
      ...planTopLayers(plan),
      ...seatLayers(base),
    ],
  };
}
