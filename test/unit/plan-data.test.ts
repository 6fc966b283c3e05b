// @vitest-environment node
/** The published plan layers held to the seeds: counts, verbatim quotes, honest locations, valid GeoJSON. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { featurePropsSchema, planMetaSchema, type AtlasFeatureProps } from '../../src/lib/atlas-data';
import { publishedPlanIds as planIds } from './published';
import { compactQuote, compactSeed } from '../../src/lib/seed-text';
import { readBaseGeo } from '../../scripts/lib/base-geo';
import { buildPlans } from '../../scripts/lib/build-plans';

const root = resolve(import.meta.dirname, '../..');
const layers = Object.fromEntries(
  planIds.map((id) => [
    id,
    JSON.parse(readFileSync(resolve(root, `public/geo/plans/${id}.geojson`), 'utf8')) as FeatureCollection<Geometry, AtlasFeatureProps>,
  ]),
);
const compiled = buildPlans(resolve(root, 'data'), resolve(root, 'data/seeds'), root, readBaseGeo(resolve(root, 'public/geo/base')));
const metas = planIds.map((id) => planMetaSchema.parse((layers[id] as unknown as { meta: unknown }).meta));
const seeds = Object.fromEntries(
  planIds.map((id) => {
    const meta = metas.find((m) => m.id === id);
    const plan = compiled.plans.find((p) => p.meta.id === id);
    return [id, compactSeed(readFileSync(resolve(root, 'data/seeds', plan?.seed ?? 'missing'), 'utf8')) + (meta ? '' : '')];
  }),
);
const topo = JSON.parse(readFileSync(resolve(root, 'public/geo/base/yunnan.topo.json'), 'utf8')) as Topology;
const counties = (feature(topo, topo.objects.counties!) as FeatureCollection<Polygon | MultiPolygon, { code: string }>).features;
const main = (id: string) => layers[id]!.features.filter((f) => f.properties.part !== 'linked');
const count = (id: string, role: string) => main(id).filter((f) => f.properties.role === role).length;

describe('plan data', () => {
  it('validates with no problem', () => {
    const { plans, problems } = compiled;
    expect(problems).toEqual([]);
    expect(plans.map((p) => p.meta.id).sort()).toEqual([...planIds].sort());
  });

  it('has the layout each plan states', () => {
    expect([count('yunnan', 'core'), count('yunnan', 'zone'), count('yunnan', 'belt')]).toEqual([1, 6, 4]);
    expect([count('qujing', 'core'), count('qujing', 'zone')]).toEqual([1, 6]);
    expect([count('lincang', 'core'), count('lincang', 'belt')]).toEqual([1, 2]);
    expect([count('shuangjiang', 'core'), count('shuangjiang', 'zone'), count('shuangjiang', 'belt'), count('shuangjiang', 'node')]).toEqual([1, 2, 3, 5]);
    expect(count('menghai', 'project')).toBeGreaterThanOrEqual(6);
  });

  it('names the province layout’s parts as the plan does', () => {
    const names = main('yunnan').map((f) => f.properties.name);
    for (const n of [
      '滇东北健康医疗服务业集聚区',
      '滇东健康医疗服务业集聚区',
      '滇西健康医疗服务业集聚区',
      '滇南健康医疗服务业集聚区',
      '滇西边境健康医疗服务辐射区',
      '滇南边境健康医疗服务辐射区',
      '大滇西健康旅游发展带',
      '澜沧江沿岸健康休闲示范带',
      '昆玉红文化颐养旅居带',
      '沿边跨境健康服务开放辐射带',
    ]) {
      expect(names).toContain(n);
    }
  });

  it('quotes every source, function and project verbatim from its seed', () => {
    for (const id of planIds) {
      for (const f of layers[id]!.features) {
        const p = f.properties;
        for (const text of [p.source.quote, ...p.functions, ...p.projects]) {
          expect(seeds[id]!.includes(compactQuote(text)), `${p.id}: “${text.slice(0, 30)}”`).toBe(true);
        }
      }
    }
  });

  it('keeps the six investments of Menghai’s annex table', () => {
    const invested = main('menghai').filter((f) => f.properties.investment);
    expect(invested).toHaveLength(6);
    expect(invested.reduce((sum, f) => sum + (f.properties.investment?.amount ?? 0), 0)).toBe(89632);
  });

  it('carries the indicator tables of Lincang and Menghai', () => {
    expect(metas.find((m) => m.id === 'lincang')?.indicators.length).toBeGreaterThanOrEqual(10);
    expect(metas.find((m) => m.id === 'menghai')?.indicators.length).toBeGreaterThanOrEqual(20);
  });

  it('gives every feature a unique id and the published properties', () => {
    const ids = planIds.flatMap((id) => layers[id]!.features.map((f) => f.properties.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of planIds) for (const f of layers[id]!.features) expect(featurePropsSchema.safeParse(f.properties).success, f.properties.id).toBe(true);
  });

  it('places exact and township points inside their county', () => {
    for (const id of planIds) {
      for (const f of layers[id]!.features) {
        const p = f.properties;
        if (f.geometry.type !== 'Point' || (p.precision !== 'exact' && p.precision !== 'township')) continue;
        const county = counties.find((c) => c.properties.code === p.counties[0]);
        expect(county, `${p.id}: county ${p.counties[0]}`).toBeDefined();
        expect(turf.booleanPointInPolygon(f.geometry.coordinates, county!), `${p.id} in ${p.counties[0]}`).toBe(true);
      }
    }
  });

  it('writes valid RFC 7946 GeoJSON', () => {
    const inRange = ([x, y]: Position) => x! > 90 && x! < 115 && y! > 15 && y! < 35;
    for (const id of planIds) {
      const fc = layers[id]!;
      expect(fc.type).toBe('FeatureCollection');
      for (const f of fc.features as Feature<Geometry>[]) {
        expect(f.type).toBe('Feature');
        expect(turf.coordAll(f as never).every(inRange), (f.properties as AtlasFeatureProps).id).toBe(true);
        const g = f.geometry;
        const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
        for (const polygon of polygons) {
          polygon.forEach((ring, i) => {
            expect(ring.length).toBeGreaterThanOrEqual(4);
            expect(ring[0]).toEqual(ring[ring.length - 1]);
            // Exterior rings counter-clockwise, holes clockwise.
            expect(turf.booleanClockwise(ring)).toBe(i > 0);
          });
        }
        if (g.type === 'LineString' || g.type === 'MultiLineString') expect(turf.length(f as never)).toBeGreaterThan(0);
      }
    }
  });

  it('links plans as they nest', () => {
    const parent = (id: string) => metas.find((m) => m.id === id)?.parent;
    expect(parent('qujing')).toEqual({ plan: 'yunnan', element: 'zone-diandong' });
    expect(parent('lincang')?.plan).toBe('yunnan');
    expect(parent('shuangjiang')?.plan).toBe('lincang');
    expect(parent('menghai')).toEqual({ plan: 'yunnan', element: 'zone-diannan-border' });
    const diandong = main('yunnan').find((f) => f.properties.id === 'yunnan-zone-diandong');
    expect(diandong?.properties.related?.map((r) => r.plan)).toContain('qujing');
    const lancang = main('lincang').find((f) => f.properties.id === 'lincang-belt-lancang');
    expect(lancang?.properties.related?.map((r) => r.feature)).toContain('yunnan-belt-lancang');
  });

  it('draws the 澜沧江 belts along the real river and the tropic belt along 23.44°N', () => {
    const rivers = JSON.parse(readFileSync(resolve(root, 'public/geo/base/hydro.topo.json'), 'utf8')) as Topology;
    const lancang = (feature(rivers, rivers.objects.rivers!) as FeatureCollection).features.filter((f) => f.properties?.name === '澜沧江');
    const belt = main('lincang').find((f) => f.properties.id === 'lincang-belt-lancang')!;
    const mid = turf.along(turf.lineString((belt.geometry as never as { coordinates: Position[][] }).coordinates[0]!), 0.5);
    const distance = Math.min(...lancang.map((r) => turf.pointToLineDistance(mid, r as never)));
    expect(distance).toBeLessThan(1);
    const tropic = main('lincang').find((f) => f.properties.id === 'lincang-belt-tropic')!;
    // Mostly along the tropic, with a short schematic link north to 临翔 (which stops at 23.50°N).
    const line = (tropic.geometry as never as { coordinates: Position[][] }).coordinates[0]!;
    const along = line
      .slice(1)
      .reduce((sum, p, i) => sum + (Math.abs(p[1]! - 23.44) < 0.005 && Math.abs(line[i]![1]! - 23.44) < 0.005 ? turf.distance(line[i]!, p) : 0), 0);
    expect(along / turf.length(tropic as never)).toBeGreaterThan(0.8);
  });
});
