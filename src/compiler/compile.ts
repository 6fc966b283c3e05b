/**
 * The plan compiler: turns plans' sources (plan.yaml + places.yaml + seed) into published features and metadata,
 * in memory. One module, two hosts: `npm run validate` and `npm run build:data` in Node, the plan studio in the
 * browser, so the studio's preview and messages are the build's. A plan with problems is reported and left out;
 * the others still build.
 */
import * as turf from '@turf/turf';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import { pinyin } from 'pinyin-pro';
import type { AtlasFeatureProps, PlanMeta } from '../lib/atlas-data';
import { type PlanProblem, type ProblemAt, type ProblemCode, type ProblemParams, problem, problemLine } from '../lib/plan-problems';
import type { GeometrySpec, Place } from '../lib/plan-schema';
import { derivePlanColor } from '../lib/presentation';
import { roleLook } from '../lib/role-look';
import { roles } from '../lib/vocabulary';
import type { BaseGeo } from './base-geo';
import { deriveGeometry } from './derive-geometry';
import { placeProblems } from './place-checks';
import { type LoadedPlan, readPlan } from './read-plan';
import { type PlanSources, planFile, type ReadSeed } from './sources';

export interface BuiltPlan {
  features: Feature<Geometry, AtlasFeatureProps>[];
  meta: PlanMeta;
  /** Sibling order in the plan tree (data may set it; else the region code). */
  order: number;
  /** Its seed file's name. */
  seed: string;
}

/** RFC 7946 winding (exterior rings counter-clockwise) and 4 decimals (~10 m, finer than the base layers' quantisation). */
function round(geometry: Geometry): Geometry {
  // About a pixel at zoom 9 (~200 m): plan outlines are drawn 2–4 px wide over the base map's own borders.
  const tolerance = geometry.type.includes('Polygon') || geometry.type.includes('Line') ? 0.002 : 0;
  const simple = tolerance ? turf.simplify(turf.feature(geometry), { tolerance, highQuality: true }) : turf.feature(geometry);
  const wound = turf.rewind(simple, { mutate: false }) as Feature;
  return JSON.parse(
    JSON.stringify(wound.geometry, (_k, v: unknown) => (Array.isArray(v) && typeof v[0] === 'number' ? v.map((n: number) => Math.round(n * 1e4) / 1e4) : v)),
  ) as Geometry;
}

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

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

/** 双江县 / Shuangjiang: the short name from the base layers, its English from pinyin without the suffix. */
function regionNames(base: BaseGeo, code: string): { regionShort: string; regionEn: string } {
  const county = base.countyByCode.get(code)?.properties.short;
  const prefecture = base.prefectureName(code);
  const regionShort = county ?? prefecture ?? '云南省';
  const stem = regionShort.replace(/(省|市|县|区|州)$/u, '');
  const en = pinyin(stem, { toneType: 'none', type: 'array' }).join('');
  return { regionShort, regionEn: en.charAt(0).toUpperCase() + en.slice(1) };
}

/** An element's published geometry: derived from the base layers, simplified and rounded, with its label point. */
interface Shape {
  geometry: Geometry;
  linked?: Geometry;
  counties: string[];
  label?: [number, number];
}

/** The places a geometry spec reads (their points and counties); nothing else of the plan changes its shape. */
function placesRead(spec: GeometrySpec): string[] {
  if (spec.type === 'corridor') return spec.through.flat();
  if (spec.type === 'hull') return spec.places;
  if (spec.type === 'point') return [spec.place];
  return [];
}

// Shapes by base layers and by what they are made of. The studio compiles the whole plan on every edit; an edit
// changes one element at most, so the others' geometry (a province-wide belt takes seconds) is taken from here.
const shapes = new WeakMap<BaseGeo, Map<string, Shape>>();

/** {@link deriveGeometry} then simplified and rounded, once per spec and places read; shared, so never changed. */
function shapeOf(spec: GeometrySpec, base: BaseGeo, places: Map<string, Place>): Shape {
  const read = placesRead(spec).map((id) => {
    const p = places.get(id);
    return p ? [p.lon, p.lat, p.county] : null;
  });
  const key = JSON.stringify([spec, read]);
  const known = shapes.get(base) ?? new Map<string, Shape>();
  shapes.set(base, known);
  const hit = known.get(key);
  if (hit) return hit;
  const derived = deriveGeometry(spec, base, places);
  const shape: Shape = { geometry: round(derived.geometry), counties: derived.counties };
  if (derived.linked) shape.linked = round(derived.linked);
  if (derived.geometry.type === 'Polygon' || derived.geometry.type === 'MultiPolygon') {
    const at = labelPoint(derived.geometry);
    shape.label = [round4(at[0]), round4(at[1])];
  }
  if (known.size >= 500) known.delete(known.keys().next().value ?? '');
  known.set(key, shape);
  return shape;
}

