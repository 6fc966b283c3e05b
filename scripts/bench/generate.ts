/**
 * The scale benchmark's scratch copies of the project: the real plans plus synthetic ones, published by the real
 * `build:data` (generated at the compiled level beyond BENCH_COMPILE_MAX plans) and built with Vite.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse, stringify } from 'yaml';
import { type BuiltPlan, linkPlans } from '../../src/compiler/compile';
import { publishedFiles } from '../../src/compiler/publish';
import { publishedFolders } from '../../src/lib/published-format';
import { derivePlanColor } from '../../src/lib/presentation';
import { roleLook } from '../../src/lib/role-look';
import { readBaseGeo } from '../lib/base-geo';
import { openBuildCache } from '../lib/build-cache';
import { buildPlans, type NodeBuildResult } from '../lib/build-plans';
import { readPlanFiles } from '../lib/plan-files';
import { compileMax, log, onlyBuild, onlyMap, perPlan, publishFrom, realPlans, root, rootPlan, switchPlan, templates, work } from './context';

/** Copies what a data build and a production build read; node_modules is linked, not copied. */
export function copyProject(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const entry of ['data', 'public', 'src', 'scripts', 'index.html', 'vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json']) {
    cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(realpathSync(join(root, 'node_modules')), join(dir, 'node_modules'), 'dir');
}

interface Region {
  code: string;
  name: string;
  level: 'city' | 'county';
  prefecture: string;
}
type PlanDoc = Record<string, unknown> & {
  id: string;
  title: string;
  level: string;
  region: { code: string; name: string };
  projects: ({ id: string } & Record<string, unknown>)[];
  presentation?: Record<string, unknown>;
};

interface SynthInfo {
  plans: number;
  projects: number;
  maxDepth: number;
  nestedCopy: { id: string; name: string } | undefined;
  /** Each synthetic plan: its template and what was changed (for copying the template's compiled form). */
  copies: { doc: PlanDoc; template: string }[];
}

/** Adds synthetic plans to `<dir>/data` until there are `planTarget` plans holding about `projectTarget` projects. */
export function addSyntheticPlans(dir: string, planTarget: number, projectTarget: number): SynthInfo {
  const dataDir = join(dir, 'data');
  const real = readdirSync(dataDir).filter((d) => d !== 'seeds' && statSync(join(dataDir, d)).isDirectory());
  const docs = new Map(real.map((id) => [id, parse(readFileSync(join(dataDir, id, 'plan.yaml'), 'utf8')) as PlanDoc]));
  const used = new Set(['530000', ...[...docs.values()].map((d) => d.region.code)]);
  const labels = JSON.parse(readFileSync(join(dir, 'public/geo/base/labels.geojson'), 'utf8')) as {
    features: { properties: { kind: string; code: string; name: string; prefecture?: string } }[];
  };
  const prefectures: Region[] = labels.features
    .filter((f) => f.properties.kind === 'prefecture-seat' && !used.has(f.properties.code))
    .map((f) => ({ code: f.properties.code, name: f.properties.name, level: 'city', prefecture: f.properties.code }));
  const counties: Region[] = labels.features
    .filter((f) => f.properties.kind === 'county' && !used.has(f.properties.code))
    .map((f) => ({ code: f.properties.code, name: f.properties.name, level: 'county', prefecture: f.properties.prefecture ?? '' }));
  const count = planTarget - real.length;
  const regions = [...prefectures, ...counties];
  // Yunnan has 16 prefectures and 129 counties: past 141 synthetic plans, counties get a second plan.
  for (let i = 0; regions.length < count; i++) regions.push(counties[i % counties.length]!);

  const realProjects = [...docs.values()].reduce((n, d) => n + d.projects.length, 0);
  const share = Math.max(0, projectTarget - realProjects) / count;
  const cityPlan = new Map<string, string>(); // prefecture code → synthetic plan id
  const parentOf = new Map<string, string>([...docs.values()].map((d) => [d.id, (d.parent as { plan?: string } | undefined)?.plan ?? '']));
  let projects = realProjects;
  let nestedCopy: SynthInfo['nestedCopy'];
  const copies: SynthInfo['copies'] = [];
  for (let i = 0; i < count; i++) {
    const template = templates[i % templates.length]!;
    const source = docs.get(template)!;
    const region = regions[i]!;
    const id = `synth-${String(i + 1).padStart(3, '0')}`;
    const doc = structuredClone(source);
    doc.id = id;
    doc.title = `${region.name}${source.title.slice(Math.max(0, source.title.indexOf('“')))}`;
    delete doc.titleEn;
    doc.level = region.level;
    doc.region = { code: region.code, name: region.name };
    const parent = region.level === 'county' ? (cityPlan.get(region.prefecture) ?? rootPlan) : rootPlan;
    doc.parent = { plan: parent };
    parentOf.set(id, parent);
    if (region.level === 'city') cityPlan.set(region.code, id);
    if (doc.presentation) {
      delete doc.presentation.color;
      if (!Object.keys(doc.presentation).length) delete doc.presentation;
    }
    // Repeat the template's projects (ids suffixed) up to this plan's share of the project target.
    const want = Math.round(share * (i + 1)) - Math.round(share * i);
    const base = source.projects;
    if (base.length && want > 0) {
      doc.projects = Array.from({ length: want }, (_, k) => {
        const p = structuredClone(base[k % base.length]!);
        const round = Math.floor(k / base.length);
        return round ? { ...p, id: `${p.id}-${round + 1}` } : p;
      });
    }
    projects += doc.projects.length;
    copies.push({ doc, template });
    if (!nestedCopy && template === switchPlan && parent !== rootPlan) nestedCopy = { id, name: region.name };
    mkdirSync(join(dataDir, id));
    writeFileSync(join(dataDir, id, 'plan.yaml'), stringify(doc, { lineWidth: 0 }));
    cpSync(join(dataDir, template, 'places.yaml'), join(dataDir, id, 'places.yaml'));
  }
  const depth = (id: string): number => (parentOf.get(id) ? 1 + depth(parentOf.get(id)!) : 1);
  return { plans: real.length + count, projects, maxDepth: Math.max(...[...parentOf.keys()].map(depth)), nestedCopy, copies };
}

