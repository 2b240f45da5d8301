import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../db/shared/tx';
import { verifyAuditChain } from '../../db/audit';
import { createVoucher, deleteVoucher, postSystemVoucher, postVoucher, reverseVoucher, reviewVoucher, unreviewVoucher, updateVoucher } from '../../db/funds/vouchers';
import { getVoucher, listVouchers } from '../../db/funds/voucherQueries';
import { closePeriod, reopenPeriod } from '../../db/funds/periods';
import { trialBalance } from '../../db/funds/trialBalance';
import { count } from '../support/tmp';
import { credit, debit, fundsWorld, postNew, projectPayment, receipt, thrown } from './funds.helpers';

describe('vouchers', () => {
  it('go draft → reviewed → posted and get continuous numbers per year at posting', () => {
    const w = fundsWorld();
    const a = createVoucher(w.ledger, w.accountant, receipt(w, 50_000_000));
    const b = createVoucher(w.ledger, w.accountant, projectPayment(w, 1_000_000));
    const dropped = createVoucher(w.ledger, w.accountant, projectPayment(w, 2_000_000));
    deleteVoucher(w.ledger, w.accountant, { voucherId: dropped.id });
    expect(getVoucher(w.ledger, a.id).voucherNo).toBeNull();
    // Posting order, not creation order, gives the numbers.
    for (const v of [b, a]) reviewVoucher(w.ledger, w.reviewer, { voucherId: v.id });
    expect(postVoucher(w.ledger, w.accountant, { voucherId: b.id }).voucherNo).toBe('记-2026-0001');
    expect(postVoucher(w.ledger, w.reviewer, { voucherId: a.id }).voucherNo).toBe('记-2026-0002');
    expect(postNew(w, receipt(w, 100, '2027-01-05')).voucherNo).toBe('记-2027-0001');
    expect(postNew(w, receipt(w, 100, '2026-12-31')).voucherNo).toBe('记-2026-0003');
    const numbers = w.ledger.sqlite.prepare(`SELECT number FROM vouchers WHERE year = 2026 AND status = 'posted' ORDER BY number`).pluck().all();
    expect(numbers).toEqual([1, 2, 3]);
    expect(verifyAuditChain(w.ledger).ok).toBe(true);
  });

  it('are never reviewed by their preparer, not even an administrator', () => {
    const w = fundsWorld();
    const own = createVoucher(w.ledger, w.admin, receipt(w, 100));
    expect(thrown(() => reviewVoucher(w.ledger, w.admin, { voucherId: own.id })).message).toMatch(/another person must review/);
    // Whoever edits a draft becomes its preparer.
    const v = createVoucher(w.ledger, w.accountant, receipt(w, 100));
    updateVoucher(w.ledger, w.admin, { voucherId: v.id, ...receipt(w, 200) });
    expect(thrown(() => reviewVoucher(w.ledger, w.admin, { voucherId: v.id })).zh).toMatch(/须由他人审核/);
    reviewVoucher(w.ledger, w.reviewer, { voucherId: v.id });
    // Refused even with raw SQL.
    expect(() => w.ledger.sqlite.prepare('UPDATE vouchers SET reviewed_by = prepared_by WHERE id = ?').run(v.id)).toThrow(/CHECK constraint/);
  });

  it('keep review and posting to their roles', () => {
    const w = fundsWorld();
    const v = createVoucher(w.ledger, w.accountant, receipt(w, 100));
    expect(thrown(() => reviewVoucher(w.ledger, w.accountant2, { voucherId: v.id })).code).toBe('FORBIDDEN');
    reviewVoucher(w.ledger, w.reviewer, { voucherId: v.id });
    expect(thrown(() => postVoucher(w.ledger, w.auditor, { voucherId: v.id })).code).toBe('FORBIDDEN');
    unreviewVoucher(w.ledger, w.reviewer, { voucherId: v.id, reason: '摘要有误' });
    expect(thrown(() => postVoucher(w.ledger, w.reviewer, { voucherId: v.id })).message).toMatch(/Only a reviewed voucher/);
  });

  it('refuse lines that do not balance, carry two sides or miss a required dimension, naming the field', () => {
    const w = fundsWorld();
    const bank = w.acct('1001');
    const unbalanced = thrown(() => createVoucher(w.ledger, w.accountant, { date: '2026-02-01', memo: 'x', lines: [debit(bank, 100), credit(w.acct('4001.01'), 99, { sourceId: w.sourceId })] }));
    expect(unbalanced.message).toMatch(/Debits 1\.00 and credits 0\.99 differ by 0\.01/);
    expect(unbalanced.zh).toMatch(/借方合计/);
    const bothSides = thrown(() => createVoucher(w.ledger, w.accountant, { date: '2026-02-01', memo: 'x', lines: [{ accountId: bank, debitFen: 5, creditFen: 5 }, credit(bank, 5)] }));
    expect(bothSides.detail?.field).toBe('lines.0.debitFen');
    const zero = thrown(() => createVoucher(w.ledger, w.accountant, { date: '2026-02-01', memo: 'x', lines: [debit(bank, 0), credit(bank, 0)] }));
    expect(zero.detail?.field).toBe('lines.0.debitFen');
    const noSource = thrown(() => createVoucher(w.ledger, w.accountant, { date: '2026-02-01', memo: 'x', lines: [debit(bank, 5), credit(w.acct('4001.01'), 5)] }));
    expect(noSource.detail?.field).toBe('lines.1.sourceId');
    const summary = thrown(() => createVoucher(w.ledger, w.accountant, { date: '2026-02-01', memo: 'x', lines: [debit(w.acct('5001'), 5), credit(bank, 5)] }));
    expect(summary.message).toMatch(/has sub-accounts/);
    expect(() => w.ledger.sqlite.prepare(`INSERT INTO voucher_lines (voucher_id, line_no, account_id, debit_fen, credit_fen) VALUES (1, 9, 1, 5, 5)`).run()).toThrow(/CHECK constraint/);
    expect(count(w.ledger, 'vouchers')).toBe(0);
  });

  it('fill the village from the household and refuse one that disagrees', () => {
    const w = fundsWorld();
    const { id } = createVoucher(w.ledger, w.accountant, {
      date: '2026-03-01', memo: '教育资助',
      lines: [debit(w.acct('5002.02'), 150_000, { sourceId: w.sourceId, householdId: w.householdId }), credit(w.acct('1001'), 150_000)],
    });
    expect(getVoucher(w.ledger, id).lines[0]!.villageId).toBe(w.villageId);
    const payment = getVoucher(w.ledger, createVoucher(w.ledger, w.accountant, projectPayment(w, 100)).id);
    expect(payment.lines[0]!.villageName).toBe('石桥村');
    expect(getVoucher(w.ledger, id).totalCapital).toBe('壹仟伍佰元整');
  });
});

