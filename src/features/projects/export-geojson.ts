/** The filtered projects as GeoJSON points, with the project table's fields as properties. */
import type { FeatureCollection, Point } from 'geojson';
import type { ProjectRecord } from '../../lib/atlas-data';
import type { ProjectRow } from '../../lib/project-filter';

export function projectsToGeoJson(rows: readonly ProjectRow[]): FeatureCollection<Point, Omit<ProjectRecord, 'lon' | 'lat'>> {
  return {
    type: 'FeatureCollection',
    features: rows.map(({ lon, lat, countyNames: _c, planRank: _r, ...properties }) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties,
    })),
  };
}

/** The collection as a file's text. */
export function projectsGeoJsonText(rows: readonly ProjectRow[]): string {
  return `${JSON.stringify(projectsToGeoJson(rows))}\n`;
}

/** The collection as a file. */
export function projectsGeoJsonBlob(rows: readonly ProjectRow[]): Blob {
  return new Blob([projectsGeoJsonText(rows)], { type: 'application/geo+json' });
}
