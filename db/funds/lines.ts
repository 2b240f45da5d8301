import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Ledger } from '../ledger';
import { fail, invalid } from '../errors';
import { formatFen, sumFen } from '../rules/money';
import type { lineInput } from './schemas';
import { accountsById, type AccountRow } from './accounts';
import { DIMENSIONS, dimensionField, type Dimension } from './format';
import { prepared } from './prepared';

/** A line as the voucher schemas give it (parsed: defaults filled in). */
export type ParsedLine = z.output<typeof lineInput>;

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

type Table = 'fund_sources' | 'projects' | 'villages' | 'households';

const DIM_LABEL: Record<Dimension, { en: string; zh: string; table: Table | null }> = {
  source: { en: 'fund source', zh: '资金来源', table: 'fund_sources' },
  project: { en: 'project', zh: '项目', table: 'projects' },
  village: { en: 'village', zh: '行政村', table: 'villages' },
  household: { en: 'household', zh: '农户', table: 'households' },
  asset: { en: 'asset', zh: '资产', table: null },
};

/**
 * What a voucher's lines refer to, read once per voucher (one query per table, whatever the number
 * of lines): the rows that exist, each household's village and each project's villages.
 */
interface References {
  accounts: Map<number, AccountRow>;
  exists: Record<Table, Set<number>>;
  householdVillage: Map<number, number>;
  projectVillages: Map<number, number[]>;
}

/** The distinct ids the lines carry in one column, as a JSON array for json_each; null when there are none. */
function ids(lines: readonly ParsedLine[], key: 'sourceId' | 'projectId' | 'villageId' | 'householdId'): string | null {
  const set = new Set<number>();
  for (const l of lines) {
    const v = l[key];
    if (v != null) set.add(v);
  }
  return set.size ? JSON.stringify([...set]) : null;
}

/** Rows of `sql` for the ids (one query), or none without a query when no line carries such an id. */
function rowsFor<T>(ledger: Ledger, sql: string, list: string | null, opts: { pluck?: boolean } = {}): T[] {
  return list === null ? [] : (prepared(ledger, sql, opts).all(list) as T[]);
}

function references(ledger: Ledger, lines: readonly ParsedLine[]): References {
  const households = rowsFor<{ id: number; villageId: number }>(ledger,
    'SELECT id, village_id AS villageId FROM households WHERE id IN (SELECT value FROM json_each(?))', ids(lines, 'householdId'));
  const projects = rowsFor<{ id: number; villageId: number | null }>(ledger,
    `SELECT p.id, pv.village_id AS villageId FROM projects p LEFT JOIN project_villages pv ON pv.project_id = p.id
      WHERE p.id IN (SELECT value FROM json_each(?))`, ids(lines, 'projectId'));
  const existing = (table: 'fund_sources' | 'villages', key: 'sourceId' | 'villageId') =>
    new Set(rowsFor<number>(ledger, `SELECT id FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`, ids(lines, key), { pluck: true }));
  const projectVillages = new Map<number, number[]>();
  for (const p of projects) {
    const list = projectVillages.get(p.id) ?? [];
    if (p.villageId !== null) list.push(p.villageId);
    projectVillages.set(p.id, list);
  }
  return {
    accounts: accountsById(ledger, lines.map((l) => l.accountId)),
    exists: {
      fund_sources: existing('fund_sources', 'sourceId'),
      projects: new Set(projectVillages.keys()),
      villages: existing('villages', 'villageId'),
      households: new Set(households.map((h) => h.id)),
    },
    householdVillage: new Map(households.map((h) => [h.id, h.villageId])),
    projectVillages,
  };
}

/** A line's village follows from its household, or from a project that lies in one village only. */
function impliedVillage(refs: References, line: LineValues, field: string): number | null {
  if (line.householdId !== null) {
    const village = refs.householdVillage.get(line.householdId)!;
    if (line.villageId !== null && line.villageId !== village) {
      invalid(`${field}.villageId`, 'The village differs from the household’s village', '所填行政村与该户所在行政村不一致');
    }
    return village;
  }
  if (line.villageId !== null || line.projectId === null) return line.villageId;
  const villages = refs.projectVillages.get(line.projectId) ?? [];
  return villages.length === 1 ? villages[0]! : null;
}

function resolveLine(refs: References, l: ParsedLine, index: number): ResolvedLine {
  const field = `lines.${index}`;
  if ((l.debitFen > 0) === (l.creditFen > 0)) {
    invalid(`${field}.debitFen`, `Line ${index + 1} needs an amount above zero on exactly one side, debit or credit`,
      `第 ${index + 1} 行须在借方或贷方之一填写大于零的金额`);
  }
  const account = refs.accounts.get(l.accountId);
  if (!account) {
    fail('NOT_FOUND', `Line ${index + 1}: account ${l.accountId} does not exist`, `第 ${index + 1} 行：会计科目 ${l.accountId} 不存在`, { field: `${field}.accountId` });
  }
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
    if (value !== null && label.table && !refs.exists[label.table].has(value)) {
      invalid(`${field}.${key}`, `Line ${index + 1}: ${label.en} ${value} does not exist`, `第 ${index + 1} 行：${label.zh} ${value} 不存在`);
    }
  }
  // Completed in place (not copied): a distribution payment resolves 60,000 lines.
  const villageId = impliedVillage(refs, line, field);
  const resolved = line as ResolvedLine;
  resolved.villageId = villageId;
  resolved.account = account;
  return resolved;
}

