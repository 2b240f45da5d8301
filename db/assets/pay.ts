/**
 * Paying an approved plan, and reversing a paid one (docs/ASSETS.md "Voucher postings").
 *
 * Payment posts system vouchers of at most MAX_LINES lines — one debit line per allocation above
 * zero, then one credit line on the bank account for the voucher's total — all in ONE transaction
 * with the plan's status, so a failure or crash part-way leaves nothing paid:
 *   Dr 5101.01 dividends to households          household + asset
 *   Dr 5101.02 public-welfare post wages        household + asset
 *   Dr 5101.03 village public works             village + asset (works, and village-collective dividends)
 *   Cr 1001    special fund bank account        asset
 * A reversal is the funds ledger's own 红字冲销 of each payment voucher: requested by one person
 * (drafts mirroring every line), approved by another (reviewed and posted), so it is the exact
 * mirror of the payment.
 */
import type { z } from 'zod';
import type { Ledger } from '../ledger';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { fail } from '../errors';
import { inTransaction, nowIso } from '../shared/tx';
import { sumFen } from '../rules/money';
import { accountByCode } from '../funds/accounts';
import { deleteVoucher, postParsedSystemVoucher, postVoucher, reverseVoucher, reviewVoucher } from '../funds/vouchers';
import { systemVoucherInput } from '../funds/schemas';
import type { ParsedLine } from '../funds/lines';
import { payInput, planIdInput, requestReversalInput } from './schemas';
import { assetHead } from './register';
import { assertDigest, planHead, requirePlanStatus } from './plans';
import { ASSET_ROLES, requireRole } from './roles';
import type { Allocation } from './compute';

/** A voucher holds at most 500 lines (db/funds/schemas.ts): 499 payments and the bank line. */
export const MAX_LINES = 500;

/** A payment voucher's header, checked as any system voucher's; its lines are built here in parsed form. */
const voucherHead = systemVoucherInput.omit({ lines: true });

export const PAY_ACCOUNTS = { dividend: '5101.01', post: '5101.02', village: '5101.03', bank: '1001' } as const;

/** A payment line in its parsed form (every field present), as `postParsedSystemVoucher` takes it. */
function line(accountId: number, fen: { debitFen?: number; creditFen?: number }, dims: { villageId?: number | null; householdId?: number | null; assetId: number }, summary: string): ParsedLine {
  return {
    accountId, summary: summary.slice(0, 80).trim(), debitFen: fen.debitFen ?? 0, creditFen: fen.creditFen ?? 0,
    sourceId: null, projectId: null, villageId: dims.villageId ?? null, householdId: dims.householdId ?? null, assetId: dims.assetId,
  };
}

function paymentLines(ledger: Ledger, assetId: number, assetCode: string, allocations: Allocation[]): ParsedLine[] {
  const id = (code: string) => accountByCode(ledger, code).id;
  const acct = { dividend: id(PAY_ACCOUNTS.dividend), post: id(PAY_ACCOUNTS.post), village: id(PAY_ACCOUNTS.village) };
  const words = { dividend: `${assetCode} 资产收益分红`, collective: `${assetCode} 村集体股分红`, post: `${assetCode} 公益岗位工资`, works: `${assetCode} 村级公益事业` };
  const out: ParsedLine[] = [];
  for (const a of allocations) {
    if (a.amountFen <= 0) continue;
    if (a.kind === 'works' || a.householdId === null) {
      out.push(line(acct.village, { debitFen: a.amountFen }, { villageId: a.villageId, assetId }, a.kind === 'works' ? words.works : words.collective));
    } else {
      out.push(line(a.kind === 'post' ? acct.post : acct.dividend, { debitFen: a.amountFen }, { householdId: a.householdId, assetId }, a.kind === 'post' ? words.post : words.dividend));
    }
  }
  return out;
}

export interface PayResult {
  vouchers: { id: number; voucherNo: string }[];
  lines: number;
  totalFen: number;
}

/** What a long payment reports while it runs (electron/jobs/tasks.ts `payPlan`): vouchers posted of all. */
export interface PayProgress {
  progress(done: number, total: number): void;
  /** Throws to stop; the transaction then rolls back and nothing is paid. */
  checkCancelled(): void;
}

