/** The project browser's pure parts: rows from the layers, filtering, sorting, counts, CSV and GeoJSON export. */
import { parseCsv } from '../csv';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProjectRecord } from '../../src/lib/atlas-data';
import { compiledAtlas } from './fixtures/compiled-atlas';
import {
  compareZh,
  countyGroups,
  elementOptions,
  facetCounts,
  filterProjects,
  hasFilters,
  investmentYuan,
  queryTerms,
  sortProjects,
} from '../../src/lib/project-filter';
import { projectRows, type ProjectRow } from '../../src/lib/project-filter';
import { exportFileName } from '../../src/features/projects/download';
import { downloadBlob } from '../../src/ui/download';
import { type ExportPlan, gisColumns } from '../../src/features/projects/export-columns';
import { csvField, projectsToCsv } from '../../src/features/projects/export-csv';

const csvColumns = gisColumns.map((c) => c.field);
import { projectsToGeoJson, projectsGeoJsonText } from '../../src/features/projects/export-geojson';
import { emptyProjectFilters, type ProjectFilters } from '../../src/state/projects-slice';

/** The plans of the made-up rows below, in their tree order. */
const planIds = ['yunnan', 'qujing', 'menghai'];
/** What the exports need of those plans (placeholder titles). */
const plansMeta: ExportPlan[] = [
  { id: 'yunnan', title: '示例省规划', titleEn: 'Example province plan', regionShort: '云南省', regionEn: 'Yunnan' },
  { id: 'qujing', title: '示例市规划', titleEn: 'Example city plan', regionShort: '曲靖市', regionEn: 'Qujing' },
  { id: 'menghai', title: '示例县规划', regionShort: '勐海县', regionEn: 'Menghai' },
];

let order = 0;
const testPrefectures: Record<string, string> = { '5301': '昆明市', '5303': '曲靖市', '5328': '西双版纳傣族自治州' };

/** A project's row, with only what a test names set (`group` is the element's name, as layers publish it). */
function makeRow(props: Partial<ProjectRecord> & { id: string; group?: string }, lonLat: [number, number] = [103.8, 25.5]): ProjectRow {
  const { group, ...rest } = props;
  const p: ProjectRecord = {
    plan: 'qujing',
    order: 0,
    name: props.id,
    functions: [],
    category: 'medical',
    county: '麒麟区',
    counties: ['530302'],
    prefectures: [],
    precision: 'county',
    section: '第一章',
    quote: '原文',
    lon: lonLat[0],
    lat: lonLat[1],
    ...(group ? { elementName: group } : {}),
    ...rest,
  };
  // As the build publishes them: the prefecture of each county code.
  if (!props.prefectures) p.prefectures = [...new Set(p.counties.map((c) => testPrefectures[c.slice(0, 4)] ?? '?'))];
  const [row] = projectRows([p], planIds);
  return { ...row!, order: order++ };
}

/** Every project of the compiled fixture atlas's published table. */
function compiledRows(): ProjectRow[] {
  const atlas = compiledAtlas();
  return projectRows(atlas.projects, atlas.planIds);
}

const f = (patch: Partial<ProjectFilters> = {}): ProjectFilters => ({ ...emptyProjectFilters, ...patch });

