// @vitest-environment node
// Checks the generated base geography in public/geo/base/ (built by `npm run geo`).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon, centroid } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';

const BASE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../public/geo/base');
const readJson = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(BASE, name), 'utf8')) as T;

type Area = Polygon | MultiPolygon;
const yunnan = readJson<Topology>('yunnan.topo.json');
const hydro = readJson<Topology>('hydro.topo.json');
const context = readJson<Topology>('context.topo.json');
const labels = readJson<FeatureCollection<Point>>('labels.geojson');

function layer<G extends GeoJSON.Geometry>(topo: Topology, name: string): Feature<G>[] {
  const obj = topo.objects[name] as GeometryCollection | undefined;
  if (!obj) throw new Error(`missing object ${name}`);
  return (feature(topo, obj) as unknown as FeatureCollection<G>).features;
}

const counties = layer<Area>(yunnan, 'counties');
const prefectures = layer<Area>(yunnan, 'prefectures');
const provinces = layer<Area>(yunnan, 'province');
const province = provinces[0]!;

describe('yunnan.topo.json', () => {
  it('has 16 prefectures with current official names', () => {
    expect(prefectures).toHaveLength(16);
    const names = prefectures.map((f) => f.properties?.name);
    expect(names).toContain('临沧市');
    expect(names).toContain('西双版纳傣族自治州');
    for (const p of prefectures) {
      expect(p.properties?.code).toMatch(/^53\d{2}00$/);
      expect(typeof p.properties?.short).toBe('string');
      expect(typeof p.properties?.seat).toBe('string');
    }
    expect(prefectures.find((p) => p.properties?.code === '530900')?.properties).toMatchObject({ short: '临沧', seat: '临翔区' });
  });

  it('has 129 counties with unique current codes', () => {
    expect(counties).toHaveLength(129);
    const codes = counties.map((f) => String(f.properties?.code));
    for (const c of codes) expect(c).toMatch(/^53\d{4}$/);
    expect(new Set(codes).size).toBe(129);
    const prefCodes = new Set(prefectures.map((p) => p.properties?.code));
    for (const c of counties) expect(prefCodes.has(c.properties?.prefecture)).toBe(true);
  });

  it('uses current divisions (马龙区 530304, not 马龙县 530321)', () => {
    const byCode = new Map(counties.map((f) => [f.properties?.code, f.properties]));
    expect(byCode.get('530304')?.name).toBe('马龙区');
    expect(byCode.has('530321')).toBe(false);
    expect(byCode.get('530925')).toMatchObject({ name: '双江拉祜族佤族布朗族傣族自治县', short: '双江县', prefecture: '530900' });
    expect(byCode.get('530481')?.name).toBe('澄江市');
    expect(byCode.get('530681')?.name).toBe('水富市');
  });

  it('has one province outline', () => {
    expect(provinces).toHaveLength(1);
    expect(province.properties).toMatchObject({ code: '530000', name: '云南省' });
  });

  it('puts every county centroid inside the province', () => {
    const outside = counties.filter((c) => !booleanPointInPolygon(centroid(c), province)).map((c) => c.properties?.name);
    expect(outside).toEqual([]);
  });
});

describe('labels.geojson', () => {
  const countyLabels = labels.features.filter((f) => f.properties?.kind === 'county');
  const seats = labels.features.filter((f) => f.properties?.kind === 'prefecture-seat');

  it('has one label per county and per prefecture seat, each with precision and source', () => {
    expect(countyLabels).toHaveLength(129);
    expect(seats).toHaveLength(16);
    for (const f of labels.features) {
      expect(f.properties?.precision).toBeTruthy();
      expect(f.properties?.source).toBeTruthy();
    }
  });

  it('puts every county label inside Yunnan and inside its own county', () => {
    const byCode = new Map(counties.map((c) => [c.properties?.code, c]));
    for (const l of countyLabels) {
      expect(booleanPointInPolygon(l, province), String(l.properties?.name)).toBe(true);
      expect(booleanPointInPolygon(l, byCode.get(l.properties?.code)!), String(l.properties?.name)).toBe(true);
    }
  });

  it('puts every prefecture seat inside its prefecture', () => {
    const byCode = new Map(prefectures.map((p) => [p.properties?.code, p]));
    for (const s of seats) expect(booleanPointInPolygon(s, byCode.get(s.properties?.code)!), String(s.properties?.seatName)).toBe(true);
  });
});

describe('hydro.topo.json', () => {
  const rivers = layer<LineString>(hydro, 'rivers');
  const lakes = layer<Polygon>(hydro, 'lakes');

  it('has rivers, with the main ones named', () => {
    expect(rivers.length).toBeGreaterThan(20);
    const names = new Set(rivers.map((r) => r.properties?.name));
    for (const n of ['澜沧江', '怒江', '金沙江', '南盘江']) expect(names.has(n), n).toBe(true);
    expect(names.has('红河') || names.has('元江')).toBe(true);
    for (const r of rivers) expect([1, 2, 3]).toContain(r.properties?.rank);
    // The named main rivers run through Yunnan.
    const lancang = rivers.filter((r) => r.properties?.name === '澜沧江');
    expect(lancang.some((r) => r.geometry.coordinates.some((p) => booleanPointInPolygon(p, province)))).toBe(true);
  });

  it('has the major lakes', () => {
    const names = new Set(lakes.map((l) => l.properties?.name));
    for (const n of ['滇池', '洱海', '抚仙湖']) expect(names.has(n), n).toBe(true);
    const dianchi = lakes.find((l) => l.properties?.name === '滇池')!;
    expect(booleanPointInPolygon(centroid(dianchi), province)).toBe(true);
  });
});

describe('context.topo.json', () => {
  it('has neighbouring countries and provinces with Chinese names', () => {
    const countries = layer<Area>(context, 'countries').map((f) => f.properties?.name);
    for (const n of ['缅甸', '老挝', '越南']) expect(countries).toContain(n);
    const provs = layer<Area>(context, 'provinces').map((f) => f.properties?.short);
    for (const n of ['四川', '贵州', '广西', '西藏']) expect(provs).toContain(n);
  });
});
