/**
 * Each role's look in numbers: how strongly the map fills, outlines and labels it, how large its markers are, where
 * it stacks, and the swatch that stands for it in the legend and in exported images. The map's layers
 * (features/map/role-layers.ts, which draws a role with no entry of its own from these numbers), the legend, the
 * slides' legend and the PNG export read it; the type makes every role in vocabulary.ts have one.
 */
import { type Role, roles } from './vocabulary';

/** The shape of a legend or export swatch. */
export type SwatchShape = 'area' | 'linked' | 'band' | 'ring' | 'marker' | 'dot' | 'hatch';

export interface RoleLook {
  /** Fill opacity of the role's areas, at rest and under the pointer. */
  fill: number;
  fillHover: number;
  /** Outline width (px). */
  line: number;
  /** Label size (px) at zoom 5 and zoom 9; presentation mode scales these up. */
  label: readonly [number, number];
  /** Marker radius (px) at zoom 5 and zoom 10, for roles drawn as points. */
  radius: readonly [number, number];
  swatch: SwatchShape;
  /** Stacking within a plan's source: lower is drawn first, under the others. */
  stack: number;
}

export const roleLook: Record<Role, RoleLook> = {
  core: { fill: 0.45, fillHover: 0.62, line: 3.5, label: [16, 19], radius: [9, 15], swatch: 'area', stack: 1 },
  zone: { fill: 0.3, fillHover: 0.5, line: 2.2, label: [14, 19], radius: [9, 15], swatch: 'area', stack: 0 },
  belt: { fill: 0.16, fillHover: 0.3, line: 2.2, label: [13, 17], radius: [7, 13], swatch: 'band', stack: 2 },
  node: { fill: 0, fillHover: 0, line: 3.5, label: [13, 16], radius: [7, 13], swatch: 'ring', stack: 3 },
  project: { fill: 0, fillHover: 0, line: 1.5, label: [12, 12], radius: [8, 11], swatch: 'dot', stack: 4 },
};

/** The smallest type on the map when presenting (a room reads a projector from afar), px. */
export const projectorMinType = 20;

/** A type size for the map: as given, or scaled for a projector (`scale` > 1) and never under {@link projectorMinType}. */
export function mapType(px: number, scale = 1): number {
  return scale > 1 ? Math.max(projectorMinType, Math.round(px * scale)) : px;
}

/** Roles in drawing order within a source: zones under cores under belts under nodes under projects. */
export const drawOrder: readonly Role[] = [...roles].sort((a, b) => roleLook[a].stack - roleLook[b].stack);

/** The swatch for one feature: a belt drawn as an area shows as an area, a core drawn as a point as a marker. */
export function swatchFor(role: Role, geometryType: string): SwatchShape {
  const point = geometryType === 'Point';
  if (role === 'belt') return geometryType.includes('Line') ? 'band' : 'area';
  if (role === 'core' && point) return 'marker';
  if (role === 'zone' && point) return 'ring';
  return roleLook[role].swatch;
}
