/** The Node host of the compiler: reads plan folders under data/ and their seeds from disk. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { PlanSources, ReadSeed } from '../../src/compiler/sources';

/** Reads a text file as strict UTF-8: a file saved in another encoding is reported, not turned into mojibake. */
function readUtf8(file: string): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
}

/** A file's size and modification time: what tells, without reading it, that it was not touched since. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** A plan folder's files as stamps: plan.yaml, and places.yaml (null when the folder has none). */
export interface PlanStamps {
  plan: FileStamp;
  places: FileStamp | null;
}

/** The stamp of a file, or null when there is no such file. */
export function fileStamp(file: string): FileStamp | null {
  try {
    const { size, mtimeMs } = statSync(file);
    return { size, mtimeMs };
  } catch {
    return null;
  }
}

export const sameStamp = (a: FileStamp | null | undefined, b: FileStamp | null | undefined): boolean =>
  a === b || (!!a && !!b && a.size === b.size && a.mtimeMs === b.mtimeMs);

export interface PlanFiles {
  sources: PlanSources[];
  readSeed: ReadSeed;
  /** Problems the compiler cannot see: a folder without plan.yaml, a file that is not UTF-8 (validator lines). */
  problems: string[];
  /** Folders left out for those problems. */
  failed: string[];
  /** Each readable plan folder's stamps, taken before its files were read. */
  stamps: Map<string, PlanStamps>;
  /** Folders that `untouched` vouched for: their sources read their files only when asked for their text. */
  unread: Set<string>;
}

/** A plan's sources that read its files on first use: a one-plan build of 1,000 plans reads one plan's YAML, not 110 MB. */
function lazySources(folder: string, planPath: string, placesPath: string | undefined): PlanSources {
  let plan: string | undefined;
  let places: string | undefined;
  const sources = {
    folder,
    get planYaml() {
      plan ??= readUtf8(planPath);
      return plan;
    },
  };
  if (placesPath)
    Object.defineProperty(sources, 'placesYaml', {
      enumerable: true,
      get() {
        places ??= readUtf8(placesPath);
        return places;
      },
    });
  return sources;
}

/**
 * Every plan folder under `dataDir` (all but seeds/), as the compiler's sources. `untouched` (the incremental build)
 * says from a folder's stamps that its files are as they were when last read: that folder is not read now (its files
 * were read as UTF-8 then, so it has no encoding problem to report).
 */
export function readPlanFiles(dataDir: string, seedsDir: string, root: string, untouched?: (folder: string, stamps: PlanStamps) => boolean): PlanFiles {
  const sources: PlanSources[] = [];
  const problems: string[] = [];
  const failed: string[] = [];
  const stamps = new Map<string, PlanStamps>();
  const unread = new Set<string>();
  const folders = readdirSync(dataDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'seeds')
    .map((d) => d.name)
    .sort();
  for (const folder of folders) {
    const planPath = join(dataDir, folder, 'plan.yaml');
    const placesPath = join(dataDir, folder, 'places.yaml');
    const plan = fileStamp(planPath);
    if (!plan) {
      problems.push(`${relative(root, join(dataDir, folder))}: folder: plan.yaml: missing plan.yaml`);
      failed.push(folder);
      continue;
    }
    const stamp: PlanStamps = { plan, places: fileStamp(placesPath) };
    stamps.set(folder, stamp);
    if (untouched?.(folder, stamp)) {
      sources.push(lazySources(folder, planPath, stamp.places ? placesPath : undefined));
      unread.add(folder);
      continue;
    }
    const texts: Partial<Record<string, string>> = {};
    for (const file of [planPath, placesPath].filter(existsSync)) {
      try {
        texts[file] = readUtf8(file);
      } catch {
        problems.push(`${relative(root, file)}: file: (encoding): not valid UTF-8: save the file as UTF-8`);
      }
    }
    const planYaml = texts[planPath];
    if (planYaml === undefined || (existsSync(placesPath) && texts[placesPath] === undefined)) failed.push(folder);
    else sources.push({ folder, planYaml, ...(texts[placesPath] !== undefined ? { placesYaml: texts[placesPath] } : {}) });
  }
  const seeds = new Map<string, string | undefined>();
  const readSeed: ReadSeed = (name) => {
    if (!seeds.has(name)) {
      const file = join(seedsDir, name);
      try {
        seeds.set(name, existsSync(file) ? readUtf8(file) : undefined);
      } catch {
        problems.push(`${relative(root, file)}: file: (encoding): seed text is not valid UTF-8`);
        seeds.set(name, undefined);
      }
    }
    return seeds.get(name);
  };
  return { sources, readSeed, problems, failed, stamps, unread };
}