/** A problem found while building, thrown to stop the plan; its file is added by {@link compilePlan}. */
class BuildProblem extends Error {
  readonly problem: ProblemAt;
  constructor(where: string, field: string, ...[code, params]: { [C in ProblemCode]: [C, ProblemParams[C]] }[ProblemCode]) {
    const found = { where, field, code, params } as ProblemAt;
    super(problemLine({ file: '', ...found } as PlanProblem));
    this.problem = found;
  }
}

function buildPlan({ plan, places }: LoadedPlan, base: BaseGeo): BuiltPlan {
  const placeMap = new Map<string, Place>(places.map((p) => [p.id, p]));
  const fid = (local: string) => `${plan.id}-${local}`;
  const features: Feature<Geometry, AtlasFeatureProps>[] = [];
  const elementName = new Map(plan.elements.map((e) => [e.id, e.name]));
  if (!base.isRegion(plan.region.code)) {
    throw new BuildProblem('plan', 'region.code', 'noRegion', { code: plan.region.code });
  }
  for (const el of plan.elements) {
    let derived: Shape;
    try {
      derived = shapeOf(el.geometry, base, placeMap);
    } catch (e) {
      throw new BuildProblem(`elements ${el.id} “${el.name}”`, 'geometry', 'geometry', { detail: (e as Error).message });
    }
    const counties = el.counties ?? [...derived.counties];
    for (const c of counties) {
      if (!base.countyByCode.has(c) && !base.prefectureName(c)) throw new BuildProblem(`elements ${el.id} “${el.name}”`, 'counties', 'noCounty', { code: c });
    }
    const props: AtlasFeatureProps = {
      id: fid(el.id),
      plan: plan.id,
      role: el.role,
      name: el.name,
      ...(el.nameEn ? { nameEn: el.nameEn } : {}),
      group: el.group,
      part: 'main',
      functions: el.functions,
      projects: el.projects,
      county: countyNames(base, counties),
      counties,
      prefectures: prefectureNames(base, counties),
      precision: el.precision,
      source: el.source,
      ...(el.note ? { note: el.note } : {}),
      ...(el.related ? { related: el.related } : {}),
    };
    if (derived.label) props.label = [...derived.label];
    features.push({ type: 'Feature', geometry: derived.geometry, properties: props });
    if (derived.linked) {
      features.push({ type: 'Feature', geometry: derived.linked, properties: { ...props, id: `${props.id}--linked`, part: 'linked', of: props.id } });
    }
  }
  for (const pr of plan.projects) {
    const place = pr.place ? placeMap.get(pr.place) : undefined;
    const seat = base.countyLabel.get(pr.county);
    if (!seat && !base.prefectureName(pr.county)) throw new BuildProblem(`projects ${pr.id} “${pr.name}”`, 'county', 'noRegion', { code: pr.county });
    const coordinates = place ? [place.lon, place.lat] : seat?.geometry.coordinates;
    if (!coordinates) throw new BuildProblem(`projects ${pr.id} “${pr.name}”`, 'place', 'prefectureNeedsPlace', { county: pr.county });
    const note = pr.note ?? (place ? place.note : undefined);
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: coordinates.map((v) => Math.round(v * 1e5) / 1e5) },
      properties: {
        id: fid(pr.id),
        plan: plan.id,
        role: 'project',
        name: pr.name,
        ...(pr.nameEn ? { nameEn: pr.nameEn } : {}),
        ...(pr.element ? { element: fid(pr.element), group: elementName.get(pr.element) } : {}),
        functions: pr.functions,
        projects: [],
        category: pr.category,
        county: countyNames(base, [pr.county]),
        counties: [pr.county],
        prefectures: prefectureNames(base, [pr.county]),
        precision: place ? place.precision : 'county',
        source: pr.source,
        ...(pr.investment ? { investment: { amount: pr.investment.amount, unit: pr.investment.unit } } : {}),
        ...(note ? { note } : {}),
        ...(place ? { place: place.name, placeSource: place.source } : {}),
      },
    });
  }
  // The drawing order within a source is each role's `stack` (role-look.ts).
  features.sort((a, b) => roleLook[a.properties.role].stack - roleLook[b.properties.role].stack);
  const region = base.union([plan.region.code]);
  const bbox = turf.bbox(turf.featureCollection([region, ...(features.filter((f) => f.properties.role !== 'project') as Feature[])])) as [
    number,
    number,
    number,
    number,
  ];
  const counts = Object.fromEntries(roles.map((r) => [r, features.filter((f) => f.properties.role === r && f.properties.part !== 'linked').length]));
  const p = plan;
  const meta: PlanMeta = {
    id: p.id,
    title: p.title,
    ...(p.titleEn ? { titleEn: p.titleEn } : {}),
    level: p.level,
    region: p.region,
    ...regionNames(base, p.region.code),
    ...(p.parent ? { parent: p.parent } : {}),
    ...(p.formula ? { formula: p.formula } : {}),
    bbox: bbox.map(round4) as typeof bbox,
    color: p.presentation?.color ?? derivePlanColor(p.id),
    counts,
    ...(p.issuer ? { issuer: p.issuer } : {}),
    ...(p.docNumber ? { docNumber: p.docNumber } : {}),
    ...(p.date ? { date: p.date } : {}),
    period: p.period,
    ...(p.formulaSource ? { formulaSource: p.formulaSource } : {}),
    summary: p.summary,
    targets: p.targets,
    indicators: p.indicators,
    ...(p.indicatorsSource ? { indicatorsSource: p.indicatorsSource } : {}),
    unplaced: p.unplaced,
    ...(p.presentation?.chapters ? { chapters: p.presentation.chapters } : {}),
    ...(p.presentation?.keyProjects ? { keyProjects: p.presentation.keyProjects.map(fid) } : {}),
  };
  return { features, meta, order: p.presentation?.order ?? Number(p.region.code), seed: p.seed };
}

