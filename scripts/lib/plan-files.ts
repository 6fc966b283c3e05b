/** The Node host of the compiler: reads plan folders under data/ and their seeds from disk. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { PlanSources, ReadSeed } from '../../src/compiler/sources';

/** Reads a text file as strict UTF-8: a file saved in another encoding is reported, not turned into mojibake. */
function readUtf8(file: string): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
}

export interface PlanFiles {
  sources: PlanSources[];
  readSeed: ReadSeed;
  /** Problems the compiler cannot see: a folder without plan.yaml, a file that is not UTF-8 (validator lines). */
  problems: string[];
  /** Folders left out for those problems. */
  failed: string[];
}

/** Every plan folder under `dataDir` (all but seeds/), as the compiler's sources. */
export function readPlanFiles(dataDir: string, seedsDir: string, root: string): PlanFiles {
  const sources: PlanSources[] = [];
  const problems: string[] = [];
  const failed: string[] = [];
  const folders = readdirSync(dataDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'seeds')
    .map((d) => d.name)
    .sort();
  for (const folder of folders) {
    const planPath = join(dataDir, folder, 'plan.yaml');
    const placesPath = join(dataDir, folder, 'places.yaml');
    if (!existsSync(planPath)) {
      problems.push(`${relative(root, join(dataDir, folder))}: folder: plan.yaml: missing plan.yaml`);
      failed.push(folder);
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
  return { sources, readSeed, problems, failed };
}
