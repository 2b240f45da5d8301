import type { z } from 'zod';
import type { Ledger } from '../ledger';
import { invalid } from '../errors';
import { sumFen } from '../rules/money';
import { trialBalanceQuery } from './schemas';
import { listAccounts, type AccountRow } from './accounts';

export interface Figures {
  openingDebit: number;
  openingCredit: number;
  periodDebit: number;
  periodCredit: number;
  closingDebit: number;
  closingCredit: number;
}

export interface TrialBalanceRow extends Figures {
  accountId: number;
  code: string;
  nameZh: string;
  nameEn: string;
  type: AccountRow['type'];
  normalSide: AccountRow['normalSide'];
  depth: number;
  leaf: boolean;
}

export interface TrialBalance {
  from: string;
  to: string;
  rows: TrialBalanceRow[];
  totals: Figures;
  /** Σ debits = Σ credits in every column pair. */
  balanced: boolean;
}

interface Net {
  opening: number;
  debit: number;
  credit: number;
}

const sideOf = (net: number) => ({ debit: Math.max(net, 0), credit: Math.max(-net, 0) });

function figures(n: Net): Figures {
  const opening = sideOf(n.opening);
  const closing = sideOf(sumFen([n.opening, n.debit, -n.credit]));
  return {
    openingDebit: opening.debit, openingCredit: opening.credit,
    periodDebit: n.debit, periodCredit: n.credit,
    closingDebit: closing.debit, closingCredit: closing.credit,
  };
}

/**
 * 科目余额表 for the months from..to: opening balance, turnover and closing balance per account,
 * parents summing their sub-accounts. It reads the per-month turnover table kept at posting, so its
 * cost depends on the number of accounts and months, not on the number of voucher lines.
 */
export function trialBalance(ledger: Ledger, raw: z.input<typeof trialBalanceQuery>): TrialBalance {
  const q = trialBalanceQuery.parse(raw);
  if (q.from > q.to) invalid('from', 'The first month is after the last month', '起始期间晚于截止期间');
  const sums = ledger.sqlite
    .prepare(`SELECT account_id AS accountId,
                     sum(CASE WHEN period < @from THEN debit_fen - credit_fen ELSE 0 END) AS opening,
                     sum(CASE WHEN period >= @from THEN debit_fen ELSE 0 END) AS debit,
                     sum(CASE WHEN period >= @from THEN credit_fen ELSE 0 END) AS credit
                FROM fund_balances WHERE period <= @to GROUP BY account_id`)
    .all(q) as (Net & { accountId: number })[];
  const accounts = listAccounts(ledger);
  const net = new Map<number, Net>(accounts.map((a) => [a.id, { opening: 0, debit: 0, credit: 0 }]));
  for (const s of sums) net.set(s.accountId, { opening: s.opening, debit: s.debit, credit: s.credit });
  // Children come after their parent in code order, so walking backwards rolls every level up.
  for (const a of [...accounts].reverse()) {
    if (a.parentId === null) continue;
    const child = net.get(a.id)!;
    const parent = net.get(a.parentId)!;
    net.set(a.parentId, {
      opening: sumFen([parent.opening, child.opening]),
      debit: sumFen([parent.debit, child.debit]),
      credit: sumFen([parent.credit, child.credit]),
    });
  }
  const all = accounts.map((a): TrialBalanceRow => ({
    accountId: a.id, code: a.code, nameZh: a.nameZh, nameEn: a.nameEn, type: a.type, normalSide: a.normalSide,
    depth: a.depth, leaf: a.leaf, ...figures(net.get(a.id)!),
  }));
  const keys = ['openingDebit', 'openingCredit', 'periodDebit', 'periodCredit', 'closingDebit', 'closingCredit'] as const;
  const top = all.filter((r) => r.depth === 0);
  const totals = Object.fromEntries(keys.map((k) => [k, sumFen(top.map((r) => r[k]))])) as unknown as Figures;
  const rows = q.includeZero ? all : all.filter((r) => keys.some((k) => r[k] !== 0));
  const balanced = totals.openingDebit === totals.openingCredit && totals.periodDebit === totals.periodCredit
    && totals.closingDebit === totals.closingCredit;
  return { from: q.from, to: q.to, rows, totals, balanced };
}

export interface BalanceMismatch {
  accountId: number;
  period: string;
  storedDebit: number | null;
  storedCredit: number | null;
  debit: number | null;
  credit: number | null;
}

/**
 * Recomputes the per-month turnover from the posted lines and lists every month and account where
 * the maintained table disagrees (it never should; this is the auditor's check of that).
 */
export function verifyBalances(ledger: Ledger): { ok: boolean; mismatches: BalanceMismatch[] } {
  const mismatches = ledger.sqlite
    .prepare(`WITH computed AS (
                SELECT l.account_id, substr(v.date, 1, 7) AS period, sum(l.debit_fen) AS debit, sum(l.credit_fen) AS credit
                  FROM voucher_lines l JOIN vouchers v ON v.id = l.voucher_id AND v.status = 'posted' GROUP BY 1, 2)
              SELECT c.account_id AS accountId, c.period, b.debit_fen AS storedDebit, b.credit_fen AS storedCredit, c.debit, c.credit
                FROM computed c LEFT JOIN fund_balances b ON b.account_id = c.account_id AND b.period = c.period
               WHERE b.debit_fen IS NOT c.debit OR b.credit_fen IS NOT c.credit
              UNION ALL
              SELECT b.account_id, b.period, b.debit_fen, b.credit_fen, NULL, NULL
                FROM fund_balances b LEFT JOIN computed c ON c.account_id = b.account_id AND c.period = b.period
               WHERE c.account_id IS NULL`)
    .all() as BalanceMismatch[];
  return { ok: mismatches.length === 0, mismatches };
}
