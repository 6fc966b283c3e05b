/**
 * A small Excel (.xlsx) writer that streams: a workbook is a zip of a few XML parts, and each sheet's rows are
 * written as XML batch by batch, deflated as they come (fflate's streaming `Zip`), and the compressed bytes handed to
 * the Blob. So a workbook of 100,000s of rows never exists as cell objects or as one string, and the page gets a
 * turn between batches. It writes only what the atlas needs: text as inline strings (never formulas: a text
 * starting with `=` stays text), numbers, a few looks (header, bold, title; wrapped or number-formatted columns),
 * frozen panes, column widths and an autofilter.
 */
import { Zip, ZipDeflate } from 'fflate';
import { inTurns, type RowSource } from './row-source';

/** A cell: text, a number, or nothing (null, undefined, an empty text and a number that is not finite write no cell). */
export type XlsxCell = string | number | null | undefined;

/** How a row looks: plain, the table's header (bold on a tinted fill, wrapped), bold (totals), a title (bold, larger). */
export type RowLook = 'plain' | 'header' | 'bold' | 'title';
/** How a column's cells are shown: plain, long text wrapped (top-aligned), or numbers as `#,##0.##`. */
export type ColumnLook = 'plain' | 'wrap' | 'number';

export interface XlsxColumn {
  /** Width in characters. */
  width: number;
  look?: ColumnLook;
}

export interface XlsxRow {
  cells: readonly XlsxCell[];
  look?: RowLook;
}

export interface XlsxSheet {
  /** The tab's name (at most 31 characters, none of `[]:*?/\`, as Excel requires). */
  name: string;
  columns: readonly XlsxColumn[];
  /** Rows written before the body (a header). */
  head?: readonly XlsxRow[];
  /** The body: plain rows, read a batch at a time as they are written (its count known before). */
  body?: RowSource<readonly XlsxCell[]>;
  /** Rows written after the body (totals). */
  tail?: readonly XlsxRow[];
  /** The first rows and columns, kept in view when scrolling. */
  frozen?: { rows: number; columns: number };
  /** A filter over the head and the body (not the tail). */
  autoFilter?: boolean;
}

export interface XlsxWorkbook {
  sheets: readonly XlsxSheet[];
  /** Written into the file's properties. */
  creator?: string;
  created?: Date;
}

export const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const rowLooks: readonly RowLook[] = ['plain', 'header', 'bold', 'title'];
const columnLooks: readonly ColumnLook[] = ['plain', 'wrap', 'number'];
/** The cell format of a row look in a column look: one per pair, the plain pair first (Excel's default, 0). */
const styleOf = (row: RowLook = 'plain', column: ColumnLook = 'plain') => rowLooks.indexOf(row) * columnLooks.length + columnLooks.indexOf(column);

/** The number format of `number` columns (a custom format's id starts at 164). */
const numberFormat = { id: 164, code: '#,##0.##' };
const headerFill = 'FFEFEAE0';

// Characters XML 1.0 does not allow (control characters, U+FFFE/U+FFFF, unpaired surrogates): left out.
const notXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' };

