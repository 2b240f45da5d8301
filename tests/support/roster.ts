/**
 * Synthetic rosters for import tests and the import bench: rows in the template's columns,
 * written to .xlsx with exceljs the way Excel would store them (shared strings).
 */
import ExcelJS from 'exceljs';
import { makeIdNumber } from '../../db/rules/idNumber';
import { COLUMNS, templateHeader } from '../../db/registry/import/columns';

export type RosterRow = Record<string, string | number | Date | boolean | undefined>;

const SURNAMES = ['林', '周', '吴', '郑', '王', '冯', '陈', '褚', '卫', '蒋'];
const GIVEN = ['海', '玥', '建国', '秀英', '小明', '桂兰', '志强', '丽', '伟', '芳'];

/** `households` households of 1–4 members each, head first, all valid against the seeded village. */
export function rosterRows(households: number, opts: { village?: string; township?: string; prefix?: string } = {}): RosterRow[] {
  const rows: RosterRow[] = [];
  let seq = 0;
  for (let h = 0; h < households; h++) {
    const archiveNo = `${opts.prefix ?? 'IMP'}-${String(h + 1).padStart(6, '0')}`;
    const size = 1 + (h % 4);
    for (let k = 0; k < size; k++) {
      const head = k === 0;
      const sex = head || k === 2 ? 'M' : 'F';
      // Distinct (birth date, sequence) pairs: a day within 20 years, and a sequence per block of such days.
      const day = h % 7300;
      const base = head ? 1950 : k === 1 ? 1952 : 1996;
      const birth = new Date(Date.UTC(base, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
      const year = Number(birth.slice(0, 4));
      const seq3 = ((Math.floor(h / 7300) * 4 + k) * 2) % 1000;
      seq++;
      rows.push({
        archiveNo,
        township: opts.township ?? '青山镇',
        village: opts.village ?? '石桥村',
        groupName: `${1 + (h % 6)}组`,
        address: head ? `青山镇石桥村${1 + (h % 6)}组${h + 1}号` : undefined,
        phone: head ? `139${String(10_000_000 + h).slice(-8)}` : undefined,
        attribute: head ? '一般贫困户' : undefined,
        mainCause: head ? '因病' : undefined,
        identifiedYear: head ? 2016 : undefined,
        safeWater: head ? '是' : undefined,
        name: SURNAMES[seq % SURNAMES.length]! + GIVEN[(seq * 7) % GIVEN.length]!,
        idNumber: makeIdNumber('532999', birth, seq3, sex),
        relation: head ? '户主' : k === 1 ? '配偶' : k === 2 ? '之子' : '之女',
        ethnicity: '汉族',
        health: '健康',
        labourAbility: year < 2000 ? '普通劳动力' : '无劳动力',
        schoolStatus: year >= 2000 ? '普通高中' : undefined,
        insBasicMedical: '是',
        insBasicPension: year < 2000 ? '是' : '否',
      });
    }
  }
  return rows;
}

export interface SheetOptions {
  /** Lines written above the header (titles, notes). */
  above?: (string | number)[][];
  /** Lines written below the data (totals, signatures). */
  below?: (string | number)[][];
  /** Headers to use instead of the template's, by column key. */
  headers?: Record<string, string>;
  /** Only these columns, in this order. */
  keys?: string[];
  /** Insert a blank line after every n data rows. */
  blankEvery?: number;
  sheetName?: string;
}

/** An .xlsx workbook with the rows under a header row, as a Buffer. */
export async function rosterXlsx(rows: RosterRow[], opts: SheetOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(opts.sheetName ?? '花名册');
  const keys = opts.keys ?? COLUMNS.map((c) => c.key);
  for (const line of opts.above ?? []) ws.addRow(line);
  ws.addRow(keys.map((k) => opts.headers?.[k] ?? templateHeader(COLUMNS.find((c) => c.key === k)!)));
  rows.forEach((r, i) => {
    ws.addRow(keys.map((k) => r[k] ?? null));
    // A line that looks blank but holds spaces, as real exports have, then a true gap.
    if (opts.blankEvery && (i + 1) % opts.blankEvery === 0) {
      ws.addRow([' ', '', ' ']);
      ws.addRow([]);
    }
  });
  for (const line of opts.below ?? []) ws.addRow(line);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
