import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../db/ledger';
import { householdBenefits } from '../../db/funds/benefits';
import { trialBalance, verifyBalances } from '../../db/funds/trialBalance';
import { recordIncome } from '../../db/assets/income';
import { approvePlan, preparePlan } from '../../db/assets/plans';
import { MAX_LINES, payPlan } from '../../db/assets/pay';
import { getPlan, planAllocations } from '../../db/assets/planQueries';
import { storedLines, storedLinesDigest } from '../../db/funds/lines';
import { verifyAuditChain } from '../../db/audit';
import { tasks } from '../../electron/jobs/tasks';
import { SYNC_LIMIT, requireSmallPayment, requireSmallPreparation } from '../../db/assets/size';
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

  it('audits each payment voucher by the digest of its stored lines, which an auditor can recompute', () => {
    const w = bigPlan();
    const paid = payPlan(w.ledger, w.accountant, { planId: w.planId, date: '2026-07-15' });
    const audit = w.ledger.sqlite.prepare(`SELECT after FROM audit_log WHERE entity = 'voucher' AND entity_id = ? AND action = 'post_system'`).pluck();
    for (const v of paid.vouchers) {
      const after = JSON.parse(audit.get(String(v.id)) as string);
      const lines = storedLines(w.ledger, v.id);
      expect(after.lines).toBeUndefined();
      expect(after).toMatchObject({
        voucherNo: v.voucherNo, originRef: `distribution:${w.planId}`, date: '2026-07-15', lineCount: lines.length,
        debitFen: lines.reduce((s, l) => s + l.debitFen, 0), creditFen: lines.reduce((s, l) => s + l.creditFen, 0),
      });
      expect(after.linesDigest).toBe(storedLinesDigest(w.ledger, v.id));
    }
    expect(verifyAuditChain(w.ledger).ok).toBe(true);
    // The digest is of the lines themselves: any other set of lines gives another one.
    const first = storedLines(w.ledger, paid.vouchers[0]!.id);
    const { linesDigest } = JSON.parse(audit.get(String(paid.vouchers[0]!.id)) as string);
    expect(storedLinesDigest(w.ledger, paid.vouchers[1]!.id)).not.toBe(linesDigest);
    expect(first.length).toBe(MAX_LINES);
  });

  it('reports progress by voucher and, when stopped part-way, pays nothing', () => {
    const w = bigPlan();
    const seen: [number, number][] = [];
    const stop = { progress: (done: number, total: number) => seen.push([done, total]), checkCancelled() { if (seen.length >= 3) throw new Error('stopped'); } };
    expect(() => payPlan(w.ledger, w.accountant, { planId: w.planId, date: '2026-07-15' }, stop)).toThrow(/stopped/);
    expect(seen).toEqual([[0, 3], [1, 3], [2, 3]]);
    expect(count(w.ledger, 'distribution_vouchers')).toBe(0);
    expect(getPlan(w.ledger, w.planId).status).toBe('approved');
    seen.length = 0;
    const io = { progress: (done: number, total: number) => seen.push([done, total]), checkCancelled() {} };
    expect(payPlan(w.ledger, w.accountant, { planId: w.planId, date: '2026-07-15' }, io).lines).toBe(1201);
    expect(seen.at(-1)).toEqual([3, 3]);
  });

  it('runs as the payPlan task on its own connection to the ledger file (what the job worker runs)', async () => {
    const w = bigPlan();
    const progress: number[] = [];
    const io = { progress: (done: number) => progress.push(done), checkCancelled() {} };
    const paid = await tasks.payPlan({ file: w.ledger.path, actor: w.accountant, input: { planId: w.planId, date: '2026-07-15' } }, io);
    expect(paid).toMatchObject({ lines: 1201, totalFen: getPlan(w.ledger, w.planId).totalFen });
    expect(getPlan(w.ledger, w.planId).status).toBe('paid');
    expect(progress.at(-1)).toBe(3);
    await expect(tasks.payPlan({ file: w.ledger.path, actor: w.accountant, input: { planId: w.planId, date: '2026-07-15' } }, io)).rejects.toMatchObject({ code: 'RULE' });
  });

  it('leaves plans above the synchronous limit to the background-job methods', () => {
    const w = bigPlan();
    expect(() => requireSmallPayment(w.ledger, { planId: w.planId })).not.toThrow();
    expect(() => requireSmallPreparation(w.ledger, { assetId: w.assetId, asOf: '2026-07-01' })).not.toThrow();
    const more = bulkHouseholds(w.ledger, w.villageId, SYNC_LIMIT - 1200 + 1, 'M');
    bulkShares(w.ledger, w.accountant, { id: w.assetId, code: w.assetCode }, more);
    const err = thrown(() => requireSmallPreparation(w.ledger, { assetId: w.assetId, asOf: '2026-07-01' }));
    expect(err.code).toBe('RULE');
    expect(err.message).toMatch(/assets\.preparePlanJob/);
  });

  it('killed (SIGKILL) in the middle of the real payment, the ledger holds none of it and pays again', async () => {
    const w = bigPlan();
    const file = w.ledger.path;
    const before = { vouchers: count(w.ledger, 'vouchers'), audit: count(w.ledger, 'audit_log'), balances: w.ledger.sqlite.prepare('SELECT * FROM fund_balances ORDER BY account_id, period').all() };
    w.ledger.close();
    // The child pays the plan and, after the second of three vouchers, says so and hangs inside the transaction.
    const child = `const { openLedger } = require(${JSON.stringify(path.resolve('db/ledger.ts'))});
      const { payPlan } = require(${JSON.stringify(path.resolve('db/assets/pay.ts'))});
      const ledger = openLedger(${JSON.stringify(file)}, { mustExist: true });
      payPlan(ledger, ${JSON.stringify(w.accountant)}, { planId: ${w.planId}, date: '2026-07-15' }, {
        progress(done) { if (done === 2) { process.stdout.write('started\\n'); for (const until = Date.now() + 60000; Date.now() < until;); } },
        checkCancelled() {},
      });`;
    const said = await new Promise<string>((resolve, reject) => {
      const p = spawn(process.execPath, ['--import', 'tsx', '-e', child], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      p.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('started')) p.kill('SIGKILL');
      });
      p.stderr.on('data', (c: Buffer) => (err += c.toString()));
      p.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(out) : reject(new Error(`not killed: ${out} ${err}`))));
    });
    expect(said.trim()).toBe('started');
    const ledger = openLedger(file, { mustExist: true });
    try {
      expect(ledger.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(verifyAuditChain(ledger).ok).toBe(true);
      expect(count(ledger, 'vouchers')).toBe(before.vouchers);
      expect(count(ledger, 'audit_log')).toBe(before.audit);
      expect(count(ledger, 'distribution_vouchers')).toBe(0);
      expect(ledger.sqlite.prepare('SELECT * FROM fund_balances ORDER BY account_id, period').all()).toEqual(before.balances);
      expect(getPlan(ledger, w.planId).status).toBe('approved');
      expect(payPlan(ledger, w.accountant, { planId: w.planId, date: '2026-07-15' }).lines).toBe(1201);
    } finally {
      ledger.close();
    }
  }, 120_000);
});
