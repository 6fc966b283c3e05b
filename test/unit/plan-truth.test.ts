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
import { publishedPlanIds } from './published';

const root = resolve(import.meta.dirname, '../..');
/** Every published plan: the checks that hold for all plans run on a plan added the README's way too. */
const ids = publishedPlanIds;
/** A plan's id; the corrections below name the plan whose text they follow. */
type Id = string;

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
  seed: string;
  elements: {
    id: string;
    role: string;
    name: string;
    group: string;
    functions: string[];
    geometry: { type: string };
    precision: string;
    note?: string;
    related?: { plan: string; feature?: string; note?: string }[];
  }[];
  projects: { id: string; name: string; county: string; place?: string; element?: string; functions: string[]; note?: string }[];
  unplaced: { name: string; reason: string }[];
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
/** A seed as one run of text, as the validator compares quotes: no line breaks, page numbers or white space. */
const seedText = (id: Id) =>
  readFileSync(resolve(root, 'data/seeds', plan(id).seed), 'utf8')
    .replace(/\[(?:bookmark|image):[^\]]*\]/g, '')
    .replace(/^[ \t]*—[ \t]*\d+[ \t]*—[ \t]*$/gm, '')
    .replace(/\s+/gu, '');
/** Shortest distance in km from a point to any line of a (multi)line feature. */
const kmToLine = (point: number[], line: Feature<Geometry, Props>) => {
  const lines = line.geometry.type === 'MultiLineString' ? line.geometry.coordinates : [(line.geometry as { coordinates: number[][] }).coordinates];
  return Math.min(...lines.map((l) => turf.pointToLineDistance(point, turf.lineString(l))));
};

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

  it('nests Shuangjiang in the Lincang plan itself (not under the 北回归线 belt), and Lincang in the province plan', () => {
    expect(plan('shuangjiang').parent).toEqual({ plan: 'lincang' });
    expect(plan('lincang').parent).toEqual({ plan: 'yunnan' });
    const catalogue = JSON.parse(readFileSync(resolve(root, 'public/geo/plans/catalogue.json'), 'utf8')) as { plans: { id: string; parent?: unknown }[] };
    expect(catalogue.plans.find((p) => p.id === 'shuangjiang')?.parent).toEqual({ plan: 'lincang' });
    expect(catalogue.plans.find((p) => p.id === 'lincang')?.parent).toEqual({ plan: 'yunnan' });
    // The 澜沧江 belt of Lincang (凤庆、云县、临翔) does not reach Shuangjiang.
    expect(published('lincang', 'belt-lancang').properties.counties).not.toContain(SHUANGJIANG);
  });

  it('ties Lincang to the province’s 滇西 zone, 大滇西 belt and 澜沧江 belt by related links that quote the tying sentence', () => {
    const links = plan('lincang').elements.flatMap((e) => e.related ?? []);
    const verbatim = (note = '') => {
      const quoted = /“(.+?)”\s*$/.exec(note.replace(/\s*}$/, ''))?.[1]?.replace(/\s+/gu, '');
      return !!quoted && (seedText('lincang').includes(quoted) || seedText('yunnan').includes(quoted));
    };
    for (const feature of ['yunnan-zone-dianxi', 'yunnan-belt-greater-west', 'yunnan-belt-lancang']) {
      const tied = links.filter((r) => r.plan === 'yunnan' && r.feature === feature);
      expect(tied.length, feature).toBeGreaterThan(0);
      expect(
        tied.some((r) => verbatim(r.note)),
        `${feature}: a link quotes the tying sentence verbatim`,
      ).toBe(true);
    }
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
  it('draws no layout element under 多点 that covers a county: the named towns and villages, as points marked as an interpretation', () => {
    const multi = plan('lincang').elements.filter((e) => e.group === '示范引领多点融入');
    expect(multi.length).toBeGreaterThan(0);
    for (const e of multi) {
      expect(e.geometry.type, e.id).toBe('point');
      expect(e.precision, e.id).toBe('schematic');
      expect(e.note, e.id).toMatch(/解读/);
      expect(e.name, e.id).toMatch(/小镇|村|孟定/);
    }
    for (const f of layer('lincang').features.filter((x) => x.properties.group === '示范引领多点融入')) {
      expect(f.geometry.type, f.properties.id).toBe('Point');
    }
    expect(multi.map((e) => e.name)).toEqual(expect.arrayContaining(['葫芦小镇', '云县漫湾镇沧江宜村康养小镇', '勐堆澡塘坝康养小镇']));
  });

  it('keeps the chapter-4 health-tourism products (中医疗养, 温泉养生, 果蔬养生) as products with their counties, not as layout', () => {
    const lincang = plan('lincang');
    const names = ['中医疗养', '温泉养生', '果蔬养生'];
    expect(lincang.elements.filter((e) => names.includes(e.name))).toEqual([]);
    for (const name of names) {
      const item = lincang.unplaced.find((u) => u.name === name);
      expect(item, name).toBeDefined();
      expect(item!.reason, name).toMatch(/不是布局要素/);
    }
    // The hot springs stay projects, at their own counties.
    const springs = lincang.projects.filter((p) => p.functions.includes('打造温泉度假庄园、温泉度假小镇、温泉度假景区等项目'));
    expect(new Set(springs.map((p) => p.county)).size).toBe(7);
  });
});

