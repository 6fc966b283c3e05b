/** Compiles every plan under data/ in Node: what `npm run validate` and `npm run build:data` run. */
import type { BaseGeo } from '../../src/compiler/base-geo';
import { type BuildResult, type CompiledPlan, compilePlan, linkPlans } from '../../src/compiler/compile';
import type { PlanSources, ReadSeed } from '../../src/compiler/sources';
import type { BuildCache } from './build-cache';
import { type PlanStamps, readPlanFiles } from './plan-files';

export interface NodeBuildResult extends BuildResult {
  /** Every plan as compiled (or taken from the cache), in the order of `sources`. */
  compiled: CompiledPlan[];
  sources: PlanSources[];
  readSeed: ReadSeed;
  /** Each readable plan folder's file stamps (for the incremental build's state). */
  stamps: Map<string, PlanStamps>;
}

/**
 * Reads, validates and builds every plan under `dataDir`; problems name files relative to `root`'s data/.
 * With a cache, plans whose inputs did not change are not compiled again; `known` (the incremental build's state)
 * gives a plan by folder and cache key as the caller already holds it, so not even its cache entry is read, and
 * `recorded` the cache key it recorded for a folder whose files still have these stamps, so not even its files are read.
 */
export function buildPlans(
  dataDir: string,
  seedsDir: string,
  root: string,
  baseGeo: BaseGeo | (() => BaseGeo),
  cache?: BuildCache,
  known?: (folder: string, key: string) => CompiledPlan | undefined,
  recorded?: (folder: string, stamps: PlanStamps) => string | undefined,
): NodeBuildResult {
  // The base layers are read only when a plan has to be compiled.
  let loaded: BaseGeo | undefined;
  const base = () => (loaded ??= typeof baseGeo === 'function' ? baseGeo() : baseGeo);
  const recordedKeys = new Map<string, string>();
  const files = readPlanFiles(
    dataDir,
    seedsDir,
    root,
    cache &&
      recorded &&
      ((folder, stamps) => {
        const key = recorded(folder, stamps);
        if (key) recordedKeys.set(folder, key);
        return !!key;
      }),
  );
  for (const src of files.sources) {
    const key = files.unread.has(src.folder) ? recordedKeys.get(src.folder) : undefined;
    if (key) cache?.remember(src, key);
  }
  const compiled = files.sources.map((src) =>
    cache
      ? cache.compile(src, files.readSeed, () => compilePlan(src, files.readSeed, base()), known && ((key) => known(src.folder, key)))
      : compilePlan(src, files.readSeed, base()),
  );
  // Folders that could not be read still exist: links to them are not dangling, the folder's own problem is reported.
  const result = linkPlans(compiled, { plans: new Map(files.failed.map((f) => [f, {}])) });
  return {
    ...result,
    problems: [...files.problems, ...result.problems],
    failed: [...files.failed, ...result.failed],
    compiled,
    sources: files.sources,
    readSeed: files.readSeed,
    stamps: files.stamps,
  };
}
