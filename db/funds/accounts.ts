import type { z } from 'zod';
import type { Ledger } from '../ledger';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { fail, invalid, notFound } from '../errors';
import { inTransaction, nowIso } from '../shared/tx';
import { NORMAL_SIDE, TYPE_DIGIT, type AccountType, type Dimension, type Side } from './format';
import { createAccountInput, updateAccountInput } from './schemas';
import { prepared } from './prepared';

export interface AccountRow {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  parentId: number | null;
  type: AccountType;
  normalSide: Side;
  fundRole: 'receipt' | 'use' | null;
  requiredDims: Dimension[];
  system: boolean;
  active: boolean;
  /** Only leaves take entries. */
  leaf: boolean;
  depth: number;
}

const SELECT = `SELECT a.id, a.code, a.name_zh AS nameZh, a.name_en AS nameEn, a.parent_id AS parentId, a.type,
  a.normal_side AS normalSide, a.fund_role AS fundRole, a.required_dims AS requiredDims, a.system, a.active,
  NOT EXISTS (SELECT 1 FROM fund_accounts c WHERE c.parent_id = a.id) AS leaf
  FROM fund_accounts a`;

type RawAccount = Omit<AccountRow, 'requiredDims' | 'system' | 'active' | 'leaf' | 'depth'> & {
  requiredDims: string; system: number; active: number; leaf: number;
};

function toRow(r: RawAccount): AccountRow {
  return {
    ...r,
    requiredDims: r.requiredDims ? (r.requiredDims.split(',') as Dimension[]) : [],
    system: r.system === 1,
    active: r.active === 1,
    leaf: r.leaf === 1,
    depth: r.code.split('.').length - 1,
  };
}

/** The whole chart in code order (a parent comes right before its children). */
export function listAccounts(ledger: Ledger): AccountRow[] {
  return (ledger.sqlite.prepare(`${SELECT} ORDER BY a.code`).all() as RawAccount[]).map(toRow);
}

export function getAccount(ledger: Ledger, accountId: number): AccountRow {
  const row = prepared(ledger, `${SELECT} WHERE a.id = ?`).get(accountId) as RawAccount | undefined;
  if (!row) notFound('Account', '会计科目', accountId);
  return toRow(row);
}

