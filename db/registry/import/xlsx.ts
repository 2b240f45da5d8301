/**
 * A lean .xlsx reader: cell values of every worksheet, as text, numbers, booleans or dates.
 *
 * Why not exceljs here: on the office's machines exceljs reads a 50,000-member roster in about
 * 20 s (its streaming reader in 15 s), far from the 20,000 rows/s the import aims at. Rosters are
 * plain tables, so reading the sheet XML directly is enough and several times faster. exceljs
 * still writes the template and the exports.
 *
 * A sheet is read as it is inflated, a piece at a time, straight from its bytes (sheetScan.ts):
 * a county's roster is hundreds of megabytes of XML (beyond V8's longest string at a million
 * members), and the rows are handed to the caller one by one. The small parts (workbook, shared
 * strings, styles) are read whole.
 */
import { isAscii } from 'node:buffer';
import { readZip, ZipError, type ZipEntry } from './zip';
import { InflateError } from './inflate';
import { SheetScanner, type OnRow, type ScanContext } from './sheetScan';
import { attr, decode } from './xmlText';
import { readSharedStrings } from './sharedStrings';

export { serialToIso } from './sheetScan';

/** A date cell, as YYYY-MM-DD. */
export interface DateCell {
  date: string;
}
export type Cell = string | number | boolean | DateCell | undefined;

export interface SheetRow {
  /** Row number as Excel shows it (1-based). */
  r: number;
  cells: Cell[];
}

export interface Sheet {
  name: string;
  rows: SheetRow[];
}

/** A sheet's rows handed to `onRow` in order, as the sheet is read; `onRow` returning false stops it. */
export type EachRow = (onRow: OnRow) => void;
export type { OnRow } from './sheetScan';

export class XlsxError extends Error {}

export const isDateCell = (c: Cell): c is DateCell => typeof c === 'object' && c !== null && 'date' in c;

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[yd]/i.test(bare) || /年|月|日/.test(code);
}

/** Which style indexes (the `s` attribute of a cell) format a number as a date. */
function dateStyles(xml: string | undefined): Set<number> {
  const out = new Set<number>();
  if (!xml) return out;
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const id = attr(m[1]!, 'numFmtId');
    const code = attr(m[1]!, 'formatCode');
    if (id && code) custom.set(Number(id), decode(code));
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  let index = 0;
  for (const m of xfs.matchAll(/<xf\b([^>]*?)(?:\/>|>[\s\S]*?<\/xf>)/g)) {
    const fmt = Number(attr(m[1]!, 'numFmtId') ?? 0);
    if (BUILTIN_DATE_FORMATS.has(fmt) || (custom.has(fmt) && isDateFormat(custom.get(fmt)!))) out.add(index);
    index++;
  }
  return out;
}

export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function resolveTarget(target: string): string {
  const t = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  return t.replace(/\/[^/]+\/\.\.\//g, '/');
}

export interface Workbook {
  /** Worksheet names, in tab order. */
  sheets: string[];
  /**
   * Hands the rows of sheet `name` to `onRow` in order, reading the sheet as it is inflated,
   * `inputChunk` compressed bytes a step (tests make it small to cut rows across pieces).
   * `onRow` returning false stops the reading.
   */
  eachRow(name: string, onRow: OnRow, inputChunk?: number): void;
}

/** Opens the workbook: its sheet list, shared strings and date styles; sheets are read on demand. */
export function openXlsx(buf: Buffer): Workbook {
  let zip: Map<string, ZipEntry>;
  try {
    zip = readZip(buf);
  } catch (err) {
    if (err instanceof ZipError) throw new XlsxError('not an .xlsx file');
    throw err;
  }
  const text = (name: string) => {
    const bytes = guard(() => zip.get(name)?.bytes());
    // Plain ASCII reads as Latin-1 into the same text, faster and in a one-byte string.
    return bytes && (isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8'));
  };
  const workbook = text('xl/workbook.xml');
  if (!workbook) throw new XlsxError('not an .xlsx file');
  const rels = new Map<string, string>();
  for (const m of (text('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1]!, 'Id');
    const target = attr(m[1]!, 'Target');
    if (id && target) rels.set(id, resolveTarget(target));
  }
  const ctx: ScanContext = {
    strings: readSharedStrings(guard(() => zip.get('xl/sharedStrings.xml')?.bytes())),
    dates: dateStyles(text('xl/styles.xml')),
    date1904: /date1904="(1|true)"/.test(workbook),
  };
  const entries = new Map<string, ZipEntry>();
  for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const target = rels.get(attr(m[1]!, 'r:id') ?? '');
    const entry = target ? zip.get(target) : undefined;
    if (entry) entries.set(decode(attr(m[1]!, 'name') ?? ''), entry);
  }
  return {
    sheets: [...entries.keys()],
    eachRow(name, onRow, inputChunk) {
      const entry = entries.get(name);
      if (!entry) return;
      const scanner = new SheetScanner(ctx, onRow);
      guard(() => {
        for (const piece of entry.chunks(inputChunk)) {
          scanner.push(piece);
          if (scanner.done) break;
        }
      });
      scanner.end();
    },
  };
}

/** A damaged entry (bad deflate data, a broken local header) is a damaged workbook. */
function guard<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof InflateError || err instanceof ZipError || (err as { code?: string }).code?.startsWith('Z_')) throw new XlsxError('damaged .xlsx file');
    throw err;
  }
}

/** Every worksheet of the workbook with all its rows, in tab order (for small files). */
export function readXlsx(buf: Buffer): Sheet[] {
  const book = openXlsx(buf);
  return book.sheets.map((name) => {
    const rows: SheetRow[] = [];
    book.eachRow(name, (row) => {
      rows.push(row);
    });
    return { name, rows };
  });
}
