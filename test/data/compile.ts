/**
 * The plan compiler run in-process for the data tests, as `npm run validate` and `npm run build:data` run it:
 * no `tsx` spawn per check. Only the Node hosts' entry points are used (`readBaseGeo`, `buildPlans`), whose
 * signatures stay put while the compiler itself moves.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BaseGeo } from '../../src/compiler/base-geo';
import { publishedFiles as compiledFiles } from '../../src/compiler/publish';
import { readBaseGeo } from '../../scripts/lib/base-geo';
import { buildPlans, type NodeBuildResult } from '../../scripts/lib/build-plans';

export const root = resolve(import.meta.dirname, '../..');

let base: BaseGeo | undefined;
/** The committed base geography, read once per test file. */
export const baseGeo = (): BaseGeo => (base ??= readBaseGeo(resolve(root, 'public/geo/base')));

/** Validates and builds every plan folder of `dataDir` (whose seeds are in `dataDir/seeds`), as the scripts do. */
export function compile(dataDir: string): NodeBuildResult {
  const real = resolve(dataDir) === resolve(root, 'data');
  return buildPlans(dataDir, resolve(dataDir, 'seeds'), real ? root : resolve(dataDir, '..'), baseGeo());
}

/** The plan folders under `dataDir`: what a person adds to add a plan. */
export function planFolders(dataDir = resolve(root, 'data')): string[] {
  return readdirSync(dataDir).filter((d) => existsSync(join(dataDir, d, 'plan.yaml')));
}

/** The files `npm run build:data` writes under public/ for a build, by path (geo/plans/…, geo/sources/…). */
export function publishedFiles({ plans, sources, readSeed }: NodeBuildResult): Record<string, string> {
  return compiledFiles(plans, sources, readSeed);
}

/** A scratch copy of data/ with `edit` applied; returns the copy's data folder. */
export function editedCopy(edit: (dataDir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-data-'));
  cpSync(resolve(root, 'data'), join(dir, 'data'), { recursive: true });
  edit(join(dir, 'data'));
  return join(dir, 'data');
}

/** Replaces a text that must be in the file (so a test cannot silently stop testing anything). */
export function replaceIn(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`fixture text not found in ${file}: ${from}`);
  writeFileSync(file, text.replace(from, to));
}
