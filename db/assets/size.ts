/**
 * Which plans the direct (synchronous) `assets.preparePlan` / `assets.payPlan` methods take: a plan
 * for up to SYNC_LIMIT shareholders runs in a fraction of a second; a larger one must go through
 * the background-job methods (`assets.preparePlanJob`, `assets.payPlanJob`), so the process that
 * answers the window is never busy for seconds (docs/ASSETS.md "Performance").
 */
import type { Ledger } from '../ledger';
import { fail } from '../errors';
import { IN_FORCE } from './shares';

export const SYNC_LIMIT = 5000;

/** Shares of the asset in force on the date (an upper bound of the plan's shareholders). */
function sharesInForce(ledger: Ledger, assetId: number, asOf: string): number {
  return ledger.sqlite.prepare(`SELECT count(*) FROM asset_shares s WHERE s.asset_id = @assetId AND ${IN_FORCE}`).pluck().get({ assetId, on: asOf }) as number;
}

function allocationCount(ledger: Ledger, planId: number): number {
  return ledger.sqlite.prepare('SELECT count(*) FROM distribution_allocations WHERE plan_id = ?').pluck().get(planId) as number;
}

function refuse(count: number, jobMethod: string): never {
  fail('RULE', `This plan has ${count} shareholders or allocations, more than ${SYNC_LIMIT}; use ${jobMethod}, which runs in the background`,
    `该方案有 ${count} 个股东或分配明细，超过 ${SYNC_LIMIT} 个，请使用后台任务 ${jobMethod}`, { field: 'planId' });
}

export function requireSmallPreparation(ledger: Ledger, input: { assetId: number; asOf: string }): void {
  const n = sharesInForce(ledger, input.assetId, input.asOf);
  if (n > SYNC_LIMIT) refuse(n, 'assets.preparePlanJob');
}

export function requireSmallPayment(ledger: Ledger, input: { planId: number }): void {
  const n = allocationCount(ledger, input.planId);
  if (n > SYNC_LIMIT) refuse(n, 'assets.payPlanJob');
}
