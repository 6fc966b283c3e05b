/** The live check of a moved point: inside its county, with a source where the precision needs one. */
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { isOneOf, type Precision, precisions } from '../../lib/vocabulary';

/** What the check needs of the base geography (the compiler's `BaseGeo` has it: `baseGeoFrom(...)`). */
export interface CountyLookup {
  countyByCode: ReadonlyMap<string, Feature<Polygon | MultiPolygon>>;
}

/** Precisions whose point must carry a source (a URL or a citation). */
export const precisionsNeedingSource: readonly Precision[] = ['exact', 'township'];

/** The bounds places.yaml accepts (Yunnan with a margin), as in the schema. */
const lonRange = [97, 107] as const;
const latRange = [20.5, 30] as const;

/** True if the point lies inside the county (`53xxyy`); for a prefecture code (`53xx00`), inside any of its counties. */
export function isInCounty(base: CountyLookup, county: string, lon: number, lat: number): boolean {
  const point: [number, number] = [lon, lat];
  const own = base.countyByCode.get(county);
  if (own) return booleanPointInPolygon(point, own);
  if (!county.endsWith('00')) return false;
  const prefix = county.slice(0, 4);
  for (const [code, feature] of base.countyByCode) {
    if (code.startsWith(prefix) && booleanPointInPolygon(point, feature)) return true;
  }
  return false;
}

/** The county (code) a point lies in, if any: for a new place's `county`. */
export function countyAt(base: CountyLookup, lon: number, lat: number): string | undefined {
  for (const [code, feature] of base.countyByCode) if (booleanPointInPolygon([lon, lat], feature)) return code;
  return undefined;
}

/**
 * Problems with a point for a project/node in `county`, as one-line messages (empty = fine): coordinates out of
 * range, an unknown precision, no source for exact/township, outside the county (only checked when `base` is given).
 * The same rules the compiler applies at validation.
 */
export function pointProblems(point: { lon: number; lat: number; precision: Precision; source?: string }, county: string, base?: CountyLookup): string[] {
  const problems: string[] = [];
  const { lon, lat, precision } = point;
  if (!Number.isFinite(lon) || lon < lonRange[0] || lon > lonRange[1]) problems.push(`lon: ${lon} is outside ${lonRange[0]}–${lonRange[1]} (Yunnan)`);
  if (!Number.isFinite(lat) || lat < latRange[0] || lat > latRange[1]) problems.push(`lat: ${lat} is outside ${latRange[0]}–${latRange[1]} (Yunnan)`);
  if (!isOneOf(precisions, precision)) problems.push(`precision: “${String(precision)}” is not one of ${precisions.join(', ')}`);
  if (precisionsNeedingSource.includes(precision) && !point.source?.trim()) {
    problems.push(`source: a ${precision} point needs its source (a URL or a citation)`);
  }
  if (base && !problems.length && !isInCounty(base, county, lon, lat)) {
    problems.push(`lon/lat: ${lon}, ${lat} is not inside county ${county}`);
  }
  return problems;
}
