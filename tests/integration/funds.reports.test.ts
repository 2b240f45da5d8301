import { describe, expect, it } from 'vitest';
import { postSystemVoucher, postVoucher, reverseVoucher, reviewVoucher } from '../../db/funds/vouchers';
import { trialBalance, verifyBalances } from '../../db/funds/trialBalance';
import { projectRegister, sourceExecution, villageSummary } from '../../db/funds/execution';
import { benefitsReport, householdBenefits } from '../../db/funds/benefits';
import { journal, ledgerRegister } from '../../db/funds/registers';
import { disclosure } from '../../db/funds/disclosure';
import { setBeneficiaries } from '../../db/funds/projects';
import { percentText } from '../../db/funds/format';
import { credit, debit, fundsWorld, postNew, projectPayment, receipt, type World } from './funds.helpers';

/** One year of activity: receipt, a project payment, two household payments (one reversed), a dividend, and a 2027 payment. */
function activity() {
  const w = fundsWorld();
  const toHousehold = (code: string, fen: number, date: string) => ({
    date, memo: '到户补助',
    lines: [debit(w.acct(code), fen, { sourceId: w.sourceId, householdId: w.householdId }), credit(w.acct('1001'), fen)],
  });
  postNew(w, receipt(w, 100_000_000));
  postNew(w, projectPayment(w, 12_000_050));
  postNew(w, toHousehold('5002.02', 150_000, '2026-04-01'));
  const industry = postNew(w, toHousehold('5002.01', 200_000, '2026-04-02'));
  const { id } = reverseVoucher(w.ledger, w.accountant, { voucherId: industry.id, date: '2026-04-03' });
  reviewVoucher(w.ledger, w.reviewer, { voucherId: id });
  postVoucher(w.ledger, w.reviewer, { voucherId: id });
  postSystemVoucher(w.ledger, w.admin, {
    date: '2026-12-20', memo: '光伏收益分红',
    lines: [debit(w.acct('5101.01'), 30_000, { householdId: w.householdId, assetId: 3 }), credit(w.acct('1001'), 30_000)],
  });
  postNew(w, toHousehold('5002.02', 80_000, '2027-03-01'));
  setBeneficiaries(w.ledger, w.accountant, { projectId: w.projectId, householdIds: [w.householdId] });
  return w;
}

const net = (w: World, code: string, from = '2026-01', to = '2027-12') => {
  const row = trialBalance(w.ledger, { from, to, includeZero: true }).rows.find((r) => r.code === code)!;
  return row.closingDebit - row.closingCredit;
};

