import { describe, expect, it } from 'vitest';
import { createVoucher, postVoucher, reviewVoucher } from '../../db/funds/vouchers';
import { allocate, createSource, updateSource } from '../../db/funds/sources';
import { count } from '../support/tmp';
import { credit, debit, fundsWorld, postNew, projectPayment, receipt, thrown } from './funds.helpers';

describe('budget control', () => {
  it('refuses a payment that takes a project past its allocation, with the figures in both languages', () => {
    const w = fundsWorld();
    postNew(w, receipt(w, 100_000_000));
    postNew(w, projectPayment(w, 25_000_000));
    const before = count(w.ledger, 'vouchers');
    const err = thrown(() => createVoucher(w.ledger, w.accountant, projectPayment(w, 5_000_001)));
    expect(err.code).toBe('RULE');
    expect(err.message).toBe('Over budget: project XM-2026-001 石桥村产业路 was allocated 300,000.00 from source 财农〔2026〕1号; spent so far 250,000.00, this voucher 50,000.01, together 300,000.01 — 0.01 too much');
    expect(err.zh).toBe('超出预算：项目 XM-2026-001 石桥村产业路 从资金 财农〔2026〕1号 获分配 300,000.00 元，已支出 250,000.00 元，本凭证 50,000.01 元，合计 300,000.01 元，超出 0.01 元');
    expect(err.detail?.field).toBe('lines.0');
    expect(count(w.ledger, 'vouchers')).toBe(before);
    // Exactly up to the allocation is fine.
    postNew(w, projectPayment(w, 5_000_000));
  });

  it('checks again at posting, so two drafts cannot together overspend', () => {
    const w = fundsWorld();
    const a = createVoucher(w.ledger, w.accountant, projectPayment(w, 20_000_000));
    const b = createVoucher(w.ledger, w.accountant, projectPayment(w, 20_000_000));
    for (const v of [a, b]) reviewVoucher(w.ledger, w.reviewer, { voucherId: v.id });
    postVoucher(w.ledger, w.reviewer, { voucherId: a.id });
    expect(thrown(() => postVoucher(w.ledger, w.reviewer, { voucherId: b.id })).message).toMatch(/100,000.00 too much/);
  });

  it('keeps spending outside projects within the part of a source not allocated to projects', () => {
    const w = fundsWorld();
    const pay = (fen: number) => ({
      date: '2026-04-01', memo: '产业奖补',
      lines: [debit(w.acct('5002.01'), fen, { sourceId: w.sourceId, householdId: w.householdId }), credit(w.acct('1001'), fen)],
    });
    postNew(w, pay(60_000_000));
    const err = thrown(() => createVoucher(w.ledger, w.accountant, pay(10_000_001)));
    expect(err.message).toMatch(/source 财农〔2026〕1号 has 700,000.00 not allocated to projects \(amount 1,000,000.00\); spent outside projects so far 600,000.00, this voucher 100,000.01/);
    expect(err.zh).toMatch(/未分配到项目的金额为 700,000.00 元/);
    // Money spent outside projects is no longer there to allocate.
    expect(thrown(() => allocate(w.ledger, w.accountant, { sourceId: w.sourceId, projectId: w.projectId, amountFen: 10_000_001, allocatedOn: '2026-04-02' })).message)
      .toMatch(/only 100,000.00 left to allocate/);
  });

  it('needs an allocation from the very source a project pays from', () => {
    const w = fundsWorld();
    const { id: other } = createSource(w.ledger, w.accountant, { level: 'provincial', type: 'special', year: 2026, docNo: '省财〔2026〕9号', title: '省级资金', amountFen: 5_000_000 });
    const fields = projectPayment(w, 100);
    fields.lines[0] = { ...fields.lines[0]!, sourceId: other };
    expect(thrown(() => createVoucher(w.ledger, w.accountant, fields)).message).toMatch(/was allocated 0.00 from source 省财〔2026〕9号/);
  });

  it('lets a reversal through and never lets a reduction or a correction undercut what was spent', () => {
    const w = fundsWorld();
    const paid = postNew(w, projectPayment(w, 30_000_000));
    expect(thrown(() => allocate(w.ledger, w.accountant, { sourceId: w.sourceId, projectId: w.projectId, amountFen: -1, allocatedOn: '2026-05-01' })).message)
      .toMatch(/already spent 300,000.00.*cannot fall to 299,999.99/);
    expect(thrown(() => updateSource(w.ledger, w.accountant, { sourceId: w.sourceId, fields: { amountFen: 29_999_999 } })).detail?.field).toBe('amountFen');
    expect(thrown(() => updateSource(w.ledger, w.accountant, { sourceId: w.sourceId, fields: { level: 'city' } })).message).toMatch(/cannot change once/);
    expect(thrown(() => allocate(w.ledger, w.accountant, { sourceId: w.sourceId, projectId: w.projectId, amountFen: 70_000_001, allocatedOn: '2026-05-01' })).message)
      .toMatch(/only 700,000.00 left/);
    expect(paid.voucherNo).toBe('记-2026-0001');
  });
});