const rows = [
  makeRow({
    id: 'qujing-a',
    name: '曲靖市第一人民医院',
    category: 'medical',
    county: '麒麟区',
    element: 'qujing-core',
    group: '“中心”引领区',
    functions: ['区域医疗中心'],
    investment: { amount: 5000, unit: '万元' },
  }),
  makeRow({
    id: 'qujing-b',
    name: '罗平康养小镇',
    category: 'wellness-tourism',
    county: '罗平县',
    counties: ['530324'],
    element: 'qujing-zone-luoping',
    group: '罗平县',
    functions: ['花海康养'],
    investment: { amount: 2, unit: '亿元' },
  }),
  makeRow({ id: 'qujing-c', name: '会泽中医院', category: 'tcm', county: '会泽县', counties: ['530326'], functions: ['中医药服务'] }),
  makeRow({
    id: 'yunnan-d',
    plan: 'yunnan',
    name: '昆明国际医学中心',
    category: 'medical',
    county: '昆明市',
    counties: ['530100'],
    precision: 'schematic',
    element: 'yunnan-core',
    group: '滇中大健康产业示范区',
    functions: ['国际医疗'],
  }),
  makeRow({
    id: 'yunnan-e',
    plan: 'yunnan',
    name: '麒麟区健康产业园',
    category: 'biomedicine',
    county: '麒麟区',
    element: 'yunnan-zone-diandong',
    group: '滇东健康医疗服务业集聚区',
    functions: ['=HYPERLINK("x")'],
  }),
  makeRow({
    id: 'menghai-f',
    plan: 'menghai',
    name: '勐海茶旅康养',
    nameEn: 'Menghai tea wellness',
    category: 'wellness-tourism',
    county: '勐海县',
    counties: ['532822'],
    functions: ['茶文化'],
    investment: { amount: 17765, unit: '万元' },
  }),
];
const ids = (list: { id: string }[]) => list.map((r) => r.id);

describe('project rows', () => {
  it('keeps only projects, with their point, element name and prefecture', () => {
    const layer = compiledAtlas().planFile('alpha');
    const all = compiledRows().filter((r) => r.plan === 'alpha');
    expect(all.map((r) => r.id)).toEqual(layer.features.filter((x) => x.properties.role === 'project').map((x) => x.properties.id));
    expect(all.every((r) => typeof r.lon === 'number' && typeof r.lat === 'number')).toBe(true);
    const core = all.find((r) => r.element === 'alpha-core')!;
    expect(core.elementName).toBe('临翔核心');
    expect(core.prefectures).toEqual(['临沧市']);
  });

  it('carries the prefecture names the layer publishes', () => {
    const county = compiledRows().filter((r) => r.plan === 'beta-x');
    expect(new Set(county.flatMap((r) => r.prefectures))).toEqual(new Set(['临沧市']));
  });
});

describe('filterProjects', () => {
  it('returns every row, in plan order, with no filter', () => {
    expect(ids(filterProjects(rows, f()))).toEqual(['yunnan-d', 'yunnan-e', 'qujing-a', 'qujing-b', 'qujing-c', 'menghai-f']);
  });

  it('filters by plans, categories and element, combined with AND', () => {
    expect(ids(filterProjects(rows, f({ plans: ['qujing'] })))).toEqual(['qujing-a', 'qujing-b', 'qujing-c']);
    expect(ids(filterProjects(rows, f({ plans: ['qujing', 'menghai'], categories: ['wellness-tourism'] })))).toEqual(['qujing-b', 'menghai-f']);
    expect(ids(filterProjects(rows, f({ categories: ['medical', 'tcm'] })))).toEqual(['yunnan-d', 'qujing-a', 'qujing-c']);
    expect(ids(filterProjects(rows, f({ element: 'qujing-core' })))).toEqual(['qujing-a']);
    expect(ids(filterProjects(rows, f({ element: 'qujing-core', plans: ['yunnan'] })))).toEqual([]);
  });

  it('filters by county name across plans, and by a whole prefecture', () => {
    expect(ids(filterProjects(rows, f({ counties: ['麒麟区'] })))).toEqual(['yunnan-e', 'qujing-a']);
    expect(ids(filterProjects(rows, f({ counties: ['麒麟区', '勐海县'] })))).toEqual(['yunnan-e', 'qujing-a', 'menghai-f']);
    expect(ids(filterProjects(rows, f({ counties: ['曲靖市'] })))).toEqual(['yunnan-e', 'qujing-a', 'qujing-b', 'qujing-c']);
    expect(ids(filterProjects(rows, f({ counties: ['昆明市'] })))).toEqual(['yunnan-d']);
  });

  it('searches name, functions, county and English name, case-insensitively, every word', () => {
    expect(ids(filterProjects(rows, f({ query: '康养' })))).toEqual(['qujing-b', 'menghai-f']);
    expect(ids(filterProjects(rows, f({ query: '花海' })))).toEqual(['qujing-b']);
    expect(ids(filterProjects(rows, f({ query: '会泽县' })))).toEqual(['qujing-c']);
    expect(ids(filterProjects(rows, f({ query: '  TEA   wellness ' })))).toEqual(['menghai-f']);
    expect(ids(filterProjects(rows, f({ query: '康养 罗平' })))).toEqual(['qujing-b']);
    expect(filterProjects(rows, f({ query: '不存在的项目' }))).toEqual([]);
    expect(queryTerms('  a  B ')).toEqual(['a', 'b']);
  });

  it('does not change its input', () => {
    const before = ids(rows);
    filterProjects(rows, f({ sort: 'name' }));
    expect(ids(rows)).toEqual(before);
  });
});

