/** The published files under public/geo/plans, read as the app reads them (for tests). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection, Geometry } from 'geojson';
import { fromTable, projectRecordSchema, type AtlasFeatureProps, type CatalogueEntry, type PlanMeta, type ProjectRecord } from '../../src/lib/atlas-data';

const dir = resolve(import.meta.dirname, '../../public/geo/plans');
const read = <T>(file: string): T => JSON.parse(readFileSync(resolve(dir, file), 'utf8')) as T;

export const catalogue = read<{ plans: CatalogueEntry[] }>('catalogue.json').plans;
export const publishedPlanIds = catalogue.map((p) => p.id);

export type PlanFile = FeatureCollection<Geometry, AtlasFeatureProps> & { meta: PlanMeta };
export const planFile = (id: string): PlanFile => read<PlanFile>(`${id}.geojson`);
export const planMeta = (id: string): PlanMeta => planFile(id).meta;

export function projectTable(): ProjectRecord[] {
  return fromTable(read('projects.json'), projectRecordSchema).records;
}
