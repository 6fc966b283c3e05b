/**
 * The columns of the project tables handed over (CSV and Excel), defined once: each column's header for people
 * (in the interface language: Chinese by default), its field name for GIS software (stable ASCII), and its value.
 */
import { languages, localName, regionName, type Lang, type UiStrings } from '../../i18n/languages';
import { investmentYuan, type ProjectRow } from '../../lib/project-filter';
import type { PlanId } from '../../lib/vocabulary';

/** What the plan columns need of each plan. */
export interface ExportPlan {
  id: PlanId;
  title: string;
  titleEn?: string | undefined;
  regionShort: string;
  regionEn: string;
}

export type Cell = string | number | null | undefined;

/** How a column is read: the language, and the plans by id (a plan missing here is written with its id). */
export interface ColumnContext {
  lang: Lang;
  t: UiStrings;
  plans: ReadonlyMap<PlanId, ExportPlan>;
}

export interface ExportColumn {
  /** Field name for GIS software (the English-header CSV); never translated. */
  field: string;
  /** Header for people, in the interface language. */
  header: (b: UiStrings['browser']) => string;
  value: (r: ProjectRow, c: ColumnContext) => Cell;
  /** Excel column width (characters) and whether long text wraps. */
  width: number;
  wrap?: boolean;
}

const planTitle = (r: ProjectRow, c: ColumnContext) => {
  const plan = c.plans.get(r.plan);
  return plan ? localName({ name: plan.title, nameEn: plan.titleEn }, c.lang) : r.plan;
};
const planName = (r: ProjectRow, c: ColumnContext) => {
  const plan = c.plans.get(r.plan);
  return plan ? regionName(plan, c.lang) : r.plan;
};

/** Every column, in the order people read them (name first). */
export const exportColumns: readonly ExportColumn[] = [
  { field: 'name', header: (b) => b.colName, value: (r) => r.name, width: 34, wrap: true },
  { field: 'plan', header: (b) => b.colPlanId, value: (r) => r.plan, width: 12 },
  { field: 'plan_name', header: (b) => b.colPlan, value: planName, width: 10 },
  { field: 'plan_title', header: (b) => b.colPlanTitle, value: planTitle, width: 30, wrap: true },
  { field: 'element', header: (b) => b.colElement, value: (r) => r.elementName, width: 22 },
  { field: 'category', header: (b) => b.colCategory, value: (r, c) => c.t.categoryNames[r.category], width: 12 },
  { field: 'county', header: (b) => b.colCounty, value: (r) => r.county, width: 16 },
  { field: 'investment', header: (b) => b.colInvestmentAmount, value: (r) => r.investment?.amount, width: 12 },
  { field: 'investment_unit', header: (b) => b.colInvestmentUnit, value: (r) => r.investment?.unit, width: 10 },
  {
    field: 'investment_wan',
    header: (b) => b.colInvestmentWan,
    value: (r) => {
      const yuan = investmentYuan(r);
      return yuan === undefined ? null : yuan / 1e4;
    },
    width: 14,
  },
  { field: 'precision', header: (b) => b.colPrecisionFull, value: (r, c) => c.t.precisionNames[r.precision], width: 26, wrap: true },
  { field: 'functions', header: (b) => b.colFunctions, value: (r) => r.functions.join('；'), width: 40, wrap: true },
  { field: 'source_quote', header: (b) => b.colQuote, value: (r) => r.quote, width: 70, wrap: true },
  { field: 'source_section', header: (b) => b.colSection, value: (r) => r.section, width: 36, wrap: true },
  { field: 'lon', header: (b) => b.colLon, value: (r) => r.lon, width: 11 },
  { field: 'lat', header: (b) => b.colLat, value: (r) => r.lat, width: 11 },
];

/** The columns of the table for people: the plan is named (its area and its title), not given as an id. */
export const peopleColumns = exportColumns.filter((c) => c.field !== 'plan');

/** The columns of the GIS table, in the order its earlier versions had (scripts that read it keep working). */
export const gisColumns: readonly ExportColumn[] = [
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
].map((field) => {
  const column = exportColumns.find((c) => c.field === field);
  if (!column) throw new Error(`export column “${field}” is not defined`);
  return column;
});

/** The context for a language and the catalogue's plans. */
export function columnContext(lang: Lang, plans: readonly ExportPlan[]): ColumnContext {
  return { lang, t: languages[lang], plans: new Map(plans.map((p) => [p.id, p])) };
}
