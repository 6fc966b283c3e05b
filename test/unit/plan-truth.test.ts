// @vitest-environment node
/**
 * Issue 12, "Truth to the plans": geometry and places that agree with the text, functions that are the plan's
 * statements, and named located items kept as projects. One test per correction, on the authored data
 * (data/<id>/plan.yaml, places.yaml) and on the published layers (public/geo/plans/<id>.geojson).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '../..');
const ids = ['yunnan', 'qujing', 'lincang', 'shuangjiang', 'menghai'] as const;
type Id = (typeof ids)[number];

interface Props {
  id: string;
  role: string;
  name: string;
  counties: string[];
  precision: string;
  group?: string;
  functions: string[];
}
interface PlanDoc {
  formula?: string;
  formulaSource?: unknown;
  parent?: { plan: string; element?: string };
  elements: { id: string; name: string; group: string; functions: string[]; geometry: { type: string } }[];
  projects: { id: string; name: string; county: string; place?: string; element?: string }[];
  unplaced: { name: string }[];
}
interface PlaceDoc {
  id: string;
  lon: number;
  lat: number;
  precision: string;
  county: string;
  source: string;
}

const plan = (id: Id) => parse(readFileSync(resolve(root, `data/${id}/plan.yaml`), 'utf8')) as PlanDoc;
const places = (id: Id) => (parse(readFileSync(resolve(root, `data/${id}/places.yaml`), 'utf8')) as { places: PlaceDoc[] }).places;
const layer = (id: Id) => JSON.parse(readFileSync(resolve(root, `public/geo/plans/${id}.geojson`), 'utf8')) as FeatureCollection<Geometry, Props>;
const published = (id: Id, local: string): Feature<Geometry, Props> => {
  const f = layer(id).features.find((x) => x.properties.id === `${id}-${local}`);
  if (!f) throw new Error(`no feature ${id}-${local}`);
  return f;
};
const topo = JSON.parse(readFileSync(resolve(root, 'public/geo/base/yunnan.topo.json'), 'utf8')) as Topology;
const counties = (feature(topo, topo.objects.counties!) as FeatureCollection<Polygon | MultiPolygon, { code: string }>).features;
const county = (code: string) => {
  const c = counties.find((x) => x.properties.code === code);
  if (!c) throw new Error(`no county ${code}`);
  return c;
};
const pointIn = (f: Feature<Geometry, Props>, code: string) => {
  expect(f.geometry.type, f.properties.id).toBe('Point');
  return turf.booleanPointInPolygon((f.geometry as Point).coordinates, county(code));
};
const LINXIANG = '530902';
const SHUANGJIANG = '530925';

describe('geometry and places that agree with the text', () => {
  it('draws the 临翔—双江北回归线 belt as a schematic corridor that touches both 临翔 and 双江', () => {
    const belt = published('lincang', 'belt-tropic');
    expect(belt.properties.precision).toBe('schematic');
    expect(belt.geometry.type).toMatch(/LineString/);
    for (const code of [LINXIANG, SHUANGJIANG]) {
      expect(turf.booleanIntersects(belt as never, county(code)), `belt touches ${code}`).toBe(true);
      expect(belt.properties.counties).toContain(code);
    }
    // The tropic itself (23.44°N) lies south of 临翔's outline: the link north is what reaches 临翔.
    expect(
      turf.booleanIntersects(
        turf.lineString([
          [99.5, 23.44],
          [100.2, 23.44],
        ]),
        county(LINXIANG),
      ),
    ).toBe(false);
    expect(plan('lincang').elements.find((e) => e.id === 'belt-tropic')?.geometry.type).toBe('corridor');
  });

  it('draws Lincang’s 一个中心 as a place in 临翔 (the institution around 临沧市人民医院), not as the whole district', () => {
    const core = published('lincang', 'core');
    expect(core.properties.role).toBe('core');
    expect(core.properties.counties).toEqual([LINXIANG]);
    expect(pointIn(core, LINXIANG)).toBe(true);
    expect(core.properties.precision).toBe('schematic');
    expect(
      plan('lincang')
        .elements.find((e) => e.id === 'core')
        ?.functions.some((f) => f.includes('临沧市人民医院')),
    ).toBe(true);
  });

  it('nests Shuangjiang in the one Lincang element that names 双江, the 北回归线 belt', () => {
    expect(plan('shuangjiang').parent).toEqual({ plan: 'lincang', element: 'belt-tropic' });
    const catalogue = JSON.parse(readFileSync(resolve(root, 'public/geo/plans/catalogue.json'), 'utf8')) as { plans: { id: string; parent?: unknown }[] };
    expect(catalogue.plans.find((p) => p.id === 'shuangjiang')?.parent).toEqual({ plan: 'lincang', element: 'belt-tropic' });
    expect(published('lincang', 'belt-tropic').properties.counties).toContain(SHUANGJIANG);
    // The 澜沧江 belt of Lincang (凤庆、云县、临翔) does not reach Shuangjiang.
    expect(published('lincang', 'belt-lancang').properties.counties).not.toContain(SHUANGJIANG);
  });

  it('shows no layout formula for Menghai, whose plan has no spatial-structure chapter, and keeps the others', () => {
    const menghai = plan('menghai');
    expect(menghai.formula).toBeUndefined();
    expect(menghai.formulaSource).toBeUndefined();
    expect(menghai.elements).toEqual([]);
    expect(layer('menghai').features.every((f) => f.properties.role === 'project')).toBe(true);
    const catalogue = JSON.parse(readFileSync(resolve(root, 'public/geo/plans/catalogue.json'), 'utf8')) as { plans: { id: string; formula?: string }[] };
    expect(catalogue.plans.find((p) => p.id === 'menghai')).not.toHaveProperty('formula');
    for (const id of ['yunnan', 'qujing', 'lincang', 'shuangjiang']) expect(catalogue.plans.find((p) => p.id === id)?.formula, id).toBeTruthy();
  });

  it('places the 红河片区 cooperation centre in 河口, where the free-trade zone’s 红河片区 is, not in 蒙自', () => {
    const centre = published('yunnan', 'honghe-ftz-clinic-centre');
    expect(centre.properties.counties).toEqual(['532532']);
    expect(pointIn(centre, '532532')).toBe(true);
    expect(pointIn(centre, '532503')).toBe(false);
  });

  it('puts 梅里雪山 and 泸沽湖 inside their Yunnan counties, and 大理州第二人民医院 at its documented address', () => {
    expect(pointIn(published('yunnan', 'meili-snow-mountain'), '533422')).toBe(true);
    expect(pointIn(published('yunnan', 'lugu-lake'), '530724')).toBe(true);
    const hospital = published('yunnan', 'dali-second-people-hospital');
    expect(hospital.properties.precision).toBe('exact');
    expect(hospital.properties.counties).toEqual(['532901']);
    expect(pointIn(hospital, '532901')).toBe(true);
    expect(turf.distance((hospital.geometry as Point).coordinates, [100.2801, 25.6223])).toBeLessThan(0.1);
  });

  it('keeps every point of every plan inside the county it names, whatever its precision', () => {
    for (const id of ids) {
      for (const f of layer(id).features) {
        if (f.geometry.type !== 'Point' || f.properties.counties.length !== 1) continue;
        const code = f.properties.counties[0]!;
        if (!counties.some((c) => c.properties.code === code)) continue; // a prefecture code
        expect(pointIn(f, code), `${f.properties.id} in ${code}`).toBe(true);
      }
    }
  });

  it('records a source for every place, and never calls a stand-in point exact', () => {
    for (const id of ids) {
      for (const p of places(id)) {
        expect(p.source.length, `${id}/${p.id}`).toBeGreaterThan(10);
        if (/示意|stand-in|schematic/i.test(`${p.source}`) && !/Derived/.test(p.source)) expect(p.precision, `${id}/${p.id}`).not.toBe('exact');
      }
    }
  });
});

describe('Lincang’s 示范引领多点融入 on the map', () => {
  it('draws the 多点 as the plan groups them, no longer as an unplaced note', () => {
    const lincang = plan('lincang');
    expect(lincang.unplaced.map((u) => u.name)).not.toContain('示范引领多点融入');
    const multi = layer('lincang').features.filter((f) => f.properties.group === '示范引领多点融入' && f.properties.role !== 'project');
    expect(multi.map((f) => f.properties.name).sort()).toEqual(['中医疗养', '果蔬养生', '温泉养生'].sort());
    const byName = (n: string) => multi.find((f) => f.properties.name === n)!;
    // The four 云药之乡 of 中医疗养, the five counties of 果蔬养生: extents the plan gives, county by county.
    expect([...byName('中医疗养').properties.counties].sort()).toEqual(['530902', '530922', '530923', '530925']);
    expect([...byName('果蔬养生').properties.counties].sort()).toEqual(['530921', '530923', '530924', '530925', '530926']);
    // 温泉养生 names seven places but no extent: schematic, with the hot springs as its projects.
    expect(byName('温泉养生').properties.precision).toBe('schematic');
    const springs = lincang.projects.filter((p) => p.element === 'multi-hot-springs');
    expect(springs.length).toBe(7);
  });
});

describe('functions are the plan’s statements, not the name again', () => {
  it('gives Lincang’s belts their substance', () => {
    const tropic = published('lincang', 'belt-tropic').properties.functions.join('|');
    for (const s of ['黄金海拔', '避暑避寒双宜']) expect(tropic).toContain(s);
    const lancang = published('lincang', 'belt-lancang').properties.functions.join('|');
    for (const s of ['澜沧江百里长湖', '茶文化及酒文化']) expect(lancang).toContain(s);
  });

  it('never repeats a fragment of an element’s own name as its function', () => {
    for (const id of ids) {
      for (const el of plan(id).elements) {
        for (const f of el.functions) expect(el.name.includes(f), `${id}-${el.id}: “${f}” is part of “${el.name}”`).toBe(false);
      }
    }
  });
});

describe('named, locatable items kept as projects, one rule for like items', () => {
  it('places all of Lincang’s city hospitals in 临翔 by the same rule, and leaves none unplaced', () => {
    const lincang = plan('lincang');
    const cityHospitals = ['临沧市人民医院', '临沧市中医（佤医）医院', '临沧市传染病医院', '妇女儿童医院', '安宁疗护医院'];
    for (const name of cityHospitals) {
      const p = lincang.projects.find((x) => x.name === name);
      expect(p, name).toBeDefined();
      expect(p!.county, name).toBe(LINXIANG);
      expect(p!.place, name).toBeUndefined();
      expect(published('lincang', p!.id).properties.precision, name).toBe('county');
    }
    expect(lincang.unplaced.filter((u) => /医院$/.test(u.name))).toEqual([]);
  });

  it('adds the named, located items that were missing', () => {
    const names = (id: Id) => plan(id).projects.map((p) => p.name);
    expect(names('yunnan')).toEqual(expect.arrayContaining(['丽江市中医医院', '省第一人民医院', '国家森林康养基地（保山市）']));
    expect(names('qujing')).toEqual(
      expect.arrayContaining(['会泽县中医医院药剂楼', '“云南（陆良）绿色食品牌”交易集散中心', '健康促进产品研发生产基地（马龙区）']),
    );
    expect(names('lincang')).toEqual(expect.arrayContaining(['临沧市传染病医院', '妇女儿童医院', '安宁疗护医院']));
    expect(names('menghai')).toEqual(expect.arrayContaining(['中（傣）医药康复示范基地', '勐海县人民医院精神心理门诊']));
    expect(published('yunnan', 'lijiang-tcm-hospital').properties.counties).toEqual(['530702']);
  });
});