/**
 * Pays an approved plan: its vouchers, the plan's status and the audit row commit together or not at all.
 * Each payment voucher's audit row carries its header, line count, totals and the SHA-256 of its
 * stored lines (`linesDigest`, docs/FUNDS.md "Batched posting") instead of every line: the plan's
 * allocations are audited by their own digest, and posted lines never change.
 */
export function payPlan(ledger: Ledger, actor: Actor, raw: z.input<typeof payInput>, io?: PayProgress): PayResult {
  const input = payInput.parse(raw);
  requireRole(actor, ASSET_ROLES.pay, { en: 'pay distribution plans', zh: '发放分配方案' });
  return inTransaction(ledger, () => {
    const plan = planHead(ledger, input.planId);
    requirePlanStatus(plan, ['approved'], { en: 'paid', zh: '发放' });
    const asset = assetHead(ledger, plan.assetId);
    const debits = paymentLines(ledger, asset.id, asset.code, assertDigest(ledger, plan));
    const bank = accountByCode(ledger, PAY_ACCOUNTS.bank).id;
    const per = MAX_LINES - 1;
    const count = Math.ceil(debits.length / per);
    const vouchers: PayResult['vouchers'] = [];
    const link = ledger.sqlite.prepare(`INSERT INTO distribution_vouchers (voucher_id, plan_id, role) VALUES (?, ?, 'pay')`);
    io?.progress(0, count);
    for (let k = 0; k < count; k++) {
      io?.checkCancelled();
      const chunk = debits.slice(k * per, (k + 1) * per);
      const fen = sumFen(chunk.map((l) => l.debitFen));
      const head = voucherHead.parse({
        date: input.date, memo: `${asset.code} 收益分配 ${plan.title}${count > 1 ? ` (${k + 1}/${count})` : ''}`.slice(0, 120), originRef: `distribution:${plan.id}`,
      });
      const posted = postParsedSystemVoucher(ledger, actor, {
        ...head, lines: [...chunk, line(bank, { creditFen: fen }, { assetId: asset.id }, `${asset.code} 收益分配付款`)],
      }, { audit: 'digest' });
      link.run(posted.id, plan.id);
      vouchers.push({ id: posted.id, voucherNo: posted.voucherNo });
      io?.progress(k + 1, count);
    }
    const totalFen = sumFen(debits.map((l) => l.debitFen));
    if (totalFen !== plan.totalFen) {
      fail('CONFLICT', `Plan ${plan.id} pays ${totalFen} fen but was prepared for ${plan.totalFen}`, `方案 ${plan.id} 发放合计 ${totalFen} 分与编制合计 ${plan.totalFen} 分不一致`);
    }
    ledger.sqlite
      .prepare(`UPDATE distribution_plans SET status = 'paid', pay_date = ?, paid_by = ?, paid_at = ? WHERE id = ?`)
      .run(input.date, actor.userId, nowIso(), plan.id);
    appendAudit(ledger, actor, {
      entity: 'distribution_plan', entityId: plan.id, action: 'pay', before: { status: 'approved' },
      after: { status: 'paid', date: input.date, totalFen, lines: debits.length, vouchers: vouchers.map((v) => v.voucherNo) },
    });
    return { vouchers, lines: debits.length, totalFen };
  });
}

function payVoucherIds(ledger: Ledger, planId: number): number[] {
  return ledger.sqlite.prepare(`SELECT voucher_id FROM distribution_vouchers WHERE plan_id = ? AND role = 'pay' ORDER BY voucher_id`).pluck().all(planId) as number[];
}

function draftReversalOf(ledger: Ledger, voucherId: number): { id: number; status: string } | undefined {
  return ledger.sqlite.prepare('SELECT id, status FROM vouchers WHERE reverses_id = ?').get(voucherId) as { id: number; status: string } | undefined;
}

