// @vitest-environment node
/**
 * Approximate must look approximate, and exports read well in Excel: on a small fixture (never the live dataset).
 * A project the plan places only to its county is drawn with its county and worded "位置近似：县城驻地"; the
 * workbook has Chinese headers, names the plan and fills its 说明 sheet.
 */
import { featureFilter, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import type { PlanBundle } from '../../src/data/plans';
import { atlasStyle } from '../../src/features/map/atlas-style';
import { approxAreaOf } from '../../src/features/map/style-sync';
import { projectsWorkbook } from '../../src/features/projects/export-xlsx';
import { languages } from '../../src/i18n/languages';
import type { AtlasFeature } from '../../src/lib/atlas-data';
import { investmentTotal, projectRows } from '../../src/lib/project-filter';
import { areaPrecisions, isAreaPrecision, precisions } from '../../src/lib/vocabulary';
import { fixtureCatalogue, fixtureProjects } from './fixtures/projects';
import { rowsInMemory } from '../../src/features/projects/row-source';

/** The fixture's plans in catalogue order, as the list orders its rows. */
const planOrder = fixtureCatalogue.map((p) => p.id);

const styleWith = (approxArea: string[] | null) =>
  atlasStyle({
    base: { lang: 'zh', basemap: 'offline' },
    plan: { lang: 'zh', colors: new Map(), planColor: '#888888', hiddenRoles: [], selectedId: 'city-care', showContext: false },
    contextColors: new Map(),
    projects: { lang: 'zh', selectedId: 'city-care', projectsView: true, planProjectsHidden: true, approxArea },
  });
const layer = (style: ReturnType<typeof styleWith>, id: string) =>
  style.layers.find((l) => l.id === id) as LayerSpecification & { layout?: Record<string, unknown>; filter?: unknown };
const evaluate = (l: { filter?: unknown }, properties: Record<string, unknown>) =>
  featureFilter(l.filter as never, 'layers[0].filter').filter({ zoom: 8 }, { type: 1, properties, geometry: [] } as never);

/** A scene holding one plan with the fixture's projects as point features. */
function sceneOf(): { plan: PlanBundle } {
  const features: AtlasFeature[] = fixtureProjects.map((p) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    properties: {
      id: p.id,
      plan: p.plan,
      role: 'project',
      name: p.name,
      functions: [],
      projects: [],
      county: p.county,
      counties: p.counties,
      precision: p.precision,
      source: { section: p.section, quote: p.quote },
    },
  }));
  return { plan: { byId: new Map(features.map((f) => [f.properties.id, f])), features } as unknown as PlanBundle };
}

