/**
 * The hand-curated tables of the base-geography build (prefecture seats, rivers, lakes, English names, the context
 * countries and provinces), read from scripts/sources/base-geo/*.yaml and checked here: a bad row is reported by
 * file, row and field, e.g. `scripts/sources/base-geo/rivers.yaml: row 3 金沙江: via[1]: expected number`.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

const text = z.string().min(1);
const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
/** A GB/T 2260 code written as a quoted string ("530100"), so YAML does not turn it into a number. */
const adminCode = z.string().regex(/^\d{6}$/, 'expected a six-digit code in quotes, e.g. "530100"');

const prefecture = z
  .object({
    code: adminCode,
    short: text,
    seat: adminCode,
    coord: lonLat.optional(),
    precision: text.optional(),
    source: text.optional(),
  })
  .strict()
  .refine((p) => [p.coord, p.precision, p.source].filter((x) => x !== undefined).length % 3 === 0, {
    message: 'a seat coordinate needs its precision and source (and neither is given without a coordinate)',
  });

const river = z
  .object({
    name: text,
    abroad: text.optional(),
    rank: z.union([z.literal(1), z.literal(2)]),
    snapLevel: z.number().int().min(0).max(10).optional(),
    via: z.array(lonLat).min(2),
    note: text,
    source: text,
  })
  .strict();

const lake = z.object({ name: text, at: lonLat, source: text }).strict();
const englishName = z.object({ zh: text, en: text, why: text }).strict();
const country = z.object({ en: text, zh: text }).strict();
const province = z.object({ prefix: text, name: text, short: text }).strict();

const schemas = {
  prefectures: prefecture,
  rivers: river,
  lakes: lake,
  'english-names': englishName,
  countries: country,
  provinces: province,
};

/** A prefecture: its short label, seat county and (where one was found) the seat's coordinate with its source. */
export type Prefecture = z.infer<typeof prefecture>;
/** A named river: the waypoints that pick its path through the GSHHG network. */
export type River = z.infer<typeof river>;
/** A lake: a point inside it that names the GSHHG polygon. */
export type Lake = z.infer<typeof lake>;
/** A country of the context layer: its Natural Earth name and Chinese name. */
export type Country = z.infer<typeof country>;
/** A Chinese province of the context layer: the echarts file prefix and its names. */
export type Province = z.infer<typeof province>;

/** Every table, in file order. */
export interface GeoTables {
  prefectures: Prefecture[];
  rivers: River[];
  lakes: Lake[];
  /** Chinese name -> English, where the English is not the pinyin. */
  englishNames: Map<string, string>;
  countries: Country[];
  provinces: Province[];
}

const fieldPath = (path: PropertyKey[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');

function readTable<K extends keyof typeof schemas>(dir: string, root: string, name: K): z.infer<(typeof schemas)[K]>[] {
  const file = join(dir, `${name}.yaml`);
  const where = relative(root, file);
  let doc: unknown;
  try {
    doc = parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${where}: ${(e as Error).message}`);
  }
  if (!Array.isArray(doc)) throw new Error(`${where}: expected a list of rows`);
  const problems: string[] = [];
  const rows = doc.map((row: unknown, i) => {
    const result = schemas[name].safeParse(row);
    if (result.success) return result.data;
    const label = row && typeof row === 'object' ? ((row as Record<string, unknown>).name ?? (row as Record<string, unknown>).code ?? '') : '';
    for (const issue of result.error.issues) {
      problems.push(`${where}: row ${i + 1}${label ? ` ${String(label)}` : ''}: ${fieldPath(issue.path) || '(whole row)'}: ${issue.message}`);
    }
    return undefined;
  });
  if (problems.length) throw new Error(problems.join('\n'));
  return rows as z.infer<(typeof schemas)[K]>[];
}

/** Reads and checks every table in `dir`; throws at the first file with bad rows, listing each of them. */
export function readGeoTables(dir: string, root: string): GeoTables {
  const englishNames = readTable(dir, root, 'english-names');
  const tables: GeoTables = {
    prefectures: readTable(dir, root, 'prefectures'),
    rivers: readTable(dir, root, 'rivers'),
    lakes: readTable(dir, root, 'lakes'),
    englishNames: new Map(englishNames.map((n) => [n.zh, n.en])),
    countries: readTable(dir, root, 'countries'),
    provinces: readTable(dir, root, 'provinces'),
  };
  const dupes = (what: string, keys: string[]) => {
    const seen = new Set<string>();
    for (const k of keys) {
      if (seen.has(k)) throw new Error(`${what}: ${k} is listed twice`);
      seen.add(k);
    }
  };
  dupes(
    'prefectures.yaml: code',
    tables.prefectures.map((p) => p.code),
  );
  dupes(
    'rivers.yaml: name',
    tables.rivers.map((r) => r.name),
  );
  dupes(
    'lakes.yaml: name',
    tables.lakes.map((l) => l.name),
  );
  dupes(
    'english-names.yaml: zh',
    englishNames.map((n) => n.zh),
  );
  return tables;
}
