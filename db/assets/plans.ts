/**
 * Distribution plans: prepared (computed and stored, so the preview is exactly what is approved),
 * approved by someone other than the preparer, or cancelled. Payment and reversal: pay.ts.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Ledger } from '../ledger';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { fail, notFound } from '../errors';
import { inTransaction, nowIso } from '../shared/tx';
import { prepared } from '../funds/prepared';
import { ASSET_ROLES, requireRole } from './roles';
import { planIdInput, prepareInput } from './schemas';
import { assertNotDisposed, assetHead } from './register';
import { allocationDigest, computePlan, type Allocation } from './compute';

export type PlanStatus = 'draft' | 'approved' | 'paid' | 'reversing' | 'reversed' | 'cancelled';

export interface PlanHead {
  id: number;
  assetId: number;
  title: string;
  asOf: string;
  status: PlanStatus;
  totalFen: number;
  digest: string;
  preparedBy: number;
  reversalRequestedBy: number | null;
}

export function planHead(ledger: Ledger, planId: number): PlanHead {
  const row = ledger.sqlite
    .prepare(`SELECT id, asset_id AS assetId, title, as_of AS asOf, status, total_fen AS totalFen, digest, prepared_by AS preparedBy,
                     reversal_requested_by AS reversalRequestedBy FROM distribution_plans WHERE id = ?`)
    .get(planId) as PlanHead | undefined;
  if (!row) notFound('Distribution plan', '分配方案', planId);
  return row;
}

const STATUS_ZH: Record<PlanStatus, string> = { draft: '草稿', approved: '已审批', paid: '已发放', reversing: '冲销待审', reversed: '已冲销', cancelled: '已作废' };

export function requirePlanStatus(plan: PlanHead, allowed: readonly PlanStatus[], action: { en: string; zh: string }): void {
  if (!allowed.includes(plan.status)) {
    fail('RULE', `A ${allowed.join(' or ')} plan can be ${action.en}; plan ${plan.id} is ${plan.status}`,
      `只有${allowed.map((s) => STATUS_ZH[s]).join('或')}的方案才能${action.zh}，方案 ${plan.id} 为${STATUS_ZH[plan.status]}`, { field: 'planId' });
  }
}

/** The stored allocations of a plan, in their stored order. */
export function storedAllocations(ledger: Ledger, planId: number): Allocation[] {
  return ledger.sqlite
    .prepare(`SELECT kind, household_id AS householdId, village_id AS villageId, weight, amount_fen AS amountFen, excluded
                FROM distribution_allocations WHERE plan_id = ? ORDER BY id`)
    .all(planId) as Allocation[];
}

/**
 * `allocationDigest` of a plan's stored allocations, with the rows written out by SQLite in the
 * same `kind|household|village|weight|amount|excluded` form and order (tests check the two agree):
 * approving a plan for 60,000 shareholders then builds no row objects at all.
 */
export function storedAllocationDigest(ledger: Ledger, planId: number): string {
  const text = prepared(ledger, `SELECT coalesce(group_concat(kind || '|' || coalesce(household_id, '') || '|' || village_id || '|' || weight || '|' || amount_fen
                                   || '|' || coalesce(excluded, '') || char(10), '' ORDER BY id), '')
                                   FROM distribution_allocations WHERE plan_id = ?`, { pluck: true }).get(planId) as string;
  return createHash('sha256').update(text).digest('hex');
}

function digestMismatch(plan: PlanHead): never {
  fail('CONFLICT', `The allocations of plan ${plan.id} no longer match what was prepared`, `方案 ${plan.id} 的分配明细与编制时不一致`, { field: 'planId' });
}

/** Refuses to go on if the stored allocations are not the ones that were prepared (approving: nothing else is read). */
export function assertStoredDigest(ledger: Ledger, plan: PlanHead): void {
  if (storedAllocationDigest(ledger, plan.id) !== plan.digest) digestMismatch(plan);
}

/** The same check for a caller that needs the allocations too (paying): they are read once, checked and returned. */
export function assertDigest(ledger: Ledger, plan: PlanHead): Allocation[] {
  const allocations = storedAllocations(ledger, plan.id);
  if (allocationDigest(allocations) !== plan.digest) digestMismatch(plan);
  return allocations;
}

/** Rows per INSERT statement: one statement per row is the slow part of a plan for 60,000 shareholders. */
const BATCH = 200;

