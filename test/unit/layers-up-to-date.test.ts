// @vitest-environment node
/** public/geo/plans is generated: it must be exactly what `npm run build:data` makes of data/ today. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

describe('published plan layers', () => {
  it('are up to date with data/ (run npm run build:data after editing a plan)', () => {
    const out = mkdtempSync(join(tmpdir(), 'atlas-layers-'));
    execFileSync('npx', ['tsx', 'scripts/build-plan-layers.ts'], { cwd: root, env: { ...process.env, ATLAS_PLANS_OUT: out }, stdio: 'pipe' });
    const committed = resolve(root, 'public/geo/plans');
    expect(readdirSync(out).sort()).toEqual(readdirSync(committed).sort());
    for (const file of readdirSync(out)) {
      expect(readFileSync(join(out, file), 'utf8') === readFileSync(join(committed, file), 'utf8'), `${file} differs from a fresh build`).toBe(true);
    }
  }, 120_000);
});
