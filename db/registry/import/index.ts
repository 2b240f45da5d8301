/**
 * Importing households and members from an .xlsx roster (docs/IMPORT.md): preview first (layout,
 * mapping, every problem), then the import itself — all or nothing, one audit row with the
 * counts and the file's SHA-256.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Ledger } from '../../ledger';
import type { Actor } from '../../actor';
import { appendAudit } from '../../audit';
import { LedgerError, invalid } from '../../errors';
import { inTransaction } from '../../shared/tx';
import { COLUMN_KEYS, COLUMNS } from './columns';
import { resolveLayout, type ImportLayout, type ResolvedLayout } from './layout';
import { buildPlan, previewRows } from './plan';
import { writePlan } from './commit';
import { withImportCache, withoutSecondaryIndexes, worthRebuilding } from './bulk';
import { openXlsx, XlsxError, type EachRow } from './xlsx';
import type { ImportProblem } from './problems';

export type { ImportProblem } from './problems';
export type { ImportLayout, ResolvedLayout } from './layout';

export const importFileInput = z.object({
  fileName: z.string().trim().min(1).max(200),
  base64: z.string().min(1),
  sheet: z.string().max(100).optional(),
  headerRow: z.number().int().min(1).max(1_048_576).optional(),
  columns: z.array(z.object({ column: z.number().int().min(0).max(16_383), field: z.enum(COLUMN_KEYS) })).optional(),
});
export type ImportFileInput = z.input<typeof importFileInput>;

export const IMPORT_FIELDS = COLUMNS.map((c) => ({ key: c.key, zh: c.zh, en: c.en, level: c.level, required: 'required' in c && c.required === true }));

export interface ImportPreview {
  fileName: string;
  sha256: string;
  layout: ResolvedLayout;
  fields: typeof IMPORT_FIELDS;
  /** The first data rows, cell text by column index. */
  sample: { row: number; values: Record<string, string> }[];
  dataRows: number;
  households: number;
  members: number;
  skipped: { blank: number; total: number; header: number };
  /** Every problem found; the import writes nothing while there is one. */
  problems: ImportProblem[];
  ok: boolean;
}

export interface ImportResult {
  fileName: string;
  sha256: string;
  households: number;
  members: number;
}

export interface ImportIo {
  progress(done: number, total: number): void;
  checkCancelled(): void;
}

interface Loaded {
  input: z.output<typeof importFileInput>;
  sha256: string;
  /** The chosen sheet's rows, read again from the file at each call. */
  rows: EachRow;
  layout: ResolvedLayout;
}

function load(raw: ImportFileInput): Loaded {
  const input = importFileInput.parse(raw);
  const buf = Buffer.from(input.base64, 'base64');
  if (buf.subarray(0, 4).toString('hex') === 'd0cf11e0') {
    invalid('fileName', 'This is an old-style .xls file; open it in Excel or WPS, save it as .xlsx (Excel Workbook) and import that',
      '这是旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx（Excel 工作簿）后再导入');
  }
  const book = damagedAsInvalid(() => openXlsx(buf));
  const layoutInput: ImportLayout = { sheet: input.sheet, headerRow: input.headerRow, columns: input.columns };
  const { sheet, resolved } = damagedAsInvalid(() => resolveLayout(book, layoutInput));
  const rows: EachRow = sheet === null ? () => {} : (onRow) => damagedAsInvalid(() => book.eachRow(sheet, onRow));
  return { input, sha256: createHash('sha256').update(buf).digest('hex'), rows, layout: resolved };
}

/** A workbook that cannot be read (not a zip, a damaged sheet) is the clerk's file at fault. */
function damagedAsInvalid<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof XlsxError) invalid('fileName', 'The file is not an .xlsx workbook or is damaged', '该文件不是 .xlsx 工作簿或已损坏');
    throw err;
  }
}

/** Reads, maps and checks the sheet without writing anything. */
export function previewImport(ledger: Ledger, raw: ImportFileInput): ImportPreview {
  const { input, sha256, rows, layout } = load(raw);
  const plan = buildPlan(ledger, rows, layout);
  return {
    fileName: input.fileName,
    sha256,
    layout,
    fields: IMPORT_FIELDS,
    sample: previewRows(rows, layout, 20),
    dataRows: plan.dataRows,
    households: plan.households.length,
    members: plan.households.reduce((n, h) => n + h.members.length, 0),
    skipped: plan.skipped,
    problems: plan.problems,
    ok: plan.problems.length === 0 && plan.households.length > 0,
  };
}

/** Checks and writes the roster in one transaction: every row goes in, or none does. */
export function runImport(ledger: Ledger, actor: Actor, raw: ImportFileInput, io: ImportIo): ImportResult {
  const { input, sha256, rows, layout } = load(raw);
  io.checkCancelled();
  return withImportCache(ledger, () => inTransaction(ledger, () => {
    let total = 0;
    const plan = buildPlan(ledger, rows, layout, {
      reading: () => io.checkCancelled(),
      tick: (done, rows) => {
        total = rows * 2;
        io.checkCancelled();
        io.progress(done, total);
      },
    });
    if (plan.problems.length) {
      throw new LedgerError('INVALID_INPUT', {
        en: `${plan.problems.length} problem(s) in the sheet; nothing was imported`,
        zh: `表格中有 ${plan.problems.length} 处问题，未导入任何数据`,
      }, { problems: plan.problems.map((p) => ({ row: p.row, field: `${p.column} ${p.field}`.trim(), en: p.en, zh: p.zh })) });
    }
    if (!plan.households.length) invalid('fileName', 'The sheet holds no member rows', '表格中没有成员数据');
    total = plan.dataRows * 2;
    const write = () => writePlan(ledger, plan.households, (done) => {
      io.checkCancelled();
      io.progress(plan.dataRows + done, total);
    });
    const written = worthRebuilding(ledger, plan.dataRows) ? withoutSecondaryIndexes(ledger, write) : write();
    appendAudit(ledger, actor, {
      entity: 'import', entityId: sha256.slice(0, 16), action: 'import_registry',
      after: { fileName: input.fileName, sha256, sheet: layout.sheet, headerRow: layout.headerRow, ...written, skipped: plan.skipped },
    });
    io.progress(total, total);
    return { fileName: input.fileName, sha256, ...written };
  }));
}
