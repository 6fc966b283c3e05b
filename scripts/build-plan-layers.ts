/**
 * `npm run build:data`: validates data/ and writes public/geo/plans/<planId>.geojson and index.json.
 * A plan with problems is reported and skipped; the others are still written. Exit code 1 if any problem.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import { pinyin } from 'pinyin-pro';
import type { AtlasFeatureProps, PlanMeta, Role, SearchEntry } from '../src/lib/atlas-data';
import type { Place } from '../src/lib/plan-schema';
import { readBaseGeo, type BaseGeo } from './lib/base-geo';
import { deriveGeometry } from './lib/derive-geometry';
import { formatProblem, readPlans, type LoadedPlan } from './lib/read-plans';

const root = resolve(import.meta.dirname, '..');
// ATLAS_PLANS_OUT lets a test build into a scratch folder and compare with what is committed.
const outDir = process.env.ATLAS_PLANS_OUT ?? resolve(root, 'public/geo/plans');

/** Default plan colours, by plan: distinct from the base map's greys and blues. */
const defaultColors: Record<string, string> = { yunnan: '#b23a48', qujing: '#2b7a5b', lincang: '#7b4fa0', shuangjiang: '#c26a1b', menghai: '#1f6e8c' };

/** RFC 7946 winding (exterior rings counter-clockwise) and 4 decimals (~10 m, finer than the base layers' quantisation). */
function round(geometry: Geometry): Geometry {
  // About a pixel at zoom 9 (~200 m): plan outlines are drawn 2–4 px wide over the base map's own borders.
  const tolerance = geometry.type.includes('Polygon') ? 0.002 : geometry.type.includes('Line') ? 0.002 : 0;
  const simple = tolerance ? turf.simplify(turf.feature(geometry), { tolerance, highQuality: true }) : turf.feature(geometry);
  const wound = turf.rewind(simple, { mutate: false }) as Feature;
  return JSON.parse(JSON.stringify(wound.geometry, (_k, v: unknown) =>
    Array.isArray(v) && typeof v[0] === 'number' ? v.map((n: number) => Math.round(n * 1e4) / 1e4) : v)) as Geometry;
}

/** The centroid of the largest part when it falls inside, otherwise a point surely on the area. */
function labelPoint(geometry: Polygon | MultiPolygon): [number, number] {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const largest = turf.polygon(parts.reduce((a, b) => (turf.area(turf.polygon(b)) > turf.area(turf.polygon(a)) ? b : a)));
  const c = turf.centroid(largest);
  const p = turf.booleanPointInPolygon(c, largest) ? c : turf.pointOnFeature(largest);
  return p.geometry.coordinates as [number, number];
}

/** 曲靖市 for 530302: the prefecture of each county (or the prefecture itself). */
function prefectureNames(base: BaseGeo, codes: string[]): string[] {
  return [...new Set(codes.flatMap((c) => base.prefectureName(`${c.slice(0, 4)}00`) ?? []))];
}

function countyNames(base: BaseGeo, codes: string[]): string {
  return [...new Set(codes)].map((c) => base.countyByCode.get(c)?.properties.short ?? base.prefectureName(c) ?? c).join('、');
}

function pinyinOf(name: string): { initials: string; pinyin: string } {
  const clean = name.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '');
  return {
    initials: pinyin(clean, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase(),
    pinyin: pinyin(clean, { toneType: 'none', type: 'array' }).join('').toLowerCase(),
  };
}

/** 双江县 / Shuangjiang: the short name from the base layers, its English from pinyin without the suffix. */
function regionNames(base: BaseGeo, code: string): { regionShort: string; regionEn: string } {
  const county = base.countyByCode.get(code)?.properties.short;
  const prefecture = base.prefectureName(code);
  const regionShort = county ?? prefecture ?? '云南省';
  const stem = regionShort.replace(/(省|市|县|区|州)$/u, '');
  const en = pinyin(stem, { toneType: 'none', type: 'array' }).join('');
  return { regionShort, regionEn: en.charAt(0).toUpperCase() + en.slice(1) };
}

