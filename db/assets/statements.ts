/**
 * A shareholder's statement (分红明细): what a household — or a village collective — received from
 * which asset and plan, when, on which voucher, and what was taken back by reversals.
 */
import type { z } from 'zod';
import type { Ledger } from '../ledger';
import { notFound } from '../errors';
import { sumFen } from '../rules/money';
import { voucherNo } from '../funds/format';
import { statementQuery } from './schemas';
import type { AllocationKind } from './compute';
import { PAY_ACCOUNTS } from './pay';

export interface StatementRow {
  planId: number;
  planTitle: string;
  assetId: number;
  assetCode: string;
  assetName: string;
  kind: AllocationKind;
  amountFen: number;
  paidOn: string;
  voucherNo: string | null;
  /** Set when the payment was reversed. */
  reversedOn: string | null;
  netFen: number;
}

export interface Statement {
  householdId: number | null;
  villageId: number | null;
  holder: string;
  rows: StatementRow[];
  receivedFen: number;
  reversedFen: number;
  netFen: number;
}

export function shareholderStatement(ledger: Ledger, raw: z.input<typeof statementQuery>): Statement {
  const q = statementQuery.parse(raw);
  const holder = q.householdId !== undefined
    ? (ledger.sqlite.prepare(`SELECT archive_no || ' ' || head_name FROM households WHERE id = ?`).pluck().get(q.householdId) as string | undefined)
    : (ledger.sqlite.prepare('SELECT name FROM villages WHERE id = ?').pluck().get(q.villageId) as string | undefined);
  if (holder === undefined) notFound(q.householdId !== undefined ? 'Household' : 'Village', q.householdId !== undefined ? '农户' : '行政村', q.householdId ?? q.villageId);
  // The payment voucher holding the household's (or village's) line of this kind.
  const account = `(SELECT id FROM fund_accounts WHERE code = CASE WHEN d.kind = 'post' THEN '${PAY_ACCOUNTS.post}'
                     WHEN d.kind = 'dividend' AND d.household_id IS NOT NULL THEN '${PAY_ACCOUNTS.dividend}' ELSE '${PAY_ACCOUNTS.village}' END)`;
  const rows = ledger.sqlite
    .prepare(`SELECT p.id AS planId, p.title AS planTitle, a.id AS assetId, a.code AS assetCode, a.name AS assetName, d.kind, d.amount_fen AS amountFen,
                     p.pay_date AS paidOn, CASE WHEN p.status = 'reversed' THEN p.reversal_date END AS reversedOn,
                     (SELECT v.year || ':' || v.number FROM distribution_vouchers dv JOIN vouchers v ON v.id = dv.voucher_id
                        JOIN voucher_lines l ON l.voucher_id = v.id AND l.account_id = ${account}
                         AND (l.household_id = d.household_id OR (d.household_id IS NULL AND l.household_id IS NULL AND l.village_id = d.village_id))
                       WHERE dv.plan_id = p.id AND dv.role = 'pay' LIMIT 1) AS voucherRef
                FROM distribution_allocations d JOIN distribution_plans p ON p.id = d.plan_id JOIN assets a ON a.id = p.asset_id
               WHERE d.amount_fen > 0 AND p.status IN ('paid', 'reversing', 'reversed')
                 AND (@householdId IS NULL OR d.household_id = @householdId)
                 AND (@villageId IS NULL OR (d.household_id IS NULL AND d.village_id = @villageId))
               ORDER BY p.pay_date, p.id, d.kind`)
    .all({ householdId: q.householdId ?? null, villageId: q.villageId ?? null }) as (Omit<StatementRow, 'voucherNo' | 'netFen'> & { voucherRef: string | null })[];
  const out = rows.map(({ voucherRef, ...r }) => {
    const [year, number] = (voucherRef ?? ':').split(':');
    return { ...r, voucherNo: voucherRef ? voucherNo(Number(year), Number(number)) : null, netFen: r.reversedOn ? 0 : r.amountFen };
  });
  const receivedFen = sumFen(out.map((r) => r.amountFen));
  const netFen = sumFen(out.map((r) => r.netFen));
  return { householdId: q.householdId ?? null, villageId: q.villageId ?? null, holder, rows: out, receivedFen, reversedFen: receivedFen - netFen, netFen };
}