/**
 * Checks voucher lines and fills what follows from them: at least two lines, each with an
 * amount on exactly one side, on an active leaf account, with the dimensions the account needs,
 * and debits equal to credits to the fen. The rows the lines refer to are read once per voucher;
 * the lines are then checked in order, so the first fault reported is the same as line by line.
 */
export function resolveLines(ledger: Ledger, raw: readonly ParsedLine[]): ResolvedLine[] {
  if (raw.length < 2) invalid('lines', 'A voucher needs at least two lines', '一张凭证至少需要两行分录');
  const refs = references(ledger, raw);
  const lines = raw.map((l, i) => resolveLine(refs, l, i));
  const debit = sumFen(lines.map((l) => l.debitFen));
  const credit = sumFen(lines.map((l) => l.creditFen));
  if (debit !== credit) {
    invalid('lines', `Debits ${formatFen(debit)} and credits ${formatFen(credit)} differ by ${formatFen(debit - credit)}`,
      `借方合计 ${formatFen(debit)} 与贷方合计 ${formatFen(credit)} 不相等，相差 ${formatFen(debit - credit)}`);
  }
  return lines;
}

/** Lines per INSERT: one statement per line (each with its statement journal, as the table has a trigger) was the slow part. */
const ROWS_PER_INSERT = 100;
const COLUMNS = 11;

function insertStatement(ledger: Ledger, rows: number) {
  return prepared(ledger, `INSERT INTO voucher_lines (voucher_id, line_no, account_id, summary, debit_fen, credit_fen, source_id, project_id, village_id, household_id, asset_id)
     VALUES ${Array(rows).fill(`(${Array(COLUMNS).fill('?').join(', ')})`).join(', ')}`);
}

export function insertLines(ledger: Ledger, voucherId: number, lines: readonly LineValues[]): void {
  for (let i = 0; i < lines.length; i += ROWS_PER_INSERT) {
    const chunk = lines.slice(i, i + ROWS_PER_INSERT);
    const values: unknown[] = [];
    for (const l of chunk) {
      values.push(voucherId, l.lineNo, l.accountId, l.summary, l.debitFen, l.creditFen, l.sourceId, l.projectId, l.villageId, l.householdId, l.assetId);
    }
    insertStatement(ledger, chunk.length).run(values);
  }
}

/** The stored values of resolved lines, as `storedLines` reads them back (for the audit trail). */
export function lineValues(lines: readonly ResolvedLine[]): LineValues[] {
  return lines.map(({ account: _account, ...values }) => values);
}

/** The stored lines of a voucher, in order. */
export function storedLines(ledger: Ledger, voucherId: number): LineValues[] {
  return prepared(ledger, `SELECT line_no AS lineNo, account_id AS accountId, summary, debit_fen AS debitFen, credit_fen AS creditFen,
                     source_id AS sourceId, project_id AS projectId, village_id AS villageId, household_id AS householdId, asset_id AS assetId
                FROM voucher_lines WHERE voucher_id = ? ORDER BY line_no`)
    .all(voucherId) as LineValues[];
}

/**
 * SHA-256 of a voucher's lines in canonical form: one `|`-separated row per line in line order
 * (line no, account, debit, credit, source, project, village, household, asset — an empty
 * field for null — and the summary as a JSON string), each ended by a newline. A large system voucher's audit row carries this digest
 * instead of every line (docs/FUNDS.md "Batched posting"); posted lines never change, so anyone can
 * recompute it from the stored lines with `storedLinesDigest` and compare.
 */
export function linesDigest(lines: readonly LineValues[]): string {
  const hash = createHash('sha256');
  const f = (v: number | null) => (v === null ? '' : String(v));
  const ordered = lines.every((l, i) => i === 0 || lines[i - 1]!.lineNo < l.lineNo) ? lines : [...lines].sort((a, b) => a.lineNo - b.lineNo);
  for (const l of ordered) {
    hash.update(`${l.lineNo}|${l.accountId}|${l.debitFen}|${l.creditFen}|${f(l.sourceId)}|${f(l.projectId)}|${f(l.villageId)}|${f(l.householdId)}|${f(l.assetId)}|${JSON.stringify(l.summary)}\n`);
  }
  return hash.digest('hex');
}

/** The digest of a voucher's lines as stored now (to check an audit row written with `linesDigest`). */
export function storedLinesDigest(ledger: Ledger, voucherId: number): string {
  return linesDigest(storedLines(ledger, voucherId));
}
