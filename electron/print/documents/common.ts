/**
 * Shared building blocks of the printed documents: sizes per layout, formatting, and the pdfmake
 * nodes every document uses (header with QR code, bordered tables, signature lines, footer).
 */
import type { Content, CustomTableLayout, TableCell } from 'pdfmake/interfaces';
import type { DocType, Layout } from '../types';
import type { Labels } from '../labels';
import { fitsOneLine, oneLine } from './textFit';
import { qrCode } from './qrCode';

/** PDF points per millimetre. */
export const MM = 72 / 25.4;

export const A4 = { width: 595.28, height: 841.89 } as const;

/** Margins (left, top, right, bottom) of an A4 page. */
export const A4_MARGINS: [number, number, number, number] = [50, 46, 50, 46];

/**
 * Card geometry on an A4 sheet (2×2): 5 mm outer margin, 6 mm gutter for the cut marks,
 * cards of 97 × 140.5 mm (about A6), content inset 5.5 mm from the card edge.
 */
export const CARD = {
  width: 97 * MM,
  height: 140.5 * MM,
  margin: 5 * MM,
  gutter: 6 * MM,
  padding: 5.5 * MM,
} as const;

export const COLORS = {
  title: '#a8171c',
  text: '#111111',
  muted: '#555555',
  line: '#444444',
  fill: '#eeeeee',
} as const;

export interface Metrics {
  layout: Layout;
  /** usable content width in pt */
  width: number;
  base: number;
  small: number;
  heading: number;
  title: number;
  subtitle: number;
  qr: number;
  padX: number;
  padY: number;
  lineWidth: number;
  /** multiplier of the font's own line height (Noto Sans SC: 1.45 em) */
  lineHeight: number;
  sectionGap: number;
  signatureGap: number;
}

/**
 * Sizes for a layout. `density: 'dense'` is for the assistance card, which has the most to say;
 * the other cards use slightly larger type on a card.
 */
export function metrics(layout: Layout, density: 'dense' | 'normal' = 'normal'): Metrics {
  if (layout === 'cards') {
    const k = density === 'dense' ? 1 : 1.12;
    return {
      layout,
      width: CARD.width - 2 * CARD.padding,
      base: 6.2 * k,
      small: 5.2 * k,
      heading: 6.8 * k,
      title: 12 * k,
      subtitle: 6 * k,
      qr: 40,
      padX: 2,
      padY: 0.25,
      lineWidth: 0.4,
      lineHeight: 0.9,
      sectionGap: 2.5,
      signatureGap: 6,
    };
  }
  // The assistance card has the most to say: slightly tighter gaps keep a full card on one A4 page.
  const dense = density === 'dense';
  return {
    layout,
    width: A4.width - A4_MARGINS[0] - A4_MARGINS[2],
    base: 9.5,
    small: 7.5,
    heading: 11,
    title: 22,
    subtitle: 10.5,
    // pdfmake draws QR modules a whole number of points wide: 72 gives the 66 pt code.
    qr: 72,
    padX: 5,
    padY: dense ? 1.6 : 2.2,
    lineWidth: 0.6,
    lineHeight: 1,
    sectionGap: dense ? 6.5 : 10,
    signatureGap: dense ? 14 : 26,
  };
}

/**
 * On a card every line counts: a free text that would take more than `lines` lines of a column
 * `widthPt` wide is cut with "…" (estimate: CJK ≈ 1 em, Latin ≈ 0.55 em, 10 % slack for word
 * wrapping). A4 prints show texts in full.
 */
export function clip(m: Metrics, text: string, widthPt: number, lines = 1, fontSize = m.base): string {
  if (m.layout !== 'cards') return text;
  const maxEm = (widthPt / fontSize) * lines * 0.9;
  let em = 0;
  let out = '';
  for (const ch of text) {
    em += /[\u2E80-\uFFEF]/.test(ch) ? 1 : 0.55;
    if (em > maxEm - 1) return `${out.trimEnd()}…`;
    out += ch;
  }
  return text;
}

/** Width left for the `*` column of a bordered table whose other columns are `fixed` pt wide. */
export function starWidth(m: Metrics, fixed: number[], totalWidth = m.width): number {
  const columns = fixed.length + 1;
  return totalWidth - fixed.reduce((a, b) => a + b, 0) - columns * 2 * m.padX - (columns + 1) * m.lineWidth;
}

// ---------------------------------------------------------------------------------------------
// Formatting (only at the edge: the view models carry integer fen and ISO strings)