describe('posted vouchers', () => {
  it('cannot be changed or deleted through the code', () => {
    const w = fundsWorld();
    const { id } = postNew(w, receipt(w, 100));
    expect(thrown(() => updateVoucher(w.ledger, w.accountant, { voucherId: id, ...receipt(w, 200) })).message).toMatch(/Only a draft voucher/);
    expect(thrown(() => deleteVoucher(w.ledger, w.accountant, { voucherId: id })).message).toMatch(/Only a draft voucher/);
  });

  it('cannot be changed or deleted even with raw SQL', () => {
    const w = fundsWorld();
    const { id } = postNew(w, receipt(w, 100));
    const draft = createVoucher(w.ledger, w.accountant, receipt(w, 300));
    const run = (sql: string) => () => w.ledger.sqlite.prepare(sql).run();
    expect(run(`UPDATE vouchers SET memo = 'changed' WHERE id = ${id}`)).toThrow(/posted voucher is immutable/);
    expect(run(`UPDATE vouchers SET status = 'draft', number = NULL, posted_by = NULL WHERE id = ${id}`)).toThrow(/immutable/);
    expect(run(`DELETE FROM vouchers WHERE id = ${id}`)).toThrow(/cannot be deleted/);
    expect(run(`UPDATE voucher_lines SET debit_fen = debit_fen + 1 WHERE voucher_id = ${id}`)).toThrow(/immutable/);
    expect(run(`DELETE FROM voucher_lines WHERE voucher_id = ${id}`)).toThrow(/immutable/);
    expect(run(`INSERT INTO voucher_lines (voucher_id, line_no, account_id, debit_fen) VALUES (${id}, 9, 1, 5)`)).toThrow(/immutable/);
    expect(run(`UPDATE voucher_lines SET voucher_id = ${id}, line_no = line_no + 10 WHERE voucher_id = ${draft.id}`)).toThrow(/immutable/);
    expect(run(`INSERT INTO vouchers (year, date, memo, status, number, posted_by, reviewed_by, prepared_by, prepared_at) VALUES (2026, '2026-02-02', 'x', 'posted', 2, 1, 2, 3, 'now')`)).toThrow(/posted only after/);
    expect(run('DELETE FROM fund_balances')).toThrow(/cannot be deleted/);
    expect(run('UPDATE fund_balances SET debit_fen = 0')).toThrow(/only grow/);
    // Drafts stay editable at the SQL level.
    expect(run(`UPDATE vouchers SET memo = 'fine' WHERE id = ${draft.id}`)).not.toThrow();
  });

  it('refuse to post, even by raw SQL, a voucher that does not balance or skips a number', () => {
    const w = fundsWorld();
    const v = createVoucher(w.ledger, w.accountant, receipt(w, 100));
    reviewVoucher(w.ledger, w.reviewer, { voucherId: v.id });
    w.ledger.sqlite.prepare('UPDATE voucher_lines SET debit_fen = 101 WHERE voucher_id = ? AND debit_fen > 0').run(v.id);
    const post = (n: number) => () => w.ledger.sqlite.prepare(`UPDATE vouchers SET status = 'posted', number = ?, posted_by = 1 WHERE id = ?`).run(n, v.id);
    expect(post(1)).toThrow(/does not balance/);
    w.ledger.sqlite.prepare('UPDATE voucher_lines SET debit_fen = 100 WHERE voucher_id = ? AND debit_fen > 0').run(v.id);
    expect(post(2)).toThrow(/continuous/);
    expect(post(1)).not.toThrow();
  });
});

