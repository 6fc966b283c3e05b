/** Compiles every plan under data/ in Node: what `npm run validate` and `npm run build:data` run. */
import type { BaseGeo } from '../../src/compiler/base-geo';
import { type BuildResult, compilePlans } from '../../src/compiler/compile';
import type { PlanSources, ReadSeed } from '../../src/compiler/sources';
import { readPlanFiles } from './plan-files';

export interface NodeBuildResult extends BuildResult {
  sources: PlanSources[];
  readSeed: ReadSeed;
}

/** Reads, validates and builds every plan under `dataDir`; problems name files relative to `root`'s data/. */
export function buildPlans(dataDir: string, seedsDir: string, root: string, base: BaseGeo): NodeBuildResult {
  const files = readPlanFiles(dataDir, seedsDir, root);
  // Folders that could not be read still exist: links to them are not dangling, the folder's own problem is reported.
  const result = compilePlans(files.sources, files.readSeed, base, { plans: new Map(files.failed.map((f) => [f, {}])) });
  return {
    ...result,
    problems: [...files.problems, ...result.problems],
    failed: [...files.failed, ...result.failed],
    sources: files.sources,
    readSeed: files.readSeed,
  };
}
