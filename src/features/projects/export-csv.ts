/** The filtered project list as CSV for spreadsheets: UTF-8 with a BOM so Excel reads the Chinese, RFC 4180 quoting. */
import { languages, type Lang, planTitle } from '../../i18n/languages';
import type { PlanId } from '../../lib/vocabulary';
import type { ProjectRow } from '../../lib/project-filter';

export const csvColumns = [
  'plan',
  'plan_title',
  'element',
  'name',
  'category',
  'county',
  'functions',
  'investment',
  'investment_unit',
  'precision',
  'lon',
  'lat',
  'source_section',
  'source_quote',
] as const;

const BOM = '\uFEFF';

/**
 * One CSV field. Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return)
 * gets a leading apostrophe; fields with a comma, quote or line break are quoted, quotes doubled.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvOptions {
  lang: Lang;
  /** Plan titles, for plan_title; a plan missing here is written with its id. */
  plans: readonly { id: PlanId; title: string; titleEn?: string | undefined }[];
}

/** Exactly the given rows, in their order, one line each (CRLF), after a header line. */
export function projectsToCsv(rows: readonly ProjectRow[], { lang, plans }: CsvOptions): string {
  const t = languages[lang];
  const titles = new Map<PlanId, string>(plans.map((p) => [p.id, planTitle(p, lang)]));
  const lines = [csvColumns.join(',')];
  for (const r of rows) {
    const record: Record<(typeof csvColumns)[number], string | number | null | undefined> = {
      plan: r.plan,
      plan_title: titles.get(r.plan) ?? r.plan,
      element: r.elementName,
      name: r.name,
      category: t.categoryNames[r.category],
      county: r.county,
      functions: r.functions.join('；'),
      investment: r.investment?.amount,
      investment_unit: r.investment?.unit,
      precision: t.precisionNames[r.precision],
      lon: r.lon,
      lat: r.lat,
      source_section: r.section,
      source_quote: r.quote,
    };
    lines.push(csvColumns.map((c) => csvField(record[c])).join(','));
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
