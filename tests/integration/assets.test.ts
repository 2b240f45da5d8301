import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createHousehold } from '../../db/registry/households';
import { householdBenefits } from '../../db/funds/benefits';
import { trialBalance, verifyBalances } from '../../db/funds/trialBalance';
import { reverseVoucher, reviewVoucher, postVoucher } from '../../db/funds/vouchers';
import { verifyAuditChain } from '../../db/audit';
import { addInspection, disposeAsset, updateAsset } from '../../db/assets/register';
import { getAsset, listAssets } from '../../db/assets/queries';
import { costCandidates, costTrace, linkCost } from '../../db/assets/cost';
import { addShare, listShares, suggestedWeight, withdrawShare } from '../../db/assets/shares';
import { listIncomes, recordIncome } from '../../db/assets/income';
import { approvePlan, cancelPlan, preparePlan, storedAllocationDigest, storedAllocations } from '../../db/assets/plans';
import { allocationDigest } from '../../db/assets/compute';
import { approveReversal, payPlan, requestReversal, withdrawReversal } from '../../db/assets/pay';
import { getPlan, planAllocations } from '../../db/assets/planQueries';
import { bankCsv, bankRows, exportBankList } from '../../db/assets/bankList';
import { shareholderStatement } from '../../db/assets/statements';
import { household } from '../support/fixtures';
import { postNew, projectPayment, quickActor, receipt, thrown } from './funds.helpers';
import { assetsWorld, setHistory, type AssetsWorld } from './assets.helpers';

/**
 * Six households hold shares of the world's photovoltaic station:
 *   A  poor, a member who lost the ability to work (suggested weight 2)
 *   B  poor, also holds a public-welfare post
 *   C  cancelled (注销) before the plan's date
 *   D  every member deceased before the plan's date
 *   E  exited in 2024, grace period running
 *   F  exited in 2019, policies ended in 2024
 * and the village collective holds 5 units.
 */
function shareholdersWorld() {
  const w = assetsWorld();
  const registrar = quickActor(w.ledger, 'registrar', 'reg2');
  const make = (no: string) => createHousehold(w.ledger, registrar, household(w.villageId, no)).id;
  const A = w.householdId;
  const [B, C, D, E, F] = ['H-0002', 'H-0003', 'H-0004', 'H-0005', 'H-0006'].map(make) as [number, number, number, number, number];
  w.ledger.sqlite.prepare(`UPDATE members SET labour_ability = 'lost' WHERE household_id = ? AND relation = 'spouse'`).run(A);
  w.ledger.sqlite.prepare(`UPDATE members SET deceased = 1, deceased_on = '2025-05-01' WHERE household_id = ?`).run(D);
  w.ledger.sqlite.prepare(`UPDATE households SET bank_name = '农村信用社', bank_account = '6217000011112222' || id`).run();
  for (const h of [A, B, C, D, E, F]) addShare(w.ledger, w.accountant, { assetId: w.assetId, holderType: 'household', householdId: h, units: 10, fromDate: '2025-01-01' });
  addShare(w.ledger, w.accountant, { assetId: w.assetId, holderType: 'village', villageId: w.villageId, units: 5, fromDate: '2025-01-01' });
  const identify = { type: 'identify' as const, eventDate: '2016-03-01' };
  setHistory(w.ledger, C, [identify, { type: 'cancel', eventDate: '2025-12-01', cancelReason: 'error' }], w.admin);
  setHistory(w.ledger, E, [identify, { type: 'exit', eventDate: '2024-01-01' }], w.admin);
  setHistory(w.ledger, F, [identify, { type: 'exit', eventDate: '2019-01-01' }, { type: 'end_policy', eventDate: '2024-06-01' }], w.admin);
  for (const h of [A, B]) setHistory(w.ledger, h, [identify], w.admin);
  return { ...w, hh: { A, B, C, D, E, F } };
}

type SW = ReturnType<typeof shareholdersWorld>;

const INCOME = { receivedOn: '2026-03-31', period: '2026年第一季度发电收益', grossFen: 1_000_000, landRentFen: 50_000, taxInsuranceFen: 20_000, maintenanceFen: 30_001 };