describe('a point that stands for its county', () => {
  it('is county or schematic precision; exact and township points keep their pin', () => {
    expect(precisions.filter(isAreaPrecision)).toEqual([...areaPrecisions]);
    expect(isAreaPrecision('exact')).toBe(false);
    expect(isAreaPrecision('township')).toBe(false);
  });

  it('when selected, gives the map its county to draw; an exact or township selection gives none', () => {
    const scene = sceneOf();
    // The fixture's county, schematic, exact and township projects.
    expect(approxAreaOf({ selectedId: 'city-care' }, scene)).toEqual(['530324']);
    expect(approxAreaOf({ selectedId: 'county-tea' }, scene)).toEqual(['530925']);
    expect(approxAreaOf({ selectedId: 'city-tcm' }, scene)).toBeNull();
    expect(approxAreaOf({ selectedId: 'city-park' }, scene)).toBeNull();
    expect(approxAreaOf({ selectedId: null }, scene)).toBeNull();
  });

  it('is outlined with its county (or prefecture) from the base map, and the outline is off otherwise', () => {
    const on = styleWith(['530324']);
    expect(validateStyleMin(on)).toEqual([]);
    for (const id of ['approx-counties-line', 'approx-counties-fill', 'approx-prefectures-line']) {
      const l = layer(on, id);
      expect(l.layout?.visibility).toBe('visible');
      expect(evaluate(l, { code: '530324' })).toBe(true);
      expect(evaluate(l, { code: '530302' })).toBe(false);
    }
    expect(layer(styleWith(null), 'approx-counties-line').layout?.visibility).toBe('none');
    // Drawn under the markers.
    const ids = on.layers.map((l) => l.id);
    expect(ids.indexOf('approx-counties-line')).toBeLessThan(ids.indexOf('browser-project'));
  });

  it('is drawn soft (a halo), and named approximate on the map when selected', () => {
    const s = styleWith(['530324']);
    const halo = layer(s, 'browser-project-area');
    expect(evaluate(halo, { count: 1, precision: 'county' })).toBe(true);
    expect(evaluate(halo, { count: 1, precision: 'exact' })).toBe(false);
    expect(evaluate(halo, { count: 1, precision: 'township' })).toBe(false);
    const note = layer(s, 'browser-approx-note');
    expect(note.layout?.visibility).toBe('visible');
    expect(JSON.stringify(note.layout?.['text-field'])).toContain('位置近似：县城驻地');
    expect(evaluate(note, { id: 'city-care', count: 1, precision: 'county' })).toBe(true);
  });

  it('is worded the same in both languages’ files', () => {
    expect(languages.zh.precisionNames.county).toBe('位置近似：县城驻地');
    expect(languages.en.precisionNames.county).toMatch(/^Approximate location: county seat/);
    expect(languages.zh.precisionNames.schematic).toMatch(/^位置示意/);
  });
});

describe('the Excel workbook', () => {
  it('has Chinese headers, names the plan, words the place, and fills the 说明 sheet', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const rows = projectRows(fixtureProjects, planOrder);
    const blob = await projectsWorkbook(rowsInMemory(rows), { lang: 'zh', plans: fixtureCatalogue, total: investmentTotal(rows), source: '筛选结果' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await blob.arrayBuffer());
    const sheet = workbook.getWorksheet('项目')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header.slice(0, 4)).toEqual(['序号', '项目名称', '规划', '规划名称']);
    expect(header).toEqual(expect.arrayContaining(['投资额', '投资单位', '投资（万元）', '位置精度']));
    expect(header.filter((h) => /[a-z]/i.test(h))).toEqual([]);
    const cell = (row: number, name: string) => sheet.getRow(row).getCell(header.indexOf(name) + 1).value;
    /** The sheet's row (1 is the header) of a fixture project. */
    const rowOf = (id: string) => rows.findIndex((r) => r.id === id) + 2;
    const [first] = fixtureCatalogue;
    expect(cell(2, '规划')).toBe(first?.regionShort);
    expect(cell(2, '规划名称')).toBe(first?.title);
    expect(cell(rowOf('city-care'), '位置精度')).toBe('位置近似：县城驻地');
    expect(cell(rowOf('county-tea'), '位置精度')).toMatch(/^位置示意/);
    const about = workbook.getWorksheet('说明')!.getSheetValues() as unknown[][];
    const total = about.find((r) => r?.[1] === '投资合计');
    // 50,000 + 3,000 + 8,000 万元 and 2 亿元.
    expect(String(total?.[2])).toMatch(/^投资合计 8\.1 亿元/);
  });

  it('says no investment is given rather than leave the row empty', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const rows = projectRows(fixtureProjects, planOrder).filter((r) => !r.investment);
    const blob = await projectsWorkbook(rowsInMemory(rows), { lang: 'zh', plans: fixtureCatalogue, total: investmentTotal(rows), source: '入选清单' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await blob.arrayBuffer());
    const about = workbook.getWorksheet('说明')!.getSheetValues() as unknown[][];
    expect(String(about.find((r) => r?.[1] === '投资合计')?.[2])).toBe(`${rows.length} 个项目均未给出投资额`);
    expect(rows.length).toBeGreaterThan(1);
  });
});