/** What the compiler may know of plans it is not compiling, for the checks between plans. */
export interface OtherPlans {
  plans: Map<string, { parent?: { plan: string; element?: string }; featureIds?: Set<string> }>;
}

/**
 * Links between plans: a parent must exist and lead to a root (no cycle), a parent element and related links must
 * resolve. Returns the problems by plan id: a plan with any is not published.
 */
function crossCheck(built: Map<string, BuiltPlan>, failed: Set<string>, others: OtherPlans['plans']): Map<string, PlanProblem[]> {
  const featureIds = (plan: string): Set<string> | undefined =>
    built.has(plan) ? new Set(built.get(plan)!.features.map((f) => f.properties.id)) : others.get(plan)?.featureIds;
  const known = (plan: string) => built.has(plan) || failed.has(plan) || others.has(plan);
  const parentOf = (plan: string) => built.get(plan)?.meta.parent ?? others.get(plan)?.parent;
  const problems = new Map<string, PlanProblem[]>();
  const add = (planId: string, found: PlanProblem) => problems.set(planId, [...(problems.get(planId) ?? []), found]);
  for (const [planId, b] of built) {
    const file = planFile(planId);
    const parent = b.meta.parent;
    if (parent?.plan === planId) add(planId, problem(file, 'plan', 'parent.plan', 'ownParent', {}));
    else if (parent && !known(parent.plan)) add(planId, problem(file, 'plan', 'parent.plan', 'noPlan', { plan: parent.plan }));
    else if (parent) {
      const chain = [planId];
      for (let at = parent.plan; at; at = parentOf(at)?.plan ?? '') {
        if (chain.includes(at)) {
          add(planId, problem(file, 'plan', 'parent.plan', 'cycle', { chain: [...chain, at].join(' → ') }));
          break;
        }
        chain.push(at);
      }
    }
    const parentIds = parent?.element ? featureIds(parent.plan) : undefined;
    if (parent?.element && parentIds && !parentIds.has(`${parent.plan}-${parent.element}`)) {
      add(planId, problem(file, 'plan', 'parent.element', 'noParentElement', { element: parent.element, plan: parent.plan }));
    }
    for (const f of b.features) {
      for (const [i, r] of (f.properties.related ?? []).entries()) {
        const ids = r.feature ? featureIds(r.plan) : undefined;
        if (!known(r.plan)) add(planId, problem(file, f.properties.id, `related[${i}].plan`, 'noPlan', { plan: r.plan }));
        else if (r.feature && ids && !ids.has(r.feature))
          add(planId, problem(file, f.properties.id, `related[${i}].feature`, 'noFeature', { feature: r.feature, plan: r.plan }));
      }
    }
    for (const [i, k] of (b.meta.keyProjects ?? []).entries()) {
      if (!b.features.some((f) => f.properties.id === k && f.properties.role === 'project'))
        add(planId, problem(file, 'plan', `presentation.keyProjects[${i}]`, 'noKeyProject', { id: k }));
    }
  }
  return problems;
}