function insertAllocations(ledger: Ledger, planId: number, allocations: readonly Allocation[]): void {
  const statement = (rows: number) => ledger.sqlite.prepare(
    `INSERT INTO distribution_allocations (plan_id, kind, household_id, village_id, weight, amount_fen, excluded) VALUES ${Array(rows).fill('(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
  );
  const full = statement(BATCH);
  for (let i = 0; i < allocations.length; i += BATCH) {
    const chunk = allocations.slice(i, i + BATCH);
    const values = chunk.flatMap((a) => [planId, a.kind, a.householdId, a.villageId, a.weight, a.amountFen, a.excluded]);
    (chunk.length === BATCH ? full : statement(chunk.length)).run(values);
  }
}

/** What preparing reports when it runs as a job (electron/jobs/tasks.ts): computed (1 of 2), stored (2 of 2). */
export interface PrepareProgress {
  progress(done: number, total: number): void;
  /** Throws to stop; nothing is stored then. */
  checkCancelled(): void;
}

/**
 * Prepares a plan: computes every allocation now (eligibility as of the plan's date) and stores
 * them with the plan, so the preview, the approval and the payment all see the same figures.
 */
export function preparePlan(ledger: Ledger, actor: Actor, raw: z.input<typeof prepareInput>, io?: PrepareProgress): { id: number; totalFen: number; allocations: number } {
  const input = prepareInput.parse(raw);
  requireRole(actor, ASSET_ROLES.prepare, { en: 'prepare distribution plans', zh: '编制分配方案' });
  return inTransaction(ledger, () => {
    const asset = assetHead(ledger, input.assetId);
    assertNotDisposed(asset);
    io?.progress(0, 2);
    const plan = computePlan(ledger, asset, input);
    io?.checkCancelled();
    io?.progress(1, 2);
    const { id } = ledger.sqlite
      .prepare(`INSERT INTO distribution_plans (asset_id, title, as_of, post_bp, works_bp, exited_rule, status, total_fen, post_fen, works_fen, shares_fen,
                  digest, prepared_by, prepared_at)
                VALUES (@assetId, @title, @asOf, @postBp, @worksBp, @exitedRule, 'draft', @totalFen, @postFen, @worksFen, @sharesFen, @digest, @by, @at) RETURNING id`)
      .get({ ...input, ...plan.split, totalFen: plan.totalFen, digest: plan.digest, by: actor.userId, at: nowIso() }) as { id: number };
    const income = ledger.sqlite.prepare('INSERT INTO distribution_plan_incomes (plan_id, income_id) VALUES (?, ?)');
    for (const incomeId of plan.incomeIds) income.run(id, incomeId);
    const post = ledger.sqlite.prepare('INSERT INTO distribution_post_holders (plan_id, household_id, weight) VALUES (?, ?, ?)');
    for (const p of input.postHolders) post.run(id, p.householdId, p.weight);
    insertAllocations(ledger, id, plan.allocations);
    appendAudit(ledger, actor, {
      entity: 'distribution_plan', entityId: id, action: 'prepare',
      after: { ...input, postHolders: input.postHolders.length, incomeIds: plan.incomeIds, totalFen: plan.totalFen, ...plan.split, allocations: plan.allocations.length, digest: plan.digest },
    });
    io?.progress(2, 2);
    return { id, totalFen: plan.totalFen, allocations: plan.allocations.length };
  });
}

/** Approves a draft: only by someone other than its preparer (maker-checker, admin included). */
export function approvePlan(ledger: Ledger, actor: Actor, raw: z.input<typeof planIdInput>): void {
  const { planId } = planIdInput.parse(raw);
  requireRole(actor, ASSET_ROLES.approve, { en: 'approve distribution plans', zh: '审批分配方案' });
  inTransaction(ledger, () => {
    const plan = planHead(ledger, planId);
    requirePlanStatus(plan, ['draft'], { en: 'approved', zh: '审批' });
    if (plan.preparedBy === actor.userId) {
      fail('RULE', 'You prepared this plan; another person must approve it', '您是该方案的编制人，须由他人审批', { field: 'planId' });
    }
    assertStoredDigest(ledger, plan);
    ledger.sqlite.prepare(`UPDATE distribution_plans SET status = 'approved', approved_by = ?, approved_at = ? WHERE id = ?`).run(actor.userId, nowIso(), planId);
    appendAudit(ledger, actor, { entity: 'distribution_plan', entityId: planId, action: 'approve', before: { status: 'draft' }, after: { status: 'approved', digest: plan.digest } });
  });
}

/** Cancels a draft or approved plan (作废); its incomes are free for a new plan. */
export function cancelPlan(ledger: Ledger, actor: Actor, raw: z.input<typeof planIdInput>): void {
  const { planId } = planIdInput.parse(raw);
  requireRole(actor, ASSET_ROLES.withdraw, { en: 'cancel distribution plans', zh: '作废分配方案' });
  inTransaction(ledger, () => {
    const plan = planHead(ledger, planId);
    requirePlanStatus(plan, ['draft', 'approved'], { en: 'cancelled', zh: '作废' });
    ledger.sqlite.prepare(`UPDATE distribution_plans SET status = 'cancelled', cancelled_by = ?, cancelled_at = ? WHERE id = ?`).run(actor.userId, nowIso(), planId);
    appendAudit(ledger, actor, { entity: 'distribution_plan', entityId: planId, action: 'cancel', before: { status: plan.status }, after: { status: 'cancelled' } });
  });
}