describe('belts drawn through what the text builds them on', () => {
  it('draws the 大滇西 belt as a schematic corridor that reaches each of its sites within 15 km', () => {
    const belt = published('yunnan', 'belt-greater-west');
    expect(belt.properties.precision).toBe('schematic');
    const sites = layer('yunnan').features.filter(
      (f) => f.properties.role === 'project' && (f.properties as { element?: string }).element === 'yunnan-belt-greater-west',
    );
    expect(sites.map((f) => f.properties.name)).toEqual(
      expect.arrayContaining(['梅里雪山', '腾冲火山热海', '怒江大峡谷', '洱海', '程海', '泸沽湖', '大理崇圣寺', '丽江玉龙雪山', '丽江古城', '香格里拉普达措']),
    );
    for (const site of sites) {
      expect(kmToLine((site.geometry as Point).coordinates, belt), site.properties.name).toBeLessThanOrEqual(15);
    }
  });

  it('ends the 昆玉红 belt’s 河口 axis within 5 km of the 河口 seat, where the same plan’s 红河片区 centre stands', () => {
    const belt = published('yunnan', 'belt-kunyuhong');
    const seat = (published('yunnan', 'honghe-ftz-clinic-centre').geometry as Point).coordinates;
    const ends = (belt.geometry as { coordinates: number[][][] }).coordinates.map((line) => line[line.length - 1]!);
    expect(Math.min(...ends.map((end) => turf.distance(end, seat)))).toBeLessThanOrEqual(5);
  });
});

describe('one place for one thing, every place for an item in two', () => {
  it('draws 省第一人民医院 and 中日友好医院云南医院 (the national respiratory centre built on it) as one point with one note', () => {
    const hospital = published('yunnan', 'yunnan-first-peoples-hospital');
    const centre = published('yunnan', 'zryh-yunnan');
    expect((centre.geometry as Point).coordinates).toEqual((hospital.geometry as Point).coordinates);
    const notes = plan('yunnan')
      .projects.filter((p) => p.id === 'zryh-yunnan' || p.id === 'yunnan-first-peoples-hospital')
      .map((p) => p.note);
    expect(notes.length).toBe(2);
    expect(notes[0]).toBe(notes[1]);
    expect(notes[0]).toMatch(/省第一人民医院/);
    expect(centre.properties.functions).toContain('建设国家呼吸区域医疗中心');
  });

  it('puts the 药品流通销售集散基地 in both places the text names, 沾益区 and 曲靖经开区', () => {
    const bases = plan('qujing').projects.filter((p) => p.name.startsWith('药品流通销售集散基地'));
    expect(bases.map((p) => p.county).sort()).toEqual(['530302', '530303']);
  });
});

describe('functions are the plan’s statements, not the name again', () => {
  it('gives Lincang’s belts their substance', () => {
    const tropic = published('lincang', 'belt-tropic').properties.functions.join('|');
    for (const s of ['黄金海拔', '避暑避寒双宜']) expect(tropic).toContain(s);
    const lancang = published('lincang', 'belt-lancang').properties.functions.join('|');
    for (const s of ['澜沧江百里长湖', '茶文化及酒文化']) expect(lancang).toContain(s);
  });

  it('repeats no short heading as the function of many items, and keeps no fragment of 2–7 characters', () => {
    for (const id of ids) {
      const doc = plan(id);
      const uses = new Map<string, number>();
      for (const item of [...doc.elements, ...doc.projects]) {
        for (const f of item.functions) {
          expect([...f].length, `${id}: “${f}” is a fragment`).toBeGreaterThan(7);
          uses.set(f, (uses.get(f) ?? 0) + 1);
        }
      }
      for (const [f, n] of uses) if ([...f].length < 10) expect(n, `${id}: “${f}” is the function of ${n} items`).toBeLessThan(3);
    }
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