// Money is integer fen everywhere; the ledger's own rules format it ("1,234.56") and add it up
// exactly (BigInt), so a card shows exactly what the accounts hold.
export { formatFen, sumFen } from '../../../db/rules/money';

/** "2024-05-06T08:30:00+08:00" → "2024-05-06 08:30" as written (the office's wall-clock time). */
export function formatDateTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(iso);
  if (!m) return iso;
  return m[2] ? `${m[1]} ${m[2]}` : (m[1] ?? iso);
}

export function formatNumber(n: number, maxDecimals = 4): string {
  if (!Number.isFinite(n)) throw new RangeError(`Not a finite number: ${String(n)}`);
  return Number(n.toFixed(maxDecimals)).toString();
}

/** Text of the QR code of a printed document: `CL|<docType>|<archiveNo or certificateNo>|<serial>`. */
export function qrPayload(docType: DocType, id: string, serial: string): string {
  for (const [name, value] of [
    ['id', id],
    ['serial', serial],
  ] as const) {
    if (value.includes('|') || /[\r\n]/.test(value)) {
      throw new Error(`Cannot print ${docType}: ${name} "${value}" must not contain "|" or line breaks`);
    }
  }
  if (!serial.trim()) throw new Error(`Cannot print ${docType}: the print serial is empty`);
  return `CL|${docType}|${id}|${serial}`;
}

// ---------------------------------------------------------------------------------------------
// Nodes

export function gridLayout(m: Metrics): CustomTableLayout {
  return {
    hLineWidth: () => m.lineWidth,
    vLineWidth: () => m.lineWidth,
    hLineColor: () => COLORS.line,
    vLineColor: () => COLORS.line,
    paddingLeft: () => m.padX,
    paddingRight: () => m.padX,
    paddingTop: () => m.padY,
    paddingBottom: () => m.padY,
  };
}

/** Header: title centred, QR code with the serial on the right, a double rule below. */
export function docHeader(
  m: Metrics,
  opts: { title: string; subtitle?: string; qr: string; serial: string; l: Labels },
): Content {
  const side = m.qr + 6;
  const titleStack: Content[] = [
    {
      text: opts.title,
      bold: true,
      fontSize: m.title,
      color: COLORS.title,
      alignment: 'center',
      // Letter-spaced titles are a Chinese convention; Latin titles stay as they are.
      characterSpacing: /[\u4E00-\u9FFF]/.test(opts.title) ? (m.layout === 'cards' ? 1 : 3) : 0,
    },
  ];
  if (opts.subtitle) {
    titleStack.push({ text: opts.subtitle, fontSize: m.subtitle, alignment: 'center', margin: [0, 1, 0, 0], ...oneLine(opts.subtitle, m.width - 2 * side, m.subtitle) });
  }
  return {
    stack: [
      {
        columns: [
          { width: side, text: '' },
          { width: '*', stack: titleStack, margin: [0, m.layout === 'cards' ? 5 : 12, 0, 0] },
          {
            width: side,
            stack: [
              qrCode(opts.qr, m.qr, { alignment: 'right', margin: [0, 0, 0, 0] }),
              { text: opts.serial, fontSize: m.small, alignment: 'right', margin: [0, 1, 0, 0], ...oneLine(opts.serial, side, m.small) },
            ],
          },
        ],
        columnGap: 0,
      },
      rule(m, 3),
    ],
  };
}

/** Thick-thin double rule across the content width. */
export function rule(m: Metrics, top = 0): Content {
  const thick = m.layout === 'cards' ? 1.1 : 1.8;
  return {
    canvas: [
      { type: 'line', x1: 0, y1: 0, x2: m.width, y2: 0, lineWidth: thick, lineColor: COLORS.title },
      { type: 'line', x1: 0, y1: thick + 1.2, x2: m.width, y2: thick + 1.2, lineWidth: 0.5, lineColor: COLORS.title },
    ],
    margin: [0, top, 0, 2],
  };
}

/**
 * A heading and its table. On A4 a short section is kept together on one page; a long one may break
 * (pdfmake drops whatever does not fit the first page of an unbreakable block, so never mark a
 * block unbreakable that could be longer than a page).
 */
export function section(m: Metrics, title: string, body: Content, rows: number): Content {
  return { stack: [sectionTitle(m, title), body], unbreakable: m.layout === 'a4' && rows <= 12 };
}

export function sectionTitle(m: Metrics, text: string): Content {
  return { text, bold: true, fontSize: m.heading, margin: [0, m.sectionGap, 0, m.layout === 'cards' ? 0.8 : 4], ...oneLine(text, m.width, m.heading) };
}

