/**
 * Checks of places against the base geography: a point said to be exact or at its township must lie in its county,
 * and a project's place in the project's county. The studio runs the same check live while a point is dragged.
 */
import * as turf from '@turf/turf';
import { type PlanProblem, problem } from '../lib/plan-problems';
import type { Place } from '../lib/plan-schema';
import type { BaseGeo } from './base-geo';
import type { LoadedPlan } from './read-plan';
import { planFile } from './sources';

/** The county outlines are simplified (about 100 m): a point this close to its county still counts as inside. */
const toleranceKm = 1;

/** Precisions that claim to know where a thing is, so the point must lie in its stated county. */
const placedPrecisions: readonly Place['precision'][] = ['exact', 'township'];

/** Whether the point lies in the county or prefecture `code` (within the outline's tolerance). */
export function pointInRegion(base: BaseGeo, code: string, lon: number, lat: number): boolean {
  if (!base.isRegion(code)) return false;
  const point = turf.point([lon, lat]);
  return base.expand(code).some((c) => {
    const county = base.countyByCode.get(c);
    if (!county) return false;
    const [w, s, e, n] = turf.bbox(county);
    const pad = toleranceKm / 100;
    if (lon < w - pad || lon > e + pad || lat < s - pad || lat > n + pad) return false;
    return turf.booleanPointInPolygon(point, county) || turf.pointToPolygonDistance(point, county, { units: 'kilometers' }) <= toleranceKm;
  });
}

/** Whether county `inner` is `outer` or lies within it (a prefecture or the province). */
function within(base: BaseGeo, inner: string, outer: string): boolean {
  if (!base.isRegion(inner) || !base.isRegion(outer)) return false;
  const outerCounties = new Set(base.expand(outer));
  return base.expand(inner).every((c) => outerCounties.has(c));
}

/** Place problems, each naming file, feature and field. */
export function placeProblems({ plan, places, folder }: LoadedPlan, base: BaseGeo): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const placesPath = planFile(folder, 'places.yaml');
  const byId = new Map(places.map((p) => [p.id, p]));
  places.forEach((p, i) => {
    const where = `places[${i}] ${p.id} “${p.name}”`;
    if (!base.isRegion(p.county)) problems.push(problem(placesPath, where, 'county', 'noRegion', { code: p.county }));
    else if (placedPrecisions.includes(p.precision) && !pointInRegion(base, p.county, p.lon, p.lat)) {
      const county = base.countyByCode.get(p.county)?.properties.short ?? base.prefectureName(p.county) ?? p.county;
      problems.push(problem(placesPath, where, 'lon/lat', 'outsideCounty', { lon: p.lon, lat: p.lat, county, precision: p.precision }));
    }
  });
  plan.projects.forEach((pr, i) => {
    const place = pr.place ? byId.get(pr.place) : undefined;
    if (!place || !base.isRegion(place.county) || !base.isRegion(pr.county)) return;
    if (!within(base, place.county, pr.county) && !within(base, pr.county, place.county)) {
      problems.push(
        problem(planFile(folder), `projects[${i}] ${pr.id} “${pr.name}”`, 'place', 'placeNotInCounty', {
          place: place.id,
          placeCounty: place.county,
          county: pr.county,
        }),
      );
    }
  });
  return problems;
}
