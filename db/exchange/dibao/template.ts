/** An empty dibao roster in the documented layout (docs/DIBAO.md): a title line, then the header. */
import { loadExcel } from '../../shared/excel';
import { ROSTER_COLUMNS } from './columns';

export async function dibaoTemplate(): Promise<Buffer> {
  const book = new (loadExcel().Workbook)();
  const ws = book.addWorksheet('低保名册');
  ws.addRow(['××县农村最低生活保障对象花名册（民政部门导出）']).font = { bold: true, size: 14 };
  const header = ws.addRow(ROSTER_COLUMNS.map((c) => `${c.zh}${c.required ? '*' : ''}\n${c.en}`));
  header.font = { bold: true };
  header.alignment = { wrapText: true };
  ws.columns = [{ width: 12 }, { width: 24, style: { numFmt: '@' } }, { width: 12 }, { width: 16 }, { width: 14 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
