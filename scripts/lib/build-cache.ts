/**
 * The data build's cache: a plan compiled once is reused until its files, its seed, the base layers or the
 * compiler change, so a change to one plan rebuilds that plan (and the tables), not the country.
 * Kept in node_modules/.cache/atlas-plans (ATLAS_BUILD_CACHE to move it, ATLAS_BUILD_CACHE=off to disable).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CompiledPlan } from '../../src/compiler/compile';
import type { PlanSources, ReadSeed } from '../../src/compiler/sources';

/** Every file whose change could change what a plan compiles to. */
function stamp(root: string): string {
  const hash = createHash('sha256');
  const dirs = ['src/compiler', 'src/lib', 'public/geo/base'];
  for (const dir of dirs) {
    for (const name of readdirSync(resolve(root, dir)).sort()) {
      if (!/\.(ts|json|geojson)$/.test(name)) continue;
      hash.update(`${dir}/${name}\0`).update(readFileSync(resolve(root, dir, name)));
    }
  }
  hash.update(readFileSync(resolve(root, 'package-lock.json')));
  return hash.digest('hex');
}

export interface BuildCache {
  /** The cache's folder (the incremental build keeps its state there too: build-state.ts). */
  readonly dir: string;
  /** The hash of the compiler, the base layers and the locked packages: every key includes it. */
  readonly stamp: string;
  /** What a plan compiles from, as one hash: its files, its seed, the base layers and the compiler. */
  key(src: PlanSources, readSeed: ReadSeed): string;
  /**
   * A compiled plan from the cache when its inputs are unchanged, else compiled now and stored. `known` gives the plan
   * as the caller already holds it under a key (the incremental build's state): a hit with no file read.
   */
  compile(src: PlanSources, readSeed: ReadSeed, compile: () => CompiledPlan, known?: (key: string) => CompiledPlan | undefined): CompiledPlan;
  /**
   * Gives the key of sources whose files were not read (the incremental build knows from their stamps that they are
   * what they were when it recorded this key), so asking for it reads nothing.
   */
  remember(src: PlanSources, key: string): void;
  /** Stores a plan compiled elsewhere under its sources' key (the scale benchmark fills the cache with copies). */
  put(src: PlanSources, readSeed: ReadSeed, compiled: CompiledPlan): void;
  /** Plans taken from the cache, and compiled, in this run. */
  readonly hits: number;
  readonly misses: number;
}

/** A cache for the build run from `root`; `undefined` when switched off. */
export function openBuildCache(root: string): BuildCache | undefined {
  const setting = process.env.ATLAS_BUILD_CACHE;
  if (setting === 'off') return undefined;
  const dir = setting ? resolve(setting) : resolve(root, 'node_modules/.cache/atlas-plans');
  mkdirSync(dir, { recursive: true });
  const base = stamp(root);
  let hits = 0;
  let misses = 0;
  // A seed is hashed once per run: many plans may share one (and the scale benchmark's copies do).
  const seedHashes = new Map<string, string>();
  const seedHash = (name: string, readSeed: ReadSeed) => {
    let hash = seedHashes.get(name);
    if (hash === undefined) {
      const text = readSeed(name);
      hash = text === undefined ? '' : createHash('sha256').update(text).digest('hex');
      seedHashes.set(name, hash);
    }
    return hash;
  };
  // A plan's key is asked for more than once a run (the cache, the incremental build's state): hashed once.
  const keys = new WeakMap<PlanSources, string>();
  const keyOf = (src: PlanSources, readSeed: ReadSeed) => keys.get(src) ?? keys.set(src, hashKey(src, readSeed)).get(src)!;
  const hashKey = (src: PlanSources, readSeed: ReadSeed) => {
    const seedName = /^seed:\s*['"]?([\w.-]+\.txt)/m.exec(src.planYaml)?.[1];
    return createHash('sha256')
      .update(base)
      .update(`\0${src.folder}\0${src.planYaml}\0${src.placesYaml ?? ''}\0${seedName ? seedHash(seedName, readSeed) : ''}`)
      .digest('hex');
  };
  return {
    dir,
    stamp: base,
    key: keyOf,
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
    remember(src, key) {
      keys.set(src, key);
    },
    put(src, readSeed, compiled) {
      writeFileSync(join(dir, `${src.folder}.json`), JSON.stringify({ key: keyOf(src, readSeed), compiled }));
    },
    compile(src, readSeed, compile, known) {
      const key = keyOf(src, readSeed);
      const held = known?.(key);
      if (held) {
        hits++;
        return held;
      }
      const file = join(dir, `${src.folder}.json`);
      if (existsSync(file)) {
        try {
          const entry = JSON.parse(readFileSync(file, 'utf8')) as { key: string; compiled: CompiledPlan };
          if (entry.key === key) {
            hits++;
            return entry.compiled;
          }
        } catch {
          // A damaged entry is compiled again.
        }
      }
      misses++;
      const compiled = compile();
      writeFileSync(file, JSON.stringify({ key, compiled }));
      return compiled;
    },
  };
}
