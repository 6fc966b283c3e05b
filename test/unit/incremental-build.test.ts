// @vitest-environment node
/**
 * The incremental data build writes what a build from scratch writes, byte for byte, and reports the same
 * problems, also for plans it takes from its state without reading them again.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBaseGeo } from '../../scripts/lib/base-geo';
import { openBuildCache } from '../../scripts/lib/build-cache';
import { buildData } from '../../scripts/lib/build-data';
import { fixturePlan, fixtureSeed, fixtureSeedName } from '../fixtures/compiler-plans';

const root = resolve(import.meta.dirname, '../..');
const base = readBaseGeo(resolve(root, 'public/geo/base'));
let work = '';

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'atlas-incremental-'));
  mkdirSync(join(work, 'data/seeds'), { recursive: true });
  writeFileSync(join(work, 'data/seeds', fixtureSeedName), fixtureSeed);
});
afterEach(() => {
  delete process.env.ATLAS_BUILD_CACHE;
  rmSync(work, { recursive: true, force: true });
});

/** Writes a fixture plan's folder, as a person editing data/ would. */
function writePlan(...args: Parameters<typeof fixturePlan>): void {
  const src = fixturePlan(...args);
  mkdirSync(join(work, 'data', src.folder), { recursive: true });
  writeFileSync(join(work, 'data', src.folder, 'plan.yaml'), src.planYaml);
  writeFileSync(join(work, 'data', src.folder, 'places.yaml'), src.placesYaml ?? '');
}

/** Sets the seed's and these plans' files' times a minute back, as files edited well before the build are (the build trusts their stamps). */
function backdate(...folders: string[]): void {
  const then = new Date(Date.now() - 60_000);
  utimesSync(join(work, 'data/seeds', fixtureSeedName), then, then);
  for (const folder of folders) for (const file of ['plan.yaml', 'places.yaml']) utimesSync(join(work, 'data', folder, file), then, then);
}

/** `npm run build:data` of the scratch data/ into `out`, with the build cache (kept across runs) or without. */
function build(out: string, cached: boolean) {
  process.env.ATLAS_BUILD_CACHE = cached ? join(work, 'cache') : 'off';
  const cache = openBuildCache(root);
  return buildData({ dataDir: join(work, 'data'), geoDir: join(work, out), problemRoot: work, base: () => base, cache });
}

/** Every published file under `out`, by path. */
function tree(out: string): Record<string, string> {
  const dir = join(work, out);
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => [join(d.parentPath, d.name).slice(dir.length + 1), readFileSync(join(d.parentPath, d.name), 'utf8')]),
  );
}

describe('the incremental data build', () => {
  it('after one plan changes, writes the same files as a build from scratch', () => {
    writePlan('alpha');
    writePlan('beta', { parent: 'alpha' });
    writePlan('gamma', { parent: 'beta' });
    build('incremental', true);
    // A moved project changes beta's layer and its project part; alpha and gamma come from the state.
    writePlan('beta', { parent: 'alpha', lon: 100.09 });
    const again = build('incremental', true);
    expect(again.compiled).toBe(1);
    build('scratch', false);
    const incremental = tree('incremental');
    expect(Object.keys(incremental).length).toBeGreaterThan(6);
    expect(incremental).toEqual(tree('scratch'));
  });

  it('reports a broken link of a plan taken from its state as a build from scratch does', () => {
    writePlan('alpha');
    writePlan('beta', { parent: 'alpha' });
    build('incremental', true);
    rmSync(join(work, 'data/alpha'), { recursive: true });
    const incremental = build('incremental', true);
    expect(incremental.compiled).toBe(0);
    const scratch = build('scratch', false);
    expect(incremental.problems).toEqual(scratch.problems);
    expect(incremental.problems.join('\n')).toContain('data/beta/plan.yaml');
    expect(tree('incremental')).toEqual(tree('scratch'));
  });

  it('writes again a published file changed by hand, though no plan changed', () => {
    writePlan('alpha');
    build('incremental', true);
    const table = join(work, 'incremental/search/0.json');
    const made = readFileSync(table, 'utf8');
    writeFileSync(table, made.replace('临翔核心', '别的名字'));
    const again = build('incremental', true);
    expect([again.compiled, again.written]).toEqual([0, 1]);
    expect(readFileSync(table, 'utf8')).toBe(made);
  });

  it('after one plan changes, with the others untouched and not read, writes the same files as a build from scratch', () => {
    writePlan('alpha');
    writePlan('beta', { parent: 'alpha' });
    writePlan('gamma', { parent: 'beta' });
    backdate('alpha', 'beta', 'gamma');
    build('incremental', true);
    writePlan('beta', { parent: 'alpha', lon: 100.09 });
    expect(build('incremental', true).compiled).toBe(1);
    build('scratch', false);
    expect(tree('incremental')).toEqual(tree('scratch'));
  });

  it('makes the search index again from the rows it kept, after a change that left the index alone, as a build from scratch does', () => {
    writePlan('alpha');
    writePlan('beta', { parent: 'alpha' });
    build('incremental', true);
    // A moved project: the search entries hold no position, so the index is left as it was.
    writePlan('beta', { parent: 'alpha', lon: 100.09 });
    expect(build('incremental', true).timings.map(([step]) => step)).toContain('search (unchanged)');
    // A renamed project: the index is made again where the change touches it, from the rows kept of beta as it was.
    const planYaml = join(work, 'data/beta/plan.yaml');
    writeFileSync(planYaml, readFileSync(planYaml, 'utf8').replace('name: 测试县人民医院新院区', 'name: 测试县人民医院'));
    expect(build('incremental', true).timings.map(([step]) => step)).toContain('search (1 shard(s) made)');
    build('scratch', false);
    expect(tree('incremental')).toEqual(tree('scratch'));
  });

  it('reads a plan again only when its files changed size or time', () => {
    writePlan('alpha');
    writePlan('beta', { parent: 'alpha' });
    backdate('alpha', 'beta');
    build('incremental', true);
    // Text of the same size, with the file's time put back: taken for the file as it was, not read.
    const file = join(work, 'data/beta/plan.yaml');
    const { atime, mtime, size } = statSync(file);
    writeFileSync(file, 'x'.repeat(size));
    utimesSync(file, atime, mtime);
    expect(build('incremental', true).problems).toEqual([]);
    // Touched: read, and its problem reported.
    utimesSync(file, new Date(), new Date());
    expect(build('incremental', true).problems.join('\n')).toContain('data/beta/plan.yaml');
  });
});