/** Text safe in XML content and attribute values: characters XML forbids removed, markup characters escaped. */
export function xmlText(text: string): string {
  return text.replace(notXml, '').replace(/[&<>"\r]/g, (c) => escapes[c]!);
}

/** A column's letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const cellXml = (ref: string, value: XlsxCell, style: number): string => {
  const s = style ? ` s="${style}"` : '';
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : '';
  const text = value ? xmlText(value) : '';
  if (!text) return '';
  // Spaces at either end are kept only when the text says so.
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
};

/** One row's XML; `letters` are the sheet's column names, `looks` its columns' looks. */
function rowXml(r: number, cells: readonly XlsxCell[], look: RowLook, letters: readonly string[], looks: readonly ColumnLook[]): string {
  let xml = look === 'plain' ? `<row r="${r}">` : `<row r="${r}" s="${styleOf(look)}" customFormat="1">`;
  for (let i = 0; i < cells.length && i < letters.length; i++) xml += cellXml(`${letters[i]}${r}`, cells[i], styleOf(look, looks[i]));
  return `${xml}</row>`;
}

const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const mainNs = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const relType = (t: string) => `${relNs}/${t}`;

/** The sheet's XML up to its first row. */
function sheetHead(sheet: XlsxSheet, lastRow: number): string {
  const last = `${columnName(Math.max(0, sheet.columns.length - 1))}${Math.max(1, lastRow)}`;
  const { rows = 0, columns = 0 } = sheet.frozen ?? {};
  const pane = rows > 0 ? (columns > 0 ? 'bottomRight' : 'bottomLeft') : 'topRight';
  const view =
    rows > 0 || columns > 0
      ? `<sheetView workbookViewId="0"><pane${columns ? ` xSplit="${columns}"` : ''}${rows ? ` ySplit="${rows}"` : ''} topLeftCell="${columnName(columns)}${rows + 1}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/></sheetView>`
      : '<sheetView workbookViewId="0"/>';
  const cols = sheet.columns
    .map((c, i) => {
      const style = styleOf('plain', c.look);
      return `<col min="${i + 1}" max="${i + 1}" width="${c.width}"${style ? ` style="${style}"` : ''} customWidth="1"/>`;
    })
    .join('');
  return `${xmlHead}<worksheet xmlns="${mainNs}" xmlns:r="${relNs}"><dimension ref="A1:${last}"/><sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`;
}

/** The range the autofilter covers, if any: from A1 over the head and body rows. */
function filterRange(sheet: XlsxSheet): string | undefined {
  if (!sheet.autoFilter || !sheet.columns.length) return undefined;
  const rows = (sheet.head?.length ?? 0) + (sheet.body?.count ?? 0);
  return `A1:${columnName(sheet.columns.length - 1)}${Math.max(1, rows)}`;
}

function sheetTail(sheet: XlsxSheet): string {
  const filter = filterRange(sheet);
  return `</sheetData>${filter ? `<autoFilter ref="${filter}"/>` : ''}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

function stylesXml(): string {
  const fonts = [
    '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
    '<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font>',
  ];
  const fontOf: Record<RowLook, number> = { plain: 0, header: 1, bold: 1, title: 2 };
  const xfs = rowLooks.flatMap((row) =>
    columnLooks.map((column) => {
      const numFmt = column === 'number' ? numberFormat.id : 0;
      const fill = row === 'header' ? 2 : 0;
      const font = fontOf[row];
      // The header is centred and wrapped whatever its column; long text wraps from the top of its cell.
      const alignment = row === 'header' ? '<alignment vertical="center" wrapText="1"/>' : column === 'wrap' ? '<alignment vertical="top" wrapText="1"/>' : '';
      const applied = `${numFmt ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}${fill ? ' applyFill="1"' : ''}${alignment ? ' applyAlignment="1"' : ''}`;
      const attributes = `numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="0" xfId="0"${applied}`;
      return alignment ? `<xf ${attributes}>${alignment}</xf>` : `<xf ${attributes}/>`;
    }),
  );
  return (
    `${xmlHead}<styleSheet xmlns="${mainNs}">` +
    `<numFmts count="1"><numFmt numFmtId="${numberFormat.id}" formatCode="${xmlText(numberFormat.code)}"/></numFmts>` +
    `<fonts count="${fonts.length}">${fonts.join('')}</fonts>` +
    // Fills 0 and 1 are the two Excel reserves (none, gray125); the header's tint is 2.
    `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="${headerFill}"/><bgColor indexed="64"/></patternFill></fill></fills>` +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
  );
}

/** A sheet name as a formula reference: quoted, its quotes doubled. */
const sheetRef = (name: string) => `'${name.replace(/'/g, "''")}'`;

function workbookXml(sheets: readonly XlsxSheet[]): string {
  const tabs = sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  // Excel records a sheet's autofilter range as this hidden name too.
  const names = sheets
    .map((s, i) => {
      const range = filterRange(s);
      return range
        ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(sheetRef(s.name))}!${range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}</definedName>`
        : '';
    })
    .join('');
  return `${xmlHead}<workbook xmlns="${mainNs}" xmlns:r="${relNs}"><bookViews><workbookView/></bookViews><sheets>${tabs}</sheets>${names ? `<definedNames>${names}</definedNames>` : ''}</workbook>`;
}

function workbookRels(sheets: readonly XlsxSheet[]): string {
  const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${relType('worksheet')}" Target="worksheets/sheet${i + 1}.xml"/>`);
  rels.push(`<Relationship Id="rId${sheets.length + 1}" Type="${relType('styles')}" Target="styles.xml"/>`);
  return `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
}

const rootRels = () =>
  `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${relType('officeDocument')}" Target="xl/workbook.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>';

function contentTypes(sheets: readonly XlsxSheet[]): string {
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  const sheetTypes = sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ct}.worksheet+xml"/>`).join('');
  return (
    `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>${sheetTypes}<Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/>` +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>'
  );
}

function coreXml(creator: string, created: Date): string {
  const when = created.toISOString().replace(/\.\d+Z$/, 'Z');
  return (
    `${xmlHead}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>${xmlText(creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`
  );
}

/**
 * The workbook as an .xlsx Blob, written part by part and each sheet's body a batch of rows at a time, the
 * page getting a turn between batches. What is held at once is one batch's text and the compressed bytes so far
 * (moved into a Blob after each batch).
 */
export async function xlsxBlob({ sheets, creator = '', created = new Date() }: XlsxWorkbook): Promise<Blob> {
  const encoder = new TextEncoder();
  const done: Blob[] = [];
  let chunks: Uint8Array<ArrayBuffer>[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure ??= error;
    else chunks.push(data as Uint8Array<ArrayBuffer>);
  });
  const settle = () => {
    if (failure) throw failure;
    if (chunks.length) done.push(new Blob(chunks));
    chunks = [];
  };
  const part = (path: string) => {
    const file = new ZipDeflate(path, { level: 6 });
    file.mtime = created;
    zip.add(file);
    return { write: (text: string, last = false) => file.push(encoder.encode(text), last) };
  };
  const whole = (path: string, text: string) => part(path).write(text, true);

  whole('[Content_Types].xml', contentTypes(sheets));
  whole('_rels/.rels', rootRels());
  whole('docProps/core.xml', coreXml(creator, created));
  whole('xl/workbook.xml', workbookXml(sheets));
  whole('xl/_rels/workbook.xml.rels', workbookRels(sheets));
  whole('xl/styles.xml', stylesXml());
  for (const [s, sheet] of sheets.entries()) {
    const letters = sheet.columns.map((_, i) => columnName(i));
    const looks = sheet.columns.map((c) => c.look ?? 'plain');
    const head = sheet.head ?? [];
    const tail = sheet.tail ?? [];
    const file = part(`xl/worksheets/sheet${s + 1}.xml`);
    let r = 0;
    let xml = sheetHead(sheet, head.length + (sheet.body?.count ?? 0) + tail.length);
    for (const row of head) xml += rowXml(++r, row.cells, row.look ?? 'plain', letters, looks);
    if (sheet.body)
      for await (const batch of inTurns(sheet.body)) {
        file.write(xml);
        settle();
        xml = '';
        for (const cells of batch) xml += rowXml(++r, cells, 'plain', letters, looks);
      }
    for (const row of tail) xml += rowXml(++r, row.cells, row.look ?? 'plain', letters, looks);
    file.write(xml + sheetTail(sheet), true);
    settle();
  }
  zip.end();
  settle();
  return new Blob(done, { type: xlsxMime });
}
