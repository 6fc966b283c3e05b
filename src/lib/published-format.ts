/**
 * The published files as the app reads them, without zod. The build validates every record in full once
 * (src/compiler/check-published.ts, with the schemas of atlas-data.ts) and stamps each file with
 * {@link publishedFormat}; the app checks the stamp and the shape (cheap structural guards, a few field types per
 * record), so no schema is parsed per row on the main thread and zod stays out of the first visit's JavaScript.
 * A file of another format is refused with a message naming it; a record that fails a guard is counted and left
 * out, as before.
 */
import type { AtlasFeatureProps, CatalogueEntry, PlanMeta, ProjectRecord, SearchEntry } from './atlas-data';
import { categories, levels, precisions, roles, type PlanId } from './vocabulary';

/**
 * The version of the published files' layout. Bump it whenever a published file changes shape (a field renamed,
 * a table's columns changed): an app and data of different formats then say so instead of misreading each other.
 */
export const publishedFormat = 3;

/** Where each published file lives, relative to the app. */
export const publishedPaths = {
  catalogue: 'geo/plans/catalogue.json',
  search: 'geo/plans/search.json',
  projects: 'geo/plans/projects.json',
  plan: (planId: PlanId) => `geo/plans/${planId}.geojson`,
} as const;

/**
 * The folders the data build generates, whole: the plans and tables, the search shards, the plans' sources (for the
 * studio) and the project list's parts. They hold only what a build writes.
 */
export const publishedFolders = ['geo/plans', 'geo/search', 'geo/sources', 'geo/projects'] as const;

/** A compact table: its format, column names once, then one array per row. */
export interface PublishedTable {
  format: number;
  fields: string[];
  rows: unknown[][];
}

export const searchFields = [
  'id',
  'plan',
  'role',
  'name',
  'nameEn',
  'category',
  'county',
  'initials',
  'pinyin',
] as const satisfies readonly (keyof SearchEntry)[];
export const projectFields = [
  'id',
  'plan',
  'order',
  'name',
  'nameEn',
  'category',
  'county',
  'counties',
  'prefectures',
  'element',
  'elementName',
  'functions',
  'investment',
  'precision',
  'place',
  'note',
  'section',
  'quote',
  'lon',
  'lat',
] as const satisfies readonly (keyof ProjectRecord)[];

/** Writes records as a compact table; `undefined` fields become null. */
export function toTable<T extends object>(fields: readonly (keyof T & string)[], records: readonly T[]): PublishedTable {
  return { format: publishedFormat, fields: [...fields], rows: records.map((r) => fields.map((f) => (r[f] === undefined ? null : r[f]))) };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStrings = (v: unknown): boolean => Array.isArray(v) && v.every(isString);
const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T => list.includes(v as T);
const isBBox = (v: unknown): boolean => Array.isArray(v) && v.length === 4 && v.every(isNumber);
const isSource = (v: unknown): boolean => isObject(v) && isString(v.section) && isString(v.quote);

/**
 * The file as an object of this app's format; throws an Error naming the file otherwise (`what` says what it should
 * be, e.g. “a plan layer”).
 */
export function checkFormat(path: string, raw: unknown, what: string): Record<string, unknown> {
  if (!isObject(raw)) throw new Error(`${path}: not ${what}`);
  if (raw.format !== publishedFormat) {
    const found = raw.format === undefined ? 'no format' : `format ${String(raw.format)}`;
    throw new Error(`${path}: published with ${found}, but this app reads format ${publishedFormat}: publish the data and the app from the same build`);
  }
  return raw;
}

/**
 * Reads a compact table back into records (null fields are dropped): the columns must be this app's, and a row of
 * the wrong length or failing `guard` is counted, not kept.
 */
export function readTable<T>(path: string, raw: unknown, fields: readonly string[], guard: (record: Record<string, unknown>) => boolean) {
  const file = checkFormat(path, raw, 'a table');
  if (!Array.isArray(file.rows) || !Array.isArray(file.fields)) throw new Error(`${path}: not a table (fields and rows)`);
  if (file.fields.join() !== fields.join()) throw new Error(`${path}: its columns (${file.fields.join(', ')}) are not this app's (${fields.join(', ')})`);
  const records: T[] = [];
  let invalid = 0;
  for (const row of file.rows as unknown[]) {
    if (!Array.isArray(row) || row.length !== fields.length) {
      invalid += 1;
      continue;
    }
    const record: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i++) if (row[i] !== null && row[i] !== undefined) record[fields[i]!] = row[i];
    if (guard(record)) records.push(record as T);
    else invalid += 1;
  }
  return { records, invalid };
}

/** A row of `search.json`, by its fields' types. */
export const isSearchEntry = (r: Record<string, unknown>): boolean =>
  isString(r.id) && isString(r.plan) && isOneOf(roles, r.role) && isString(r.name) && isString(r.county) && isString(r.initials) && isString(r.pinyin);

/** A row of `projects.json`, by its fields' types. */
export const isProjectRecord = (r: Record<string, unknown>): boolean =>
  isString(r.id) &&
  isString(r.plan) &&
  isNumber(r.order) &&
  isString(r.name) &&
  isOneOf(categories, r.category) &&
  isString(r.county) &&
  isStrings(r.counties) &&
  isStrings(r.prefectures) &&
  isStrings(r.functions) &&
  isOneOf(precisions, r.precision) &&
  isString(r.section) &&
  isString(r.quote) &&
  isNumber(r.lon) &&
  isNumber(r.lat);

/** A plan as the catalogue lists it, by its fields' types. */
export function isCatalogueEntry(v: unknown): v is CatalogueEntry {
  return (
    isObject(v) &&
    isString(v.id) &&
    isString(v.title) &&
    v.title !== '' &&
    isOneOf(levels, v.level) &&
    isObject(v.region) &&
    isString(v.region.code) &&
    isString(v.region.name) &&
    isString(v.regionShort) &&
    isString(v.regionEn) &&
    isBBox(v.bbox) &&
    isString(v.color) &&
    isObject(v.counts)
  );
}

/** A plan layer's metadata, by its fields' types; `planId` is the plan the file should hold. */
export function isPlanMeta(v: unknown, planId: PlanId): v is PlanMeta {
  return (
    isCatalogueEntry(v) &&
    v.id === planId &&
    isObject(v) &&
    isString((v as Record<string, unknown>).period) &&
    isSource((v as Record<string, unknown>).summary) &&
    ['targets', 'indicators', 'unplaced'].every((k) => Array.isArray((v as Record<string, unknown>)[k]))
  );
}

/** A feature's properties, by their types; a feature of another plan than the file's is not one of its own. */
export function isFeatureProps(v: unknown, planId: PlanId): v is AtlasFeatureProps {
  return (
    isObject(v) &&
    isString(v.id) &&
    v.plan === planId &&
    isOneOf(roles, v.role) &&
    isString(v.name) &&
    v.name !== '' &&
    isStrings(v.functions) &&
    isStrings(v.projects) &&
    isString(v.county) &&
    isStrings(v.counties) &&
    isOneOf(precisions, v.precision) &&
    isSource(v.source)
  );
}
