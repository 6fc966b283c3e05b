// @vitest-environment node
/** A search shard read and written as bytes by the data build: the same bytes JSON.stringify gives, whatever the names hold. */
import { describe, expect, it } from 'vitest';
import { readShardText, rowText, rowValue, shardText } from '../../scripts/lib/shard-text';

const fields = ['id', 'plan', 'role', 'name', 'nameEn'];
const rows = [
  ['a-1', 'alpha', 'project', '医院"新区"\\分院', null],
  ['甲-2', '乙', 'project', '康养', null],
  ['a-2', 'alpha', 'zone', 'a],[b', 'Zone "A"'],
  ['b\\"1', 'beta', 'node', '康养', null],
];
const file = { format: 7, fields, rows, answers: { 医: [0, 2], ab: [1] } };
const text = `${JSON.stringify(file)}\n`;
const bytes = Buffer.from(text);

describe('a search shard as text', () => {
  it('reads each row’s text, plan and id, and writes back the same bytes', () => {
    const read = readShardText(bytes, 7, fields)!;
    expect(read.rows.map((r) => [r.plan, r.id])).toEqual(rows.map((r) => [r[1], r[0]]));
    expect(read.rows.map((r) => rowValue(r.text))).toEqual(rows);
    expect(read.rows.map((r) => r.text)).toEqual(rows.map((r) => rowText(r)));
    expect(read.answers).toEqual(file.answers);
    expect(
      shardText(
        7,
        fields,
        read.rows.map((r) => r.text),
        read.answers,
      ).equals(bytes),
    ).toBe(true);
  });

  it('reads nothing from a file of another format, other columns or a cut row', () => {
    expect(readShardText(bytes, 8, fields)).toBeUndefined();
    expect(readShardText(bytes, 7, [...fields, 'county'])).toBeUndefined();
    expect(readShardText(Buffer.from(text.slice(0, text.indexOf('a],[b'))), 7, fields)).toBeUndefined();
  });
});
