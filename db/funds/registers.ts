import type { z } from 'zod';
import type { Ledger } from '../ledger';
import type { Page } from '../shared/zod';
import { sumFen } from '../rules/money';
import { journalQuery, ledgerQuery, type LineFilter } from './schemas';
import { getAccount } from './accounts';
import { voucherNo } from './format';

/** The WHERE clause of posted lines matching a filter; the account filter takes its sub-accounts too. */
function lineWhere(f: LineFilter, accountCode: string | null, withDates: boolean): { sql: string; params: Record<string, unknown> } {
  const clauses = [`v.status = 'posted'`];
  const params: Record<string, unknown> = {};
  const add = (clause: string, key: string, value: unknown) => {
    if (value === undefined || value === null || value === '') return;
    clauses.push(clause);
    params[key] = value;
  };
  if (withDates) {
    add('v.date >= @from', 'from', f.from);
    add('v.date <= @to', 'to', f.to);
  }
  add(`(a.code = @accountCode OR a.code LIKE @accountCode || '.%')`, 'accountCode', accountCode);
  add('l.source_id = @sourceId', 'sourceId', f.sourceId);
  add('l.project_id = @projectId', 'projectId', f.projectId);
  add('l.village_id = @villageId', 'villageId', f.villageId);
  add('l.household_id = @householdId', 'householdId', f.householdId);
  add('l.asset_id = @assetId', 'assetId', f.assetId);
  add('(l.summary LIKE @like OR v.memo LIKE @like)', 'like', f.q ? `%${f.q}%` : undefined);
  return { sql: `WHERE ${clauses.join(' AND ')}`, params };
}

function resolvedWhere(ledger: Ledger, f: LineFilter, withDates = true) {
  return lineWhere(f, f.accountId === undefined ? null : getAccount(ledger, f.accountId).code, withDates);
}

export const LINE_FROM = `FROM voucher_lines l
  JOIN vouchers v ON v.id = l.voucher_id
  JOIN fund_accounts a ON a.id = l.account_id
  LEFT JOIN fund_sources s ON s.id = l.source_id
  LEFT JOIN projects p ON p.id = l.project_id
  LEFT JOIN villages vg ON vg.id = l.village_id
  LEFT JOIN households h ON h.id = l.household_id`;

export const LINE_COLUMNS = `v.id AS voucherId, v.year, v.number, v.date, v.memo, l.line_no AS lineNo, a.code AS accountCode,
  a.name_zh AS accountNameZh, a.name_en AS accountNameEn, l.summary, l.debit_fen AS debitFen, l.credit_fen AS creditFen,
  l.source_id AS sourceId, s.doc_no AS sourceDocNo, p.code AS projectCode, p.name AS projectName, vg.code AS villageCode,
  vg.name AS villageName, h.archive_no AS householdArchiveNo, h.head_name AS householdHead, l.asset_id AS assetId`;

export const LINE_ORDER = 'ORDER BY v.date, v.year, v.number, l.line_no';

export interface JournalRow {
  voucherId: number;
  voucherNo: string;
  date: string;
  memo: string;
  lineNo: number;
  accountCode: string;
  accountNameZh: string;
  accountNameEn: string;
  summary: string;
  debitFen: number;
  creditFen: number;
  sourceId: number | null;
  sourceDocNo: string | null;
  projectCode: string | null;
  projectName: string | null;
  villageCode: string | null;
  villageName: string | null;
  householdArchiveNo: string | null;
  householdHead: string | null;
  assetId: number | null;
}

export type RawLine = Omit<JournalRow, 'voucherNo'> & { year: number; number: number };
export const toJournalRow = ({ year, number, ...r }: RawLine): JournalRow => ({ ...r, voucherNo: voucherNo(year, number)! });

/** Every posted line matching the filter, in date and number order, as read (year and number, no voucher number yet). */
export function journalRawLines(ledger: Ledger, f: LineFilter): IterableIterator<RawLine> {
  const w = resolvedWhere(ledger, f);
  return ledger.sqlite.prepare(`SELECT ${LINE_COLUMNS} ${LINE_FROM} ${w.sql} ${LINE_ORDER}`).iterate(w.params) as IterableIterator<RawLine>;
}

