/**
 * The project book as an Excel workbook: one row per project (with the plan's words and their section), a totals
 * row, and a sheet saying where it comes from. exceljs is loaded here, and this module only when a workbook is
 * asked for (a dynamic import), so nobody else downloads it. Cells are written as text or numbers, never formulas.
 */
import { languages, type Lang, planTitle } from '../../i18n/languages';
import type { InvestmentTotal } from '../../lib/project-filter';
import { investmentYuan } from '../../lib/project-filter';
import type { PlanId } from '../../lib/vocabulary';
import { dayStamp } from '../../ui/download';
import type { ProjectRow } from '../../lib/project-filter';

export interface WorkbookOptions {
  lang: Lang;
  plans: readonly { id: PlanId; title: string; titleEn?: string | undefined }[];
  total: InvestmentTotal;
  /** What the workbook holds: the filtered list or the shortlist. */
  source: string;
}

const mime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function projectsWorkbook(rows: readonly ProjectRow[], { lang, plans, total, source }: WorkbookOptions): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const t = languages[lang];
  const b = t.browser;
  const titles = new Map(plans.map((p) => [p.id, planTitle(p, lang)]));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = t.appTitle;
  workbook.created = new Date();

  const sheet = workbook.addWorksheet(b.sheetProjects, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  sheet.columns = [
    { header: '#', key: 'no', width: 6 },
    { header: b.colName, key: 'name', width: 34 },
    { header: b.colPlan, key: 'plan', width: 12 },
    { header: b.colPlanTitle, key: 'planTitle', width: 30 },
    { header: b.colElement, key: 'element', width: 22 },
    { header: b.colCategory, key: 'category', width: 12 },
    { header: b.colCounty, key: 'county', width: 16 },
    { header: b.colInvestment, key: 'amount', width: 12 },
    { header: `${b.colInvestment} · unit`, key: 'unit', width: 9 },
    { header: b.colInvestmentWan, key: 'wan', width: 14 },
    { header: b.colPrecision, key: 'precision', width: 24 },
    { header: b.colFunctions, key: 'functions', width: 40 },
    { header: b.colQuote, key: 'quote', width: 70 },
    { header: b.colSection, key: 'section', width: 36 },
    { header: b.colLon, key: 'lon', width: 11 },
    { header: b.colLat, key: 'lat', width: 11 },
  ];
  rows.forEach((r, i) => {
    const yuan = investmentYuan(r);
    sheet.addRow({
      no: i + 1,
      name: r.name,
      plan: r.plan,
      planTitle: titles.get(r.plan) ?? r.plan,
      element: r.elementName ?? '',
      category: t.categoryNames[r.category],
      county: r.county,
      amount: r.investment?.amount ?? null,
      unit: r.investment?.unit ?? '',
      wan: yuan === undefined ? null : yuan / 1e4,
      precision: t.precisionNames[r.precision],
      functions: r.functions.join('；'),
      quote: r.quote,
      section: r.section,
      lon: r.lon,
      lat: r.lat,
    });
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEAE0' } };
  header.alignment = { vertical: 'middle', wrapText: true };
  for (const key of ['functions', 'quote', 'section', 'name', 'planTitle']) sheet.getColumn(key).alignment = { vertical: 'top', wrapText: true };
  sheet.getColumn('wan').numFmt = '#,##0.##';
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: sheet.columns.length } };
  const totals = sheet.addRow({
    name: total.given ? b.total(`${total.wan.toLocaleString(languages[lang].htmlLang)} 万元`, total.given, total.count) : b.totalNone(total.count),
    wan: total.given ? total.wan : null,
  });
  totals.font = { bold: true };

  const about = workbook.addWorksheet(b.sheetAbout);
  about.columns = [{ width: 18 }, { width: 100 }];
  about.addRows([
    [t.appTitle, ''],
    [source, b.reportSubtitle(rows.length, dayStamp())],
    [b.colInvestmentWan, total.given ? total.wan : ''],
    ['', b.aboutText],
  ]);
  about.getRow(1).font = { bold: true, size: 14 };
  about.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: mime });
}
