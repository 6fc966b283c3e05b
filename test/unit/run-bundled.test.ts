// @vitest-environment node
/** `npm run build:data` starts through scripts/run-bundled.mjs: the bundled script runs as tsx would run it. */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roles } from '../../src/lib/vocabulary';

const root = resolve(import.meta.dirname, '../..');

describe('run-bundled', () => {
  it('runs a TypeScript script with its imports, its own folder and its arguments', () => {
    const out = execFileSync('node', ['scripts/run-bundled.mjs', 'test/fixtures/bundled-script.ts', 'a', '--profile'], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ dirname: resolve(root, 'test/fixtures'), args: ['a', '--profile'], roles: [...roles] });
  });
});
