/**
 * The data build (`npm run build:data`), incremental: with the build cache, the last run's state (build-state.ts)
 * tells which plans changed; only they are compiled and read in full, a plan's own files are made again only when
 * it changed, and the search table and shards and the project table only when some plan's rows in them (or their
 * order) changed. What it writes is byte for byte what a build from scratch writes, and it reports the same problems
 * (the links between plans are checked over every plan, changed or not).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { BaseGeo } from '../../src/compiler/base-geo';
import { type BuiltPlan, compilePlan } from '../../src/compiler/compile';
import { projectRecords, publishedParts, searchEntries } from '../../src/compiler/publish';
import { sourcesPath } from '../../src/compiler/sources';
import { publishedFolders, publishedPaths } from '../../src/lib/published-format';
import type { BuildCache } from './build-cache';
import { buildPlans } from './build-plans';
import { type BuildState, hashText, lightPlan, type PlanState, readBuildState, recordedKey, recordOutput, unchanged, writeBuildState } from './build-state';
import { type FileStamp, fileStamp } from './plan-files';

export interface DataBuildOptions {
  /** The plan folders and seeds/. */
  dataDir: string;
  /** Where geo/plans, geo/search and geo/sources go (public/geo). */
  geoDir: string;
  /** Problems name files relative to this folder's data/. */
  problemRoot: string;
  /** The base layers, read only if a plan has to be compiled. */
  base: () => BaseGeo;
  /** Without a cache every plan is compiled and every file made (and compared with what is on disk). */
  cache?: BuildCache;
}

export interface DataBuild {
  /** The plans published, in tree order: what each holds (by role) and how many passages it leaves unplaced. */
  plans: { id: string; counts: Record<string, number>; unplaced: number }[];
  /** The validator's lines, as `npm run validate` prints them. */
  problems: string[];
  /** Files written (new or changed). */
  written: number;
  /** Plans compiled in this run (the others came from the cache). */
  compiled: number;
  /** Where the time went, step by step: wall time and this process's CPU time, in ms (on a loaded machine they differ). */
  timings: [string, number, number][];
}

