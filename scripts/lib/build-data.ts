/**
 * The data build (`npm run build:data`), incremental: with the build cache, the last run's state (build-state.ts)
 * tells which plans changed; only they are compiled and read in full, a plan's own files are made again only when
 * it changed, and the search shards and the project list's parts only when some plan's rows in them (or their
 * order) changed. What it writes is byte for byte what a build from scratch writes, and it reports the same problems
 * (the links between plans are checked over every plan, changed or not).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { BaseGeo } from '../../src/compiler/base-geo';
import { type BuiltPlan, compilePlan } from '../../src/compiler/compile';
import { publishedParts } from '../../src/compiler/publish';
import { sourcesPath } from '../../src/compiler/sources';
import { planSummary, projectPartPaths } from '../../src/lib/project-summary';
import { publishedFolders, publishedPaths } from '../../src/lib/published-format';
import { searchShardPaths } from '../../src/lib/search-shards';
import type { BuildCache } from './build-cache';
import { buildPlans } from './build-plans';
import { type BuildState, hashText, lightPlan, type PlanState, readBuildState, recordedKey, recordOutput, unchanged, writeBuildState } from './build-state';
import { readBytes } from './json-file';
import { type FileStamp, fileStamp } from './plan-files';
import { makePlanRows, type PlanRows, type ProjectRows, planRowsStore, type SearchRows } from './plan-rows';
import { type ProjectsModel, readProjectsModel, writeProjectsModel } from './projects-model';
import { makeSearchPart, readSearchModel, type SearchBefore, type SearchModel, writeSearchModel } from './search-build';

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

  /** Path → text, or → how to make it (the search shards are made one by one as they are written). */
  const published: Record<string, string | (() => string | Buffer)> = {};
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

  // The search shards and the project list's parts: made again only when some plan's rows in them (or their order) changed,
  // from each plan's rows (kept in the cache under its key, so no unchanged plan's geometry is read).
  const store = cache && planRowsStore(cache.dir);
  /** A changed plan's search rows as the cache held them before its change (the search index is made from the difference). */
  const rowsBefore = new Map<string, SearchRows>();
  const rowsMade = new Map<string, Partial<PlanRows>>();
  function rowsOf(p: BuiltPlan, part: 'search'): SearchRows;
  function rowsOf(p: BuiltPlan, part: 'projects'): ProjectRows;
  function rowsOf(p: BuiltPlan, part: 'search' | 'projects'): SearchRows | ProjectRows {
    const id = p.meta.id;
    const key = keyOf.get(id) ?? '';
    const known = rowsMade.get(id);
    if (known?.[part]) return known as PlanRows;
    const stored = part === 'search' ? store?.search(id) : store?.projects(id);
    if (stored && key && stored.key === key) {
      rowsMade.set(id, { ...known, ...stored });
      return stored;
    }
    if (stored && part === 'search') rowsBefore.set(id, stored as SearchRows);
    const rows = makePlanRows(key, full(p));
    store?.write(id, rows);
    rowsMade.set(id, rows);
    return rows;
  }
  const planParts = new Map<string, Record<string, string>>();
  /** Whether a shared part must be made: the hash of its inputs, and the last run's record if it still holds. */
  const sharedInputs = (part: 'search' | 'projects', also = '') => {
    const digests = plans.map((p) => {
      const key = keyOf.get(p.meta.id) ?? '';
      const known = state?.plans[p.meta.id];
      const digest =
        (known?.key === key && known.parts?.[part]) || hashText(JSON.stringify(part === 'search' ? rowsOf(p, part).search : rowsOf(p, part).projects));
      planParts.set(p.meta.id, { ...planParts.get(p.meta.id), [part]: digest });
      return [p.meta.id, digest];
    });
    const inputs = hashText(`${cache?.stamp ?? ''}\0${JSON.stringify(digests)}\0${also}`);
    const before = state?.parts[part];
    const intact = !!state && !!before && before.paths.every((path) => unchanged(state, target(path)));
    return { inputs, before: intact ? before : undefined };
  };
  const keep = (paths: string[]) => {
    for (const path of paths) expected.add(path);
  };

  const search = sharedInputs('search');
  let searchModel: SearchModel | undefined;
  if (search.before?.inputs === search.inputs) {
    keep(search.before.paths);
    time('search (unchanged)');
  } else {
    const model = search.before && cache ? readSearchModel(cache.dir) : undefined;
    const listed = new Set(plans.map((p) => p.meta.id));
    // A changed plan's rows before its change, a removed plan's as last kept; the shards as the last build left them.
    const before: SearchBefore | undefined =
      model?.inputs === search.before?.inputs && model
        ? {
            model,
            rows: (id) => rowsBefore.get(id) ?? (listed.has(id) ? undefined : store?.search(id)),
            shard: (n) => readBytes(target(searchShardPaths.shard(n))),
          }
        : undefined;
    const part = makeSearchPart(
      plans.map((p) => ({ id: p.meta.id, rows: () => rowsOf(p, 'search'), digest: planParts.get(p.meta.id)!.search! })),
      search.inputs,
      before,
    );
    keep(part.paths);
    Object.assign(published, part.files);
    if (state) state.parts.search = { inputs: search.inputs, paths: part.paths };
    searchModel = part.model;
    time(`search (${part.made === 'all' ? 'made' : `${part.made} shard(s) made`})`);
  }

  // The project list's summary and parts; the summary's first page follows the plan tree.
  const projects = sharedInputs('projects', JSON.stringify(plans.map((p) => [p.meta.id, p.meta.parent ?? null])));
  let projectsModel: ProjectsModel | undefined;
  if (projects.before?.inputs === projects.inputs) {
    keep(projects.before.paths);
    time('projects (unchanged)');
  } else {
    // A plan's part names the rows and the code it was made from: made again only when either changed or the file was touched.
    const made = (id: string) => {
      const path = projectPartPaths.part(id);
      const from = `${cache?.stamp ?? ''}\0${planParts.get(id)?.projects ?? ''}`;
      madeFrom.set(path, from);
      return !state || unchanged(state, target(path))?.from !== from;
    };
    // Each plan's share of the summary: kept from the last build while its rows are the same, else made from them.
    const kept = cache && readProjectsModel(cache.dir, cache.stamp);
    const shares: ProjectsModel['plans'] = {};
    const summaryOf = (p: BuiltPlan) => {
      const id = p.meta.id;
      const digest = planParts.get(id)!.projects!;
      const known = kept?.plans[id];
      const summary = known?.digest === digest ? known.summary : planSummary(id, rowsOf(p, 'projects').projects);
      shares[id] = { digest, summary };
      return summary;
    };
    const files = publishedParts.projects(plans, (p) => rowsOf(p, 'projects').projects, { checked: true, part: made, summaryOf });
    Object.assign(published, files);
    if (cache) projectsModel = { stamp: cache.stamp, plans: shares };
    const paths = [projectPartPaths.summary, ...plans.flatMap((p) => (shares[p.meta.id]!.summary.investment.count ? [projectPartPaths.part(p.meta.id)] : []))];
    keep(paths);
    if (state) state.parts.projects = { inputs: projects.inputs, paths };
    time(`projects (made, ${Object.keys(files).length - 1} plan part(s))`);
  }

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
  // Unchanged files are not rewritten: a one-plan change touches that plan's files and the shared parts its rows are in.
  let written = 0;
  for (const [path, made] of Object.entries(published)) {
    const file = target(path);
    // Encoded once, for its hash and the file (a country's shards are some 100 MB of text).
    const content = typeof made === 'string' ? made : made();
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    const hash = hashText(bytes);
    const recorded = state && unchanged(state, file);
    const same = recorded ? recorded.hash === hash : existsSync(file) && readFileSync(file).equals(bytes);
    if (!same) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, bytes);
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
    // The search model after the files it describes, the state last: a run stopped between them leaves a model
    // whose inputs the state does not record, which the next run does not trust.
    if (searchModel) writeSearchModel(cache.dir, searchModel);
    if (projectsModel) writeProjectsModel(cache.dir, projectsModel);
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
