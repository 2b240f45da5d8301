/**
 * Reads the rows of a worksheet's XML straight from its bytes, piece by piece as the entry is
 * inflated: byte offsets, no string of the whole sheet. Only what a cell needs is decoded — a
 * shared-string index or a whole number is read digit by digit, text cells (inline strings,
 * formula strings) are decoded as UTF-8 one cell at a time. A row cut by the end of a piece is
 * carried over and read with the next one.
 */
import type { Cell, SheetRow } from './xlsx';
import { decode, textOf } from './xmlText';

export interface ScanContext {
  strings: readonly string[];
  dates: ReadonlySet<number>;
  date1904: boolean;
}

/** Return false to stop reading the sheet. */
export type OnRow = (row: SheetRow) => boolean | void;

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const QUOTE = 34;
const EQ = 61;

const SHEET_DATA = Buffer.from('<sheetData');
const SHEET_DATA_END = Buffer.from('</sheetData>');
const ROW = Buffer.from('<row');
const ROW_END = Buffer.from('</row>');
const CELL_END = Buffer.from('</c>');

// Cell types, from the `t` attribute.
const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;
const T_DATE = 6;

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** The cell type named by the `t` value starting at `at`. */
function typeAt(b: Buffer, at: number): number {
  switch (b[at]) {
    case 115: // s, str
      return b[at + 1] === QUOTE ? T_SHARED : T_STR;
    case 105: // inlineStr
      return T_INLINE;
    case 98: // b
      return T_BOOL;
    case 101: // e
      return T_ERROR;
    case 100: // d
      return T_DATE;
    default:
      return T_NUMBER;
  }
}

