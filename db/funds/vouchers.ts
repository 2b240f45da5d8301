import type { z } from 'zod';
import type { Ledger } from '../ledger';
import type { Actor } from '../actor';
import type { Role } from '../roles';
import { appendAudit } from '../audit';
import { fail, notFound } from '../errors';
import { inTransaction, nowIso } from '../shared/tx';
import { reverseInput, systemVoucherInput, unreviewInput, updateVoucherInput, voucherFields, voucherIdInput } from './schemas';
import { insertLines, lineValues, linesDigest, resolveLines, storedLines, type LineValues } from './lines';
import { assertWithinBudget } from './budget';
import { assertPeriodOpen } from './periods';
import { accountsById } from './accounts';
import { prepared } from './prepared';
import { voucherNo, type VoucherStatus } from './format';
import { sumFen } from '../rules/money';

/** Who may do what with a voucher (docs/FUNDS.md). Maker-checker applies to every role, admin included. */
export const VOUCHER_ROLES = {
  prepare: ['accountant', 'admin'],
  review: ['reviewer', 'admin'],
  post: ['accountant', 'reviewer', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

interface VoucherHead {
  id: number;
  year: number;
  number: number | null;
  date: string;
  memo: string;
  status: VoucherStatus;
  origin: 'manual' | 'reversal' | 'system';
  reversesId: number | null;
  preparedBy: number;
  reviewedBy: number | null;
}

function head(ledger: Ledger, voucherId: number): VoucherHead {
  const row = prepared(ledger, `SELECT id, year, number, date, memo, status, origin, reverses_id AS reversesId, prepared_by AS preparedBy, reviewed_by AS reviewedBy
                FROM vouchers WHERE id = ?`)
    .get(voucherId) as VoucherHead | undefined;
  if (!row) notFound('Voucher', '凭证', voucherId);
  return row;
}

const STATUS_ZH: Record<VoucherStatus, string> = { draft: '草稿', reviewed: '已审核', posted: '已记账' };

function requireStatus(v: VoucherHead, status: VoucherStatus, action: { en: string; zh: string }): void {
  if (v.status !== status) {
    fail('RULE', `Only a ${status} voucher can be ${action.en}; this one is ${v.status}`,
      `只有${STATUS_ZH[status]}的凭证才能${action.zh}，该凭证为${STATUS_ZH[v.status]}`, { field: 'voucherId' });
  }
}

function requireRole(actor: Actor, roles: readonly Role[], what: { en: string; zh: string }): void {
  if (!roles.includes(actor.role)) fail('FORBIDDEN', `Your role may not ${what.en}`, `您的角色无权${what.zh}`);
}

/** Stored lines with their accounts, read in one query. */
function withAccounts(ledger: Ledger, lines: LineValues[]) {
  const accounts = accountsById(ledger, lines.map((l) => l.accountId));
  return lines.map((l) => ({ ...l, account: accounts.get(l.accountId)! }));
}

function insertVoucher(ledger: Ledger, actor: Actor, v: { date: string; memo: string; attachments: number; origin: string; originRef?: string | null; reversesId?: number | null }): number {
  return (prepared(ledger, `INSERT INTO vouchers (year, date, memo, attachments, status, origin, origin_ref, reverses_id, prepared_by, prepared_at)
              VALUES (@year, @date, @memo, @attachments, 'draft', @origin, @originRef, @reversesId, @preparedBy, @preparedAt) RETURNING id`)
    .get({ ...v, originRef: v.originRef ?? null, reversesId: v.reversesId ?? null, year: Number(v.date.slice(0, 4)), preparedBy: actor.userId, preparedAt: nowIso() }) as { id: number }).id;
}

/** Posts a voucher: the next number of its year, in the same transaction as everything else. */
function assignNumberAndPost(ledger: Ledger, actor: Actor, v: Pick<VoucherHead, 'id' | 'year'>): { number: number; voucherNo: string } {
  const number = prepared(ledger, `SELECT coalesce(max(number), 0) + 1 FROM vouchers WHERE year = ? AND status = 'posted'`, { pluck: true }).get(v.year) as number;
  prepared(ledger, `UPDATE vouchers SET status = 'posted', number = ?, posted_by = ?, posted_at = ? WHERE id = ? AND status <> 'posted'`)
    .run(number, actor.userId, nowIso(), v.id);
  return { number, voucherNo: voucherNo(v.year, number)! };
}

export function createVoucher(ledger: Ledger, actor: Actor, raw: z.input<typeof voucherFields>): { id: number } {
  const input = voucherFields.parse(raw);
  return inTransaction(ledger, () => {
    assertPeriodOpen(ledger, input.date);
    const lines = resolveLines(ledger, input.lines);
    assertWithinBudget(ledger, lines);
    const id = insertVoucher(ledger, actor, { ...input, origin: 'manual' });
    insertLines(ledger, id, lines);
    appendAudit(ledger, actor, { entity: 'voucher', entityId: id, action: 'create', after: { ...input, lines: storedLines(ledger, id) } });
    return { id };
  });
}

/** Rewrites a draft; whoever edits it becomes its preparer, so they cannot review it. */
export function updateVoucher(ledger: Ledger, actor: Actor, raw: z.input<typeof updateVoucherInput>): void {
  const { voucherId, ...input } = updateVoucherInput.parse(raw);
  inTransaction(ledger, () => {
    const before = head(ledger, voucherId);
    requireStatus(before, 'draft', { en: 'edited', zh: '修改' });
    if (before.origin === 'reversal') {
      fail('RULE', 'A reversal mirrors its original and cannot be edited; delete it and reverse again', '冲销凭证与原凭证一一对应，不能修改；可删除后重新冲销', { field: 'voucherId' });
    }
    assertPeriodOpen(ledger, input.date);
    const lines = resolveLines(ledger, input.lines);
    assertWithinBudget(ledger, lines);
    const beforeLines = storedLines(ledger, voucherId);
    ledger.sqlite.prepare('DELETE FROM voucher_lines WHERE voucher_id = ?').run(voucherId);
    ledger.sqlite
      .prepare(`UPDATE vouchers SET date = @date, year = @year, memo = @memo, attachments = @attachments, prepared_by = @by, prepared_at = @at WHERE id = @id`)
      .run({ ...input, year: Number(input.date.slice(0, 4)), by: actor.userId, at: nowIso(), id: voucherId });
    insertLines(ledger, voucherId, lines);
    appendAudit(ledger, actor, { entity: 'voucher', entityId: voucherId, action: 'update', before: { ...before, lines: beforeLines }, after: { ...input, lines: storedLines(ledger, voucherId) } });
  });
}

/** Deletes a draft. Drafts have no number yet, so numbering stays continuous. */
export function deleteVoucher(ledger: Ledger, actor: Actor, raw: z.input<typeof voucherIdInput>): void {
  const { voucherId } = voucherIdInput.parse(raw);
  inTransaction(ledger, () => {
    const before = head(ledger, voucherId);
    requireStatus(before, 'draft', { en: 'deleted', zh: '删除' });
    const lines = storedLines(ledger, voucherId);
    ledger.sqlite.prepare('DELETE FROM voucher_lines WHERE voucher_id = ?').run(voucherId);
    ledger.sqlite.prepare('DELETE FROM vouchers WHERE id = ?').run(voucherId);
    appendAudit(ledger, actor, { entity: 'voucher', entityId: voucherId, action: 'delete', before: { ...before, lines } });
  });
}

export function reviewVoucher(ledger: Ledger, actor: Actor, raw: z.input<typeof voucherIdInput>): void {
  const { voucherId } = voucherIdInput.parse(raw);
  requireRole(actor, VOUCHER_ROLES.review, { en: 'review vouchers', zh: '审核凭证' });
  inTransaction(ledger, () => {
    const v = head(ledger, voucherId);
    requireStatus(v, 'draft', { en: 'reviewed', zh: '审核' });
    if (v.preparedBy === actor.userId) {
      fail('RULE', 'You prepared this voucher; another person must review it', '您是该凭证的制单人，须由他人审核', { field: 'voucherId' });
    }
    ledger.sqlite.prepare(`UPDATE vouchers SET status = 'reviewed', reviewed_by = ?, reviewed_at = ? WHERE id = ?`).run(actor.userId, nowIso(), voucherId);
    appendAudit(ledger, actor, { entity: 'voucher', entityId: voucherId, action: 'review' });
  });
}

/** Sends a reviewed voucher back to draft (取消审核) so it can be corrected before posting. */
export function unreviewVoucher(ledger: Ledger, actor: Actor, raw: z.input<typeof unreviewInput>): void {
  const { voucherId, reason } = unreviewInput.parse(raw);
  requireRole(actor, VOUCHER_ROLES.review, { en: 'cancel reviews', zh: '取消审核' });
  inTransaction(ledger, () => {
    const v = head(ledger, voucherId);
    requireStatus(v, 'reviewed', { en: 'sent back', zh: '取消审核' });
    ledger.sqlite.prepare(`UPDATE vouchers SET status = 'draft', reviewed_by = NULL, reviewed_at = NULL WHERE id = ?`).run(voucherId);
    appendAudit(ledger, actor, { entity: 'voucher', entityId: voucherId, action: 'unreview', before: { reviewedBy: v.reviewedBy }, after: { reason } });
  });
}

/** Posts a reviewed voucher (记账): budget control and the period are checked again now. */
export function postVoucher(ledger: Ledger, actor: Actor, raw: z.input<typeof voucherIdInput>): { number: number; voucherNo: string } {
  const { voucherId } = voucherIdInput.parse(raw);
  requireRole(actor, VOUCHER_ROLES.post, { en: 'post vouchers', zh: '记账' });
  return inTransaction(ledger, () => {
    const v = head(ledger, voucherId);
    requireStatus(v, 'reviewed', { en: 'posted', zh: '记账' });
    assertPeriodOpen(ledger, v.date);
    assertWithinBudget(ledger, withAccounts(ledger, storedLines(ledger, voucherId)));
    const posted = assignNumberAndPost(ledger, actor, v);
    appendAudit(ledger, actor, { entity: 'voucher', entityId: voucherId, action: 'post', after: posted });
    return posted;
  });
}

/**
 * Starts the correction of a posted voucher (红字冲销): a draft with the same lines on the opposite
 * sides, pointing at the original. It is reviewed and posted like any voucher; an original can be
 * reversed once, and a reversal is not reversed again (enter a new voucher instead).
 */
export function reverseVoucher(ledger: Ledger, actor: Actor, raw: z.input<typeof reverseInput>): { id: number } {
  const input = reverseInput.parse(raw);
  return inTransaction(ledger, () => {
    const original = head(ledger, input.voucherId);
    requireStatus(original, 'posted', { en: 'reversed', zh: '冲销' });
    if (original.origin === 'reversal') fail('RULE', 'A reversal voucher cannot itself be reversed; enter a new voucher', '冲销凭证不能再被冲销，请另行录入凭证', { field: 'voucherId' });
    const taken = ledger.sqlite.prepare('SELECT id, number, year FROM vouchers WHERE reverses_id = ?').get(original.id) as { id: number; number: number | null; year: number } | undefined;
    if (taken) {
      const which = voucherNo(taken.year, taken.number) ?? `#${taken.id}`;
      fail('CONFLICT', `This voucher is already reversed by ${which}`, `该凭证已被 ${which} 冲销`, { field: 'voucherId' });
    }
    assertPeriodOpen(ledger, input.date);
    const no = voucherNo(original.year, original.number)!;
    const mirror = storedLines(ledger, original.id).map((l) => ({ ...l, debitFen: l.creditFen, creditFen: l.debitFen }));
    const memo = input.memo || `冲销 ${no} ${original.memo}`.slice(0, 120);
    const id = insertVoucher(ledger, actor, { date: input.date, memo, attachments: 0, origin: 'reversal', reversesId: original.id });
    insertLines(ledger, id, mirror);
    appendAudit(ledger, actor, { entity: 'voucher', entityId: id, action: 'create_reversal', after: { reverses: no, date: input.date, memo } });
    return { id };
  });
}

export interface SystemVoucherOptions {
  /**
   * What the audit row holds of the lines: every line (`'lines'`, the default), or — for the large
   * machine-made vouchers of a distribution payment — the line count, the totals and the SHA-256
   * of the stored lines (`'digest'`, see `linesDigest`; docs/FUNDS.md "Batched posting").
   */
  audit?: 'lines' | 'digest';
}

/**
 * For other domains (asset income, distributions): creates and posts a voucher at once, inside
 * the caller's transaction when there is one. Lines, period and budget are checked like any
 * voucher; there is no separate review because the caller's own approval is the checker.
 */
export function postSystemVoucher(ledger: Ledger, actor: Actor, raw: z.input<typeof systemVoucherInput>, options: SystemVoucherOptions = {}): { id: number; number: number; voucherNo: string } {
  return postParsedSystemVoucher(ledger, actor, systemVoucherInput.parse(raw), options);
}

/**
 * `postSystemVoucher` for lines a caller built itself in their parsed form (every field present),
 * e.g. a distribution payment's 60,000 lines from stored allocations: the zod pass is skipped, every
 * other check (accounts, dimensions, references, balance, period, budget, database constraints) runs.
 */
export function postParsedSystemVoucher(ledger: Ledger, actor: Actor, input: z.output<typeof systemVoucherInput>, options: SystemVoucherOptions = {}): { id: number; number: number; voucherNo: string } {
  return inTransaction(ledger, () => {
    assertPeriodOpen(ledger, input.date);
    const lines = resolveLines(ledger, input.lines);
    assertWithinBudget(ledger, lines);
    const id = insertVoucher(ledger, actor, { ...input, origin: 'system' });
    insertLines(ledger, id, lines);
    const posted = assignNumberAndPost(ledger, actor, { id, year: Number(input.date.slice(0, 4)) });
    // The lines as stored (the same values and order storedLines reads back), without reading them again.
    const { lines: _lines, ...header } = input;
    const after = options.audit === 'digest'
      ? { ...header, ...posted, lineCount: lines.length, debitFen: sumFen(lines.map((l) => l.debitFen)), creditFen: sumFen(lines.map((l) => l.creditFen)), linesDigest: linesDigest(lines) }
      : { ...input, lines: lineValues(lines), ...posted };
    appendAudit(ledger, actor, { entity: 'voucher', entityId: id, action: 'post_system', after });
    return { id, ...posted };
  });
}