describe('reports', () => {
  it('trial balance: balanced, parents summing children, opening + turnover = closing', () => {
    const w = activity();
    const year = trialBalance(w.ledger, { from: '2026-01', to: '2026-12' });
    expect(year.balanced).toBe(true);
    expect(year.totals.periodDebit).toBe(100_000_000 + 12_000_050 + 150_000 + 200_000 * 2 + 30_000);
    expect(net(w, '1001', '2026-01', '2026-12')).toBe(100_000_000 - 12_000_050 - 150_000 - 30_000);
    expect(net(w, '5002')).toBe(net(w, '5002.01') + net(w, '5002.02'));
    expect(net(w, '5002.01')).toBe(0);
    const later = trialBalance(w.ledger, { from: '2027-01', to: '2027-12' });
    const bank = later.rows.find((r) => r.code === '1001')!;
    expect(bank.openingDebit).toBe(net(w, '1001', '2026-01', '2026-12'));
    expect(bank.openingDebit + bank.periodDebit - bank.periodCredit).toBe(bank.closingDebit);
    expect(year.rows.every((r) => r.code !== '2001')).toBe(true); // zero rows left out by default
    expect(verifyBalances(w.ledger)).toEqual({ ok: true, mismatches: [] });
  });

  it('source execution and project register: received, allocated, spent and progress', () => {
    const w = activity();
    const [source] = sourceExecution(w.ledger, { year: 2026 }).rows;
    expect(source).toMatchObject({ amountFen: 100_000_000, receivedFen: 100_000_000, allocatedFen: 30_000_000, spentFen: 12_000_050 + 150_000 + 80_000 });
    expect(percentText(source!.progressBp)).toBe('12.23%');
    const [project] = projectRegister(w.ledger, { year: 2026 }).rows;
    expect(project).toMatchObject({ allocatedFen: 30_000_000, spentFen: 12_000_050, beneficiaryHouseholds: 1, villages: '石桥村' });
    expect(percentText(project!.progressBp)).toBe('40.00%');
  });

  it('village summary and household benefits by year and type', () => {
    const w = activity();
    expect(villageSummary(w.ledger, { year: 2026 }).rows).toEqual([{
      villageId: w.villageId, village: '石桥村', township: '青山镇', projects: 1,
      spentFen: 12_000_050 + 150_000, householdsPaid: 1, paidToHouseholdsFen: 150_000 + 30_000,
    }]);
    const card = householdBenefits(w.ledger, w.householdId, 2026);
    expect(card.lines.map((l) => [l.code, l.nameZh, l.amountFen])).toEqual([['5002.02', '教育资助', 150_000], ['5101.01', '分红到户', 30_000]]);
    expect(card.totalFen).toBe(180_000);
    expect(householdBenefits(w.ledger, w.householdId, 2027).totalFen).toBe(80_000);
    expect(benefitsReport(w.ledger, { year: 2026, villageId: w.villageId })).toMatchObject({ households: 1, totalFen: 180_000 });
  });

  it('journal and ledger registers filter by account subtree and dimensions, with running balances', () => {
    const w = activity();
    const spending = journal(w.ledger, { accountId: w.acct('5002'), to: '2026-12-31' });
    expect(spending.rows.map((r) => [r.accountCode, r.debitFen, r.creditFen])).toEqual([['5002.02', 150_000, 0], ['5002.01', 200_000, 0], ['5002.01', 0, 200_000]]);
    expect([spending.debitFen, spending.creditFen]).toEqual([350_000, 200_000]);
    expect(journal(w.ledger, { householdId: w.householdId, q: '分红' }).total).toBe(1);
    const bank = ledgerRegister(w.ledger, { accountId: w.acct('1001'), from: '2026-04-01', limit: 3 });
    expect(bank.openingFen).toBe(100_000_000 - 12_000_050);
    expect(bank.rows.map((r) => r.balanceFen)).toEqual([bank.openingFen - 150_000, bank.openingFen - 350_000, bank.openingFen - 150_000]);
    expect(bank.total).toBe(5);
    expect(bank.closingFen).toBe(net(w, '1001'));
    const page2 = ledgerRegister(w.ledger, { accountId: w.acct('1001'), from: '2026-04-01', offset: 3, limit: 3 });
    expect(page2.rows.at(-1)!.balanceFen).toBe(bank.closingFen);
    // A credit-side account runs positive on its credit side.
    expect(ledgerRegister(w.ledger, { accountId: w.acct('4001') }).closingFen).toBe(100_000_000);
  });

  it('disclosure: projects with site, content, period, implementer, amount and beneficiaries; funds by source; households paid', () => {
    const w = activity();
    const d = disclosure(w.ledger, { year: 2026, villageId: w.villageId });
    expect(d.village).toMatchObject({ name: '石桥村', township: '青山镇' });
    expect(d.projects).toEqual([expect.objectContaining({
      name: '石桥村产业路', site: '石桥村3组', content: '硬化道路2公里', implementer: '青山镇人民政府',
      amountFen: 30_000_000, spentFen: 12_000_050, beneficiaryHouseholds: 1, beneficiaryPeople: 2,
    })]);
    expect(d.funds).toEqual([expect.objectContaining({ docNo: '财农〔2026〕1号', level: 'central', amountFen: 30_000_000 })]);
    expect(d.householdsPaid).toEqual([expect.objectContaining({ archiveNo: 'H-0001', amountFen: 150_000 })]);
    expect(JSON.stringify(d)).not.toMatch(/\d{17}[\dX]|bank|phone/i);
    expect(disclosure(w.ledger, { year: 2026 }).fundsTotalFen).toBe(100_000_000);
  });
});
