/**
 * Finds the table in a real export: the header row (title lines above it are skipped) is the row
 * among the first 30 whose cells name the most known columns; below it, blank lines, repeated
 * headers, total lines (合计/总计/小计) and signature footers (制表人 …) are not data.
 */
import { COLUMN_BY_KEY, COLUMNS, matchHeader, type ColumnKey } from './columns';
import { cellText } from './cells';
import { columnLetter, type SheetRow, type Workbook } from './xlsx';

export interface ColumnMapping {
  /** 0-based column index in the sheet. */
  column: number;
  field: ColumnKey;
}

/** What the user may fix in the mapping step; anything left out is detected. */
export interface ImportLayout {
  sheet?: string;
  headerRow?: number;
  columns?: ColumnMapping[];
}

export interface SheetColumn {
  column: number;
  letter: string;
  header: string;
  field: ColumnKey | null;
}

export interface ResolvedLayout {
  sheets: string[];
  sheet: string;
  /** Null when no row looks like a header; the user must pick one. */
  headerRow: number | null;
  columns: SheetColumn[];
  /** Required columns (or a village column) that nothing maps to. */
  missing: ColumnKey[];
}

const HEADER_SCAN_ROWS = 30;
const MIN_HEADER_MATCHES = 3;

function headerMatches(row: SheetRow): number {
  const seen = new Set<ColumnKey>();
  for (const c of row.cells) {
    const key = typeof c === 'string' ? matchHeader(c) : null;
    if (key) seen.add(key);
  }
  return seen.size;
}

export function findHeaderRow(rows: readonly SheetRow[]): SheetRow | null {
  let best: SheetRow | null = null;
  let bestCount = MIN_HEADER_MATCHES - 1;
  for (const row of rows.slice(0, HEADER_SCAN_ROWS)) {
    const n = headerMatches(row);
    if (n > bestCount) {
      best = row;
      bestCount = n;
    }
  }
  return best;
}

function sheetColumns(header: SheetRow | undefined, mapping: ColumnMapping[] | undefined): SheetColumn[] {
  const cells = header?.cells ?? [];
  const width = Math.max(cells.length, ...(mapping ?? []).map((m) => m.column + 1));
  const out: SheetColumn[] = [];
  const taken = new Set<ColumnKey>();
  for (let column = 0; column < width; column++) {
    const text = cellText(cells[column]);
    let field: ColumnKey | null;
    if (mapping) field = mapping.find((m) => m.column === column)?.field ?? null;
    else {
      field = text ? matchHeader(text) : null;
      // Two columns with the same meaning: the first one wins, the user may remap.
      if (field && taken.has(field)) field = null;
    }
    if (field) taken.add(field);
    if (text || field) out.push({ column, letter: columnLetter(column), header: text.replace(/\s+/g, ' '), field });
  }
  return out;
}

function missingColumns(columns: SheetColumn[]): ColumnKey[] {
  const mapped = new Set(columns.map((c) => c.field));
  const missing = COLUMNS.filter((c) => 'required' in c && c.required && !mapped.has(c.key)).map((c) => c.key as ColumnKey);
  if (!mapped.has('village') && !mapped.has('villageCode')) missing.push('village');
  return missing;
}

/**
 * The first rows of a sheet: the 30 where a header is looked for, and on to `headerRow` when the
 * user named one further down. Only this much of the sheet is inflated.
 */
function headRows(book: Workbook, name: string, headerRow: number | undefined): SheetRow[] {
  const rows: SheetRow[] = [];
  book.eachRow(name, (row) => {
    rows.push(row);
    return rows.length < HEADER_SCAN_ROWS || (headerRow !== undefined && row.r < headerRow);
  });
  return rows;
}

export function resolveLayout(book: Workbook, layout: ImportLayout): { sheet: string | null; resolved: ResolvedLayout } {
  const names = book.sheets;
  let sheet: string | null = null;
  let head: SheetRow[] = [];
  if (layout.sheet && names.includes(layout.sheet)) {
    sheet = layout.sheet;
    head = headRows(book, sheet, layout.headerRow);
  } else {
    for (const name of names) {
      const rows = headRows(book, name, layout.headerRow);
      if (findHeaderRow(rows)) {
        sheet = name;
        head = rows;
        break;
      }
    }
    if (sheet === null && names.length) {
      sheet = names[0]!;
      head = headRows(book, sheet, layout.headerRow);
    }
  }
  const header = layout.headerRow ? head.find((r) => r.r === layout.headerRow) : findHeaderRow(head) ?? undefined;
  const headerRow = layout.headerRow ?? header?.r ?? null;
  const columns = headerRow === null && !layout.columns ? [] : sheetColumns(header, layout.columns);
  return { sheet, resolved: { sheets: names, sheet: sheet ?? '', headerRow, columns, missing: missingColumns(columns) } };
}

const NOT_DATA = /^(合计|总计|小计|共计|总数|total|sum|填表|制表|填报|审核|负责人|联系人|注[:：]|说明|备注[:：])/i;

export type RowKind = 'data' | 'blank' | 'total' | 'header';

/**
 * Whether a row below the header holds a member, or is a blank, total, footer or repeated header
 * line. Only a row WITHOUT an ID number whose leftmost text starts like a total or a footer is
 * left out, so a member row with a missing ID is still reported, never silently skipped.
 */
export function rowKind(row: SheetRow, columns: readonly SheetColumn[], idColumn: number | undefined): RowKind {
  const leftmost = row.cells.find((c) => cellText(c) !== '');
  if (leftmost === undefined) return 'blank';
  const id = idColumn === undefined ? '' : cellText(row.cells[idColumn]);
  // A header repeated on every printed page: the ID column holds the ID column's own header.
  if (id && !/^[\d０-９]/.test(id) && matchHeader(id) === 'idNumber') {
    let headerLike = 0;
    for (const col of columns) if (col.header && cellText(row.cells[col.column]).replace(/\s+/g, ' ') === col.header) headerLike++;
    if (headerLike >= MIN_HEADER_MATCHES) return 'header';
  }
  if (!id && NOT_DATA.test(cellText(leftmost).replace(/\s+/g, ''))) return 'total';
  return 'data';
}

/** The field's name for a problem that has no column in the sheet. */
export const fieldName = (key: ColumnKey) => {
  const c = COLUMN_BY_KEY.get(key)!;
  return `${c.zh} ${c.en}`;
};
