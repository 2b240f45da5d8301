/**
 * Source execution reads the per-source turnover kept at posting (fund_source_balances, migration
 * 0003_source_turnover) instead of summing every posted line. The old scan is kept here as the
 * oracle: a ledger with posted vouchers, reversals and drafts, built at the schema before 0003 and
 * then migrated, reports exactly what the scan reports — and keeps doing so as vouchers are posted
 * and reversed afterwards.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedger, type Ledger } from '../../db/ledger';
import { readMigrations } from '../../db/migrate';
import { accountByCode } from '../../db/funds/accounts';
import { allocate, createSource } from '../../db/funds/sources';
import { createProject } from '../../db/funds/projects';
import { createVoucher, postSystemVoucher, postVoucher, reverseVoucher, reviewVoucher } from '../../db/funds/vouchers';
import { sourceExecution } from '../../db/funds/execution';
import { createHousehold } from '../../db/registry/households';
import type { VoucherFields } from '../../db/funds/schemas';
import { household, seedVillage } from '../support/fixtures';
import { tempDir } from '../support/tmp';
import { credit, debit, quickActor } from './funds.helpers';

/** The computation source execution used before 0003: a scan of every posted line. */
function scanOracle(ledger: Ledger): Map<number, { receivedFen: number; spentFen: number }> {
  const rows = ledger.sqlite
    .prepare(`SELECT l.source_id AS id,
                     sum(CASE WHEN a.fund_role = 'receipt' THEN l.credit_fen - l.debit_fen ELSE 0 END) AS received,
                     sum(CASE WHEN a.fund_role = 'use' THEN l.debit_fen - l.credit_fen ELSE 0 END) AS spent
                FROM voucher_lines l JOIN vouchers v ON v.id = l.voucher_id AND v.status = 'posted' JOIN fund_accounts a ON a.id = l.account_id
               WHERE l.source_id IS NOT NULL GROUP BY l.source_id`)
    .all() as { id: number; received: number; spent: number }[];
  return new Map(rows.map((r) => [r.id, { receivedFen: r.received, spentFen: r.spent }]));
}

