// @vitest-environment node
/** The base-geography build's hand tables: the committed ones read, and a bad row is named by file, row and field. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readGeoTables } from '../../scripts/geo/tables';

const root = resolve(import.meta.dirname, '../..');
const tablesDir = join(root, 'scripts/sources/base-geo');
let copy = '';
afterEach(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
  copy = '';
});

/** A copy of the tables with one file's text changed. */
function tablesWith(file: string, change: (text: string) => string): string {
  copy = mkdtempSync(join(tmpdir(), 'geo-tables-'));
  cpSync(tablesDir, copy, { recursive: true });
  writeFileSync(join(copy, file), change(readFileSync(join(copy, file), 'utf8')));
  return copy;
}

describe('base-geography tables', () => {
  it('reads the committed tables, every seat coordinate with its source', () => {
    const tables = readGeoTables(tablesDir, root);
    expect(tables.rivers.length).toBeGreaterThan(0);
    const located = tables.prefectures.filter((p) => p.coord);
    expect(located.length).toBeGreaterThan(0);
    expect(located.every((p) => p.source && p.precision)).toBe(true);
  });

  it('names the file, the row and the field of a bad value', () => {
    const dir = tablesWith('rivers.yaml', (t) => t.replace('[99.3, 25.6]', '[99.3, north]'));
    expect(() => readGeoTables(dir, dir)).toThrow(/^rivers\.yaml: row 1 澜沧江: via\[1\]\[1\]: .*number/);
  });

  it('refuses a seat coordinate without its source', () => {
    const dir = tablesWith('prefectures.yaml', (t) => t.replace(/\n {2}source: 'Wikipedia "Qujing"[^\n]*/, ''));
    expect(() => readGeoTables(dir, dir)).toThrow(/^prefectures\.yaml: row 2 530300: \(whole row\): a seat coordinate needs its precision and source/);
  });
});