/** Builds `dataDir` into `geoDir`; see the module's comment. */
export function buildData({ dataDir, geoDir, problemRoot, base, cache }: DataBuildOptions): DataBuild {
  const target = (path: string) => resolve(geoDir, path.replace(/^geo\//, ''));
  const timings: [string, number, number][] = [];
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  let lap = performance.now();
  let cpuLap = cpu();
  const time = (what: string) => {
    const now = performance.now();
    const cpuNow = cpu();
    timings.push([what, now - lap, cpuNow - cpuLap]);
    lap = now;
    cpuLap = cpuNow;
  };

  // With the cache, the last run's state: plans unchanged since are taken from it as they were (light, no geometry),
  // and a plan whose files kept their size and time is not even read (its key is the one recorded).
  const startedAt = Date.now();
  const state: BuildState | undefined = cache ? readBuildState(cache.dir) : undefined;
  const seedsDir = resolve(dataDir, 'seeds');
  const seeds: Record<string, FileStamp> = {};
  for (const name of existsSync(seedsDir) ? readdirSync(seedsDir).sort() : []) {
    const stamp = fileStamp(resolve(seedsDir, name));
    if (stamp) seeds[name] = stamp;
  }
  time('state read');
  const light = new Set<string>();
  const { plans, problems, compiled, sources, readSeed, stamps } = buildPlans(
    dataDir,
    seedsDir,
    problemRoot,
    base,
    cache,
    state &&
      ((folder, key) => {
        const known = state.plans[folder];
        if (known?.key !== key) return undefined;
        light.add(folder);
        return known.compiled;
      }),
    state && cache && recordedKey(state, cache.stamp, seeds),
  );
  time('read and compile');

  // The plan in full (features and geometry) for the files made from it: a light plan's from its cache entry.
  const sourceOf = new Map(sources.map((src) => [src.folder, src]));
  const keyOf = new Map(sources.map((src) => [src.folder, cache?.key(src, readSeed) ?? '']));
  const fullPlans = new Map(compiled.flatMap((c) => (c.built && !light.has(c.id) ? [[c.id, c.built] as const] : [])));
  const full = (p: BuiltPlan): BuiltPlan => {
    const known = fullPlans.get(p.meta.id);
    if (known) return known;
    const src = sourceOf.get(p.meta.id)!;
    const built = (cache ? cache.compile(src, readSeed, () => compilePlan(src, readSeed, base())) : compilePlan(src, readSeed, base())).built!;
    fullPlans.set(p.meta.id, built);
    return built;
  };

  const published: Record<string, string> = {};
  /** Every path this build publishes, made now or left as it is. */
  const expected = new Set<string>();
  /** A plan's own files name the cache key they were made from. */
  const madeFrom = new Map<string, string>();

  // A plan's own files (layer, sources): made again only when the plan changed or the files were touched.
  const stale: BuiltPlan[] = [];
  for (const p of plans) {
    const key = keyOf.get(p.meta.id) ?? '';
    const paths = [publishedPaths.plan(p.meta.id), ...(p.seed ? [sourcesPath(p.meta.id)] : [])];
    for (const path of paths) {
      expected.add(path);
      madeFrom.set(path, key);
    }
    if (!state || !key || !paths.every((path) => unchanged(state, target(path))?.from === key)) stale.push(full(p));
  }
  Object.assign(
    published,
    publishedParts.plans(
      stale,
      stale.flatMap((p) => sourceOf.get(p.meta.id) ?? []),
      readSeed,
    ),
  );
  // The catalogue is small: made every time from the plans' metadata.
  Object.assign(published, publishedParts.catalogue(plans));
  time(`plans' own files (${stale.length} plan(s) made)`);

  // The shared tables and the search shards: made again only when some plan's rows in them (or their order) changed.
  const planParts = new Map<string, Record<string, string>>();
  const sharedPart = <T>(
    part: string,
    rowsOf: (plan: BuiltPlan) => T[],
    make: (plans: BuiltPlan[], rowsOf: (plan: BuiltPlan) => T[]) => Record<string, string>,
    /** What else the part reads besides the rows (the project summary's page follows the plan tree). */
    also = '',
  ) => {
    // A plan's rows are made once: for their hash, then (if the part is made) for the part.
    const made = new Map<BuiltPlan, T[]>();
    const rows = (plan: BuiltPlan) => made.get(plan) ?? made.set(plan, rowsOf(plan)).get(plan)!;
    const digests = plans.map((p) => {
      const key = keyOf.get(p.meta.id) ?? '';
      const known = state?.plans[p.meta.id];
      const digest = (known?.key === key && known.parts?.[part]) || hashText(JSON.stringify(rows(full(p))));
      planParts.set(p.meta.id, { ...planParts.get(p.meta.id), [part]: digest });
      return [p.meta.id, digest];
    });
    const inputs = hashText(`${cache?.stamp ?? ''}\0${JSON.stringify(digests)}\0${also}`);
    const before = state?.parts[part];
    const current = !!state && before?.inputs === inputs && before.paths.every((path) => unchanged(state, target(path)));
    if (current) {
      for (const path of before.paths) expected.add(path);
    } else {
      const files = make(plans.map(full), rows);
      Object.assign(published, files);
      if (state) state.parts[part] = { inputs, paths: Object.keys(files) };
    }
    time(`${part} (${current ? 'unchanged' : 'made'})`);
  };
  sharedPart('search', searchEntries, publishedParts.search);
  sharedPart('projects', projectRecords, publishedParts.projects, JSON.stringify(plans.map((p) => [p.meta.id, p.meta.parent ?? null])));

  // Generated folders hold only what this build publishes: a plan removed from data/ leaves no stale file behind.
  for (const path of Object.keys(published)) expected.add(path);
  for (const folder of publishedFolders) {
    const dir = target(folder);
    mkdirSync(dir, { recursive: true });
    for (const f of readdirSync(dir)) {
      if (expected.has(`${folder}/${f}`)) continue;
      rmSync(resolve(dir, f));
      if (state) delete state.outputs[resolve(dir, f)];
    }
  }
  // Unchanged files are not rewritten: a one-plan change touches that plan's files and the tables.
  let written = 0;
  for (const [path, text] of Object.entries(published)) {
    const file = target(path);
    const hash = hashText(text);
    const recorded = state && unchanged(state, file);
    const same = recorded ? recorded.hash === hash : existsSync(file) && readFileSync(file, 'utf8') === text;
    if (!same) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      written++;
    }
    if (state) recordOutput(state, file, hash, madeFrom.get(path));
  }
  time(`write (${written} file(s) changed)`);

  if (cache && state) {
    state.plans = Object.fromEntries(
      compiled.map((c, i) => {
        const folder = sources[i]!.folder;
        const known = state.plans[folder];
        const key = keyOf.get(folder) ?? '';
        const parts = planParts.get(folder) ?? (known?.key === key ? known.parts : undefined);
        const unplaced = light.has(folder) ? known?.unplaced : c.built?.meta.unplaced.length;
        const files = stamps.get(folder);
        const entry: PlanState = {
          key,
          compiled: lightPlan(c),
          ...(parts ? { parts } : {}),
          ...(unplaced !== undefined ? { unplaced } : {}),
          ...(files ? { files } : {}),
        };
        return [folder, entry];
      }),
    );
    Object.assign(state, { startedAt, stamp: cache.stamp, seeds });
    writeBuildState(cache.dir, state);
    time('state saved');
  }
  const unplacedOf = (p: BuiltPlan) => (light.has(p.meta.id) ? (state?.plans[p.meta.id]?.unplaced ?? 0) : p.meta.unplaced.length);
  return {
    plans: plans.map((p) => ({ id: p.meta.id, counts: p.meta.counts, unplaced: unplacedOf(p) })),
    problems,
    written,
    compiled: cache ? cache.misses : compiled.length,
    timings,
  };
}