interface Built {
  features: Feature<Geometry, AtlasFeatureProps>[];
  meta: PlanMeta;
}

function buildPlan({ plan, places }: LoadedPlan, base: BaseGeo): Built {
  const placeMap = new Map<string, Place>(places.map((p) => [p.id, p]));
  const fid = (local: string) => `${plan.id}-${local}`;
  const features: Feature<Geometry, AtlasFeatureProps>[] = [];
  const elementName = new Map(plan.elements.map((e) => [e.id, e.name]));
  for (const el of plan.elements) {
    let derived;
    try {
      derived = deriveGeometry(el.geometry, base, placeMap);
    } catch (e) {
      throw new Error(`elements ${el.id} “${el.name}”: geometry: ${(e as Error).message}`);
    }
    const counties = el.counties ?? derived.counties;
    const props: AtlasFeatureProps = {
      id: fid(el.id), plan: plan.id, role: el.role, name: el.name, ...(el.nameEn ? { nameEn: el.nameEn } : {}),
      group: el.group, part: 'main', functions: el.functions, projects: el.projects,
      county: countyNames(base, counties), counties, prefectures: prefectureNames(base, counties), precision: el.precision, source: el.source,
      ...(el.note ? { note: el.note } : {}), ...(el.related ? { related: el.related } : {}),
    };
    if (derived.geometry.type === 'Polygon' || derived.geometry.type === 'MultiPolygon') {
      const at = labelPoint(derived.geometry);
      props.label = [Math.round(at[0] * 1e4) / 1e4, Math.round(at[1] * 1e4) / 1e4];
    }
    features.push({ type: 'Feature', geometry: round(derived.geometry), properties: props });
    if (derived.linked) {
      features.push({ type: 'Feature', geometry: round(derived.linked), properties: { ...props, id: `${props.id}--linked`, part: 'linked', of: props.id } });
    }
  }
  for (const pr of plan.projects) {
    const place = pr.place ? placeMap.get(pr.place) : undefined;
    const seat = base.countyLabel.get(pr.county);
    if (!place && !seat) throw new Error(`projects ${pr.id} “${pr.name}”: county: no county ${pr.county} in the base layers`);
    const coordinates = place ? [place.lon, place.lat] : seat!.geometry.coordinates;
    const note = pr.note ?? (place ? place.note : undefined);
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: coordinates.map((v) => Math.round(v * 1e5) / 1e5) },
      properties: {
        id: fid(pr.id), plan: plan.id, role: 'project', name: pr.name, ...(pr.nameEn ? { nameEn: pr.nameEn } : {}),
        ...(pr.element ? { element: fid(pr.element), group: elementName.get(pr.element) } : {}),
        functions: pr.functions, projects: [], category: pr.category,
        county: countyNames(base, [pr.county]), counties: [pr.county], prefectures: prefectureNames(base, [pr.county]),
        precision: place ? place.precision : 'county', source: pr.source,
        ...(pr.investment ? { investment: { amount: pr.investment.amount, unit: pr.investment.unit } } : {}),
        ...(note ? { note } : {}), ...(place ? { place: place.name } : {}),
      },
    });
  }
  const order: Role[] = ['zone', 'core', 'belt', 'node', 'project'];
  features.sort((a, b) => order.indexOf(a.properties.role) - order.indexOf(b.properties.role));
  const region = base.union([plan.region.code]);
  const bbox = turf.bbox(turf.featureCollection([region, ...features.filter((f) => f.properties.role !== 'project') as Feature[]])) as [number, number, number, number];
  const counts = Object.fromEntries(order.map((r) => [r, features.filter((f) => f.properties.role === r && f.properties.part !== 'linked').length])) as Record<Role, number>;
  const meta: PlanMeta = {
    id: plan.id, title: plan.title, ...(plan.titleEn ? { titleEn: plan.titleEn } : {}), level: plan.level, region: plan.region,
    ...regionNames(base, plan.region.code),
    ...(plan.issuer ? { issuer: plan.issuer } : {}), ...(plan.docNumber ? { docNumber: plan.docNumber } : {}), ...(plan.date ? { date: plan.date } : {}),
    period: plan.period, ...(plan.parent ? { parent: plan.parent } : {}), ...(plan.formula ? { formula: plan.formula } : {}), summary: plan.summary,
    targets: plan.targets, indicators: plan.indicators, ...(plan.indicatorsSource ? { indicatorsSource: plan.indicatorsSource } : {}),
    unplaced: plan.unplaced, bbox: bbox.map((v) => Math.round(v * 1e4) / 1e4) as typeof bbox,
    color: plan.presentation?.color ?? defaultColors[plan.id] ?? '#8a3b12',
    ...(plan.presentation?.chapters ? { chapters: plan.presentation.chapters } : {}), counts,
  };
  return { features, meta };
}

