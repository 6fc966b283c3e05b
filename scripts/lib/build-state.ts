/**
 * The incremental data build's memory of its last run, kept beside the build cache (`state.json`): each plan as
 * the links between plans need it (a "light" compiled plan: metadata, problems, feature ids, roles and links, no
 * geometry), hashes of what it adds to the shared tables, and each written file's hash, size and time. With it a
 * one-plan change reads one compiled plan, not the country, and makes again only the files whose inputs changed.
 * Anything missing or unreadable here only makes the build do more; the files it writes are the same.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { BuiltPlan, CompiledPlan } from '../../src/compiler/compile';
import { catalogueEntry } from '../../src/compiler/publish';
import type { PlanMeta } from '../../src/lib/atlas-data';
import { readJsonFile, writeJsonFile } from './json-file';
import { type FileStamp, type PlanStamps, sameStamp } from './plan-files';

/** Bump when the state's shape changes: an older state is then ignored (a full build), not misread. */
const stateVersion = 1;

/** What the state remembers of one plan, valid while its cache key is the same. */
export interface PlanState {
  key: string;
  /** The compiled plan with its features cut to what {@link linkPlans} reads. */
  compiled: CompiledPlan;
  /** Hashes of the plan's rows in each shared part (search entries, project records), when it built. */
  parts?: Record<string, string>;
  /** How many entries its `unplaced` list has (the light plan leaves the list out). */
  unplaced?: number;
  /** Its files' stamps when they were read for this key. */
  files?: PlanStamps;
}

/** A written file as it was left: its text's hash, and the size and time that tell it was not touched since. */
interface OutputState {
  hash: string;
  size: number;
  mtimeMs: number;
  /** For a plan's own files: the cache key of the plan they were made from. */
  from?: string;
}

export interface BuildState {
  version: number;
  plans: Record<string, PlanState>;
  /** By absolute path. */
  outputs: Record<string, OutputState>;
  /** A shared part (search, projects): the hash of its inputs and the files it made. */
  parts: Record<string, { inputs: string; paths: string[] }>;
  /** When the last run started (ms since 1970), the build cache's stamp then, and the seeds' stamps then. */
  startedAt?: number;
  stamp?: string;
  seeds?: Record<string, FileStamp>;
}

const stateFile = (dir: string) => join(dir, 'state.json');

/** The last run's state, or an empty one (first run, other version, damaged file). */
export function readBuildState(dir: string): BuildState {
  const state = readJsonFile<BuildState>(stateFile(dir));
  return state?.version === stateVersion ? state : { version: stateVersion, plans: {}, outputs: {}, parts: {} };
}

/** Written aside, then renamed: a build running at the same time reads the old state or the new, never half. */
export function writeBuildState(dir: string, state: BuildState): void {
  writeJsonFile(stateFile(dir), state);
}

export const hashText = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

/**
 * The plan as the links between plans and the catalogue read it: the catalogue's fields of its metadata, its parent
 * and key projects, order and seed, and per feature its id, role and related links' plan and feature (crossCheck and
 * treeOrder read nothing else). It stands in for the plan in `linkPlans` and the catalogue; every other file is made from the full
 * plan in the cache. The rest of its metadata (quotes, targets, indicators) is left out to keep the state small.
 */
export function lightPlan(compiled: CompiledPlan): CompiledPlan {
  if (!compiled.built) return compiled;
  const { features, meta, ...rest } = compiled.built;
  // A related link as the checks read it: its plan and feature (its note is the full plan's, and half the state's size).
  const links = (related: NonNullable<BuiltPlan['features'][number]['properties']['related']>) =>
    related.map(({ plan, feature }) => (feature ? { plan, feature } : { plan }));
  const light = features.map(({ properties: { id, role, related } }) => ({ properties: { id, role, ...(related ? { related: links(related) } : {}) } }));
  const kept = { ...catalogueEntry(meta), ...(meta.keyProjects ? { keyProjects: meta.keyProjects } : {}), unplaced: [] } as unknown as PlanMeta;
  return { ...compiled, built: { ...rest, meta: kept, features: light as unknown as BuiltPlan['features'] } };
}

/** The file is as the state says it was left (same size and time), so its recorded hash is its text's. */
export function unchanged(state: BuildState, file: string): OutputState | undefined {
  const recorded = state.outputs[file];
  if (!recorded) return undefined;
  try {
    const now = statSync(file);
    return now.size === recorded.size && now.mtimeMs === recorded.mtimeMs ? recorded : undefined;
  } catch {
    return undefined;
  }
}

/** Records a file just written (or found identical) with its text's hash. */
export function recordOutput(state: BuildState, file: string, hash: string, from?: string): void {
  const now = statSync(file);
  state.outputs[file] = { hash, size: now.size, mtimeMs: now.mtimeMs, ...(from ? { from } : {}) };
}

/**
 * A file system may keep times to the second (or two): a file changed in the same tick as it was last read could keep
 * its size and time. Stamps are trusted only for files last changed this long before the run that read them.
 */
const tick = 2000;

/**
 * The cache key the last run recorded for a plan folder whose files have these stamps, if it can stand for the files
 * unread: same compiler and base layers (`stamp`), same seeds, each file of the same size and time as then, and last
 * changed well before that run started (so an edit since could not have kept its time).
 */
export function recordedKey(
  state: BuildState,
  stamp: string,
  seeds: Record<string, FileStamp>,
): ((folder: string, stamps: PlanStamps) => string | undefined) | undefined {
  const { startedAt, seeds: seedsThen } = state;
  if (startedAt === undefined || state.stamp !== stamp || !seedsThen) return undefined;
  const settled = (s: FileStamp | null | undefined) => !s || s.mtimeMs < startedAt - tick;
  const names = Object.keys(seeds);
  const seedsSame = names.length === Object.keys(seedsThen).length && names.every((n) => sameStamp(seeds[n], seedsThen[n]) && settled(seeds[n]));
  if (!seedsSame) return undefined;
  return (folder, stamps) => {
    const known = state.plans[folder];
    const then = known?.files;
    if (!then || !sameStamp(then.plan, stamps.plan) || !sameStamp(then.places, stamps.places)) return undefined;
    return settled(stamps.plan) && settled(stamps.places) ? known.key : undefined;
  };
}