describe('reversals (红字冲销)', () => {
  it('mirror the original exactly, point at it, and net its accounts to zero', () => {
    const w = fundsWorld();
    postNew(w, receipt(w, 50_000_000));
    const original = postNew(w, projectPayment(w, 1_234_567));
    const { id } = reverseVoucher(w.ledger, w.accountant, { voucherId: original.id, date: '2026-03-20' });
    reviewVoucher(w.ledger, w.reviewer, { voucherId: id });
    postVoucher(w.ledger, w.reviewer, { voucherId: id });
    const o = getVoucher(w.ledger, original.id);
    const r = getVoucher(w.ledger, id);
    expect(r.origin).toBe('reversal');
    expect(r.reversesId).toBe(original.id);
    expect(r.reversesNo).toBe(original.voucherNo);
    expect(o.reversedByNo).toBe(r.voucherNo);
    expect(r.memo).toContain(original.voucherNo);
    const strip = (l: (typeof o.lines)[number]) => ({ ...l, debitFen: 0, creditFen: 0 });
    expect(r.lines.map(strip)).toEqual(o.lines.map(strip));
    expect(r.lines.map((l) => [l.debitFen, l.creditFen])).toEqual(o.lines.map((l) => [l.creditFen, l.debitFen]));
    const tb = trialBalance(w.ledger, { from: '2026-01', to: '2026-12' });
    const spending = tb.rows.find((x) => x.code === '5001.02')!;
    expect(spending.closingDebit - spending.closingCredit).toBe(0);
    expect(tb.balanced).toBe(true);
  });

  it('happen once per original, only to posted vouchers, and never to a reversal', () => {
    const w = fundsWorld();
    const original = postNew(w, receipt(w, 100));
    const draft = createVoucher(w.ledger, w.accountant, receipt(w, 100));
    expect(thrown(() => reverseVoucher(w.ledger, w.accountant, { voucherId: draft.id, date: '2026-03-01' })).message).toMatch(/Only a posted voucher/);
    const first = reverseVoucher(w.ledger, w.accountant, { voucherId: original.id, date: '2026-03-01' });
    expect(thrown(() => reverseVoucher(w.ledger, w.accountant, { voucherId: original.id, date: '2026-03-01' })).message).toMatch(/already reversed/);
    expect(thrown(() => updateVoucher(w.ledger, w.accountant, { voucherId: first.id, ...receipt(w, 5) })).message).toMatch(/mirrors its original/);
    // A deleted reversal draft frees the original again.
    deleteVoucher(w.ledger, w.accountant, { voucherId: first.id });
    const again = reverseVoucher(w.ledger, w.accountant, { voucherId: original.id, date: '2026-03-01' });
    reviewVoucher(w.ledger, w.reviewer, { voucherId: again.id });
    postVoucher(w.ledger, w.reviewer, { voucherId: again.id });
    expect(thrown(() => reverseVoucher(w.ledger, w.accountant, { voucherId: again.id, date: '2026-03-02' })).message).toMatch(/cannot itself be reversed/);
    expect(() => w.ledger.sqlite.prepare('UPDATE vouchers SET reverses_id = ? WHERE id = ?').run(original.id, draft.id)).toThrow(/UNIQUE/);
  });
});