/** Asks for the reversal of a paid plan: a draft reversal of each payment voucher, for someone else to approve. */
export function requestReversal(ledger: Ledger, actor: Actor, raw: z.input<typeof requestReversalInput>): { drafts: number[] } {
  const input = requestReversalInput.parse(raw);
  requireRole(actor, ASSET_ROLES.prepare, { en: 'request reversals', zh: '申请冲销' });
  return inTransaction(ledger, () => {
    const plan = planHead(ledger, input.planId);
    requirePlanStatus(plan, ['paid'], { en: 'reversed', zh: '冲销' });
    const drafts = payVoucherIds(ledger, plan.id).map((voucherId) =>
      reverseVoucher(ledger, actor, { voucherId, date: input.date, memo: `冲销收益分配 ${plan.title}：${input.reason}`.slice(0, 120) }).id);
    ledger.sqlite
      .prepare(`UPDATE distribution_plans SET status = 'reversing', reversal_date = ?, reversal_reason = ?, reversal_requested_by = ? WHERE id = ?`)
      .run(input.date, input.reason, actor.userId, plan.id);
    appendAudit(ledger, actor, { entity: 'distribution_plan', entityId: plan.id, action: 'request_reversal', before: { status: 'paid' }, after: { ...input, drafts } });
    return { drafts };
  });
}

/** Approves a requested reversal (not by the requester): reviews and posts every reversal voucher. */
export function approveReversal(ledger: Ledger, actor: Actor, raw: z.input<typeof planIdInput>): { vouchers: string[] } {
  const { planId } = planIdInput.parse(raw);
  requireRole(actor, ASSET_ROLES.approve, { en: 'approve reversals', zh: '审批冲销' });
  return inTransaction(ledger, () => {
    const plan = planHead(ledger, planId);
    requirePlanStatus(plan, ['reversing'], { en: 'reversed', zh: '审批冲销' });
    if (plan.reversalRequestedBy === actor.userId) {
      fail('RULE', 'You requested this reversal; another person must approve it', '您是该冲销的申请人，须由他人审批', { field: 'planId' });
    }
    const link = ledger.sqlite.prepare(`INSERT INTO distribution_vouchers (voucher_id, plan_id, role) VALUES (?, ?, 'reversal')`);
    const posted = payVoucherIds(ledger, plan.id).map((voucherId) => {
      const draft = draftReversalOf(ledger, voucherId);
      if (!draft) fail('CONFLICT', `The reversal of voucher ${voucherId} is missing; withdraw the request and ask again`, `凭证 ${voucherId} 的冲销凭证不存在，请撤回申请后重新申请`, { field: 'planId' });
      if (draft.status === 'draft') reviewVoucher(ledger, actor, { voucherId: draft.id });
      const no = draft.status === 'posted' ? null : postVoucher(ledger, actor, { voucherId: draft.id }).voucherNo;
      link.run(draft.id, plan.id);
      return no ?? `#${draft.id}`;
    });
    ledger.sqlite.prepare(`UPDATE distribution_plans SET status = 'reversed', reversed_by = ?, reversed_at = ? WHERE id = ?`).run(actor.userId, nowIso(), plan.id);
    appendAudit(ledger, actor, { entity: 'distribution_plan', entityId: plan.id, action: 'reverse', before: { status: 'reversing' }, after: { status: 'reversed', vouchers: posted } });
    return { vouchers: posted };
  });
}

/** Withdraws a reversal request: its draft vouchers are deleted and the plan is paid again. */
export function withdrawReversal(ledger: Ledger, actor: Actor, raw: z.input<typeof planIdInput>): void {
  const { planId } = planIdInput.parse(raw);
  requireRole(actor, ASSET_ROLES.withdraw, { en: 'withdraw reversal requests', zh: '撤回冲销申请' });
  inTransaction(ledger, () => {
    const plan = planHead(ledger, planId);
    requirePlanStatus(plan, ['reversing'], { en: 'withdrawn from reversal', zh: '撤回冲销' });
    for (const voucherId of payVoucherIds(ledger, plan.id)) {
      const draft = draftReversalOf(ledger, voucherId);
      if (!draft) continue;
      if (draft.status !== 'draft') {
        fail('RULE', `Reversal voucher ${draft.id} was already reviewed; send it back to draft in the vouchers first`, `冲销凭证 ${draft.id} 已审核，请先在凭证中取消审核`, { field: 'planId' });
      }
      deleteVoucher(ledger, actor, { voucherId: draft.id });
    }
    ledger.sqlite
      .prepare(`UPDATE distribution_plans SET status = 'paid', reversal_date = NULL, reversal_reason = NULL, reversal_requested_by = NULL WHERE id = ?`)
      .run(plan.id);
    appendAudit(ledger, actor, { entity: 'distribution_plan', entityId: plan.id, action: 'withdraw_reversal', before: { status: 'reversing' }, after: { status: 'paid' } });
  });
}
