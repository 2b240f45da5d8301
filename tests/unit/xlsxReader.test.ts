/**
 * The import's streaming .xlsx reader (db/registry/import/xlsx.ts, sheetScan.ts, sharedStrings.ts,
 * inflate.ts) on hand-written XML: the forms Excel, WPS and other writers use, and rows cut at
 * every possible byte by the pieces the sheet is inflated in.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openXlsx, readXlsx, XlsxError, type SheetRow } from '../../db/registry/import/xlsx';
import { SheetScanner, type ScanContext } from '../../db/registry/import/sheetScan';
import { readSharedStrings } from '../../db/registry/import/sharedStrings';
import { inflateChunks } from '../../db/registry/import/inflate';

/** A minimal zip (deflated entries, or stored ones) with a central directory. */
function zip(files: Record<string, string | Buffer>, stored = false): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const raw = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const data = stored ? raw : deflateRawSync(raw);
    const nameBuf = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(stored ? 0 : 8, 10);
    dir.writeUInt32LE(crc32(raw), 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(raw.length, 24);
    dir.writeUInt16LE(nameBuf.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    central.push(dir, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const dirBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(dirBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBuf, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function workbook(sheets: Record<string, string>, parts: { sharedStrings?: string; styles?: string; date1904?: boolean } = {}, stored = false): Buffer {
  const names = Object.keys(sheets);
  const files: Record<string, string> = {
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}>${parts.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${names
      .map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names
      .map((_n, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
  };
  names.forEach((n, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = sheets[n]!));
  if (parts.sharedStrings) files['xl/sharedStrings.xml'] = parts.sharedStrings;
  if (parts.styles) files['xl/styles.xml'] = parts.styles;
  return zip(files, stored);
}

const sheetXml = (rows: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><dimension ref="A1:F9"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData>${rows}</sheetData><rowBreaks count="0"/></worksheet>`;

const SST = `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="8" uniqueCount="8">`
  + '<si><t>户编号</t></si>'
  + '<si><t xml:space="preserve">  两端有空格  </t></si>'
  + '<si><r><rPr><b/><sz val="11"/></rPr><t>张</t></r><r><t xml:space="preserve">三 </t></r></si>'
  + '<si><t>A&amp;B &lt;c&gt; &#x4E2D;&#25991; _x000D_</t></si>'
  + '<si/>'
  + '<si><t/></si>'
  + '<si><t>单</t><rPh sb="0" eb="1"><t>ぜん</t></rPh><phoneticPr fontId="1"/></si>'
  + '<si><t>110101199003077777</t></si>'
  + '</sst>';

const STYLES = `<?xml version="1.0"?><styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>`
  + '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="176"/><xf numFmtId="49"><alignment wrapText="1"/></xf></cellXfs></styleSheet>';

/** Rows in the forms the importer meets. */
const TRICKY_ROWS = [
  '<row r="1" spans="1:6"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c></row>',
  // Cells without r=: each takes the column after the one before; a self-closing cell keeps its place.
  '<row r="2"><c t="s"><v>6</v></c><c s="3"/><c t="inlineStr"><is><t>内联 &amp; 文本</t></is></c><c t="inlineStr"><is><r><rPr><i/></rPr><t>富</t></r><r><t xml:space="preserve">文本 </t></r></is></c></row>',
  // Numbers: an ID number stored as a number, a decimal, a negative, a boolean, an error, a formula string.
  '<row r="3"><c r="A3"><v>1.10101199003078E+17</v></c><c r="B3"><v>3.5</v></c><c r="C3"><v>-12</v></c><c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><v>#N/A</v></c><c r="F3" t="str"><f>A1&amp;"x"</f><v>x&amp;y</v></c></row>',
  // Dates: a serial with a built-in date style, one with a custom 年月日 style, an ISO date cell, a text-styled number.
  '<row r="4"><c r="A4" s="1"><v>32223</v></c><c r="B4" s="2"><v>45000.75</v></c><c r="C4" t="d"><v>2026-11-01T00:00:00</v></c><c r="D4" s="3"><v>2014</v></c></row>',
  '<row r="5"/>',
  // A row without r= follows the one before; whitespace and line breaks between tags (pretty-printed XML).
  '<row>\n  <c r="B6" t="s">\n    <v>7</v>\n  </c>\n  <c r="AA6"><v>7</v></c>\n</row>',
  '<row r="8" spans="1:2" ht="20" customHeight="1"><c r="A8" t="s" s="0"><v>8</v></c><c r="B8" t="s"><v>9</v></c></row>',
].join('');

const EXPECTED: SheetRow[] = [
  { r: 1, cells: ['户编号', '  两端有空格  ', '张三 ', 'A&B <c> 中文 \r'] },
  { r: 2, cells: ['单', undefined, '内联 & 文本', '富文本 '] },
  { r: 3, cells: [110101199003078000, 3.5, -12, true, '#N/A', 'x&y'] },
  { r: 4, cells: [{ date: '1988-03-21' }, { date: '2023-03-15' }, { date: '2026-11-01' }, 2014] },
  { r: 5, cells: [] },
  { r: 6, cells: [undefined, '110101199003077777', ...new Array(24).fill(undefined), 7] },
  // Shared strings 8 and 9 do not exist: such cells read as empty.
  { r: 8, cells: [] },
];

const dense = (rows: SheetRow[]) => rows.map((r) => ({ r: r.r, cells: Array.from(r.cells) }));

describe('the streaming .xlsx reader', () => {
  const book = workbook({ '花名册 &amp; 2026': sheetXml(TRICKY_ROWS), 'Empty': sheetXml('') }, { sharedStrings: SST, styles: STYLES });

  it('reads shared strings: plain, preserved spaces, rich-text runs, entities, empty items, phonetic guides', () => {
    expect(readSharedStrings(Buffer.from(SST))).toEqual(['户编号', '  两端有空格  ', '张三 ', 'A&B <c> 中文 \r', '', '', '单', '110101199003077777']);
  });

  it('reads every kind of cell, in its column, with or without r=', () => {
    const sheets = readXlsx(book);
    expect(sheets.map((s) => s.name)).toEqual(['花名册 & 2026', 'Empty']);
    expect(dense(sheets[0]!.rows)).toEqual(dense(EXPECTED));
    expect(sheets[1]!.rows).toEqual([]);
  });

  it('reads the same rows whatever the size of the pieces the sheet is inflated in', () => {
    const whole = dense(readXlsx(book)[0]!.rows);
    for (const inputChunk of [1, 2, 3, 7, 64, 500]) {
      const rows: SheetRow[] = [];
      openXlsx(book).eachRow('花名册 & 2026', (row) => {
        rows.push(row);
      }, inputChunk);
      expect(dense(rows), `input pieces of ${inputChunk} bytes`).toEqual(whole);
    }
  });

  it('reads a row cut at any byte, and a sheet fed one byte at a time', () => {
    const ctx: ScanContext = { strings: readSharedStrings(Buffer.from(SST)), dates: new Set([1, 2]), date1904: false };
    const xml = Buffer.from(sheetXml(TRICKY_ROWS));
    const scan = (pieces: Buffer[]) => {
      const rows: SheetRow[] = [];
      const scanner = new SheetScanner(ctx, (row) => {
        rows.push(row);
      });
      for (const p of pieces) scanner.push(p);
      scanner.end();
      return dense(rows);
    };
    const whole = scan([xml]);
    expect(whole).toEqual(dense(EXPECTED));
    for (let cut = 1; cut < xml.length; cut++) expect(scan([xml.subarray(0, cut), xml.subarray(cut)]), `cut at ${cut}`).toEqual(whole);
    expect(scan([...xml].map((b) => Buffer.from([b])))).toEqual(whole);
  });

  it('stops when asked, and reads stored (uncompressed) entries and 1904-based dates', () => {
    const stored = workbook({ S: sheetXml(TRICKY_ROWS) }, { sharedStrings: SST, styles: STYLES, date1904: true }, true);
    const rows: SheetRow[] = [];
    openXlsx(stored).eachRow('S', (row) => {
      rows.push(row);
      return rows.length < 4;
    });
    expect(rows.map((r) => r.r)).toEqual([1, 2, 3, 4]);
    expect(rows[3]!.cells[0]).toEqual({ date: '1992-03-22' });
  });

  it('reads many rows across many pieces, each exactly once and in order', () => {
    const body = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>第${i + 1}行</t></is></c><c r="C${i + 1}"><v>${i * 7}</v></c></row>`).join('');
    const big = workbook({ S: sheetXml(body) });
    for (const inputChunk of [97, 4096]) {
      let n = 0;
      openXlsx(big).eachRow('S', (row) => {
        n++;
        expect(row).toEqual({ r: n, cells: [`第${n}行`, undefined, (n - 1) * 7] });
      }, inputChunk);
      expect(n).toBe(3000);
    }
  });

  it('refuses what is not a workbook, and a damaged sheet, as XlsxError', () => {
    expect(() => openXlsx(Buffer.from('not a zip at all, just text'))).toThrow(XlsxError);
    const good = workbook({ S: sheetXml(TRICKY_ROWS) }, { sharedStrings: SST });
    // Damage the sheet's deflated data (its local entry comes first under that name).
    const at = good.indexOf(Buffer.from('xl/worksheets/sheet1.xml')) + 'xl/worksheets/sheet1.xml'.length;
    const bad = Buffer.from(good);
    bad[at] = 0xff; // the first block header: BTYPE 11, which deflate reserves
    expect(() => openXlsx(bad).eachRow('S', () => {})).toThrow(XlsxError);
  });

  it('inflates in pieces exactly what inflateRawSync gives at once', () => {
    const data = Buffer.from(Array.from({ length: 40_000 }, (_, i) => `<c r="A${i}"><v>${(i * 7919) % 1000}</v></c>`).join(''));
    const deflated = deflateRawSync(data);
    expect(inflateRawSync(deflated).equals(data)).toBe(true);
    for (const [input, window] of [[1, 4096], [333, 1000], [1 << 20, 4096]] as const) {
      expect(Buffer.concat([...inflateChunks(deflated, input, window)]).equals(data), `${input}/${window}`).toBe(true);
    }
    expect(() => [...inflateChunks(deflated.subarray(0, deflated.length >> 1))]).toThrow();
  });
});
