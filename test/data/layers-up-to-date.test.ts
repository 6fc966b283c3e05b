/** public/geo/plans is generated: it must be exactly what `npm run build:data` makes of data/ today. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { root } from './compile';

describe('published plan layers', () => {
  it('are up to date with data/ (run npm run build:data after editing a plan)', () => {
    const { files } = inject('realBuild');
    const committed = resolve(root, 'public/geo/plans');
    expect(readdirSync(committed).sort()).toEqual(Object.keys(files).sort());
    for (const [file, text] of Object.entries(files)) {
      expect(readFileSync(join(committed, file), 'utf8') === text, `${file} differs from a fresh build`).toBe(true);
    }
  });
});