describe('sortProjects', () => {
  it('sorts names by Chinese collation', () => {
    const sorted = sortProjects(rows, 'name').map((r) => r.name);
    expect(sorted).toEqual([...sorted].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN')));
    expect(compareZh('会泽', '罗平')).toBeLessThan(0);
  });

  it('sorts by county, then name', () => {
    const sorted = sortProjects(rows, 'county');
    for (let i = 1; i < sorted.length; i++) expect(compareZh(sorted[i - 1]!.county, sorted[i]!.county)).toBeLessThanOrEqual(0);
    expect(ids(sorted.filter((r) => r.county === '麒麟区'))).toEqual(
      ['qujing-a', 'yunnan-e'].sort((a, b) => compareZh(rows.find((r) => r.id === a)!.name, rows.find((r) => r.id === b)!.name)),
    );
  });

  it('sorts by category in the published order', () => {
    expect(sortProjects(rows, 'category').map((r) => r.category)).toEqual(['medical', 'medical', 'tcm', 'wellness-tourism', 'wellness-tourism', 'biomedicine']);
  });

  it('sorts by investment, largest first in yuan, missing last in plan order', () => {
    expect(ids(sortProjects(rows, 'investment'))).toEqual(['qujing-b', 'menghai-f', 'qujing-a', 'yunnan-d', 'yunnan-e', 'qujing-c']);
    expect(investmentYuan({ investment: { amount: 2, unit: '亿元' } })).toBe(2e8);
    expect(investmentYuan({ investment: { amount: 17765, unit: '万元' } })).toBe(177_650_000);
    expect(investmentYuan({})).toBeUndefined();
  });

  it('sorts by plan in the plans’ order, keeping each plan’s own order', () => {
    const shuffled = [...rows].reverse();
    expect(ids(sortProjects(shuffled, 'plan'))).toEqual(['yunnan-d', 'yunnan-e', 'qujing-a', 'qujing-b', 'qujing-c', 'menghai-f']);
  });
});

describe('facet counts and options', () => {
  it('counts each option given the other filters', () => {
    const c = facetCounts(rows, f({ plans: ['qujing'], categories: ['medical'] }));
    // Plans ignore the plan filter: medical projects per plan.
    expect(c.plans.get('qujing')).toBe(1);
    expect(c.plans.get('yunnan')).toBe(1);
    expect(c.plans.get('menghai')).toBeUndefined();
    // Categories ignore the category filter: Qujing's projects per category.
    expect(c.categories.get('medical')).toBe(1);
    expect(c.categories.get('wellness-tourism')).toBe(1);
    expect(c.categories.get('tcm')).toBe(1);
    expect(c.counties.get('麒麟区')).toBe(1);
    expect(c.counties.get('曲靖市')).toBe(1);
    expect(c.elements.get('qujing-core')).toBe(1);
  });

  it('groups the counties that occur by prefecture, the prefecture’s own name as its group', () => {
    const groups = countyGroups(rows);
    expect(groups.map((g) => g.prefecture)).toEqual(['昆明市', '曲靖市', '西双版纳傣族自治州']);
    expect(groups.find((g) => g.prefecture === '曲靖市')!.counties).toEqual(['会泽县', '罗平县', '麒麟区'].sort(compareZh));
    expect(groups.find((g) => g.prefecture === '昆明市')!.counties).toEqual([]);
  });

  it('lists the elements that occur, by plan', () => {
    expect(elementOptions(rows)).toEqual([
      { id: 'yunnan-core', name: '滇中大健康产业示范区', plan: 'yunnan' },
      { id: 'yunnan-zone-diandong', name: '滇东健康医疗服务业集聚区', plan: 'yunnan' },
      { id: 'qujing-core', name: '“中心”引领区', plan: 'qujing' },
      { id: 'qujing-zone-luoping', name: '罗平县', plan: 'qujing' },
    ]);
  });

  it('knows when a filter is set', () => {
    expect(hasFilters(f())).toBe(false);
    expect(hasFilters(f({ sort: 'investment' }))).toBe(false);
    expect(hasFilters(f({ query: '  ' }))).toBe(false);
    expect(hasFilters(f({ element: 'qujing-core' }))).toBe(true);
  });
});

describe('the published projects', () => {
  const all = compiledRows();

  it('lists every located project of every published plan', () => {
    expect(all.map((r) => r.id)).toEqual(['alpha-hospital', 'alpha-spa', 'beta-x-spa', 'gamma-spa']);
    for (const id of compiledAtlas().planIds) expect(all.some((r) => r.plan === id)).toBe(true);
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
  });

  it('puts every county in a prefecture group, and the counts of a facet add up', () => {
    const groups = countyGroups(all);
    expect(groups.every((g) => g.prefecture !== '')).toBe(true);
    const c = facetCounts(all, f());
    expect([...c.plans.values()].reduce((a, b) => a + b, 0)).toBe(all.length);
    expect([...c.categories.values()].reduce((a, b) => a + b, 0)).toBe(all.length);
    const alphaMedical = filterProjects(all, f({ plans: ['alpha'], categories: ['medical'] }));
    expect(alphaMedical.length).toBeGreaterThan(0);
    expect(alphaMedical.every((r) => r.plan === 'alpha' && r.category === 'medical')).toBe(true);
  });

  it('puts projects with an investment first when sorted by investment', () => {
    const sorted = sortProjects(all, 'investment');
    const withMoney = all.filter((r) => r.investment).length;
    expect(withMoney).toBeGreaterThan(0);
    expect(sorted.slice(0, withMoney).every((r) => r.investment)).toBe(true);
    expect(sorted.slice(withMoney).every((r) => !r.investment)).toBe(true);
  });
});

describe('CSV export', () => {
  it('quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('中文，全角逗号')).toBe('中文，全角逗号');
    expect(csvField(undefined)).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField(20000)).toBe('20000');
    expect(csvField(103.80474)).toBe('103.80474');
  });

  it('neutralises spreadsheet formulas in text', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+86 871')).toBe("'+86 871");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField(-2)).toBe('-2');
  });

  it('writes a BOM, the header and one record per row, in order', () => {
    const csv = projectsToCsv(rows, { lang: 'zh', plans: plansMeta, headers: 'gis' });
    expect(
      csv.startsWith(
        '\uFEFFplan,plan_title,element,name,category,county,functions,investment,investment_unit,precision,lon,lat,source_section,source_quote\r\n',
      ),
    ).toBe(true);
    const records = parseCsv(csv.slice(1));
    expect(records[0]).toEqual([...csvColumns]);
    expect(records.length).toBe(rows.length + 1);
    expect(records.slice(1).map((r) => r[3])).toEqual(rows.map((r) => r.name));
    const b = Object.fromEntries(csvColumns.map((c, i) => [c, records[2]![i]]));
    expect(b).toMatchObject({
      plan: 'qujing',
      plan_title: plansMeta.find((p) => p.id === 'qujing')!.title,
      element: '罗平县',
      name: '罗平康养小镇',
      category: '康养旅游',
      county: '罗平县',
      functions: '花海康养',
      investment: '2',
      investment_unit: '亿元',
      lon: '103.8',
      lat: '25.5',
      source_section: '第一章',
      source_quote: '原文',
    });
    expect(b.precision).toMatch(/县城驻地/);
    const e = Object.fromEntries(csvColumns.map((c, i) => [c, records[5]![i]]));
    expect(e.functions).toBe(`'=HYPERLINK("x")`);
    expect(e.investment).toBe('');
  });

  it('joins functions with “；” and writes names in English when asked', () => {
    const row = makeRow({ id: 'qujing-x', functions: ['一', '二', '三'] });
    const [, rec] = parseCsv(projectsToCsv([row], { lang: 'en', plans: plansMeta, headers: 'gis' }).slice(1));
    expect(rec![6]).toBe('一；二；三');
    expect(rec![1]).toBe('Example city plan');
    expect(rec![4]).toBe('Medical care');
  });

  it('round-trips every published project', () => {
    const all = sortProjects(compiledRows(), 'name');
    const records = parseCsv(projectsToCsv(all, { lang: 'zh', plans: plansMeta, headers: 'gis' }).slice(1));
    expect(records.length).toBe(all.length + 1);
    expect(records.every((r) => r.length === csvColumns.length)).toBe(true);
    records.slice(1).forEach((r, i) => {
      expect(r[3]).toBe(all[i]!.name);
      expect(r[13]).toBe(all[i]!.quote);
    });
  });

  it('writes only a header for no rows', () => {
    expect(projectsToCsv([], { lang: 'zh', plans: [], headers: 'gis' })).toBe(`\uFEFF${csvColumns.join(',')}\r\n`);
  });

  it('heads the table for people in Chinese by default, names the plan and says what the location is', () => {
    const [header, rec] = parseCsv(projectsToCsv([rows[1]!], { lang: 'zh', plans: plansMeta }).slice(1));
    expect(header![0]).toBe('项目名称');
    expect(header).toContain('投资单位');
    expect(header!.every((h) => !/[a-z]/i.test(h))).toBe(true);
    const cell = (name: string) => rec![header!.indexOf(name)];
    expect(cell('规划')).toBe(plansMeta.find((p) => p.id === 'qujing')!.regionShort);
    expect(cell('位置精度')).toBe('位置近似：县城驻地');
    expect(header).not.toContain('规划编号');
  });
});