/** The turnover table recomputed from the posted lines, per source, account and month. */
const RECOMPUTED = `SELECT l.source_id, l.account_id, substr(v.date, 1, 7) AS period, sum(l.debit_fen) AS debit_fen, sum(l.credit_fen) AS credit_fen
  FROM voucher_lines l JOIN vouchers v ON v.id = l.voucher_id AND v.status = 'posted' WHERE l.source_id IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;

function expectSameAsScan(ledger: Ledger): void {
  const oracle = scanOracle(ledger);
  const report = sourceExecution(ledger, {});
  expect(report.rows.length).toBeGreaterThan(1);
  for (const row of report.rows) {
    expect({ id: row.id, receivedFen: row.receivedFen, spentFen: row.spentFen }).toEqual({ id: row.id, ...(oracle.get(row.id) ?? { receivedFen: 0, spentFen: 0 }) });
  }
  expect(ledger.sqlite.prepare('SELECT source_id, account_id, period, debit_fen, credit_fen FROM fund_source_balances ORDER BY 1, 2, 3').all())
    .toEqual(ledger.sqlite.prepare(RECOMPUTED).all());
}

/** A migrations folder holding only the migrations before `tag`. */
function migrationsBefore(tag: string): string {
  const dir = path.join(tempDir('cl-mig-'), 'm');
  fs.mkdirSync(path.join(dir, 'meta'), { recursive: true });
  const source = path.resolve('db/migrations');
  const journal = JSON.parse(fs.readFileSync(path.join(source, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  for (const e of journal.entries) fs.copyFileSync(path.join(source, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify(journal));
  return dir;
}

/** Two sources, a project, a household, and the people who keep the books. */
function world(ledger: Ledger) {
  const { villageId } = seedVillage(ledger);
  const accountant = quickActor(ledger, 'accountant', 'acc1');
  const reviewer = quickActor(ledger, 'reviewer', 'rev1');
  const { id: householdId } = createHousehold(ledger, quickActor(ledger, 'registrar', 'reg1'), household(villageId, 'H-0001'));
  const central = createSource(ledger, accountant, { level: 'central', type: 'special', year: 2025, docNo: '财农〔2025〕1号', title: '中央资金', amountFen: 50_000_000 }).id;
  const integrated = createSource(ledger, accountant, { level: 'county', type: 'integrated', year: 2026, docNo: '县整合〔2026〕2号', title: '整合资金', amountFen: 20_000_000 }).id;
  const projectId = createProject(ledger, accountant, { code: 'XM-2025-001', name: '产业路', type: 'infrastructure', year: 2025, budgetFen: 10_000_000, villageIds: [villageId] }).id;
  allocate(ledger, accountant, { sourceId: central, projectId, amountFen: 10_000_000, allocatedOn: '2025-02-01' });
  allocate(ledger, accountant, { sourceId: integrated, projectId, amountFen: 5_000_000, allocatedOn: '2026-02-01' });
  return { accountant, reviewer, householdId, central, integrated, projectId };
}

/** Receipts, project spending, settlements, direct payments, reversals and a draft; then more of it. */
function activity(ledger: Ledger, w: ReturnType<typeof world>) {
  const { accountant, reviewer, householdId, central, integrated, projectId } = w;
  const acct = (code: string) => accountByCode(ledger, code).id;
  const post = (fields: VoucherFields) => {
    const { id } = createVoucher(ledger, accountant, fields);
    reviewVoucher(ledger, reviewer, { voucherId: id });
    postVoucher(ledger, reviewer, { voucherId: id });
    return id;
  };
  const reverse = (voucherId: number, date: string) => {
    const { id } = reverseVoucher(ledger, accountant, { voucherId, date });
    reviewVoucher(ledger, reviewer, { voucherId: id });
    postVoucher(ledger, reviewer, { voucherId: id });
  };
  return {
    before: () => {
      post({ date: '2025-03-01', memo: '收到中央资金', lines: [debit(acct('1001'), 50_000_000), credit(acct('4001.01'), 50_000_000, { sourceId: central })] });
      post({ date: '2025-04-10', memo: '拨付实施单位', lines: [debit(acct('1201'), 3_000_000, { sourceId: central, projectId }), credit(acct('1001'), 3_000_000)] });
      post({ date: '2025-05-20', memo: '实施单位结算', lines: [debit(acct('5001.02'), 2_999_999, { sourceId: central, projectId }), credit(acct('1201'), 2_999_999, { sourceId: central, projectId })] });
      const wrong = post({ date: '2025-06-01', memo: '教育资助', lines: [debit(acct('5002.02'), 123_456, { sourceId: central, householdId }), credit(acct('1001'), 123_456, { sourceId: central })] });
      reverse(wrong, '2025-06-15');
      post({ date: '2025-12-31', memo: '教育资助', lines: [debit(acct('5002.02'), 120_000, { sourceId: central, householdId }), credit(acct('1001'), 120_000)] });
      post({ date: '2026-01-05', memo: '收到整合资金', lines: [debit(acct('1001'), 8_000_000), credit(acct('4002'), 8_000_000, { sourceId: integrated })] });
      const refunded = post({ date: '2026-02-10', memo: '整合资金项目支出', lines: [debit(acct('5001.02'), 1_000_000, { sourceId: integrated, projectId }), credit(acct('1001'), 1_000_000)] });
      reverse(refunded, '2026-03-01');
      // A draft carries a source too, and must not count.
      createVoucher(ledger, accountant, { date: '2026-03-02', memo: '草稿', lines: [debit(acct('5001.02'), 77_777, { sourceId: integrated, projectId }), credit(acct('1001'), 77_777)] });
    },
    after: () => {
      post({ date: '2026-04-01', memo: '整合资金项目支出', lines: [debit(acct('5001.02'), 400_000, { sourceId: integrated, projectId }), credit(acct('1001'), 400_000)] });
      const again = post({ date: '2026-04-02', memo: '中央资金到户', lines: [debit(acct('5002.05'), 50_000, { sourceId: central, householdId }), credit(acct('1001'), 50_000)] });
      reverse(again, '2026-04-03');
      postSystemVoucher(ledger, accountant, { date: '2026-05-01', memo: '收到中央资金（补）', lines: [debit(acct('1001'), 10_000), credit(acct('4001.01'), 10_000, { sourceId: central })] });
    },
  };
}

describe('per-source turnover (fund_source_balances)', () => {
  it('is filled from the posted lines when an existing ledger migrates, and equals the old scan', () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    const old = openLedger(file, { migrationsDir: migrationsBefore('0003_source_turnover') });
    expect(old.sqlite.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'fund_source_balances'`).pluck().get()).toBe(0);
    activity(old, world(old)).before();
    const scanned = scanOracle(old);
    old.close();

    const ledger = openLedger(file);
    expect(ledger.schemaVersion).toBe(readMigrations().length);
    expect(scanOracle(ledger)).toEqual(scanned);
    expectSameAsScan(ledger);
    const execution = sourceExecution(ledger, {});
    expect(execution.rows.map((r) => [r.docNo, r.receivedFen, r.spentFen])).toEqual([
      ['财农〔2025〕1号', 50_000_000, 3_000_000 + 120_000],
      ['县整合〔2026〕2号', 8_000_000, 0],
    ]);
    ledger.close();
  });

  it('keeps equal to the scan as vouchers are posted and reversed after the migration', () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    const old = openLedger(file, { migrationsDir: migrationsBefore('0003_source_turnover') });
    const w = world(old);
    activity(old, w).before();
    old.close();
    const ledger = openLedger(file);
    activity(ledger, w).after();
    expectSameAsScan(ledger);
    expect(sourceExecution(ledger, {}).rows.map((r) => [r.docNo, r.receivedFen, r.spentFen])).toEqual([
      ['财农〔2025〕1号', 50_010_000, 3_000_000 + 120_000],
      ['县整合〔2026〕2号', 8_000_000, 400_000],
    ]);
    ledger.close();
  });

  it('can neither lose rows nor shrink', () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    const ledger = openLedger(file);
    activity(ledger, world(ledger)).before();
    expect(() => ledger.sqlite.prepare('DELETE FROM fund_source_balances').run()).toThrow(/cannot be deleted/);
    expect(() => ledger.sqlite.prepare('UPDATE fund_source_balances SET debit_fen = debit_fen - 1 WHERE debit_fen > 0').run()).toThrow(/only grow/);
    expect(() => ledger.sqlite.prepare('UPDATE fund_source_balances SET period = \'2020-01\'').run()).toThrow(/only grow/);
    expectSameAsScan(ledger);
    ledger.close();
  });
});
