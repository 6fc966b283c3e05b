/** The filtered projects as GeoJSON points, with the project table's fields as properties. */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { ProjectRecord } from '../../lib/atlas-data';
import type { ProjectRow } from '../../lib/project-filter';
import { blobInBatches } from './blob-in-batches';
import type { RowSource } from './row-source';

type ProjectPoint = Feature<Point, Omit<ProjectRecord, 'lon' | 'lat'>>;

function projectPoint({ lon, lat, countyNames: _c, planRank: _r, ...properties }: ProjectRow): ProjectPoint {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties };
}

export function projectsToGeoJson(rows: readonly ProjectRow[]): FeatureCollection<Point, Omit<ProjectRecord, 'lon' | 'lat'>> {
  return { type: 'FeatureCollection', features: rows.map(projectPoint) };
}

/** The collection as a file's text. */
export function projectsGeoJsonText(rows: readonly ProjectRow[]): string {
  return `${JSON.stringify(projectsToGeoJson(rows))}\n`;
}

/** The collection as a file, written a batch of features at a time: the same bytes as {@link projectsGeoJsonText}. */
export function projectsGeoJsonBlob(rows: RowSource): Promise<Blob> {
  return blobInBatches(rows, {
    head: '{"type":"FeatureCollection","features":[',
    row: (r, first) => `${first ? '' : ','}${JSON.stringify(projectPoint(r))}`,
    tail: ']}\n',
    type: 'application/geo+json',
  });
}
