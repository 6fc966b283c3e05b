/** The published folders (public/geo/plans, search, sources, projects) are generated: it must be exactly what `npm run build:data` makes of data/ today. */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { publishedFolders } from '../../src/lib/published-format';
import { root } from './compile';

describe('published plan layers', () => {
  it('are up to date with data/ (run npm run build:data after editing a plan)', () => {
    const { files } = inject('realBuild');
    const committed = publishedFolders.flatMap((dir) => readdirSync(resolve(root, 'public', dir)).map((f) => `${dir}/${f}`));
    expect(committed.sort()).toEqual(Object.keys(files).sort());
    for (const [path, text] of Object.entries(files)) {
      expect(readFileSync(resolve(root, 'public', path), 'utf8') === text, `public/${path} differs from a fresh build`).toBe(true);
    }
  });
});