/** `width`: the cell's content width when known (then a text that surely fits is kept one inline). */
export function labelCell(m: Metrics, text: string, extra: Partial<Record<'colSpan', number>> = {}, width?: number): TableCell {
  return { text, fillColor: COLORS.fill, fontSize: m.base, ...extra, ...oneLine(text, width, m.base) };
}

export function valueCell(m: Metrics, text: string, extra: Partial<Record<'colSpan', number>> = {}, width?: number): TableCell {
  const shown = text === '' ? ' ' : text;
  return { text: shown, fontSize: m.base, ...extra, ...oneLine(shown, width, m.base) };
}

/**
 * Label/value grid in four columns. A row with one pair spans its value over the remaining columns.
 * Label columns are as wide as the longest label (so labels never wrap), at least `minLabelWidth`.
 */
export function fieldGrid(
  m: Metrics,
  rows: Array<[string, string] | [string, string, string, string]>,
  minLabelWidth = m.layout === 'cards' ? 40 : 92,
): Content {
  const labels = rows.flatMap((r) => (r.length === 2 ? [r[0]] : [r[0], r[2]]));
  const longest = Math.max(...labels.map(emWidth)) * m.base * 1.03 + 1;
  // Two pairs per row leave less room for a label than one pair per row.
  const paired = rows.some((r) => r.length === 4);
  const lw = Math.min(Math.max(minLabelWidth, longest), m.width * (paired ? 0.3 : 0.42));
  // Content width of each '*' column (two of them); a spanned value has at least lw + 2 stars.
  const star = (m.width - 2 * lw - 4 * 2 * m.padX - 5 * m.lineWidth) / 2;
  const body: TableCell[][] = rows.map((r) => {
    if (r.length === 2) {
      return [labelCell(m, r[0], {}, lw), valueCell(m, r[1], { colSpan: 3 }, lw + 2 * star), '', ''];
    }
    return [labelCell(m, r[0], {}, lw), valueCell(m, r[1], {}, star), labelCell(m, r[2], {}, lw), valueCell(m, r[3], {}, star)];
  });
  return {
    table: { widths: [lw, '*', lw, '*'], body, dontBreakRows: true },
    layout: gridLayout(m),
  };
}

export interface Column {
  header: string;
  width: number | '*' | 'auto';
  align?: 'left' | 'right' | 'center';
}

/**
 * Content width of each column of a table `totalWidth` wide (gridLayout paddings and lines), or
 * undefined for every column when some column is 'auto' (its width depends on its cells).
 */
function columnWidths(m: Metrics, columns: Column[], totalWidth = m.width): (number | undefined)[] {
  if (columns.some((c) => c.width === 'auto')) return columns.map(() => undefined);
  const fixed = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 0), 0);
  const stars = columns.filter((c) => c.width === '*').length;
  const n = columns.length;
  const star = stars ? (totalWidth - fixed - n * 2 * m.padX - (n + 1) * m.lineWidth) / stars : 0;
  return columns.map((c) => (typeof c.width === 'number' ? c.width : star));
}

/**
 * Bordered table with a shaded header row that repeats on every page. `oneLine`: cells whose text
 * certainly fits their column (the table spans m.width) are kept one inline (fitsOneLine).
 */
export function dataTable(
  m: Metrics,
  columns: Column[],
  rows: TableCell[][],
  opts: { fontSize?: number; oneLine?: boolean } = {},
): Content {
  const fontSize = opts.fontSize ?? m.base;
  const widths = opts.oneLine ? columnWidths(m, columns) : columns.map(() => undefined);
  const header: TableCell[] = columns.map((c, i) => ({
    text: c.header,
    bold: true,
    fillColor: COLORS.fill,
    fontSize,
    alignment: 'center',
    ...oneLine(c.header, widths[i], fontSize),
  }));
  const body: TableCell[][] = rows.map((row) =>
    row.map((cell, i) => {
      const align = columns[i]?.align;
      if (typeof cell === 'string') {
        const text = cell === '' ? ' ' : cell;
        return { text, fontSize, ...(align ? { alignment: align } : {}), ...oneLine(text, widths[i], fontSize) };
      }
      if (opts.oneLine && typeof cell === 'object' && cell !== null && 'text' in cell && typeof cell.text === 'string' && !('noWrap' in cell) && !('colSpan' in cell && (cell.colSpan ?? 1) > 1)) {
        const size = typeof cell.fontSize === 'number' ? cell.fontSize : fontSize;
        if (!('characterSpacing' in cell) && fitsOneLine(cell.text, widths[i], size)) return { ...cell, noWrap: true };
      }
      return cell;
    }),
  );
  return {
    table: {
      headerRows: 1,
      // never leave a header row alone at the bottom of a page
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: columns.map((c) => c.width),
      body: [header, ...body],
    },
    layout: gridLayout(m),
  };
}

