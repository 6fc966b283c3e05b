/** The filtered projects as GeoJSON: the published features, properties as the layers publish them. */
import type { AtlasCollection } from '../../lib/atlas-data';
import type { ProjectRow } from './project-rows';

export function projectsToGeoJson(rows: readonly ProjectRow[]): AtlasCollection {
  return { type: 'FeatureCollection', features: rows.map((r) => r.feature) };
}

/** The collection as a file's text. */
export function projectsGeoJsonText(rows: readonly ProjectRow[]): string {
  return `${JSON.stringify(projectsToGeoJson(rows))}\n`;
}
