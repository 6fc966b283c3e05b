/**
 * The live check of a moved point, with the compiler's own rule (`pointInRegion`, src/compiler/place-checks.ts):
 * an exact or township point must lie in its county, and needs a source.
 */
import { booleanPointInPolygon } from '@turf/turf';
import { isOneOf, type Precision, precisions } from '../../lib/vocabulary';
import type { BaseGeo } from '../base-geo';
import { pointInRegion } from '../place-checks';

/** Precisions that claim to know where a thing is: they need a source (a URL or a citation) and must lie in their county. */
export const precisionsNeedingSource: readonly Precision[] = ['exact', 'township'];

/** The bounds places.yaml accepts (Yunnan with a margin), as in the schema. */
const lonRange = [97, 107] as const;
const latRange = [20.5, 30] as const;

/** True if the point lies in the county (`53xxyy`) or prefecture (`53xx00`), with the compiler's tolerance. */
export function isInCounty(base: BaseGeo, county: string, lon: number, lat: number): boolean {
  return pointInRegion(base, county, lon, lat);
}

/** The county (code) a point lies in, if any: for a new place's `county`. */
export function countyAt(base: BaseGeo, lon: number, lat: number): string | undefined {
  for (const [code, feature] of base.countyByCode) if (booleanPointInPolygon([lon, lat], feature)) return code;
  return undefined;
}

/**
 * Problems with a point for a project/node in `county`, as one-line messages `field: message` (empty = fine):
 * coordinates out of range, an unknown precision, no source for exact/township, and (when `base` is given) an
 * exact/township point outside its county. The rules the compiler applies when validating.
 */
export function pointProblems(point: { lon: number; lat: number; precision: Precision; source?: string }, county: string, base?: BaseGeo): string[] {
  const problems: string[] = [];
  const { lon, lat, precision } = point;
  if (!Number.isFinite(lon) || lon < lonRange[0] || lon > lonRange[1]) problems.push(`lon: ${lon} is outside ${lonRange[0]}–${lonRange[1]} (Yunnan)`);
  if (!Number.isFinite(lat) || lat < latRange[0] || lat > latRange[1]) problems.push(`lat: ${lat} is outside ${latRange[0]}–${latRange[1]} (Yunnan)`);
  if (!isOneOf(precisions, precision)) problems.push(`precision: “${String(precision)}” is not one of ${precisions.join(', ')}`);
  const placed = precisionsNeedingSource.includes(precision);
  if (placed && !point.source?.trim()) problems.push(`source: a point said to be ${precision} needs its source (a URL or a citation)`);
  if (base && placed && !problems.length && !isInCounty(base, county, lon, lat)) {
    const name = base.countyByCode.get(county)?.properties.short ?? base.prefectureName(county) ?? county;
    problems.push(
      `lon/lat: ${lon}, ${lat} lies outside its county ${name}; a point said to be ${precision} must fall inside it (or say precision: county or schematic)`,
    );
  }
  return problems;
}
