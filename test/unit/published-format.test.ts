/** The app reads published files by their format stamp and shape, not with a schema per row (the build validated them). */
import { describe, expect, it } from 'vitest';
import { checkPublished } from '../../src/compiler/check-published';
import type { SearchEntry } from '../../src/lib/atlas-data';
import { isSearchEntry, publishedFormat, publishedPaths, readTable, searchFields, toTable } from '../../src/lib/published-format';

const row: SearchEntry = { id: 'p-a', plan: 'p', role: 'project', name: '某医院', county: '某县', initials: 'myy', pinyin: 'mouyiyuan' };

describe('published format', () => {
  it('refuses a file of another format, naming the file and what to do', () => {
    const old = { fields: [...searchFields], rows: [] };
    expect(() => readTable('geo/plans/search.json', old, searchFields, isSearchEntry)).toThrow(
      /^geo\/plans\/search\.json: published with no format, but this app reads format \d+: publish the data and the app from the same build/,
    );
    expect(() => readTable('geo/plans/search.json', { ...old, format: publishedFormat + 1 }, searchFields, isSearchEntry)).toThrow(/format \d+, but/);
  });

  it('refuses a table whose columns are not the app’s', () => {
    const table = { format: publishedFormat, fields: ['id', 'name'], rows: [] };
    expect(() => readTable('geo/plans/search.json', table, searchFields, isSearchEntry)).toThrow(/search\.json: its columns \(id, name\)/);
  });

  it('keeps the rows of the right shape and counts the others', () => {
    const table = toTable(searchFields, [row, { ...row, id: 'p-b', role: 'castle' }, { ...row, id: 'p-c', pinyin: 7 }]) as { rows: unknown[][] };
    table.rows.push(['too', 'short']);
    const { records, invalid } = readTable('geo/plans/search.json', table, searchFields, isSearchEntry);
    expect(records).toEqual([row]);
    expect(invalid).toBe(3);
  });

  it('is checked in full at build time, naming the file, the row and the field', () => {
    const records = { layers: [], catalogue: [], projects: [], search: [row, { ...row, county: 7 }] };
    expect(() => checkPublished(records, publishedPaths)).toThrow(/geo\/plans\/search\.json: rows\[1\]: county: /);
    expect(() => checkPublished({ ...records, search: [row] }, publishedPaths)).not.toThrow();
  });
});
