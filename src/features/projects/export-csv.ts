/**
 * The project list as CSV for spreadsheets: UTF-8 with a BOM so Excel reads the Chinese, RFC 4180 quoting.
 * Headers are for people (the interface language, Chinese by default), or stable ASCII field names for GIS software.
 */
import type { Lang } from '../../i18n/languages';
import type { ProjectRow } from '../../lib/project-filter';
import { blobInBatches } from './blob-in-batches';
import type { RowSource } from './row-source';
import { type Cell, columnContext, type ExportPlan, gisColumns, peopleColumns } from './export-columns';

const BOM = '\uFEFF';

/**
 * One CSV field. Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return)
 * gets a leading apostrophe; fields with a comma, quote or line break are quoted, quotes doubled.
 */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvOptions {
  lang: Lang;
  /** The catalogue's plans, for the plan's name and title; a plan missing here is written with its id. */
  plans: readonly ExportPlan[];
  /** `people`: headers in the interface language; `gis`: ASCII field names (plan ids included). */
  headers?: 'people' | 'gis';
}

/** Exactly the given rows, in their order, one line each (CRLF), after a header line. */
export function projectsToCsv(rows: readonly ProjectRow[], { lang, plans, headers = 'people' }: CsvOptions): string {
  const context = columnContext(lang, plans);
  const columns = headers === 'gis' ? gisColumns : peopleColumns;
  const lines = [columns.map((c) => csvField(headers === 'gis' ? c.field : c.header(context.t.browser))).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvField(c.value(r, context))).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** The CSV as a file, written in batches (blob-in-batches.ts): the same bytes as {@link projectsToCsv}. */
export function projectsCsvBlob(rows: RowSource, { lang, plans, headers = 'people' }: CsvOptions): Promise<Blob> {
  const context = columnContext(lang, plans);
  const columns = headers === 'gis' ? gisColumns : peopleColumns;
  return blobInBatches(rows, {
    head: `${BOM}${columns.map((c) => csvField(headers === 'gis' ? c.field : c.header(context.t.browser))).join(',')}`,
    row: (r) => `\r\n${columns.map((c) => csvField(c.value(r, context))).join(',')}`,
    tail: '\r\n',
    type: 'text/csv;charset=utf-8',
  });
}
