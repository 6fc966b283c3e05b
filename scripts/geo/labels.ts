/** The label points: one per county (the echarts label point) and one per prefecture seat (a recorded coordinate). */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { City, County } from './counties';
import { shortCounty } from './counties';
import { englishPlaceName } from './english';
import { PKG } from './sources';
import type { Prefecture } from './tables';
import { log, roundCoords } from './util';

/**
 * County and seat labels. A seat coordinate must fall inside its seat county; otherwise (or where none was found)
 * the seat county's echarts label point is used, and its code is returned in `seatFallbacks`.
 */
export function buildLabels(
  counties: County[],
  prefCodes: string[],
  prefectures: Map<string, Prefecture>,
  cityByCode: Map<string, City>,
  englishNames: ReadonlyMap<string, string>,
): { labels: FeatureCollection<Point>; seatFallbacks: string[] } {
  const labelFeatures: Feature<Point>[] = [];
  for (const c of counties) {
    labelFeatures.push({
      type: 'Feature',
      properties: {
        kind: 'county',
        code: c.code,
        name: c.name,
        short: shortCounty(c.name),
        shortEn: englishPlaceName(shortCounty(c.name), 'county', englishNames),
        prefecture: c.prefecture,
        precision: 'approximate: label point near the county seat, ~0.001°',
        source: `${PKG.echarts.name}@${PKG.echarts.version} properties.cp`,
      },
      geometry: { type: 'Point', coordinates: roundCoords(c.cp, 5) },
    });
  }
  const seatFallbacks: string[] = [];
  for (const pc of prefCodes) {
    const meta = prefectures.get(pc)!;
    const seat = counties.find((c) => c.code === meta.seat)!;
    let coord = meta.coord;
    let precision = meta.precision;
    let source = meta.source;
    if (!coord || !turf.booleanPointInPolygon(turf.point(coord), turf.feature(seat.geometry))) {
      if (coord) log(`  warning: seat coordinate of ${pc} falls outside ${seat.name}; using the echarts label point`);
      seatFallbacks.push(pc);
      coord = seat.cp;
      precision = 'approximate: label point near the seat, ~0.001°';
      source = `${PKG.echarts.name}@${PKG.echarts.version} properties.cp of ${seat.name} (no Wikipedia coordinate found)`;
    }
    labelFeatures.push({
      type: 'Feature',
      properties: {
        kind: 'prefecture-seat',
        code: pc,
        name: cityByCode.get(pc)!.name,
        short: meta.short,
        shortEn: englishPlaceName(meta.short, 'prefecture', englishNames),
        seatName: seat.name,
        seatCode: seat.code,
        precision,
        source,
      },
      geometry: { type: 'Point', coordinates: roundCoords(coord, 5) },
    });
  }
  return { labels: { type: 'FeatureCollection', features: labelFeatures }, seatFallbacks };
}

/** Counts the labels of one kind. */
export const countLabels = (labels: FeatureCollection<Point>, kind: string): number => labels.features.filter((f) => f.properties?.kind === kind).length;
