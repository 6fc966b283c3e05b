/**
 * Downloads written in batches (src/features/projects/blob-in-batches.ts) hold exactly the bytes of the file
 * written in one piece, over more rows than one batch, for both CSV headings and GeoJSON.
 */
import { describe, expect, it } from 'vitest';
import { projectsCsvBlob, projectsToCsv } from '../../src/features/projects/export-csv';
import { projectsGeoJsonBlob, projectsGeoJsonText } from '../../src/features/projects/export-geojson';
import { projectRows, type ProjectRow } from '../../src/lib/project-filter';
import { fixtureCatalogue as catalogue, fixtureProjects } from './fixtures/projects';
import { rowsInMemory } from '../../src/features/projects/row-source';

/** The fixture's projects (every precision, with and without investment), repeated past several batches (ids made unique). */
function manyRows(): ProjectRow[] {
  const real = projectRows(
    fixtureProjects,
    catalogue.map((p) => p.id),
  );
  return Array.from({ length: Math.ceil(4500 / real.length) }, (_, k) => real.map((r) => ({ ...r, id: `${r.id}-${k}` }))).flat();
}

const bytes = async (blob: Blob) => Buffer.from(await blob.arrayBuffer());
/** Byte for byte (compared as Buffers: a deep equality of MBs of bytes is slow, and arrays from two realms differ in type). */
const sameBytes = (a: Buffer, text: string) => a.equals(Buffer.from(text, 'utf8'));

describe('exports written in batches', () => {
  const rows = manyRows();

  it('writes the same CSV bytes as in one piece, for people and for GIS', async () => {
    expect(rows.length).toBeGreaterThan(4000);
    for (const headers of ['people', 'gis'] as const) {
      const options = { lang: 'zh' as const, plans: catalogue as never, headers };
      const blob = await projectsCsvBlob(rowsInMemory(rows), options);
      expect(blob.type).toBe('text/csv;charset=utf-8');
      expect(sameBytes(await bytes(blob), projectsToCsv(rows, options))).toBe(true);
    }
  });

  it('writes the same CSV for no rows (the header alone)', async () => {
    const options = { lang: 'en' as const, plans: catalogue as never };
    expect(sameBytes(await bytes(await projectsCsvBlob(rowsInMemory([]), options)), projectsToCsv([], options))).toBe(true);
  });

  it('writes the same GeoJSON bytes as in one piece', async () => {
    expect(sameBytes(await bytes(await projectsGeoJsonBlob(rowsInMemory(rows))), projectsGeoJsonText(rows))).toBe(true);
    expect(sameBytes(await bytes(await projectsGeoJsonBlob(rowsInMemory([]))), projectsGeoJsonText([]))).toBe(true);
  });
});
