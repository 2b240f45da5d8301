import type { Ledger } from '../ledger';
import { invalid } from '../errors';
import { formatFen, sumFen } from '../rules/money';
import { lineInput, type LineInput } from './schemas';
import { getAccount, type AccountRow } from './accounts';
import { DIMENSIONS, dimensionField, type Dimension } from './format';

export interface LineValues {
  lineNo: number;
  accountId: number;
  summary: string;
  debitFen: number;
  creditFen: number;
  sourceId: number | null;
  projectId: number | null;
  villageId: number | null;
  householdId: number | null;
  assetId: number | null;
}

export interface ResolvedLine extends LineValues {
  account: AccountRow;
}

const DIM_LABEL: Record<Dimension, { en: string; zh: string; table: string | null }> = {
  source: { en: 'fund source', zh: '资金来源', table: 'fund_sources' },
  project: { en: 'project', zh: '项目', table: 'projects' },
  village: { en: 'village', zh: '行政村', table: 'villages' },
  household: { en: 'household', zh: '农户', table: 'households' },
  asset: { en: 'asset', zh: '资产', table: null },
};

function exists(ledger: Ledger, table: string, id: number): boolean {
  return ledger.sqlite.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
}

/** A line's village follows from its household, or from a project that lies in one village only. */
function impliedVillage(ledger: Ledger, line: LineValues, field: string): number | null {
  if (line.householdId !== null) {
    const village = ledger.sqlite.prepare('SELECT village_id FROM households WHERE id = ?').pluck().get(line.householdId) as number;
    if (line.villageId !== null && line.villageId !== village) {
      invalid(`${field}.villageId`, 'The village differs from the household’s village', '所填行政村与该户所在行政村不一致');
    }
    return village;
  }
  if (line.villageId !== null || line.projectId === null) return line.villageId;
  const villages = ledger.sqlite.prepare('SELECT village_id FROM project_villages WHERE project_id = ?').pluck().all(line.projectId) as number[];
  return villages.length === 1 ? villages[0]! : null;
}

function resolveLine(ledger: Ledger, raw: LineInput, index: number): ResolvedLine {
  const field = `lines.${index}`;
  const l = lineInput.parse(raw);
  if ((l.debitFen > 0) === (l.creditFen > 0)) {
    invalid(`${field}.debitFen`, `Line ${index + 1} needs an amount above zero on exactly one side, debit or credit`,
      `第 ${index + 1} 行须在借方或贷方之一填写大于零的金额`);
  }
  const account = getAccount(ledger, l.accountId);
  if (!account.leaf) {
    invalid(`${field}.accountId`, `Account ${account.code} has sub-accounts; enter the line on one of them`, `科目 ${account.code} 有下级科目，请记入明细科目`);
  }
  if (!account.active) invalid(`${field}.accountId`, `Account ${account.code} is deactivated`, `科目 ${account.code} 已停用`);
  const line: LineValues = {
    lineNo: index + 1, accountId: l.accountId, summary: l.summary, debitFen: l.debitFen, creditFen: l.creditFen,
    sourceId: l.sourceId ?? null, projectId: l.projectId ?? null, villageId: l.villageId ?? null,
    householdId: l.householdId ?? null, assetId: l.assetId ?? null,
  };
  for (const dim of DIMENSIONS) {
    const key = dimensionField[dim];
    const value = line[key];
    const label = DIM_LABEL[dim];
    if (value === null && account.requiredDims.includes(dim)) {
      invalid(`${field}.${key}`, `Line ${index + 1}: account ${account.code} needs a ${label.en}`, `第 ${index + 1} 行：科目 ${account.code} 须填写${label.zh}`);
    }
    if (value !== null && label.table && !exists(ledger, label.table, value)) {
      invalid(`${field}.${key}`, `Line ${index + 1}: ${label.en} ${value} does not exist`, `第 ${index + 1} 行：${label.zh} ${value} 不存在`);
    }
  }
  return { ...line, villageId: impliedVillage(ledger, line, field), account };
}

/**
 * Checks voucher lines and fills what follows from them: at least two lines, each with an
 * amount on exactly one side, on an active leaf account, with the dimensions the account needs,
 * and debits equal to credits to the fen.
 */
export function resolveLines(ledger: Ledger, raw: LineInput[]): ResolvedLine[] {
  if (raw.length < 2) invalid('lines', 'A voucher needs at least two lines', '一张凭证至少需要两行分录');
  const lines = raw.map((l, i) => resolveLine(ledger, l, i));
  const debit = sumFen(lines.map((l) => l.debitFen));
  const credit = sumFen(lines.map((l) => l.creditFen));
  if (debit !== credit) {
    invalid('lines', `Debits ${formatFen(debit)} and credits ${formatFen(credit)} differ by ${formatFen(debit - credit)}`,
      `借方合计 ${formatFen(debit)} 与贷方合计 ${formatFen(credit)} 不相等，相差 ${formatFen(debit - credit)}`);
  }
  return lines;
}

export function insertLines(ledger: Ledger, voucherId: number, lines: LineValues[]): void {
  const insert = ledger.sqlite.prepare(
    `INSERT INTO voucher_lines (voucher_id, line_no, account_id, summary, debit_fen, credit_fen, source_id, project_id, village_id, household_id, asset_id)
     VALUES (@voucherId, @lineNo, @accountId, @summary, @debitFen, @creditFen, @sourceId, @projectId, @villageId, @householdId, @assetId)`,
  );
  for (const l of lines) {
    const { account: _account, ...values } = l as ResolvedLine;
    insert.run({ ...values, voucherId });
  }
}

/** The stored lines of a voucher, in order. */
export function storedLines(ledger: Ledger, voucherId: number): LineValues[] {
  return ledger.sqlite
    .prepare(`SELECT line_no AS lineNo, account_id AS accountId, summary, debit_fen AS debitFen, credit_fen AS creditFen,
                     source_id AS sourceId, project_id AS projectId, village_id AS villageId, household_id AS householdId, asset_id AS assetId
                FROM voucher_lines WHERE voucher_id = ? ORDER BY line_no`)
    .all(voucherId) as LineValues[];
}