/** The accounts with these ids, read in one query (ids that do not exist are simply absent). */
export function accountsById(ledger: Ledger, accountIds: readonly number[]): Map<number, AccountRow> {
  const rows = prepared(ledger, `${SELECT} WHERE a.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify([...new Set(accountIds)])) as RawAccount[];
  return new Map(rows.map((r) => [r.id, toRow(r)]));
}

export function accountByCode(ledger: Ledger, code: string): AccountRow {
  const row = prepared(ledger, `${SELECT} WHERE a.code = ?`).get(code) as RawAccount | undefined;
  if (!row) notFound('Account', '会计科目', code);
  return toRow(row);
}

function hasLines(ledger: Ledger, accountId: number): boolean {
  return ledger.sqlite.prepare('SELECT 1 FROM voucher_lines WHERE account_id = ? LIMIT 1').get(accountId) !== undefined;
}

function nextChildCode(ledger: Ledger, parent: AccountRow): string {
  const codes = ledger.sqlite.prepare('SELECT code FROM fund_accounts WHERE parent_id = ?').pluck().all(parent.id) as string[];
  const used = codes.map((c) => Number(c.slice(parent.code.length + 1)));
  const next = Math.max(0, ...used) + 1;
  if (next > 99) invalid('code', `Account ${parent.code} already has 99 sub-accounts`, `科目 ${parent.code} 的下级科目已满 99 个`);
  return `${parent.code}.${String(next).padStart(2, '0')}`;
}

const MAX_DEPTH = 3;

/**
 * Adds an account. A sub-account inherits its parent's type, normal side, fund role and required
 * dimensions; it can only be added under an account that has no entries yet, because the parent
 * becomes a summary account that no longer takes entries itself.
 */
export function createAccount(ledger: Ledger, actor: Actor, raw: z.input<typeof createAccountInput>): AccountRow {
  const input = createAccountInput.parse(raw);
  return inTransaction(ledger, () => {
    let values: { code: string; type: AccountType; normalSide: Side; fundRole: string | null; requiredDims: string; parentId: number | null };
    if (input.parentId) {
      const parent = getAccount(ledger, input.parentId);
      if (parent.depth >= MAX_DEPTH) invalid('parentId', `Accounts go at most ${MAX_DEPTH + 1} levels deep`, `科目最多 ${MAX_DEPTH + 1} 级`);
      if (parent.leaf && hasLines(ledger, parent.id)) {
        invalid('parentId', `Account ${parent.code} already has entries; sub-accounts can only be added under an unused account`,
          `科目 ${parent.code} 已有记账记录，只能在未使用的科目下增设明细科目`);
      }
      const code = input.code || nextChildCode(ledger, parent);
      if (!new RegExp(`^${parent.code.replace(/\./g, '\\.')}\\.\\d{2}$`).test(code)) {
        invalid('code', `A sub-account of ${parent.code} is coded ${parent.code}.NN (two digits)`, `${parent.code} 的下级科目编码应为 ${parent.code}.NN（两位数字）`);
      }
      values = { code, type: parent.type, normalSide: parent.normalSide, fundRole: parent.fundRole, requiredDims: parent.requiredDims.join(','), parentId: parent.id };
    } else {
      const code = input.code ?? '';
      if (!input.type) invalid('type', 'A top-level account needs a type', '一级科目须选择科目类别');
      if (!/^\d{4}$/.test(code) || code[0] !== TYPE_DIGIT[input.type]) {
        invalid('code', `A top-level ${input.type} account is coded with four digits starting with ${TYPE_DIGIT[input.type]}`,
          `该类一级科目编码为以 ${TYPE_DIGIT[input.type]} 开头的四位数字`);
      }
      values = { code, type: input.type, normalSide: NORMAL_SIDE[input.type], fundRole: null, requiredDims: '', parentId: null };
    }
    if (ledger.sqlite.prepare('SELECT 1 FROM fund_accounts WHERE code = ?').get(values.code)) {
      invalid('code', `Account code ${values.code} is already used`, `科目编码 ${values.code} 已存在`);
    }
    const created = ledger.sqlite
      .prepare(`INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at)
                VALUES (@code, @nameZh, @nameEn, @parentId, @type, @normalSide, @fundRole, @requiredDims, 0, 1, @at) RETURNING id`)
      .get({ ...values, nameZh: input.nameZh, nameEn: input.nameEn, at: nowIso() }) as { id: number };
    const row = getAccount(ledger, created.id);
    appendAudit(ledger, actor, { entity: 'fund_account', entityId: row.id, action: 'create', after: row });
    return row;
  });
}

/** Renames or (de)activates an account the users added; seeded accounts are fixed. */
export function updateAccount(ledger: Ledger, actor: Actor, raw: z.input<typeof updateAccountInput>): AccountRow {
  const input = updateAccountInput.parse(raw);
  return inTransaction(ledger, () => {
    const before = getAccount(ledger, input.accountId);
    if (before.system) fail('RULE', `Account ${before.code} belongs to the seeded chart and cannot be changed`, `科目 ${before.code} 属于系统预置科目，不能修改`, { field: 'accountId' });
    if (input.active === false) {
      const open = ledger.sqlite
        .prepare(`SELECT coalesce(sum(debit_fen) - sum(credit_fen), 0) FROM fund_balances b JOIN fund_accounts a ON a.id = b.account_id
                   WHERE a.code = @code OR a.code LIKE @code || '.%'`)
        .pluck().get({ code: before.code }) as number;
      const drafts = ledger.sqlite
        .prepare(`SELECT count(*) FROM voucher_lines l JOIN vouchers v ON v.id = l.voucher_id WHERE l.account_id = ? AND v.status <> 'posted'`)
        .pluck().get(before.id) as number;
      if (open !== 0 || drafts > 0) {
        fail('RULE', `Account ${before.code} still has a balance or unposted entries and cannot be deactivated`,
          `科目 ${before.code} 仍有余额或未记账分录，不能停用`, { field: 'active' });
      }
    }
    ledger.sqlite
      .prepare('UPDATE fund_accounts SET name_zh = @nameZh, name_en = @nameEn, active = @active WHERE id = @id')
      .run({ id: before.id, nameZh: input.nameZh ?? before.nameZh, nameEn: input.nameEn ?? before.nameEn, active: (input.active ?? before.active) ? 1 : 0 });
    const after = getAccount(ledger, before.id);
    appendAudit(ledger, actor, { entity: 'fund_account', entityId: before.id, action: 'update', before, after });
    return after;
  });
}
