/**
 * Validate once, at build time: every record the build publishes is checked in full against the published schemas
 * (atlas-data.ts) before it is written. The app then trusts files of its own format and only checks their shape
 * (src/lib/published-format.ts), so no schema is parsed per row on the page.
 */
import type { z } from 'zod';
import { catalogueEntrySchema, featurePropsSchema, planMetaSchema, projectRecordSchema, searchEntrySchema } from '../lib/atlas-data';

/** `field: message` of a schema's first problems. */
function issues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`)
    .join('; ');
}

/** What the build is about to publish, by kind (a part of the build checks only its own); each record is checked against its schema. */
export interface PublishedRecords {
  /** By path: the plan layer's metadata and feature properties. */
  layers?: { path: string; meta: unknown; features: { properties: unknown }[] }[];
  catalogue?: unknown[];
  search?: unknown[];
  projects?: unknown[];
}

/**
 * Throws an Error naming the file, the record and the field of the first problems: a record that fails here is a
 * fault of the build (the plans were validated as sources), so nothing half-valid is published.
 */
export function checkPublished(records: PublishedRecords, paths: { catalogue: string; search: string; projects: string }): void {
  const problems: string[] = [];
  const check = (schema: z.ZodType, value: unknown, where: string) => {
    if (problems.length >= 10) return;
    const result = schema.safeParse(value);
    if (!result.success) problems.push(`${where}: ${issues(result.error)}`);
  };
  for (const layer of records.layers ?? []) {
    check(planMetaSchema, layer.meta, `${layer.path}: meta`);
    layer.features.forEach((f, i) => check(featurePropsSchema, f.properties, `${layer.path}: features[${i}]`));
  }
  records.catalogue?.forEach((e, i) => check(catalogueEntrySchema, e, `${paths.catalogue}: plans[${i}]`));
  records.search?.forEach((e, i) => check(searchEntrySchema, e, `${paths.search}: rows[${i}]`));
  records.projects?.forEach((e, i) => check(projectRecordSchema, e, `${paths.projects}: rows[${i}]`));
  if (problems.length) throw new Error(`the build would publish invalid records:\n${problems.join('\n')}`);
}
