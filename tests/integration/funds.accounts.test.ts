import { describe, expect, it } from 'vitest';
import { accountByCode, createAccount, listAccounts, updateAccount } from '../../db/funds/accounts';
import { BANK_ACCOUNT, NORMAL_SIDE, receiptAccountCode } from '../../db/funds/format';
import { codesOf } from '../../db/codes';
import { createVoucher } from '../../db/funds/vouchers';
import { credit, debit, fundsWorld, postNew, receipt, thrown } from './funds.helpers';

describe('chart of accounts', () => {
  it('is seeded, hierarchical, and consistent in type and normal side', () => {
    const w = fundsWorld();
    const accounts = listAccounts(w.ledger);
    expect(accounts.length).toBeGreaterThan(40);
    const byId = new Map(accounts.map((a) => [a.id, a]));
    for (const a of accounts) {
      expect(a.normalSide).toBe(NORMAL_SIDE[a.type]);
      if (a.parentId === null) {
        expect(a.code).toMatch(/^\d{4}$/);
      } else {
        const parent = byId.get(a.parentId)!;
        expect(a.code.startsWith(`${parent.code}.`)).toBe(true);
        expect([a.type, a.fundRole]).toEqual([parent.type, parent.fundRole]);
        expect(a.requiredDims).toEqual(expect.arrayContaining(parent.requiredDims));
      }
    }
    // Every code the ledger refers to exists and takes entries.
    const referenced = [BANK_ACCOUNT, ...codesOf('fundType').flatMap((t) => codesOf('fundLevel').map((l) => receiptAccountCode(t, l)))];
    for (const code of referenced) expect(accountByCode(w.ledger, code).leaf).toBe(true);
    // One project-spending account per project type, in the code list's order.
    expect(accounts.filter((a) => a.parentId === accountByCode(w.ledger, '5001').id)).toHaveLength(codesOf('projectType').length);
  });

  it('grows under a parent with the next code and the parent’s rules', () => {
    const w = fundsWorld();
    const child = createAccount(w.ledger, w.accountant, { parentId: w.acct('5002'), nameZh: '雨露计划补助', nameEn: 'Rain-and-dew training grants' });
    expect(child).toMatchObject({ code: '5002.08', type: 'expense', normalSide: 'debit', fundRole: 'use', requiredDims: ['source', 'household'], system: false, leaf: true });
    const grandchild = createAccount(w.ledger, w.accountant, { parentId: child.id, code: '5002.08.01', nameZh: '中职', nameEn: 'Vocational school' });
    expect(grandchild.depth).toBe(2);
    expect(thrown(() => createAccount(w.ledger, w.accountant, { parentId: child.id, code: '5002.09', nameZh: 'x', nameEn: 'x' })).detail?.field).toBe('code');
    const top = createAccount(w.ledger, w.accountant, { code: '1002', type: 'asset', nameZh: '零余额账户用款额度', nameEn: 'Zero-balance account quota' });
    expect(top.normalSide).toBe('debit');
    expect(thrown(() => createAccount(w.ledger, w.accountant, { code: '2999', type: 'asset', nameZh: 'x', nameEn: 'x' })).message).toMatch(/starting with 1/);
    expect(thrown(() => createAccount(w.ledger, w.accountant, { code: '1002', type: 'asset', nameZh: 'x', nameEn: 'x' })).message).toMatch(/already used/);
  });

  it('refuses sub-accounts under an account that has entries, and changes to the seeded chart', () => {
    const w = fundsWorld();
    postNew(w, receipt(w, 100));
    expect(thrown(() => createAccount(w.ledger, w.accountant, { parentId: w.acct('1001'), nameZh: '农行', nameEn: 'ABC' })).message).toMatch(/already has entries/);
    expect(thrown(() => updateAccount(w.ledger, w.accountant, { accountId: w.acct('1001'), nameZh: '改名' })).message).toMatch(/seeded chart/);
  });

  it('deactivates a user account only when it is clear, and then refuses entries on it', () => {
    const w = fundsWorld();
    const bank2 = createAccount(w.ledger, w.accountant, { code: '1002', type: 'asset', nameZh: '备用账户', nameEn: 'Spare account' });
    const fields = { date: '2026-02-01', memo: '转账', lines: [debit(bank2.id, 100), credit(w.acct('1001'), 100)] };
    postNew(w, receipt(w, 100));
    postNew(w, fields);
    expect(thrown(() => updateAccount(w.ledger, w.accountant, { accountId: bank2.id, active: false })).message).toMatch(/still has a balance/);
    postNew(w, { ...fields, lines: [credit(bank2.id, 100), debit(w.acct('1001'), 100)] });
    expect(updateAccount(w.ledger, w.accountant, { accountId: bank2.id, active: false, nameEn: 'Closed account' }).active).toBe(false);
    expect(thrown(() => createVoucher(w.ledger, w.accountant, fields)).message).toMatch(/deactivated/);
  });
});