describe('GeoJSON export', () => {
  it('is a FeatureCollection of exactly the rows, at their published points', () => {
    const all = compiledRows();
    const chosen = filterProjects(all, f({ plans: ['alpha'], sort: 'investment' }));
    expect(chosen.length).toBeGreaterThan(1);
    const fc = projectsToGeoJson(chosen);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((x) => x.properties.id)).toEqual(ids(chosen));
    const published = compiledAtlas().planFile('alpha').features;
    for (const x of fc.features) {
      const p = published.find((q) => q.properties.id === x.properties.id)!;
      expect(x.geometry).toEqual(p.geometry);
      expect(x.properties).toMatchObject({
        name: p.properties.name,
        category: p.properties.category,
        quote: p.properties.source.quote,
        precision: p.properties.precision,
      });
    }
    const parsed = JSON.parse(projectsGeoJsonText(chosen)) as { features: unknown[] };
    expect(parsed.features.length).toBe(chosen.length);
  });
});

describe('download', () => {
  afterEach(() => vi.restoreAllMocks());

  it('names files by date, and by plan when one plan is filtered', () => {
    const day = new Date(2026, 10, 23, 15, 0);
    expect(exportFileName('csv', [], day)).toBe('yunnan-health-projects-2026-11-23.csv');
    expect(exportFileName('geojson', ['qujing'], day)).toBe('yunnan-health-projects-qujing-2026-11-23.geojson');
    expect(exportFileName('csv', ['qujing', 'lincang'], new Date(2026, 0, 5))).toBe('yunnan-health-projects-2026-01-05.csv');
  });

  it('saves a Blob through a temporary link', async () => {
    let blob: Blob | undefined;
    const create = vi.fn((b: Blob) => {
      blob = b;
      return 'blob:test';
    });
    const saved = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: vi.fn() });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    downloadBlob(new Blob(['\uFEFFa,b\r\n'], { type: 'text/csv;charset=utf-8' }), 'x.csv');
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe('x.csv');
    expect(clicked[0]!.getAttribute('href')).toBe('blob:test');
    expect(document.querySelector('a[download]')).toBeNull();
    const bytes = new Uint8Array(await blob!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    Object.assign(URL, { createObjectURL: saved.create, revokeObjectURL: saved.revoke });
  });
});
