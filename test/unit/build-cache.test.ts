// @vitest-environment node
/** The data build compiles a plan again only when its inputs change (a one-plan change rebuilds one plan). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compilePlan } from '../../src/compiler/compile';
import { readBaseGeo } from '../../scripts/lib/base-geo';
import { openBuildCache } from '../../scripts/lib/build-cache';
import { fixturePlan, fixtureSeed, fixtureSeedName } from '../fixtures/compiler-plans';

const root = resolve(import.meta.dirname, '../..');
const base = readBaseGeo(resolve(root, 'public/geo/base'));
const readSeed = (name: string) => (name === fixtureSeedName ? fixtureSeed : undefined);

afterEach(() => {
  delete process.env.ATLAS_BUILD_CACHE;
});

describe('the data build cache', () => {
  it('reuses a compiled plan until one of its files changes', () => {
    process.env.ATLAS_BUILD_CACHE = mkdtempSync(join(tmpdir(), 'atlas-cache-'));
    const cache = openBuildCache(root)!;
    const alpha = fixturePlan('alpha');
    const first = cache.compile(alpha, readSeed, () => compilePlan(alpha, readSeed, base));
    const again = cache.compile(alpha, readSeed, () => compilePlan(alpha, readSeed, base));
    expect(again).toEqual(first);
    expect([cache.misses, cache.hits]).toEqual([1, 1]);
    const moved = fixturePlan('alpha', { lon: 100.09 });
    const rebuilt = cache.compile(moved, readSeed, () => compilePlan(moved, readSeed, base));
    expect([cache.misses, cache.hits]).toEqual([2, 1]);
    expect(rebuilt.built?.features.find((f) => f.properties.id === 'alpha-hospital')?.geometry).toEqual({ type: 'Point', coordinates: [100.09, 23.8865] });
  });

  it('can be switched off', () => {
    process.env.ATLAS_BUILD_CACHE = 'off';
    expect(openBuildCache(root)).toBeUndefined();
  });
});
