/** Reading plans: the list, one plan with its figures and vouchers, and its allocations page by page. */
import type { z } from 'zod';
import type { Ledger } from '../ledger';
import { notFound } from '../errors';
import type { Page } from '../shared/zod';
import { voucherNo } from '../funds/format';
import { allocationQuery, planQuery, type ExitedRule } from './schemas';
import type { PlanStatus } from './plans';
import type { AllocationKind } from './compute';
import type { Exclusion } from './eligibility';

const userName = (column: string) => `(SELECT display_name FROM users WHERE id = ${column})`;

export interface PlanListRow {
  id: number;
  assetId: number;
  assetCode: string;
  assetName: string;
  title: string;
  asOf: string;
  status: PlanStatus;
  totalFen: number;
  postFen: number;
  worksFen: number;
  sharesFen: number;
  preparedBy: string;
  preparedById: number;
  approvedBy: string | null;
  payDate: string | null;
}

const LIST_SELECT = `SELECT p.id, p.asset_id AS assetId, a.code AS assetCode, a.name AS assetName, p.title, p.as_of AS asOf, p.status,
    p.total_fen AS totalFen, p.post_fen AS postFen, p.works_fen AS worksFen, p.shares_fen AS sharesFen,
    ${userName('p.prepared_by')} AS preparedBy, p.prepared_by AS preparedById, ${userName('p.approved_by')} AS approvedBy, p.pay_date AS payDate
  FROM distribution_plans p JOIN assets a ON a.id = p.asset_id`;

export function listPlans(ledger: Ledger, raw: z.input<typeof planQuery>): Page<PlanListRow> {
  const q = planQuery.parse(raw);
  const where = `WHERE (@assetId IS NULL OR p.asset_id = @assetId) AND (@status IS NULL OR p.status = @status)`;
  const args = { assetId: q.assetId ?? null, status: q.status ?? null };
  const total = ledger.sqlite.prepare(`SELECT count(*) FROM distribution_plans p ${where}`).pluck().get(args) as number;
  const rows = ledger.sqlite.prepare(`${LIST_SELECT} ${where} ORDER BY p.id DESC LIMIT @limit OFFSET @offset`).all({ ...args, limit: q.limit, offset: q.offset }) as PlanListRow[];
  return { rows, total, offset: q.offset, limit: q.limit };
}

export interface PlanDetail extends PlanListRow {
  postBp: number;
  worksBp: number;
  exitedRule: ExitedRule;
  approvedById: number | null;
  preparedAt: string;
  approvedAt: string | null;
  paidBy: string | null;
  paidAt: string | null;
  reversalDate: string | null;
  reversalReason: string | null;
  reversalRequestedBy: string | null;
  reversalRequestedById: number | null;
  reversedBy: string | null;
  digest: string;
  counts: { dividends: number; paidHouseholds: number; excluded: number; posts: number; works: number; withoutBankAccount: number };
  incomes: { id: number; receivedOn: string; period: string; distributableFen: number }[];
  vouchers: { id: number; voucherNo: string | null; role: 'pay' | 'reversal'; date: string; totalFen: number }[];
}

