/** Which incomes are still waiting to be distributed, and for how long. */
import type { Ledger } from '../ledger';

/** An income counts as distributed while it belongs to a plan in one of these states. */
export const DISTRIBUTED = `('paid', 'reversing')`;
/** An income belongs to a plan (and cannot join another) while the plan is in one of these states. */
export const TAKEN = `('draft', 'approved', 'paid', 'reversing')`;

/** SQL condition on an `asset_incomes i` row: not in any plan that is not cancelled or reversed. */
export const NOT_TAKEN = `NOT EXISTS (SELECT 1 FROM distribution_plan_incomes pi JOIN distribution_plans p ON p.id = pi.plan_id
  WHERE pi.income_id = i.id AND p.status IN ${TAKEN})`;
const NOT_DISTRIBUTED = `i.distributable_fen > 0 AND NOT EXISTS (SELECT 1 FROM distribution_plan_incomes pi JOIN distribution_plans p ON p.id = pi.plan_id
  WHERE pi.income_id = i.id AND p.status IN ${DISTRIBUTED})`;

export interface Undistributed {
  /** Distributable income not yet paid out. */
  fen: number;
  incomes: number;
  /** Date the oldest of them was received; null when nothing waits. */
  oldestOn: string | null;
}

export function undistributed(ledger: Ledger, assetId: number): Undistributed {
  return ledger.sqlite
    .prepare(`SELECT coalesce(sum(i.distributable_fen), 0) AS fen, count(*) AS incomes, min(i.received_on) AS oldestOn
                FROM asset_incomes i WHERE i.asset_id = ? AND ${NOT_DISTRIBUTED}`)
    .get(assetId) as Undistributed;
}

/** Per asset, for lists: asset id → oldest undistributed receipt date. */
export const OLDEST_UNDISTRIBUTED_SQL = `(SELECT min(i.received_on) FROM asset_incomes i WHERE i.asset_id = a.id AND ${NOT_DISTRIBUTED})`;
export const UNDISTRIBUTED_FEN_SQL = `(SELECT coalesce(sum(i.distributable_fen), 0) FROM asset_incomes i WHERE i.asset_id = a.id AND ${NOT_DISTRIBUTED})`;

/** Whole days from `from` to `to` (ISO dates); null when `from` is null. */
export function daysBetween(from: string | null, to: string): number | null {
  if (from === null) return null;
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