/** Links between plans must point at plans and features that exist. */
function crossCheck(built: Map<string, Built>): string[] {
  const ids = new Set([...built.values()].flatMap((b) => b.features.map((f) => f.properties.id)));
  const problems: string[] = [];
  for (const [planId, b] of built) {
    const parent = b.meta.parent;
    if (parent?.element && built.has(parent.plan) && !ids.has(`${parent.plan}-${parent.element}`)) problems.push(`data/${planId}/plan.yaml: plan: parent.element: no element “${parent.element}” in plan ${parent.plan}`);
    for (const f of b.features) {
      for (const [i, r] of (f.properties.related ?? []).entries()) {
        if (r.feature && built.has(r.plan) && !ids.has(r.feature)) problems.push(`data/${planId}/plan.yaml: ${f.properties.id}: related[${i}].feature: no feature “${r.feature}”`);
      }
    }
  }
  return problems;
}

const { plans, problems } = readPlans(resolve(root, 'data'), resolve(root, 'data/seeds'), root);
const messages = problems.map(formatProblem);
const base = readBaseGeo(resolve(root, 'public/geo/base'));
const built = new Map<string, Built>();
for (const loaded of plans) {
  try {
    built.set(loaded.plan.id, buildPlan(loaded, base));
  } catch (e) {
    messages.push(`data/${loaded.plan.id}/plan.yaml: ${(e as Error).message}`);
  }
}
messages.push(...crossCheck(built));

mkdirSync(outDir, { recursive: true });
for (const f of readdirSync(outDir)) if (f.endsWith('.geojson') && !built.has(f.replace('.geojson', ''))) rmSync(resolve(outDir, f));
const search: SearchEntry[] = [];
for (const [id, b] of built) {
  writeFileSync(resolve(outDir, `${id}.geojson`), `${JSON.stringify({ type: 'FeatureCollection', features: b.features })}\n`);
  for (const f of b.features) {
    const p = f.properties;
    if (p.part === 'linked') continue;
    const c = f.geometry.type === 'Point' ? f.geometry.coordinates : turf.pointOnFeature(f as never).geometry.coordinates;
    search.push({ id: p.id, plan: p.plan, role: p.role, name: p.name, ...(p.nameEn ? { nameEn: p.nameEn } : {}), ...(p.category ? { category: p.category } : {}), county: p.county, ...pinyinOf(p.name), center: [Math.round((c[0] ?? 0) * 1e4) / 1e4, Math.round((c[1] ?? 0) * 1e4) / 1e4] });
  }
  console.log(`${id}: ${Object.entries(b.meta.counts).map(([r, n]) => `${n} ${r}`).join(', ')}; ${b.meta.unplaced.length} unplaced`);
}
const order = ['yunnan', 'qujing', 'lincang', 'shuangjiang', 'menghai'];
const metas = [...built.values()].map((b) => b.meta).sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
writeFileSync(resolve(outDir, 'index.json'), `${JSON.stringify({ plans: metas, search })}\n`);
for (const m of messages) console.error(m);
console.log(`${built.size} plan layer(s) written to ${outDir}; ${messages.length} problem(s).`);
process.exit(messages.length ? 1 : 0);
