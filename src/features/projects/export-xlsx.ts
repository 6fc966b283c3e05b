/**
 * The project book as an Excel workbook: one row per project (with the plan's words and their section), a totals
 * row, and a sheet saying where it comes from. exceljs is loaded here, and this module only when a workbook is
 * asked for (a dynamic import), so nobody else downloads it. Cells are written as text or numbers, never formulas.
 * Headers are in the interface language (Chinese by default), from the same column table as the CSV.
 */
import { languages, type Lang } from '../../i18n/languages';
import { formatInvestment } from '../../i18n/format-investment';
import type { InvestmentTotal, ProjectRow } from '../../lib/project-filter';
import { precisions } from '../../lib/vocabulary';
import { dayStamp } from '../../ui/download';
import { columnContext, type ExportPlan, peopleColumns } from './export-columns';
import { loadExcelJS } from './exceljs-loader';

export interface WorkbookOptions {
  lang: Lang;
  plans: readonly ExportPlan[];
  total: InvestmentTotal;
  /** What the workbook holds: the filtered list or the shortlist. */
  source: string;
}

const mime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** "投资合计 12.3 亿元（…）" or "3 个项目均未给出投资额": never an empty cell. */
export function totalLine(total: InvestmentTotal, lang: Lang): string {
  const b = languages[lang].browser;
  return total.given ? b.total(formatInvestment({ amount: total.wan, unit: '万元' }, lang), total.given, total.count) : b.totalNone(total.count);
}

export async function projectsWorkbook(rows: readonly ProjectRow[], { lang, plans, total, source }: WorkbookOptions): Promise<Blob> {
  const ExcelJS = await loadExcelJS();
  const context = columnContext(lang, plans);
  const t = context.t;
  const b = t.browser;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = t.appTitle;
  workbook.created = new Date();

  const sheet = workbook.addWorksheet(b.sheetProjects, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  sheet.columns = [{ header: b.colNo, key: 'no', width: 6 }, ...peopleColumns.map((c) => ({ header: c.header(b), key: c.field, width: c.width }))];
  rows.forEach((r, i) => {
    sheet.addRow({ no: i + 1, ...Object.fromEntries(peopleColumns.map((c) => [c.field, c.value(r, context) ?? null])) });
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEAE0' } };
  header.alignment = { vertical: 'middle', wrapText: true };
  for (const c of peopleColumns) if (c.wrap) sheet.getColumn(c.field).alignment = { vertical: 'top', wrapText: true };
  sheet.getColumn('investment_wan').numFmt = '#,##0.##';
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: sheet.columns.length } };
  const totals = sheet.addRow({ name: totalLine(total, lang), investment_wan: total.given ? total.wan : null });
  totals.font = { bold: true };

  const about = workbook.addWorksheet(b.sheetAbout);
  about.columns = [{ width: 22 }, { width: 100 }];
  about.addRows([
    [t.appTitle, ''],
    [source, b.reportSubtitle(rows.length, dayStamp())],
    [b.aboutTotal, totalLine(total, lang)],
    // What each location precision means, in the words the project rows use.
    ...precisions.map((p) => [b.precision[p], t.precisionNames[p]]),
    ['', b.aboutText],
  ]);
  about.getRow(1).font = { bold: true, size: 14 };
  about.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: mime });
}
