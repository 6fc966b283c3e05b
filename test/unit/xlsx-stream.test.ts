// @vitest-environment node
/**
 * The streaming Excel writer (src/features/projects/xlsx-stream.ts), its file read back as Excel users' tools read
 * it (exceljs, in Node): the project workbook keeps its headers, rows, totals, number format, frozen pane, filter and
 * 说明 sheet; odd text stays the same text (never a formula); and rows over several batches come out whole, in order.
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { peopleColumns } from '../../src/features/projects/export-columns';
import { projectsWorkbook } from '../../src/features/projects/export-xlsx';
import { columnName, xlsxBlob, xmlText } from '../../src/features/projects/xlsx-stream';
import { investmentTotal, projectRows } from '../../src/lib/project-filter';
import { fixtureCatalogue, fixtureProjects } from './fixtures/projects';
import { rowsInMemory } from '../../src/features/projects/row-source';

const read = async (blob: Blob) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await blob.arrayBuffer());
  return workbook;
};
/** A part of the file, as text. */
const part = async (blob: Blob, path: string) => strFromU8(unzipSync(new Uint8Array(await blob.arrayBuffer()))[path]!);

describe('the project workbook, written by the streaming writer', () => {
  const rows = projectRows(
    fixtureProjects,
    fixtureCatalogue.map((p) => p.id),
  );
  const total = investmentTotal(rows);
  const workbook = async () => projectsWorkbook(rowsInMemory(rows), { lang: 'zh', plans: fixtureCatalogue, total, source: '筛选结果' });
  /** Column number (1-based) of a people column's field: after the No. column. */
  const col = (field: string) => peopleColumns.findIndex((c) => c.field === field) + 2;

  it('holds the header, every row, the bold totals row and the number format', async () => {
    const blob = await workbook();
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = await read(blob);
    expect(book.creator).toBe('云南健康服务业空间布局图集');
    const sheet = book.getWorksheet('项目')!;
    const header = sheet.getRow(1);
    expect((header.values as unknown[]).slice(1, 5)).toEqual(['序号', '项目名称', '规划', '规划名称']);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(header.getCell(1).fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEAE0' } });
    expect(header.getCell(2).alignment?.wrapText).toBe(true);
    // Row 2 is the first project, numbered, its investment a number in 万元 with the format.
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(col('name')).value).toBe(rows[0]!.name);
    expect(first.getCell(col('investment_wan')).value).toBe(50000);
    expect(first.getCell(col('investment_wan')).numFmt).toBe('#,##0.##');
    expect(first.getCell(col('source_quote')).alignment?.wrapText).toBe(true);
    // The totals row follows the last project: its line under the name, its sum under 万元, in bold.
    const totals = sheet.getRow(rows.length + 2);
    expect(totals.getCell(1).value).toBeNull();
    expect(String(totals.getCell(col('name')).value)).toMatch(/^投资合计 8\.1 亿元/);
    expect(totals.getCell(col('investment_wan')).value).toBe(total.wan);
    expect(totals.getCell(col('name')).font?.bold).toBe(true);
    expect(sheet.rowCount).toBe(rows.length + 2);
  });

  it('freezes the header and the first two columns, sets the widths and filters the table', async () => {
    const blob = await workbook();
    const sheet = (await read(blob)).getWorksheet('项目')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1 });
    expect(sheet.getColumn(1).width).toBe(6);
    expect(sheet.getColumn(col('source_quote')).width).toBe(70);
    const last = columnName(peopleColumns.length);
    expect(sheet.autoFilter).toBe(`A1:${last}${rows.length + 1}`);
    // No formula anywhere, and a project without an investment has no cell there at all.
    const xml = await part(blob, 'xl/worksheets/sheet1.xml');
    expect(xml).not.toContain('<f>');
    const noInvestment = rows.findIndex((r) => !r.investment) + 2;
    expect(xml).not.toContain(`r="${columnName(col('investment_wan') - 1)}${noInvestment}"`);
  });

  it('says in its 说明 sheet where the rows come from, under a bold title', async () => {
    const about = (await read(await workbook())).getWorksheet('说明')!;
    expect(about.getCell('A1').value).toBe('云南健康服务业空间布局图集');
    expect(about.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(about.getCell('A2').value).toBe('筛选结果');
    expect(String(about.getCell('B2').value)).toMatch(new RegExp(`^${rows.length} 个项目`));
    expect(about.getCell('A3').value).toBe('投资合计');
    expect(about.getCell('B3').alignment?.wrapText).toBe(true);
    expect(about.getColumn(2).width).toBe(100);
  });
});

describe('the streaming writer', () => {
  it('keeps odd text as the same text: markup characters, a leading =, spaces, a character outside the BMP', async () => {
    const texts = ['<b>R&D</b> "quoted" \'s', '=SUM(A1:A2)', '  spaced  ', 'two\nlines', '𝄞 乐谱'];
    const blob = await xlsxBlob({ sheets: [{ name: 'Odd <&>', columns: texts.map(() => ({ width: 10 })), head: [{ cells: texts }] }] });
    const sheet = (await read(blob)).getWorksheet('Odd <&>')!;
    texts.forEach((text, i) => {
      const cell = sheet.getRow(1).getCell(i + 1);
      expect(cell.value).toBe(text);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
    });
  });

  it('leaves out the characters XML cannot hold, and writes nothing for null, empty or non-finite cells', async () => {
    const blob = await xlsxBlob({
      sheets: [
        {
          name: 'S',
          columns: [{ width: 10 }, { width: 10 }],
          head: [{ cells: ['a\u0001b\uFFFF\uD800c', 2.5] }, { cells: [null, Number.NaN] }, { cells: ['', undefined] }],
        },
      ],
    });
    const sheet = (await read(blob)).getWorksheet('S')!;
    expect(sheet.getCell('A1').value).toBe('abc');
    expect(sheet.getCell('B1').value).toBe(2.5);
    const xml = await part(blob, 'xl/worksheets/sheet1.xml');
    expect(xml).toContain('<row r="2"></row><row r="3"></row>');
  });

  it('writes a body of several batches whole and in order, between its head and tail', async () => {
    const length = 4500;
    const blob = await xlsxBlob({
      sheets: [
        {
          name: 'Rows',
          columns: [{ width: 8 }, { width: 8 }],
          head: [{ look: 'header', cells: ['n', 'text'] }],
          body: rowsInMemory(Array.from({ length }, (_, i) => [i, `row ${i}`])),
          tail: [{ look: 'bold', cells: ['end'] }],
        },
      ],
    });
    const sheet = (await read(blob)).getWorksheet('Rows')!;
    expect(sheet.rowCount).toBe(length + 2);
    for (const i of [0, 1999, 2000, 4000, length - 1]) expect(sheet.getRow(i + 2).values).toEqual([undefined, i, `row ${i}`]);
    expect(sheet.getCell(`A${length + 2}`).value).toBe('end');
  });

  it('escapes markup and names columns as Excel does', () => {
    expect(xmlText('a<b>&"c"\r\u0000')).toBe('a&lt;b&gt;&amp;&quot;c&quot;&#13;');
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