/** A whole number of at most 15 digits written plainly, read in place; NaN for anything else. */
function plainInteger(b: Buffer, from: number, to: number): number {
  let i = from;
  const negative = b[i] === 45;
  if (negative) i++;
  if (i === to || to - i > 15) return NaN;
  let n = 0;
  for (; i < to; i++) {
    const d = b[i]! - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return negative ? -n : n;
}

const DAY_MS = 86_400_000;

/** An Excel serial day number as YYYY-MM-DD (1900 system, or 1904 when the workbook says so). */
export function serialToIso(serial: number, date1904 = false): string {
  const days = Math.floor(serial);
  const base = date1904 ? Date.UTC(1904, 0, 1) : days < 61 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(base + days * DAY_MS).toISOString().slice(0, 10);
}

export class SheetScanner {
  private carry: Buffer | null = null;
  private started = false;
  private finished = false;
  private nextRow = 1;

  constructor(private readonly ctx: ScanContext, private readonly onRow: OnRow) {}

  /** Whether the sheet's rows are all read (its end was seen, or the reader asked to stop). */
  get done(): boolean {
    return this.finished;
  }

  /** Reads every complete row in `piece` (after what was carried over); keeps an incomplete tail. */
  push(piece: Buffer): void {
    if (this.finished) return;
    const b = this.carry ? Buffer.concat([this.carry, piece]) : piece;
    this.carry = null;
    let p = 0;
    if (!this.started) {
      const at = b.indexOf(SHEET_DATA);
      if (at < 0) {
        // Keep enough of the tail for a '<sheetData' cut in two.
        this.carry = b.subarray(Math.max(0, b.length - SHEET_DATA.length));
        return;
      }
      const tagEnd = b.indexOf(GT, at);
      if (tagEnd < 0) {
        this.carry = b.subarray(at);
        return;
      }
      this.started = true;
      if (b[tagEnd - 1] === SLASH) {
        this.finished = true;
        return;
      }
      p = tagEnd + 1;
    }
    const dataEnd = b.indexOf(SHEET_DATA_END, p);
    const stop = dataEnd < 0 ? b.length : dataEnd;
    const rest = this.rows(b, p, stop);
    if (this.finished) return;
    if (dataEnd >= 0 && rest >= dataEnd) this.finished = true;
    // What is left may hold the start of a row, or of '</sheetData>': read it again with the next piece.
    else if (rest < b.length) this.carry = Buffer.from(b.subarray(dataEnd < 0 ? rest : Math.min(rest, dataEnd)));
  }

  /** No more pieces: whatever was carried over is not a complete row. */
  end(): void {
    this.carry = null;
    this.finished = true;
  }

  /** Reads the complete rows in [p, stop); returns where the first incomplete one starts (or stop). */
  private rows(b: Buffer, p: number, stop: number): number {
    for (;;) {
      const i = b.indexOf(ROW, p);
      // No further row: the tail may still hold the start of one, unless the sheet's data ends here.
      if (i < 0 || i >= stop) return stop < b.length ? stop : Math.max(p, stop - SHEET_DATA_END.length);
      const after = b[i + 4];
      if (after === undefined) return i;
      if (after !== GT && after !== SLASH && !isSpace(after)) {
        p = i + 4;
        continue;
      }
      const tagEnd = b.indexOf(GT, i);
      if (tagEnd < 0 || tagEnd >= stop) return i;
      const selfClosing = b[tagEnd - 1] === SLASH;
      let r = this.nextRow;
      for (let q = i + 4; q < tagEnd; q++) {
        if (b[q] === 114 && isSpace(b[q - 1]!) && b[q + 1] === EQ && b[q + 2] === QUOTE) {
          r = 0;
          for (let d = q + 3; b[d]! >= 48 && b[d]! <= 57; d++) r = r * 10 + (b[d]! - 48);
          break;
        }
      }
      const row: SheetRow = { r, cells: [] };
      if (selfClosing) p = tagEnd + 1;
      else {
        const rowEnd = this.cells(b, tagEnd + 1, stop, row.cells);
        if (rowEnd < 0) return i;
        p = rowEnd + ROW_END.length;
      }
      this.nextRow = r + 1;
      if (this.onRow(row) === false) {
        this.finished = true;
        return p;
      }
    }
  }

  /**
   * The cells of one row, from `p` (after its start tag) to its '</row>', whose position it
   * returns; -1 when the row does not end before `end` (the rest comes with the next piece).
   */
  private cells(b: Buffer, p: number, end: number, cells: Cell[]): number {
    let nextCol = 0;
    for (;;) {
      while (p < end && b[p] !== LT) p++;
      if (p + 5 >= end) return -1;
      const second = b[p + 1]!;
      if (second === SLASH && b[p + 2] === 114 && b[p + 3] === 111 && b[p + 4] === 119 && b[p + 5] === GT) return p;
      const after = b[p + 2]!;
      if (second !== 99 || (after !== GT && after !== SLASH && !isSpace(after))) {
        p++;
        continue;
      }
      // <c …>: the attributes r (column), t (type), s (style).
      let col = -1;
      let type = T_NUMBER;
      let style = -1;
      let q = p + 2;
      for (; q < end && b[q] !== GT; q++) {
        if (!isSpace(b[q - 1]!) || b[q + 1] !== EQ || b[q + 2] !== QUOTE) continue;
        const name = b[q]!;
        const v = q + 3;
        if (name === 114) {
          col = 0;
          for (let k = v; b[k]! >= 65 && b[k]! <= 90; k++) col = col * 26 + (b[k]! - 64);
          col--;
        } else if (name === 116) type = typeAt(b, v);
        else if (name === 115) {
          style = 0;
          for (let k = v; b[k]! >= 48 && b[k]! <= 57; k++) style = style * 10 + (b[k]! - 48);
        }
        q = v;
        while (q < end && b[q] !== QUOTE) q++;
        if (q >= end) return -1;
      }
      if (q >= end) return -1;
      const tagEnd = q;
      if (col < 0) col = nextCol;
      nextCol = col + 1;
      if (b[tagEnd - 1] === SLASH) {
        p = tagEnd + 1;
        continue;
      }
      // The body runs to '</c>'.
      let close = tagEnd + 1;
      for (;;) {
        while (close < end && b[close] !== LT) close++;
        if (close + 3 >= end) return -1;
        if (b[close + 1] === SLASH && b[close + 2] === 99 && b[close + 3] === GT) break;
        close++;
      }
      const value = this.value(b, tagEnd + 1, close, type, style);
      if (value !== undefined && value !== '') cells[col] = value;
      p = close + CELL_END.length;
    }
  }

  /** A cell's value from its body [from, to). */
  private value(b: Buffer, from: number, to: number, type: number, style: number): Cell {
    if (type === T_INLINE) return to > from ? textOf(b.toString('utf8', from, to)) : undefined;
    // The <v> element: skip a formula (<f>…</f>) or anything else before it.
    let v = from;
    for (;;) {
      while (v < to && b[v] !== LT) v++;
      if (v >= to) return undefined;
      if (b[v + 1] === 118 && (b[v + 2] === GT || isSpace(b[v + 2]!))) break;
      v++;
    }
    let start = v + 2;
    while (start < to && b[start] !== GT) start++;
    if (start >= to || b[start - 1] === SLASH) return undefined;
    start++;
    let stop = start;
    while (stop < to && b[stop] !== LT) stop++;
    if (stop === start) return undefined;
    switch (type) {
      case T_SHARED:
        return this.ctx.strings[plainInteger(b, start, stop)];
      case T_STR:
      case T_ERROR:
        return decode(b.toString('utf8', start, stop));
      case T_BOOL:
        return b[start] === 49;
      case T_DATE:
        return { date: b.toString('latin1', start, Math.min(stop, start + 10)) };
      default: {
        let n = plainInteger(b, start, stop);
        if (Number.isNaN(n)) n = Number(b.toString('latin1', start, stop));
        if (style >= 0 && this.ctx.dates.has(style) && Number.isFinite(n)) return { date: serialToIso(n, this.ctx.date1904) };
        return n;
      }
    }
  }
}
