import { loadExcel } from '../shared/excel';
import { formatFen } from '../rules/money';

/** A file that crosses the API: the renderer saves it under fileName. */
export interface FileOut {
  fileName: string;
  mime: string;
  base64: string;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface Column<R> {
  header: string;
  width?: number;
  /** Integer fen, written as an Excel number with two decimals. */
  money?: boolean;
  value: (row: R) => string | number | null;
}

export interface Sheet<R> {
  title: string;
  /** One line under the title: period, filters, when it was made. */
  subtitle: string;
  columns: Column<R>[];
  rows: Iterable<R>;
  /** Cells of the closing total row, by column index. */
  footer?: (string | number | null)[];
}

/** Excel keeps numbers as doubles; going through the exact decimal string keeps 0.07 as 0.07. */
const moneyCell = (fen: number | null) => (fen === null ? null : Number(formatFen(fen, { grouping: false })));

export async function xlsxFile<R>(fileName: string, sheet: Sheet<R>): Promise<FileOut> {
  const book = new (loadExcel().Workbook)();
  book.creator = 'County Ledger';
  const ws = book.addWorksheet(sheet.title.slice(0, 31));
  const width = sheet.columns.length;
  ws.addRow([sheet.title]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, width);
  ws.addRow([sheet.subtitle]);
  ws.mergeCells(2, 1, 2, width);
  const header = ws.addRow(sheet.columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.border = { bottom: { style: 'thin' } };
  });
  const cell = (c: Column<R>, v: string | number | null) => (c.money && typeof v === 'number' ? moneyCell(v) : v);
  for (const r of sheet.rows) ws.addRow(sheet.columns.map((c) => cell(c, c.value(r))));
  if (sheet.footer) ws.addRow(sheet.columns.map((c, i) => cell(c, sheet.footer![i] ?? null))).font = { bold: true };
  sheet.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? (c.money ? 16 : 14);
    if (c.money) col.numFmt = '#,##0.00';
  });
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  return { fileName, mime: XLSX_MIME, base64: buffer.toString('base64') };
}