/** Runs a command in `cwd`, echoing its output with a heartbeat every 15 s. */
function run(cmd: string, args: string[], cwd: string, env: Record<string, string>, label: string): Promise<number> {
  return new Promise((done, fail) => {
    const t0 = Date.now();
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    const echo = (chunk: Buffer) => {
      for (const line of chunk
        .toString()
        .split('\n')
        .filter((l) => l && !l.startsWith('npm warn'))) {
        lines += 1;
        // 150 plans print 150 lines: show the first few and the summary.
        if (lines <= 6 || /plan layer|problem|error|CPU/i.test(line)) console.log(`    ${line}`);
        else if (lines === 7) console.log('    …');
      }
    };
    child.stdout.on('data', echo);
    child.stderr.on('data', echo);
    const beat = setInterval(() => log(`${label}: still running (${((Date.now() - t0) / 1000).toFixed(0)} s)`), 15_000);
    child.on('exit', (code) => {
      clearInterval(beat);
      log(`${label}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      if (code === 0) done((Date.now() - t0) / 1000);
      else fail(new Error(`${label} exited with ${code}`));
    });
  });
}

export interface Variant {
  label: string;
  plans: number;
  projects: number;
  dir: string;
  dist: string;
  synth?: SynthInfo;
  /** Synthetic plans' compiled forms were copies put in the build's cache (not compiled one by one). */
  generated: boolean;
  /** Generated further, at the published-file level: published in the benchmark's process, `build:data` not run (NaN). */
  publishedLevel: boolean;
  /** `build:data` from scratch (or from the filled cache when generated), in s. */
  buildAll: number;
  /** `build:data` again after each kind of one-plan change in turn, in s (NaN when not run). */
  buildOne: Record<OneChange, number>;
  published: Record<string, { raw: number; gz: number }>;
}

/** The real plans compiled once, in this process: the templates of the generated scales' compiled plans. */
let realCompiled: NodeBuildResult | undefined;

/** The real plans compiled: by `build` the first time it is asked for, then the same result. */
export function compiledRealPlans(build: () => NodeBuildResult): NodeBuildResult {
  realCompiled ??= build();
  return realCompiled;
}

/**
 * A synthetic plan's compiled form, copied from its template's: every id and reference of the template renamed to
 * the copy's, the region, title, level and parent of the synthetic plan.yaml, its projects repeated as the yaml
 * repeats them (ids suffixed). The geometry stays the template's (a benchmark needs the sizes, not the places).
 */
export function copyCompiled(template: BuiltPlan, doc: PlanDoc): BuiltPlan {
  const from = template.meta.id;
  const text = JSON.stringify(template).replace(new RegExp(`"${from}(-|")`, 'g'), `"${doc.id}$1`);
  const copy = JSON.parse(text) as BuiltPlan;
  const projects = copy.features.filter((f) => f.properties.role === 'project');
  const others = copy.features.filter((f) => f.properties.role !== 'project');
  const repeated = projects.length
    ? Array.from({ length: doc.projects.length }, (_, k) => {
        const f = structuredClone(projects[k % projects.length]!);
        const round = Math.floor(k / projects.length);
        if (round) f.properties.id = `${f.properties.id}-${round + 1}`;
        return f;
      })
    : [];
  copy.features = [...others, ...repeated].sort((a, b) => roleLook[a.properties.role].stack - roleLook[b.properties.role].stack);
  const ids = new Set(copy.features.map((f) => f.properties.id));
  const { titleEn: _titleEn, ...meta } = copy.meta;
  const keyProjects = meta.keyProjects?.filter((k) => ids.has(k));
  copy.meta = {
    ...meta,
    title: doc.title,
    level: doc.level as BuiltPlan['meta']['level'],
    region: doc.region,
    regionShort: doc.region.name,
    regionEn: doc.region.code,
    parent: doc.parent as { plan: string },
    color: derivePlanColor(doc.id),
    counts: { ...meta.counts, project: repeated.length },
    ...(keyProjects ? { keyProjects } : {}),
  };
  copy.order = Number(doc.region.code);
  return copy;
}

/** Fills the build cache of the copy in `dir` with every plan's compiled form: the real plans', and copies for the synthetic ones. */
function fillCache(dir: string, cacheDir: string, synth: SynthInfo): void {
  const compiled = compiledRealPlans(() => buildPlans(join(root, 'data'), join(root, 'data/seeds'), root, readBaseGeo(join(root, 'public/geo/base'))));
  const real = new Map(compiled.plans.map((p) => [p.meta.id, p]));
  const saved = process.env.ATLAS_BUILD_CACHE;
  process.env.ATLAS_BUILD_CACHE = cacheDir;
  const cache = openBuildCache(dir)!;
  if (saved === undefined) delete process.env.ATLAS_BUILD_CACHE;
  else process.env.ATLAS_BUILD_CACHE = saved;
  const files = readPlanFiles(join(dir, 'data'), join(dir, 'data/seeds'), dir);
  const byFolder = new Map(files.sources.map((src) => [src.folder, src]));
  for (const p of real.values()) cache.put(byFolder.get(p.meta.id)!, files.readSeed, { id: p.meta.id, built: p, problems: [], found: [] });
  for (const { doc, template } of synth.copies) {
    cache.put(byFolder.get(doc.id)!, files.readSeed, { id: doc.id, built: copyCompiled(real.get(template)!, doc), problems: [], found: [] });
  }
}

/**
 * Publishes the copy in `dir` in this process, as `build:data` would from compiled plans (the real plans compiled, the
 * synthetic plans' compiled forms copied from them, linked, every file made by publish.ts): the published-file level,
 * for scales whose full data build is too slow for the 2-core machine (its figures come from `--only build`).
 */
function publishInProcess(dir: string, synth: SynthInfo): void {
  const compiled = compiledRealPlans(() =>
    buildPlans(join(root, 'data'), join(root, 'data/seeds'), root, () => readBaseGeo(join(root, 'public/geo/base')), openBuildCache(root)),
  );
  const real = compiled.plans.map((p) => ({ id: p.meta.id, built: p, problems: [], found: [] }));
  const byId = new Map(compiled.plans.map((p) => [p.meta.id, p]));
  const copies = synth.copies.map(({ doc, template }) => ({ id: doc.id, built: copyCompiled(byId.get(template)!, doc), problems: [], found: [] }));
  const linked = linkPlans([...real, ...copies]);
  if (linked.problems.length) throw new Error(`generated plans do not link:\n${linked.problems.slice(0, 10).join('\n')}`);
  const files = readPlanFiles(join(dir, 'data'), join(dir, 'data/seeds'), dir);
  const published = publishedFiles(linked.plans, files.sources, files.readSeed);
  for (const folder of publishedFolders) rmSync(join(dir, 'public', folder), { recursive: true, force: true });
  for (const [path, text] of Object.entries(published)) {
    mkdirSync(dirname(join(dir, 'public', path)), { recursive: true });
    writeFileSync(join(dir, 'public', path), text);
  }
}

/** The one-plan changes measured, in this order, each on top of the one before. */
export const oneChanges = ['title', 'place', 'project'] as const;
export type OneChange = (typeof oneChanges)[number];
/** How the table names each change. */
export const oneChangeNames: Record<OneChange, string> = { title: 'title', place: 'place (moved)', project: 'projects (one removed)' };

/**
 * Makes one change to the plan in `planDir`, as a planner would in the studio: its title edited, one place moved by
 * some 50 m, or its last project taken out (one no other part of the plan names).
 */
function changePlan(planDir: string, change: OneChange): void {
  const planYaml = join(planDir, 'plan.yaml');
  const doc = parse(readFileSync(planYaml, 'utf8')) as PlanDoc;
  if (change === 'title') writeFileSync(planYaml, stringify({ ...doc, title: `${doc.title}（修订）` }, { lineWidth: 0 }));
  if (change === 'place') {
    const placesYaml = join(planDir, 'places.yaml');
    const places = parse(readFileSync(placesYaml, 'utf8')) as { places: { lon: number }[] };
    const place = places.places[0]!;
    place.lon = Math.round((place.lon + 0.0005) * 1e6) / 1e6;
    writeFileSync(placesYaml, stringify(places, { lineWidth: 0 }));
  }
  if (change === 'project') {
    const text = readFileSync(planYaml, 'utf8');
    const alone = doc.projects.findLastIndex((p) => text.split(p.id).length === 2);
    writeFileSync(planYaml, stringify({ ...doc, projects: doc.projects.filter((_, i) => i !== alone) }, { lineWidth: 0 }));
  }
}

export async function prepare(plans: number): Promise<Variant> {
  const name = `plans-${plans}`;
  const dir = join(work, name);
  log(`${name}: copying the project to ${dir}`);
  copyProject(dir);
  const synth = plans > realPlans.length ? addSyntheticPlans(dir, plans, plans * perPlan) : undefined;
  if (synth) log(`${name}: ${synth.plans} plans, ${synth.projects} projects, plan tree ${synth.maxDepth} levels deep`);
  const cacheDir = join(dir, '.build-cache');
  const level = !synth || plans <= compileMax ? 'compiled' : !onlyBuild && plans >= publishFrom ? 'published' : 'generated';
  let buildAll = Number.NaN;
  const buildOne = Object.fromEntries(oneChanges.map((c) => [c, Number.NaN])) as Record<OneChange, number>;
  if (level === 'published') {
    log(`${name}: publishing in this process (the published-file level: no build:data at this scale)`);
    publishInProcess(dir, synth!);
  } else {
    if (level === 'generated') {
      log(`${name}: compiling the real plans and putting copies for the synthetic ones in the build cache`);
      fillCache(dir, cacheDir, synth!);
    }
    // A country's full build holds every plan's search rows at once: more than Node's default heap beyond ~2,000 plans.
    const env = {
      ATLAS_DATA: join(dir, 'data'),
      ATLAS_PLANS_OUT: join(dir, 'public/geo/plans'),
      ATLAS_BUILD_CACHE: cacheDir,
      NODE_OPTIONS: '--max-old-space-size=12288',
    };
    // `npm run build:data` itself, as a person runs it (npm, the bundled script: scripts/run-bundled.mjs).
    const label = `${name}: data build${level === 'generated' ? ' (compiled plans from the cache)' : ''}`;
    buildAll = await run('npm', ['run', '--silent', 'build:data', '--', '--profile'], dir, env, label);
    // One plan changed (the last synthetic plan, or the switched-to plan with the real plans only), three ways.
    const changed = synth?.copies.at(-1)?.doc.id ?? switchPlan;
    if (!onlyMap)
      for (const change of oneChanges) {
        changePlan(join(dir, 'data', changed), change);
        buildOne[change] = await run(
          'npm',
          ['run', '--silent', 'build:data', '--', '--profile'],
          dir,
          env,
          `${name}: data build, ${changed}'s ${change} changed`,
        );
      }
  }
  if (!onlyBuild) await run('npx', ['vite', 'build', '--logLevel', 'warn'], dir, {}, `${name}: vite build`);
  const plansDir = join(dir, 'public/geo/plans');
  const partsDir = join(dir, 'public/geo/projects');
  const published: Variant['published'] = {};
  const sizes = (files: string[]) =>
    files.reduce(
      (sum, f) => {
        const buf = readFileSync(f);
        return { raw: sum.raw + buf.length, gz: sum.gz + gzipSync(buf, { level: 9 }).length };
      },
      { raw: 0, gz: 0 },
    );
  published['geo/plans/catalogue.json'] = sizes([join(plansDir, 'catalogue.json')]);
  published['geo/projects/summary.json'] = sizes([join(partsDir, 'summary.json')]);
  published['geo/projects/, every part'] = sizes(
    readdirSync(partsDir)
      .filter((f) => f !== 'summary.json')
      .map((f) => join(partsDir, f)),
  );
  const projects = (JSON.parse(readFileSync(join(partsDir, 'summary.json'), 'utf8')) as { total?: number }).total;
  const count = readdirSync(plansDir).filter((f) => f.endsWith('.geojson')).length;
  return {
    label: `${count} plans`,
    plans: count,
    projects: projects ?? synth?.projects ?? 0,
    dir,
    dist: join(dir, 'dist'),
    published,
    generated: level !== 'compiled',
    publishedLevel: level === 'published',
    buildAll,
    buildOne,
    ...(synth ? { synth } : {}),
  };
}