/** Plans in tree order: roots first, each followed by its children (by `order`), depth first. */
export function treeOrder(built: Map<string, BuiltPlan>): BuiltPlan[] {
  const all = [...built.values()];
  const byOrder = (a: BuiltPlan, b: BuiltPlan) => a.order - b.order || a.meta.id.localeCompare(b.meta.id);
  const out: BuiltPlan[] = [];
  const seen = new Set<string>();
  const visit = (p: BuiltPlan) => {
    if (seen.has(p.meta.id)) return;
    seen.add(p.meta.id);
    out.push(p);
    for (const child of all.filter((c) => c.meta.parent?.plan === p.meta.id).sort(byOrder)) visit(child);
  };
  for (const root of all.filter((p) => !p.meta.parent || !built.has(p.meta.parent.plan)).sort(byOrder)) visit(root);
  // A cycle of parents leaves plans unvisited: list them at the top level rather than drop them.
  for (const p of all.sort(byOrder)) visit(p);
  return out;
}

export interface BuildResult {
  /** The plans that publish, in tree order. */
  plans: BuiltPlan[];
  /** One line per problem: file, feature, field, message (the validator's lines). */
  problems: string[];
  /** The same problems, in the same order, as data: the studio words them in its own language. */
  found: PlanProblem[];
  /** Ids of plans left out because of problems. */
  failed: string[];
}

/** One plan compiled on its own: a pure function of its files, the seed and the base layers, so a host may cache it. */
export interface CompiledPlan {
  /** The plan's id (its folder's name when the files could not be read). */
  id: string;
  built?: BuiltPlan;
  /** Validator lines; a plan with any is not built. */
  problems: string[];
  /** The same problems as data (file, feature, field, code and parameters), for the studio's words. */
  found: PlanProblem[];
}

/** Reads, validates and builds one plan; the checks between plans come after, in {@link linkPlans}. */
export function compilePlan(src: PlanSources, readSeed: ReadSeed, base: BaseGeo): CompiledPlan {
  const { loaded, problems: read } = readPlan(src, readSeed);
  const found = [...read, ...(loaded ? placeProblems(loaded, base) : [])];
  if (!loaded || found.length) return { id: loaded?.plan.id ?? src.folder, problems: found.map((p) => problemLine(p)), found };
  try {
    return { id: loaded.plan.id, built: buildPlan(loaded, base), problems: [], found: [] };
  } catch (e) {
    const file = planFile(loaded.folder);
    const at = e instanceof BuildProblem ? e.problem : ({ where: '', field: '', code: 'other', params: { detail: (e as Error).message } } as const);
    const failure = { file, ...at } as PlanProblem;
    return { id: loaded.plan.id, problems: [problemLine(failure)], found: [failure] };
  }
}

/**
 * The checks between plans (parents, cycles, related links) over plans compiled one by one; `others` tells them
 * about plans not compiled here (the studio compiles one plan against the published catalogue). A plan whose links
 * lead nowhere or round in a cycle is not published.
 */
export function linkPlans(compiled: CompiledPlan[], others: OtherPlans = { plans: new Map() }): BuildResult {
  const found = compiled.flatMap((c) => c.found);
  const built = new Map(compiled.flatMap((c) => (c.built ? [[c.id, c.built] as const] : [])));
  const failed = new Set(compiled.filter((c) => !c.built).map((c) => c.id));
  // Rechecked until nothing else drops out.
  for (let round = 0; round <= compiled.length; round++) {
    const linkProblems = crossCheck(built, failed, others.plans);
    if (!linkProblems.size) break;
    for (const [planId, more] of linkProblems) {
      found.push(...more);
      built.delete(planId);
      failed.add(planId);
    }
  }
  return { plans: treeOrder(built), problems: found.map((p) => problemLine(p)), found, failed: [...failed] };
}

/** Reads, validates and builds plans from their sources, then checks the links between them. */
export function compilePlans(sources: PlanSources[], readSeed: ReadSeed, base: BaseGeo, others?: OtherPlans): BuildResult {
  return linkPlans(
    sources.map((src) => compilePlan(src, readSeed, base)),
    others,
  );
}