/**
 * A card has a fixed size: a list shows at most `cardMax` rows there, the last of them replaced by a
 * "… n more" row when the list is longer. A4 prints show every row.
 */
export function capRows<T>(m: Metrics, items: T[], cardMax: number): { shown: T[]; hidden: number } {
  const max = Math.max(2, cardMax);
  if (m.layout !== 'cards' || items.length <= max) return { shown: items, hidden: 0 };
  return { shown: items.slice(0, max - 1), hidden: items.length - (max - 1) };
}

export function moreRow(m: Metrics, l: Labels, hidden: number, span: number): TableCell[] {
  const row: TableCell[] = [{ text: l.common.moreRows(hidden), colSpan: span, fontSize: m.small, color: COLORS.muted, italics: false }];
  for (let i = 1; i < span; i++) row.push('');
  return row;
}

function emWidth(text: string): number {
  let em = 0;
  for (const ch of text) em += /[\u2E80-\uFFEF]/.test(ch) ? 1 : 0.55;
  return em;
}

function underline(m: Metrics): Content {
  return {
    table: { widths: ['*'], body: [[{ text: ' ', fontSize: m.base }]] },
    layout: {
      hLineWidth: (i: number) => (i === 1 ? m.lineWidth + 0.2 : 0),
      vLineWidth: () => 0,
      paddingLeft: () => 0,
      paddingRight: () => 0,
      paddingTop: () => 0,
      paddingBottom: () => 0,
    },
  };
}

/**
 * Signature lines at the bottom of a document. A4: the parties side by side, each with a date line
 * under the signature. Cards: one row per party (label, line, date) so that nothing wraps.
 */
export function signatures(m: Metrics, l: Labels, labels: string[]): Content {
  const colon = l.common.colon.trim();
  if (m.layout === 'cards') {
    const labelWidth = Math.max(...labels.map((x) => emWidth(x + colon))) * m.base + 2;
    return {
      stack: labels.map((label, i) => ({
        columns: [
          { width: labelWidth, text: `${label}${colon}`, fontSize: m.base, ...oneLine(`${label}${colon}`, labelWidth, m.base) },
          underline(m),
          { width: 'auto', text: l.common.dateLine, fontSize: m.base, ...oneLine(l.common.dateLine, (m.width - labelWidth) / 2, m.base) },
        ],
        columnGap: 4,
        margin: [0, i === 0 ? 0 : 5, 0, 0],
      })),
      margin: [0, m.signatureGap, 0, 0],
      unbreakable: true,
    };
  }
  // Each party's column is (m.width - 40) / 2 wide whether there are one or two of them.
  const half = (m.width - 40) / 2;
  const one = (label: string): Content => ({
    stack: [
      { columns: [{ width: 'auto', text: `${label}${colon}`, fontSize: m.base, ...oneLine(`${label}${colon}`, half / 2, m.base) }, underline(m)], columnGap: 3 },
      { text: l.common.dateLine, fontSize: m.base, margin: [0, 10, 0, 0], ...oneLine(l.common.dateLine, half, m.base) },
    ],
  });
  return {
    // A single signature takes the left half, like one of a pair.
    columns: [...labels.map(one), ...(labels.length === 1 ? [{ text: '' }] : [])],
    columnGap: 40,
    margin: [0, m.signatureGap, 0, 0],
    unbreakable: true,
  };
}

/** Small grey print line: serial, printed at, printed by. */
export function printLine(m: Metrics, l: Labels, serial: string, printedAt: string, printedBy?: string): Content {
  const sep = l.common.colon;
  const parts = [`${l.common.serial}${sep}${serial}`, `${l.common.printedAt}${sep}${formatDateTime(printedAt)}`];
  if (printedBy) parts.push(`${l.common.printedBy}${sep}${printedBy}`);
  const text = parts.join('    ');
  return {
    text,
    ...oneLine(text, m.width, m.small),
    fontSize: m.small,
    color: COLORS.muted,
    margin: [0, m.layout === 'cards' ? 2 : m.sectionGap + 4, 0, 0],
  };
}
