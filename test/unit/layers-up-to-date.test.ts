// @vitest-environment node
/** public/geo/plans and public/geo/sources are generated: exactly what `npm run build:data` makes of data/ today. */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishedFiles } from '../../src/compiler/compile';
import { readBaseGeo } from '../../scripts/lib/base-geo';
import { buildPlans } from '../../scripts/lib/build-plans';

const root = resolve(import.meta.dirname, '../..');

describe('published plan layers', () => {
  it('are up to date with data/ (run npm run build:data after editing a plan)', () => {
    const built = buildPlans(resolve(root, 'data'), resolve(root, 'data/seeds'), root, readBaseGeo(resolve(root, 'public/geo/base')));
    const fresh = publishedFiles(built.plans, built.sources, built.readSeed);
    const committed = ['geo/plans', 'geo/sources'].flatMap((dir) => readdirSync(resolve(root, 'public', dir)).map((f) => `${dir}/${f}`));
    expect(committed.sort()).toEqual(Object.keys(fresh).sort());
    for (const [path, text] of Object.entries(fresh)) {
      expect(readFileSync(resolve(root, 'public', path), 'utf8') === text, `public/${path} differs from a fresh build`).toBe(true);
    }
  });
});