export function getPlan(ledger: Ledger, planId: number): PlanDetail {
  const row = ledger.sqlite
    .prepare(`${LIST_SELECT.replace('FROM distribution_plans p', `, p.post_bp AS postBp, p.works_bp AS worksBp, p.exited_rule AS exitedRule,
                p.approved_by AS approvedById, p.prepared_at AS preparedAt, p.approved_at AS approvedAt, ${userName('p.paid_by')} AS paidBy, p.paid_at AS paidAt,
                p.reversal_date AS reversalDate, p.reversal_reason AS reversalReason, ${userName('p.reversal_requested_by')} AS reversalRequestedBy,
                p.reversal_requested_by AS reversalRequestedById, ${userName('p.reversed_by')} AS reversedBy, p.digest
              FROM distribution_plans p`)} WHERE p.id = ?`)
    .get(planId) as Omit<PlanDetail, 'counts' | 'incomes' | 'vouchers'> | undefined;
  if (!row) notFound('Distribution plan', '分配方案', planId);
  const counts = ledger.sqlite
    .prepare(`SELECT count(*) FILTER (WHERE d.kind = 'dividend') AS dividends,
                     count(DISTINCT d.household_id) FILTER (WHERE d.amount_fen > 0 AND d.household_id IS NOT NULL) AS paidHouseholds,
                     count(*) FILTER (WHERE d.excluded IS NOT NULL) AS excluded, count(*) FILTER (WHERE d.kind = 'post') AS posts,
                     count(*) FILTER (WHERE d.kind = 'works') AS works,
                     count(DISTINCT d.household_id) FILTER (WHERE d.amount_fen > 0 AND d.household_id IS NOT NULL AND h.bank_account = '') AS withoutBankAccount
                FROM distribution_allocations d LEFT JOIN households h ON h.id = d.household_id WHERE d.plan_id = ?`)
    .get(planId) as PlanDetail['counts'];
  const incomes = ledger.sqlite
    .prepare(`SELECT i.id, i.received_on AS receivedOn, i.period, i.distributable_fen AS distributableFen
                FROM distribution_plan_incomes pi JOIN asset_incomes i ON i.id = pi.income_id WHERE pi.plan_id = ? ORDER BY i.received_on, i.id`)
    .all(planId) as PlanDetail['incomes'];
  const vouchers = (ledger.sqlite
    .prepare(`SELECT v.id, v.year, v.number, dv.role, v.date, (SELECT sum(debit_fen) FROM voucher_lines WHERE voucher_id = v.id) AS totalFen
                FROM distribution_vouchers dv JOIN vouchers v ON v.id = dv.voucher_id WHERE dv.plan_id = ? ORDER BY dv.role, v.id`)
    .all(planId) as (Omit<PlanDetail['vouchers'][number], 'voucherNo'> & { year: number; number: number | null })[])
    .map(({ year, number, ...v }) => ({ ...v, voucherNo: voucherNo(year, number) }));
  return { ...row, counts, incomes, vouchers };
}

export interface AllocationRow {
  id: number;
  kind: AllocationKind;
  householdId: number | null;
  archiveNo: string | null;
  /** The household head, or the village for a collective or public works. */
  name: string;
  villageId: number;
  village: string;
  weight: number;
  amountFen: number;
  excluded: Exclusion | null;
}

/** One page of a plan's allocations (the preview): dividends, then post wages, then public works. */
export function planAllocations(ledger: Ledger, raw: z.input<typeof allocationQuery>): Page<AllocationRow> & { sumFen: number } {
  const q = allocationQuery.parse(raw);
  const where = `WHERE d.plan_id = @planId AND (@kind IS NULL OR d.kind = @kind) AND (@excludedOnly = 0 OR d.excluded IS NOT NULL)
    AND (@q = '' OR h.archive_no LIKE @like OR h.head_name LIKE @like OR vg.name LIKE @like)`;
  const from = `FROM distribution_allocations d JOIN villages vg ON vg.id = d.village_id LEFT JOIN households h ON h.id = d.household_id`;
  const args = { planId: q.planId, kind: q.kind ?? null, excludedOnly: q.excludedOnly ? 1 : 0, q: q.q, like: `%${q.q}%` };
  const totals = ledger.sqlite.prepare(`SELECT count(*) AS total, coalesce(sum(d.amount_fen), 0) AS sumFen ${from} ${where}`).get(args) as { total: number; sumFen: number };
  const rows = ledger.sqlite
    .prepare(`SELECT d.id, d.kind, d.household_id AS householdId, h.archive_no AS archiveNo, coalesce(h.head_name, vg.name) AS name,
                     d.village_id AS villageId, vg.name AS village, d.weight, d.amount_fen AS amountFen, d.excluded
                ${from} ${where} ORDER BY d.id LIMIT @limit OFFSET @offset`)
    .all({ ...args, limit: q.limit, offset: q.offset }) as AllocationRow[];
  return { rows, total: totals.total, sumFen: totals.sumFen, offset: q.offset, limit: q.limit };
}
