/**
 * The project book as an Excel workbook: one row per project (with the plan's words and their section), a totals
 * row, and a sheet saying where it comes from. Written by our own streaming writer (xlsx-stream.ts), so a workbook
 * of the whole country is made batch by batch, never held as cell objects; this module is loaded only when a
 * workbook is asked for (a dynamic import). Cells are written as text or numbers, never formulas. Headers are in the
 * interface language (Chinese by default), from the same column table as the CSV.
 */
import { languages, type Lang } from '../../i18n/languages';
import { formatInvestment } from '../../i18n/format-investment';
import type { InvestmentTotal } from '../../lib/project-filter';
import { precisions } from '../../lib/vocabulary';
import { dayStamp } from '../../ui/download';
import { columnContext, type ExportPlan, peopleColumns } from './export-columns';
import { mapRows, type RowSource } from './row-source';
import { type XlsxCell, type XlsxSheet, xlsxBlob } from './xlsx-stream';

export interface WorkbookOptions {
  lang: Lang;
  plans: readonly ExportPlan[];
  total: InvestmentTotal;
  /** What the workbook holds: the filtered list or the shortlist. */
  source: string;
}

/** "投资合计 12.3 亿元（…）" or "3 个项目均未给出投资额": never an empty cell. */
export function totalLine(total: InvestmentTotal, lang: Lang): string {
  const b = languages[lang].browser;
  return total.given ? b.total(formatInvestment({ amount: total.wan, unit: '万元' }, lang), total.given, total.count) : b.totalNone(total.count);
}

/** The column of the investment in 万元, which gets a number format and the total. */
const investmentField = 'investment_wan';

/** The workbook of `rows` (in their order) with its totals row and 说明/About sheet, streamed batch by batch. */
export async function projectsWorkbook(rows: RowSource, { lang, plans, total, source }: WorkbookOptions): Promise<Blob> {
  const context = columnContext(lang, plans);
  const t = context.t;
  const b = t.browser;

  // A No. column, then the columns for people; the totals row puts its line under the name and its sum under 万元.
  const totals: XlsxCell[] = [
    null,
    ...peopleColumns.map((c) => (c.field === 'name' ? totalLine(total, lang) : c.field === investmentField && total.given ? total.wan : null)),
  ];
  const projects: XlsxSheet = {
    name: b.sheetProjects,
    columns: [
      { width: 6 },
      ...peopleColumns.map((c) => ({
        width: c.width,
        look: c.field === investmentField ? ('number' as const) : c.wrap ? ('wrap' as const) : ('plain' as const),
      })),
    ],
    head: [{ look: 'header', cells: [b.colNo, ...peopleColumns.map((c) => c.header(b))] }],
    body: mapRows(rows, (row, i) => [i + 1, ...peopleColumns.map((c) => c.value(row, context))]),
    tail: [{ look: 'bold', cells: totals }],
    frozen: { rows: 1, columns: 2 },
    autoFilter: true,
  };

  const about: XlsxSheet = {
    name: b.sheetAbout,
    columns: [{ width: 22 }, { width: 100, look: 'wrap' }],
    head: [
      { look: 'title', cells: [t.appTitle, ''] },
      ...[
        [source, b.reportSubtitle(rows.count, dayStamp())],
        [b.aboutTotal, totalLine(total, lang)],
        // What each location precision means, in the words the project rows use.
        ...precisions.map((p) => [b.precision[p], t.precisionNames[p]]),
        ['', b.aboutText],
      ].map((cells) => ({ cells })),
    ],
  };

  return xlsxBlob({ sheets: [projects, about], creator: t.appTitle, created: new Date() });
}
