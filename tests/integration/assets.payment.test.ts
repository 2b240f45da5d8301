import { describe, expect, it } from 'vitest';
import { householdBenefits } from '../../db/funds/benefits';
import { trialBalance, verifyBalances } from '../../db/funds/trialBalance';
import { recordIncome } from '../../db/assets/income';
import { approvePlan, preparePlan } from '../../db/assets/plans';
import { MAX_LINES, payPlan } from '../../db/assets/pay';
import { getPlan, planAllocations } from '../../db/assets/planQueries';
import { count } from '../support/tmp';
import { thrown } from './funds.helpers';
import { assetsWorld, bulkHouseholds, bulkShares } from './assets.helpers';

/** A plan for 1,200 shareholders: more than one payment voucher. */
function bigPlan() {
  const w = assetsWorld();
  const ids = bulkHouseholds(w.ledger, w.villageId, 1200, 'B');
  bulkShares(w.ledger, w.accountant, { id: w.assetId, code: w.assetCode }, ids, { units: (i) => 1 + (i % 3), weight: (i) => (i % 5 === 0 ? 2 : 1) });
  recordIncome(w.ledger, w.accountant, { assetId: w.assetId, receivedOn: '2026-06-30', grossFen: 12_345_67, maintenanceFen: 1_00 });
  const plan = preparePlan(w.ledger, w.accountant, { assetId: w.assetId, title: '半年分红', asOf: '2026-07-01', worksBp: 1000 });
  approvePlan(w.ledger, w.reviewer, { planId: plan.id });
  return { ...w, ids, planId: plan.id };
}

describe('paying a large plan', () => {
  it('posts balanced vouchers of at most 500 lines, every household line carrying household and asset', () => {
    const w = bigPlan();
    const paid = payPlan(w.ledger, w.accountant, { planId: w.planId, date: '2026-07-15' });
    expect(paid.lines).toBe(1201);
    expect(paid.vouchers).toHaveLength(Math.ceil(1201 / (MAX_LINES - 1)));
    const perVoucher = w.ledger.sqlite
      .prepare(`SELECT voucher_id, count(*) AS n, sum(debit_fen) - sum(credit_fen) AS diff FROM voucher_lines WHERE voucher_id IN
                  (SELECT voucher_id FROM distribution_vouchers WHERE plan_id = ?) GROUP BY voucher_id`)
      .all(w.planId) as { n: number; diff: number }[];
    for (const v of perVoucher) expect(v.n <= MAX_LINES && v.diff === 0).toBe(true);
    const missing = w.ledger.sqlite
      .prepare(`SELECT count(*) FROM voucher_lines WHERE voucher_id IN (SELECT voucher_id FROM distribution_vouchers WHERE plan_id = ?)
                  AND (asset_id IS NOT ?) `)
      .pluck().get(w.planId, w.assetId);
    expect(missing).toBe(0);
    expect(trialBalance(w.ledger, { from: '2026-01', to: '2026-12' }).balanced).toBe(true);
    expect(verifyBalances(w.ledger).ok).toBe(true);
    const some = planAllocations(w.ledger, { planId: w.planId, kind: 'dividend', offset: 777, limit: 1 }).rows[0]!;
    expect(householdBenefits(w.ledger, some.householdId!, 2026).totalFen).toBe(some.amountFen);
  });

  it('is all or nothing: a failure in the third voucher leaves no voucher, no balance and the plan approved', () => {
    const w = bigPlan();
    const vouchers = count(w.ledger, 'vouchers');
    const balances = w.ledger.sqlite.prepare('SELECT * FROM fund_balances ORDER BY account_id, period').all();
    // A real failure deep inside the payment: the line of the 1,100th household is refused by SQLite.
    w.ledger.sqlite.exec(`CREATE TEMP TRIGGER fail_mid_payment BEFORE INSERT ON main.voucher_lines WHEN NEW.household_id = ${w.ids[1099]}
      BEGIN SELECT RAISE(ABORT, 'disk gone'); END`);
    expect(thrown(() => payPlan(w.ledger, w.accountant, { planId: w.planId, date: '2026-07-15' })).message).toMatch(/disk gone/);
    expect(count(w.ledger, 'vouchers')).toBe(vouchers);
    expect(count(w.ledger, 'distribution_vouchers')).toBe(0);
    expect(w.ledger.sqlite.prepare('SELECT * FROM fund_balances ORDER BY account_id, period').all()).toEqual(balances);
    expect(getPlan(w.ledger, w.planId).status).toBe('approved');
    w.ledger.sqlite.exec('DROP TRIGGER temp.fail_mid_payment');
    expect(payPlan(w.ledger, w.accountant, { planId: w.planId, date: '2026-07-15' }).lines).toBe(1201);
  });

  it('prepared figures cannot be changed behind the approver’s back', () => {
    const w = bigPlan();
    expect(() => w.ledger.sqlite.prepare('UPDATE distribution_allocations SET amount_fen = amount_fen + 1 WHERE plan_id = ?').run(w.planId)).toThrow(/cannot change/);
    expect(() => w.ledger.sqlite.prepare('DELETE FROM distribution_allocations WHERE plan_id = ?').run(w.planId)).toThrow(/cannot be deleted/);
    expect(() => w.ledger.sqlite.prepare('UPDATE distribution_plans SET total_fen = total_fen + 1 WHERE id = ?').run(w.planId)).toThrow(/figures never change/);
    expect(() => w.ledger.sqlite.prepare(`UPDATE distribution_plans SET status = 'draft' WHERE id = ?`).run(w.planId)).toThrow(/status flow/);
  });
});