function incomeAndPlan(w: SW, overrides: Partial<Parameters<typeof preparePlan>[2]> = {}) {
  recordIncome(w.ledger, w.accountant, { assetId: w.assetId, ...INCOME });
  return preparePlan(w.ledger, w.accountant, {
    assetId: w.assetId, title: '2026年一季度收益分配', asOf: '2026-04-10', postBp: 3000, worksBp: 2000, exitedRule: 'only-with-policy',
    postHolders: [{ householdId: w.hh.B, weight: 3 }], ...overrides,
  });
}

const allocations = (w: AssetsWorld, planId: number) => planAllocations(w.ledger, { planId, limit: 500 }).rows;
const balanced = (w: AssetsWorld) => trialBalance(w.ledger, { from: '2026-01', to: '2026-12' });

describe('asset register', () => {
  it('traces cost to posted investment lines, and a reversed investment drops out', () => {
    const w = assetsWorld();
    postNew(w, receipt(w, 50_000_000));
    const pay = postNew(w, projectPayment(w, 12_345_678));
    expect(costCandidates(w.ledger, { assetId: w.assetId, projectId: w.projectId }).total).toBe(1);
    expect(linkCost(w.ledger, w.accountant, { assetId: w.assetId, voucherId: pay.id }).costFen).toBe(12_345_678);
    expect(costCandidates(w.ledger, { assetId: w.assetId }).total).toBe(0);
    expect(listAssets(w.ledger, {}).rows[0]!.costFen).toBe(12_345_678);
    expect(thrown(() => linkCost(w.ledger, w.accountant, { assetId: w.assetId, voucherId: pay.id })).code).toBe('CONFLICT');

    const { id } = reverseVoucher(w.ledger, w.accountant, { voucherId: pay.id, date: '2026-04-01' });
    reviewVoucher(w.ledger, w.reviewer, { voucherId: id });
    postVoucher(w.ledger, w.reviewer, { voucherId: id });
    const trace = costTrace(w.ledger, w.assetId);
    expect(trace.costFen).toBe(0);
    expect(trace.lines[0]!.reversedByNo).toMatch(/^记-2026-/);
  });

  it('records inspections and refuses disposal while shares are in force, then disposes', () => {
    const w = assetsWorld();
    addInspection(w.ledger, w.accountant, { assetId: w.assetId, inspectedOn: '2026-05-01', inspector: '王工', findings: '组件完好，发电正常' });
    const s = addShare(w.ledger, w.accountant, { assetId: w.assetId, holderType: 'household', householdId: w.householdId, units: 3, fromDate: '2026-01-01' });
    const dispose = { assetId: w.assetId, disposedOn: '2026-12-31', method: '报废', proceedsFen: 100_000, approval: '县乡村振兴局〔2026〕9号' };
    expect(thrown(() => disposeAsset(w.ledger, w.accountant, dispose)).message).toMatch(/still in force/);
    withdrawShare(w.ledger, w.accountant, { shareId: s.id, withdrawnOn: '2026-12-01', reason: '资产报废' });
    disposeAsset(w.ledger, w.accountant, dispose);
    const a = getAsset(w.ledger, w.assetId);
    expect(a.status).toBe('disposed');
    expect(a.inspections).toHaveLength(1);
    expect(thrown(() => updateAsset(w.ledger, w.accountant, { assetId: w.assetId, fields: { name: 'x' } })).code).toBe('RULE');
    expect(thrown(() => recordIncome(w.ledger, w.accountant, { assetId: w.assetId, receivedOn: '2027-01-05', grossFen: 100 })).code).toBe('RULE');
  });
});

describe('shares', () => {
  it('numbers certificates per asset, suggests weight 2 for lost labour, withdraws to the collective', () => {
    const w = shareholdersWorld();
    expect(suggestedWeight(w.ledger, w.hh.A)).toEqual({ weight: 2, lostLabour: 1 });
    const rows = listShares(w.ledger, { assetId: w.assetId }).rows;
    expect(rows.map((r) => r.certificateNo)).toEqual(['0001', '0002', '0003', '0004', '0005', '0006', '0007'].map((n) => `GQ-PV-001-${n}`));
    expect(rows.map((r) => r.weight)).toEqual([2, 1, 1, 1, 1, 1, 1]);
    expect(thrown(() => addShare(w.ledger, w.accountant, { assetId: w.assetId, holderType: 'household', householdId: w.hh.B, units: 1, fromDate: '2026-02-01' })).code).toBe('CONFLICT');

    const shareOfF = rows.find((r) => r.householdId === w.hh.F)!;
    const { successor } = withdrawShare(w.ledger, w.accountant, { shareId: shareOfF.id, withdrawnOn: '2026-03-01', reason: '稳定脱贫', passToCollective: true });
    expect(successor!.certificateNo).toBe('GQ-PV-001-0008');
    const inForce = listShares(w.ledger, { assetId: w.assetId, activeOn: '2026-03-01' }).rows;
    expect(inForce.some((r) => r.householdId === w.hh.F)).toBe(false);
    expect(inForce.filter((r) => r.holderType === 'village').map((r) => r.units).sort()).toEqual([10, 5]);
    expect(listShares(w.ledger, { assetId: w.assetId, activeOn: '2026-02-28' }).rows.some((r) => r.householdId === w.hh.F)).toBe(true);
  });
});

