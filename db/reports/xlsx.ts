/** A report as an .xlsx workbook: one sheet per section, numbers kept as numbers. */
import type ExcelJS from 'exceljs';
import { loadExcel } from '../shared/excel';
import { formatFen } from '../rules/money';
import { XLSX_MIME, type FileOut } from '../funds/xlsx';
import type { Cell, CellKind, Report, ReportSection } from './model';

/** Money in yuan through its exact decimal string; percent as a fraction Excel formats with %; '' as an empty cell. */
export function xlsxValue(kind: CellKind, v: Cell): Cell {
  if (v === '') return null;
  if (typeof v !== 'number') return v;
  if (kind === 'money') return Number(formatFen(v, { grouping: false }));
  if (kind === 'percent') return v / 10_000;
  return v;
}

const FORMATS: Partial<Record<CellKind, string>> = { money: '#,##0.00', percent: '0.00%', int: '#,##0' };

function sheetName(index: number, title: string, used: Set<string>): string {
  let name = `${index + 1} ${title}`.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
  while (used.has(name)) name = `${name.slice(0, 28)}~${used.size}`;
  used.add(name);
  return name;
}

function addSection(book: ExcelJS.Workbook, report: Report, section: ReportSection, name: string): void {
  const ws = book.addWorksheet(name);
  const width = section.columns.length;
  ws.addRow([`${report.title} — ${section.title}`]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, width);
  ws.addRow([report.subtitle]);
  ws.mergeCells(2, 1, 2, width);
  let frozen = 3;
  if (section.note) {
    ws.addRow([section.note]).alignment = { wrapText: true, vertical: 'top' };
    ws.mergeCells(3, 1, 3, width);
    ws.getRow(3).height = 30;
    frozen = 4;
  }
  const header = ws.addRow(section.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  const row = (cells: Cell[]) => section.columns.map((c, i) => xlsxValue(c.kind, cells[i] ?? null));
  for (const r of section.rows) ws.addRow(row(r));
  if (section.footer) ws.addRow(row(section.footer)).font = { bold: true };
  section.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.round((c.kind === 'text' ? 12 : c.kind === 'money' ? 15 : 10) * (c.weight ?? 1));
    const fmt = FORMATS[c.kind];
    if (fmt) col.numFmt = fmt;
  });
  ws.views = [{ state: 'frozen', ySplit: frozen }];
}

export async function reportXlsx(report: Report): Promise<FileOut> {
  const book = new (loadExcel().Workbook)();
  book.creator = 'County Ledger';
  book.title = report.title;
  const used = new Set<string>();
  report.sections.forEach((s, i) => addSection(book, report, s, sheetName(i, s.title, used)));
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  return { fileName: `${report.fileBase}.xlsx`, mime: XLSX_MIME, base64: buffer.toString('base64') };
}