/** Every posted line matching the filter, in date and number order (for exports). */
export function* journalLines(ledger: Ledger, f: LineFilter): Generator<JournalRow> {
  for (const r of journalRawLines(ledger, f)) yield toJournalRow(r);
}

export function countLines(ledger: Ledger, f: LineFilter): number {
  const w = resolvedWhere(ledger, f);
  return ledger.sqlite.prepare(`SELECT count(*) ${LINE_FROM} ${w.sql}`).pluck().get(w.params) as number;
}

/** 序时账: posted lines in date order, filtered and paged, with the totals of everything that matched. */
export function journal(ledger: Ledger, raw: z.input<typeof journalQuery>): Page<JournalRow> & { debitFen: number; creditFen: number } {
  const q = journalQuery.parse(raw);
  const w = resolvedWhere(ledger, q);
  const sums = ledger.sqlite
    .prepare(`SELECT count(*) AS total, coalesce(sum(l.debit_fen), 0) AS debitFen, coalesce(sum(l.credit_fen), 0) AS creditFen ${LINE_FROM} ${w.sql}`)
    .get(w.params) as { total: number; debitFen: number; creditFen: number };
  const rows = ledger.sqlite
    .prepare(`SELECT ${LINE_COLUMNS} ${LINE_FROM} ${w.sql} ${LINE_ORDER} LIMIT @limit OFFSET @offset`)
    .all({ ...w.params, limit: q.limit, offset: q.offset }) as RawLine[];
  return { rows: rows.map(toJournalRow), total: sums.total, offset: q.offset, limit: q.limit, debitFen: sums.debitFen, creditFen: sums.creditFen };
}

export interface LedgerRow extends JournalRow {
  /** Running balance after this line, positive on the account's normal side. */
  balanceFen: number;
}

/**
 * 明细账 of one account (with its sub-accounts): the balance brought forward, each line with the
 * running balance on the account's normal side, and the balance carried forward.
 */
/** The account of a ledger register, the sign that puts its normal side positive, and the balance before `from`. */
export function ledgerOpening(ledger: Ledger, f: LineFilter & { accountId: number }) {
  const account = getAccount(ledger, f.accountId);
  const sign = account.normalSide === 'debit' ? 1 : -1;
  const before = resolvedWhere(ledger, f, false);
  const openingFen = f.from
    ? sign * (ledger.sqlite
      .prepare(`SELECT coalesce(sum(l.debit_fen) - sum(l.credit_fen), 0) ${LINE_FROM} ${before.sql} AND v.date < @from`)
      .pluck().get({ ...before.params, from: f.from }) as number)
    : 0;
  return { account, sign, openingFen };
}

export function ledgerRegister(ledger: Ledger, raw: z.input<typeof ledgerQuery>) {
  const q = ledgerQuery.parse(raw);
  const { account, sign, openingFen: opening } = ledgerOpening(ledger, q);
  const w = resolvedWhere(ledger, q);
  const sums = ledger.sqlite
    .prepare(`SELECT count(*) AS total, coalesce(sum(l.debit_fen), 0) AS debitFen, coalesce(sum(l.credit_fen), 0) AS creditFen ${LINE_FROM} ${w.sql}`)
    .get(w.params) as { total: number; debitFen: number; creditFen: number };
  const rows = ledger.sqlite
    .prepare(`SELECT ${LINE_COLUMNS}, sum(l.debit_fen - l.credit_fen) OVER (${LINE_ORDER} ROWS UNBOUNDED PRECEDING) AS running
                ${LINE_FROM} ${w.sql} ${LINE_ORDER} LIMIT @limit OFFSET @offset`)
    .all({ ...w.params, limit: q.limit, offset: q.offset }) as (RawLine & { running: number })[];
  return {
    account: { id: account.id, code: account.code, nameZh: account.nameZh, nameEn: account.nameEn, normalSide: account.normalSide },
    openingFen: opening,
    rows: rows.map(({ running, ...r }): LedgerRow => ({ ...toJournalRow(r), balanceFen: sumFen([opening, sign * running]) })),
    total: sums.total,
    offset: q.offset,
    limit: q.limit,
    debitFen: sums.debitFen,
    creditFen: sums.creditFen,
    closingFen: sumFen([opening, sign * (sums.debitFen - sums.creditFen)]),
  };
}
