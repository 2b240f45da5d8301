/**
 * The import template (docs/IMPORT.md): a title line, a note, the header row in Chinese and
 * English, text-formatted number columns (so Excel keeps ID numbers whole), drop-downs for coded
 * columns, and an instructions sheet listing every column and its accepted values.
 */
import type ExcelJS from 'exceljs';
import { loadExcel } from '../../shared/excel';
import { codeLists, type CodeListName } from '../../codes';
import { COLUMNS, templateHeader, type ColumnDef } from './columns';
import { columnLetter } from './xlsx';

export const TEMPLATE_HEADER_ROW = 3;
const TEMPLATE_ROWS = 5000;
const CODES_SHEET = '代码 Codes';

function accepted(c: ColumnDef, lang: 'zh' | 'en'): string {
  switch (c.kind.type) {
    case 'code':
      return (codeLists[c.kind.list] as readonly { zh: string; en: string }[]).map((e) => e[lang]).join(lang === 'zh' ? '、' : ', ');
    case 'bool':
      return lang === 'zh' ? '是、否' : 'Yes, No (是, 否)';
    case 'date':
      return lang === 'zh' ? '日期，如 1980-03-12' : 'A date such as 1980-03-12';
    case 'year':
      return lang === 'zh' ? '四位年份，如 2016' : 'A four-digit year such as 2016';
    case 'int':
      return lang === 'zh' ? '整数' : 'A whole number';
    case 'idNumber':
      return lang === 'zh' ? '18 位身份证号码（文本格式）' : '18-character resident ID number (as text)';
    case 'digits':
      return lang === 'zh' ? '数字（文本格式）' : 'Digits (as text)';
    default:
      return '';
  }
}

export async function importTemplate(): Promise<Buffer> {
  const wb = new (loadExcel().Workbook)();
  wb.creator = 'County Ledger';
  const ws = wb.addWorksheet('导入 Import', { views: [{ state: 'frozen', ySplit: TEMPLATE_HEADER_ROW }] });
  const codes = wb.addWorksheet(CODES_SHEET, { state: 'hidden' });
  const last = columnLetter(COLUMNS.length - 1);

  ws.getCell('A1').value = '建档立卡户及家庭成员导入表（每位成员一行） Registry import: one row per household member';
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.mergeCells(`A1:${last}1`);
  ws.getCell('A2').value = '带 * 为必填；同户成员填写相同的户编号，户信息可只填在户主行。身份证号、电话、账号列为文本格式，请勿改为数值。 '
    + '* = required. Members of one household share the archive number; household columns may be filled on the head’s row only. Keep ID, phone and account columns as text.';
  ws.mergeCells(`A2:${last}2`);
  ws.getRow(2).alignment = { wrapText: true };
  ws.getRow(2).height = 32;

  const header = ws.getRow(TEMPLATE_HEADER_ROW);
  (COLUMNS as readonly ColumnDef[]).forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = templateHeader(c);
    cell.font = { bold: true, color: c.required ? { argb: 'FFB71C1C' } : undefined };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F3F3' } };
    const col = ws.getColumn(i + 1);
    col.width = c.kind.type === 'idNumber' ? 22 : Math.max(10, c.zh.length * 2 + 2);
    if (c.kind.type === 'idNumber' || c.kind.type === 'digits' || c.kind.type === 'text') col.numFmt = '@';
  });
  header.height = 36;

  // exceljs writes range validations but its typings omit the collection.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  let codeColumn = 0;
  COLUMNS.forEach((c, i) => {
    if (c.kind.type !== 'code' && c.kind.type !== 'bool') return;
    const values = c.kind.type === 'code' ? (codeLists[c.kind.list as CodeListName] as readonly { zh: string }[]).map((e) => e.zh) : ['是', '否'];
    codeColumn++;
    codes.getCell(1, codeColumn).value = c.zh;
    values.forEach((v, k) => (codes.getCell(k + 2, codeColumn).value = v));
    const letter = columnLetter(codeColumn - 1);
    validations.add(`${columnLetter(i)}${TEMPLATE_HEADER_ROW + 1}:${columnLetter(i)}${TEMPLATE_HEADER_ROW + TEMPLATE_ROWS}`, {
      type: 'list',
      allowBlank: true,
      showErrorMessage: false,
      formulae: [`'${CODES_SHEET}'!$${letter}$2:$${letter}$${values.length + 1}`],
    });
  });

  const help = wb.addWorksheet('填表说明 Instructions');
  help.columns = [
    { header: '列名', width: 22 }, { header: 'Column', width: 28 }, { header: '必填 Required', width: 14 },
    { header: '层级 Level', width: 16 }, { header: '可填内容', width: 60 }, { header: 'Accepted values', width: 60 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of COLUMNS as readonly ColumnDef[]) {
    help.addRow([c.zh, c.en, c.required ? '是 Yes' : '', c.level === 'household' ? '户 Household' : '成员 Member', accepted(c, 'zh'), accepted(c, 'en')]);
  }
  help.addRow([]);
  help.addRow(['行政村可填名称（同名时加填乡镇）或 12 位代码。', 'Give the village by name (with the township when names repeat) or by its 12-digit code.']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
