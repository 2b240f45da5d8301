/**
 * Reads a civil-affairs dibao roster (.xlsx, docs/DIBAO.md): finds the header row below any title
 * lines, maps the columns, and reads every person row. Rows that cannot be matched (bad ID number,
 * the same ID twice) are reported, never silently dropped; totals and signature lines are skipped.
 */
import { createHash } from 'node:crypto';
import type { DibaoClass } from '../../codes';
import { invalid } from '../../errors';
import { cellText, convert } from '../../registry/import/cells';
import { readXlsx, XlsxError, columnLetter, type Sheet, type SheetRow } from '../../registry/import/xlsx';
import { ROSTER_COLUMNS, matchRosterHeader, type RosterKey } from './columns';
import { parseAmount, parseClass, parseStart } from './cells';

export interface RosterRow {
  /** Row number as the spreadsheet shows it. */
  row: number;
  name: string;
  idNumber: string;
  dibaoClass: DibaoClass | null;
  monthlyFen: number | null;
  startDate: string | null;
}

export interface RosterProblem {
  row: number;
  field: RosterKey;
  en: string;
  zh: string;
}

export interface RosterLayout {
  sheets: string[];
  sheet: string;
  headerRow: number | null;
  columns: { key: RosterKey; column: number; letter: string; header: string }[];
  missing: RosterKey[];
}

export interface Roster {
  fileName: string;
  sha256: string;
  layout: RosterLayout;
  rows: RosterRow[];
  problems: RosterProblem[];
  skipped: number;
}

const HEADER_SCAN_ROWS = 30;
const NOT_DATA = /^(合计|总计|小计|共计|总数|total|sum|填表|制表|填报|审核|负责人|联系人|注[:：]|说明|备注[:：])/i;

function headerColumns(row: SheetRow): Map<RosterKey, number> {
  const out = new Map<RosterKey, number>();
  row.cells.forEach((c, i) => {
    const key = typeof c === 'string' ? matchRosterHeader(c) : null;
    if (key && !out.has(key)) out.set(key, i);
  });
  return out;
}

/** The row among the first 30 naming the most roster columns (at least name and ID number). */
function findHeader(sheet: Sheet): { row: SheetRow; columns: Map<RosterKey, number> } | null {
  let best: { row: SheetRow; columns: Map<RosterKey, number> } | null = null;
  for (const row of sheet.rows.slice(0, HEADER_SCAN_ROWS)) {
    const columns = headerColumns(row);
    if (!columns.has('name') || !columns.has('idNumber')) continue;
    if (!best || columns.size > best.columns.size) best = { row, columns };
  }
  return best;
}

function load(base64: string): Sheet[] {
  const buf = Buffer.from(base64, 'base64');
  if (buf.subarray(0, 4).toString('hex') === 'd0cf11e0') {
    invalid('fileName', 'This is an old-style .xls file; save it as .xlsx (Excel Workbook) and import that', '这是旧版 .xls 文件，请另存为 .xlsx（Excel 工作簿）后再导入');
  }
  try {
    return readXlsx(buf);
  } catch (err) {
    if (err instanceof XlsxError) invalid('fileName', 'The file is not an .xlsx workbook or is damaged', '该文件不是 .xlsx 工作簿或已损坏');
    throw err;
  }
}

export function readRoster(fileName: string, base64: string, sheetName?: string): Roster {
  const sheets = load(base64);
  const sha256 = createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex');
  const candidates = sheetName ? sheets.filter((s) => s.name === sheetName) : sheets;
  let sheet = candidates[0] ?? null;
  let header = null as ReturnType<typeof findHeader>;
  for (const s of candidates) {
    header = findHeader(s);
    if (header) {
      sheet = s;
      break;
    }
  }
  const columns = header ? [...header.columns].map(([key, column]) => ({ key, column, letter: columnLetter(column), header: cellText(header!.row.cells[column]).replace(/\s+/g, ' ') })) : [];
  const layout: RosterLayout = {
    sheets: sheets.map((s) => s.name), sheet: sheet?.name ?? '', headerRow: header?.row.r ?? null, columns,
    missing: ROSTER_COLUMNS.filter((c) => !header?.columns.has(c.key)).map((c) => c.key),
  };
  const roster: Roster = { fileName, sha256, layout, rows: [], problems: [], skipped: 0 };
  if (!sheet || !header) {
    invalid('fileName', 'No header row with a name and an ID number column was found in the first 30 rows', '前 30 行中找不到含“姓名”和“身份证号码”列的表头行');
  }
  const col = header.columns;
  const seen = new Map<string, number>();
  for (const r of sheet.rows) {
    if (r.r <= header.row.r) continue;
    const get = (k: RosterKey) => (col.has(k) ? r.cells[col.get(k)!] : undefined);
    const leftmost = r.cells.find((c) => cellText(c) !== '');
    const idText = cellText(get('idNumber'));
    // A total or signature line: its first text says so and it holds nothing like an ID number.
    const idLike = /[0-9Xx]{15,}/.test(idText.replace(/\s+/g, '')) || /E\+/i.test(idText);
    if (leftmost === undefined || (!idLike && NOT_DATA.test(cellText(leftmost).replace(/\s+/g, '')))) {
      roster.skipped++;
      continue;
    }
    if (idText && cellText(get('name')) === cellText(header.row.cells[col.get('name')!])) {
      roster.skipped++; // a repeated header line
      continue;
    }
    const problem = (field: RosterKey, p: { en: string; zh: string }) => roster.problems.push({ row: r.r, field, en: p.en, zh: p.zh });
    const id = convert({ type: 'idNumber' }, get('idNumber'));
    if (!id.ok || id.value === undefined) {
      problem('idNumber', id.ok ? { en: 'The ID number is empty', zh: '身份证号码为空' } : id);
      continue;
    }
    const idNumber = id.value as string;
    const first = seen.get(idNumber);
    if (first !== undefined) {
      problem('idNumber', { en: `The same ID number is already on row ${first}`, zh: `该身份证号码已在第 ${first} 行出现` });
      continue;
    }
    seen.set(idNumber, r.r);
    const cls = parseClass(get('dibaoClass'));
    const amount = parseAmount(get('monthlyAmount'));
    const start = parseStart(get('startDate'));
    if (!cls.ok) problem('dibaoClass', cls);
    if (!amount.ok) problem('monthlyAmount', amount);
    if (!start.ok) problem('startDate', start);
    roster.rows.push({
      row: r.r, name: cellText(get('name')), idNumber,
      dibaoClass: cls.ok ? cls.value : null, monthlyFen: amount.ok ? amount.value : null, startDate: start.ok ? start.value : null,
    });
  }
  return roster;
}
