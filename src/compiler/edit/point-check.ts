/** The live check of a moved point: inside its county, with a source where the precision needs one. */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Precision } from '../../lib/vocabulary';

/** What the check needs of the base geography (the compiler's `BaseGeo` has it: `baseGeoFrom(...)`). */
export interface CountyLookup {
  countyByCode: ReadonlyMap<string, Feature<Polygon | MultiPolygon>>;
}

/** Precisions whose point must carry a source (a URL or a citation). */
export const precisionsNeedingSource: readonly Precision[] = ['exact', 'township'];

/** True if the point lies inside the county (`53xxyy`); for a prefecture code (`53xx00`), inside any of its counties. */
export function isInCounty(base: CountyLookup, county: string, lon: number, lat: number): boolean {
  void base;
  void county;
  void lon;
  void lat;
  throw new Error('not implemented');
}

/**
 * Problems with a point for a project/node in `county`, as one-line messages (empty = fine): outside the county,
 * no source for exact/township, coordinates out of range. The same rules the compiler applies at validation.
 */
export function pointProblems(point: { lon: number; lat: number; precision: Precision; source?: string }, county: string, base?: CountyLookup): string[] {
  void point;
  void county;
  void base;
  throw new Error('not implemented');
}
