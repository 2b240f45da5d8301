import type { Ledger } from '../../db/ledger';
import type { Actor } from '../../db/actor';
import { accountByCode } from '../../db/funds/accounts';
import { createSource, allocate } from '../../db/funds/sources';
import { createProject } from '../../db/funds/projects';
import { createVoucher, postVoucher, reviewVoucher } from '../../db/funds/vouchers';
import type { LineInput, VoucherFields } from '../../db/funds/schemas';
import { createHousehold } from '../../db/registry/households';
import { tempLedger } from '../support/tmp';
import type { Role } from '../../db/roles';
import { household, seedVillage } from '../support/fixtures';

export interface World {
  ledger: Ledger;
  villageId: number;
  householdId: number;
  accountant: Actor;
  accountant2: Actor;
  reviewer: Actor;
  admin: Actor;
  auditor: Actor;
  /** Account id by code. */
  acct: (code: string) => number;
  sourceId: number;
  projectId: number;
}

/** A user row without the cost of hashing a password (these users never sign in). */
export function quickActor(ledger: Ledger, role: Role, username: string): Actor {
  const { id } = ledger.sqlite
    .prepare(`INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, 'unusable', 'now') RETURNING id`)
    .get(username, username, role) as { id: number };
  return { userId: id, userName: username, role, method: 'test' };
}

/**
 * A ledger with one village and household, the four roles, one central special-fund source of
 * 1,000,000.00 yuan and one project in the village allocated 300,000.00 of it.
 */
export function fundsWorld(): World {
  const ledger = tempLedger();
  const { villageId } = seedVillage(ledger);
  const admin = quickActor(ledger, 'admin', 'adm1');
  const { id: householdId } = createHousehold(ledger, quickActor(ledger, 'registrar', 'reg1'), household(villageId, 'H-0001'));
  const accountant = quickActor(ledger, 'accountant', 'acc1');
  const accountant2 = quickActor(ledger, 'accountant', 'acc2');
  const reviewer = quickActor(ledger, 'reviewer', 'rev1');
  const auditor = quickActor(ledger, 'auditor', 'aud1');
  const { id: sourceId } = createSource(ledger, accountant, {
    level: 'central', type: 'special', year: 2026, docNo: '财农〔2026〕1号', title: '2026年中央财政衔接推进乡村振兴补助资金', amountFen: 100_000_000,
  });
  const { id: projectId } = createProject(ledger, accountant, {
    code: 'XM-2026-001', name: '石桥村产业路', type: 'infrastructure', year: 2026, budgetFen: 30_000_000,
    site: '石桥村3组', content: '硬化道路2公里', implementer: '青山镇人民政府', responsible: '李四', villageIds: [villageId],
  });
  allocate(ledger, accountant, { sourceId, projectId, amountFen: 30_000_000, docNo: '县财农〔2026〕5号', allocatedOn: '2026-02-01' });
  const acct = (code: string) => accountByCode(ledger, code).id;
  return { ledger, villageId, householdId, accountant, accountant2, reviewer, admin, auditor, acct, sourceId, projectId };
}

export const debit = (accountId: number, fen: number, dims: Partial<LineInput> = {}): LineInput => ({ accountId, debitFen: fen, ...dims });
export const credit = (accountId: number, fen: number, dims: Partial<LineInput> = {}): LineInput => ({ accountId, creditFen: fen, ...dims });

/** Receipt of money from the world's source into the special bank account. */
export function receipt(w: World, fen: number, date = '2026-02-10'): VoucherFields {
  return { date, memo: '收到中央资金', lines: [debit(w.acct('1001'), fen), credit(w.acct('4001.01'), fen, { sourceId: w.sourceId })] };
}

/** A payment on the world's project (infrastructure spending). */
export function projectPayment(w: World, fen: number, date = '2026-03-15'): VoucherFields {
  return {
    date, memo: '支付产业路工程款',
    lines: [debit(w.acct('5001.02'), fen, { sourceId: w.sourceId, projectId: w.projectId }), credit(w.acct('1001'), fen)],
  };
}

/** Prepared by the accountant, reviewed and posted by the reviewer. */
export function postNew(w: World, fields: VoucherFields, preparer = w.accountant): { id: number; number: number; voucherNo: string } {
  const { id } = createVoucher(w.ledger, preparer, fields);
  reviewVoucher(w.ledger, w.reviewer, { voucherId: id });
  return { id, ...postVoucher(w.ledger, w.reviewer, { voucherId: id }) };
}

export function thrown(fn: () => unknown): Error & { zh?: string; code?: string; detail?: { field?: string } } {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a refusal');
}