describe('periods', () => {
  it('once closed, refuse new postings and drafts in them, also at the database level', () => {
    const w = fundsWorld();
    postNew(w, receipt(w, 50_000_000, '2026-02-10'));
    const pending = createVoucher(w.ledger, w.accountant, projectPayment(w, 100, '2026-03-05'));
    reviewVoucher(w.ledger, w.reviewer, { voucherId: pending.id });
    expect(thrown(() => closePeriod(w.ledger, w.accountant, { period: '2026-03' })).message).toMatch(/not posted yet/);
    closePeriod(w.ledger, w.accountant, { period: '2026-02' });
    expect(thrown(() => createVoucher(w.ledger, w.accountant, receipt(w, 1, '2026-02-28'))).message).toMatch(/2026-02 is closed/);
    expect(thrown(() => reverseVoucher(w.ledger, w.accountant, { voucherId: 1, date: '2026-02-28' })).detail?.field).toBe('date');
    // A voucher whose month closed after it was reviewed cannot be posted either.
    w.ledger.sqlite.prepare(`INSERT INTO fund_periods (period, closed_by, closed_at) VALUES ('2026-03', 1, 'now')`).run();
    expect(thrown(() => postVoucher(w.ledger, w.reviewer, { voucherId: pending.id })).zh).toMatch(/已结账/);
    expect(() => w.ledger.sqlite.prepare(`UPDATE vouchers SET status = 'posted', number = 2, posted_by = 1 WHERE id = ?`).run(pending.id)).toThrow(/period of this voucher is closed/);
    expect(thrown(() => reopenPeriod(w.ledger, w.admin, { period: '2026-02' })).message).toMatch(/Reopen 2026-03 first/);
    reopenPeriod(w.ledger, w.admin, { period: '2026-03' });
    expect(postVoucher(w.ledger, w.reviewer, { voucherId: pending.id }).voucherNo).toBe('记-2026-0002');
  });
});

describe('system vouchers', () => {
  it('are created and posted at once, inside the caller’s transaction', () => {
    const w = fundsWorld();
    const income = { date: '2026-06-30', memo: '光伏电站收益', originRef: 'distribution:1', lines: [debit(w.acct('1001'), 80_000), credit(w.acct('4101'), 80_000, { assetId: 7 })] };
    const posted = postSystemVoucher(w.ledger, w.admin, income);
    expect(posted.voucherNo).toBe('记-2026-0001');
    expect(getVoucher(w.ledger, posted.id)).toMatchObject({ status: 'posted', origin: 'system', reviewedBy: null });
    expect(() => inTransaction(w.ledger, () => {
      postSystemVoucher(w.ledger, w.admin, income);
      throw new Error('the distribution failed');
    })).toThrow(/distribution failed/);
    expect(listVouchers(w.ledger, {}).total).toBe(1);
    expect(postSystemVoucher(w.ledger, w.admin, income).voucherNo).toBe('记-2026-0002');
  });
});