describe('income, distribution, payment and reversal', () => {
  it('posts income to the ledger, and the undistributed age shows on the asset', () => {
    const w = shareholdersWorld();
    const income = recordIncome(w.ledger, w.accountant, { assetId: w.assetId, ...INCOME });
    expect(income.distributableFen).toBe(899_999);
    expect(balanced(w).balanced).toBe(true);
    const a = getAsset(w.ledger, w.assetId);
    expect(a.undistributedFen).toBe(899_999);
    expect(a.oldestUndistributedOn).toBe('2026-03-31');
    expect(a.undistributedDays).toBeGreaterThanOrEqual(0);
    expect(listIncomes(w.ledger, w.assetId)[0]!.voucherNo).toBe(income.voucherNo);
    expect(thrown(() => recordIncome(w.ledger, w.accountant, { assetId: w.assetId, receivedOn: '2026-04-01', grossFen: 100, landRentFen: 101 })).detail?.field).toBe('grossFen');
  });

  it('prepares with eligibility as of the date, approves by another person, pays into householdBenefits, and reverses as an exact mirror', async () => {
    const w = shareholdersWorld();
    const { A, B, C, D, E, F } = w.hh;
    const before = balanced(w).totals;
    const plan = incomeAndPlan(w);
    expect(plan.totalFen).toBe(899_999);

    // Split: 30% posts, 20% works, 50% shareholders — exact, then by units × weight.
    const p = getPlan(w.ledger, plan.id);
    expect(p.postFen + p.worksFen + p.sharesFen).toBe(899_999);
    // 269,999.7 / 179,999.8 / 449,999.5: the two leftover fen go to the largest remainders (works, post).
    expect([p.postFen, p.worksFen, p.sharesFen]).toEqual([270_000, 180_000, 449_999]);
    const rows = allocations(w, plan.id);
    const dividend = (h: number) => rows.find((r) => r.kind === 'dividend' && r.householdId === h)!;
    expect(dividend(C).excluded).toBe('cancelled');
    expect(dividend(D).excluded).toBe('deceased');
    expect(dividend(F).excluded).toBe('exited');
    expect(dividend(E).excluded).toBeNull();
    for (const h of [C, D, F]) expect(dividend(h).amountFen).toBe(0);
    // Eligible weights: A 10×2, B 10, E 10, collective 5 → 45. Floors 199,999 / 99,999 / 99,999 / 49,999 leave 3 fen:
    // remainders .888 (collective), then .777 twice (B and E: equal weight, smaller key first) — A's .555 gets none.
    expect([A, B, E].map((h) => dividend(h).amountFen)).toEqual([199_999, 100_000, 100_000]);
    expect(rows.find((r) => r.kind === 'dividend' && r.householdId === null)!.amountFen).toBe(50_000);
    expect(rows.filter((r) => r.kind === 'post').map((r) => [r.householdId, r.amountFen])).toEqual([[B, 270_000]]);
    expect(rows.filter((r) => r.kind === 'works').map((r) => r.amountFen)).toEqual([180_000]);
    expect(rows.reduce((s, r) => s + r.amountFen, 0)).toBe(899_999);
    // The digest SQLite writes out (approval) is the one computed from the rows (preparation, payment):
    // excluded holders, the collective (no household), posts and works included.
    expect(storedAllocationDigest(w.ledger, plan.id)).toBe(allocationDigest(storedAllocations(w.ledger, plan.id)));
    expect(storedAllocationDigest(w.ledger, plan.id)).toBe(p.digest);

    // Maker-checker: the accountant may not approve at all; an admin who prepared may not approve their own.
    expect(thrown(() => approvePlan(w.ledger, w.accountant, { planId: plan.id })).code).toBe('FORBIDDEN');
    expect(thrown(() => payPlan(w.ledger, w.reviewer, { planId: plan.id, date: '2026-04-15' })).code).toBe('RULE');
    approvePlan(w.ledger, w.reviewer, { planId: plan.id });

    const paid = payPlan(w.ledger, w.reviewer, { planId: plan.id, date: '2026-04-15' });
    expect(paid.totalFen).toBe(899_999);
    expect(paid.vouchers).toHaveLength(1);
    expect(balanced(w).balanced).toBe(true);
    expect(verifyBalances(w.ledger).ok).toBe(true);
    expect(getAsset(w.ledger, w.assetId).undistributedFen).toBe(0);
    expect(getAsset(w.ledger, w.assetId).undistributedDays).toBeNull();

    // Every eligible household's benefits show what it was paid, by type; the others get nothing.
    const benefits = (h: number) => householdBenefits(w.ledger, h, 2026);
    expect(benefits(A).lines.map((l) => [l.code, l.amountFen])).toEqual([['5101.01', 199_999]]);
    expect(benefits(B).lines.map((l) => [l.code, l.amountFen])).toEqual([['5101.01', 100_000], ['5101.02', 270_000]]);
    expect(benefits(E).totalFen).toBe(100_000);
    for (const h of [C, D, F]) expect(benefits(h).totalFen).toBe(0);

    // Bank list: the accountant sees full accounts, the auditor masked; amounts match the allocations.
    const full = bankRows(w.ledger, plan.id, 'accountant');
    expect(full.map((r) => r.amountFen)).toEqual([199_999, 370_000, 100_000]);
    expect(full[0]!.account).toBe(`6217000011112222${A}`);
    expect(bankRows(w.ledger, plan.id, 'auditor')[0]!.account).toBe(`****${`2222${A}`.slice(-4)}`);
    const csvFile = await exportBankList(w.ledger, 'accountant', { planId: plan.id, format: 'csv' });
    const csv = Buffer.from(csvFile.base64, 'base64').toString('utf8');
    expect(csv).toBe(bankCsv(full));
    expect(csv.split('\r\n')[1]).toBe(`${full[0]!.name},农村信用社,6217000011112222${A},1999.99,H-0001`);
    const xlsx = await exportBankList(w.ledger, 'reviewer', { planId: plan.id, format: 'xlsx', lang: 'en' });
    expect(xlsx.masked).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(3).values).toEqual([undefined, 'Name', 'Bank', 'Account', 'Amount (yuan)', 'Archive no.']);
    expect(sheet.getRow(4).getCell(4).value).toBe(1999.99);
    expect(String(sheet.getRow(4).getCell(3).value)).toMatch(/^\*\*\*\*\d{4}$/);

    // Statements.
    const st = shareholderStatement(w.ledger, { householdId: B });
    expect(st.rows.map((r) => [r.kind, r.amountFen, r.paidOn])).toEqual([['dividend', 100_000, '2026-04-15'], ['post', 270_000, '2026-04-15']]);
    expect(st.rows[0]!.voucherNo).toBe(paid.vouchers[0]!.voucherNo);
    expect(shareholderStatement(w.ledger, { villageId: w.villageId }).netFen).toBe(50_000 + 180_000);

    // Reversal: requested by one, approved by another; the exact mirror.
    requestReversal(w.ledger, w.accountant, { planId: plan.id, date: '2026-05-10', reason: '分配名单有误' });
    withdrawReversal(w.ledger, w.accountant, { planId: plan.id });
    expect(getPlan(w.ledger, plan.id).status).toBe('paid');
    requestReversal(w.ledger, w.admin, { planId: plan.id, date: '2026-05-10', reason: '分配名单有误' });
    expect(thrown(() => approveReversal(w.ledger, w.admin, { planId: plan.id })).message).toMatch(/requested this reversal/);
    approveReversal(w.ledger, w.reviewer, { planId: plan.id });
    expect(getPlan(w.ledger, plan.id).status).toBe('reversed');
    for (const h of [A, B, E]) expect(benefits(h).totalFen).toBe(0);
    const after = balanced(w);
    expect(after.balanced).toBe(true);
    // Income is still there, every distribution line is mirrored: only the income voucher's figures remain.
    expect(after.totals.closingDebit - before.closingDebit).toBe(899_999 + 50_000 + 20_000 + 30_001);
    expect(shareholderStatement(w.ledger, { householdId: B }).netFen).toBe(0);
    expect(getAsset(w.ledger, w.assetId).undistributedFen).toBe(899_999);

    // The income is free for a new plan.
    const again = preparePlan(w.ledger, w.accountant, { assetId: w.assetId, title: '重新分配', asOf: '2026-04-10', exitedRule: 'include' });
    expect(allocations(w, again.id).filter((r) => r.excluded).map((r) => r.excluded).sort()).toEqual(['cancelled', 'deceased']);
    expect(verifyAuditChain(w.ledger).ok).toBe(true);
  });

  it('exited households by rule: include pays the ended one too, exclude pays neither', () => {
    const w = shareholdersWorld();
    recordIncome(w.ledger, w.accountant, { assetId: w.assetId, ...INCOME });
    const excludedOf = (rule: 'include' | 'exclude') => {
      const plan = preparePlan(w.ledger, w.accountant, { assetId: w.assetId, title: rule, asOf: '2026-04-10', exitedRule: rule });
      const out = allocations(w, plan.id).filter((r) => r.excluded === 'exited').map((r) => r.householdId);
      cancelPlan(w.ledger, w.accountant, { planId: plan.id });
      return out;
    };
    expect(excludedOf('include')).toEqual([]);
    expect(excludedOf('exclude').sort()).toEqual([w.hh.E, w.hh.F].sort());
  });

  it('eligibility is as of the plan date: a cancellation after it does not count', () => {
    const w = shareholdersWorld();
    recordIncome(w.ledger, w.accountant, { assetId: w.assetId, ...INCOME });
    const plan = preparePlan(w.ledger, w.accountant, { assetId: w.assetId, title: '2025年末', asOf: '2026-01-01', exitedRule: 'include', incomeIds: listIncomes(w.ledger, w.assetId).map((i) => i.id) });
    // C was cancelled on 2025-12-01; on 2026-01-01 that already counts. D's members died in 2025 too.
    expect(allocations(w, plan.id).filter((r) => r.excluded).map((r) => r.householdId).sort()).toEqual([w.hh.C, w.hh.D].sort());
    cancelPlan(w.ledger, w.accountant, { planId: plan.id });
    setHistory(w.ledger, w.hh.A, [{ type: 'cancel', eventDate: '2026-06-01', cancelReason: 'duplicate' }], w.admin);
    const later = preparePlan(w.ledger, w.accountant, { assetId: w.assetId, title: '4月', asOf: '2026-04-10', exitedRule: 'include' });
    expect(allocations(w, later.id).find((r) => r.householdId === w.hh.A)!.excluded).toBeNull();
  });

  it('refuses an income twice, a plan with nothing to pay, and a post part without post holders', () => {
    const w = shareholdersWorld();
    expect(thrown(() => preparePlan(w.ledger, w.accountant, { assetId: w.assetId, title: 'x', asOf: '2026-04-10' })).message).toMatch(/no distributable income/);
    const first = incomeAndPlan(w);
    expect(thrown(() => preparePlan(w.ledger, w.accountant, { assetId: w.assetId, title: 'x', asOf: '2026-04-10', incomeIds: getPlan(w.ledger, first.id).incomes.map((i) => i.id) })).code).toBe('CONFLICT');
    cancelPlan(w.ledger, w.accountant, { planId: first.id });
    expect(thrown(() => preparePlan(w.ledger, w.accountant, { assetId: w.assetId, title: 'x', asOf: '2026-04-10', postBp: 100 })).detail?.field).toBe('postHolders');
  });

  it('an admin who prepared a plan may not approve it', () => {
    const w = shareholdersWorld();
    recordIncome(w.ledger, w.accountant, { assetId: w.assetId, ...INCOME });
    const plan = preparePlan(w.ledger, w.admin, { assetId: w.assetId, title: 'x', asOf: '2026-04-10' });
    expect(thrown(() => approvePlan(w.ledger, w.admin, { planId: plan.id })).message).toMatch(/another person must approve/);
  });
});
