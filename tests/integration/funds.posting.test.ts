/**
 * Posting many lines at once (postSystemVoucher, as a distribution does): the lines are checked
 * against the ledger in one query per table instead of one per line, and written in multi-row
 * INSERTs. These tests pin what must not change with that: every refusal still names the line and
 * the field, the first faulty line is the one reported, and what is stored and audited is exactly
 * what was entered.
 */
import { describe, expect, it } from 'vitest';
import { postSystemVoucher, createVoucher } from '../../db/funds/vouchers';
import { storedLines } from '../../db/funds/lines';
import { createAccount, updateAccount } from '../../db/funds/accounts';
import { createProject } from '../../db/funds/projects';
import { createHousehold } from '../../db/registry/households';
import { household } from '../support/fixtures';
import { count } from '../support/tmp';
import { credit, debit, fundsWorld, quickActor, thrown, type World } from './funds.helpers';

const DATE = '2026-05-06';

/** A second village in the world's township. */
function secondVillage(w: World): number {
  const townshipId = w.ledger.sqlite.prepare('SELECT township_id FROM villages WHERE id = ?').pluck().get(w.villageId) as number;
  return w.ledger.sqlite
    .prepare(`INSERT INTO villages (code, township_id, name, rural_population) VALUES ('532999101202', ?, '河口村', 800) RETURNING id`)
    .pluck().get(townshipId) as number;
}

/** A payment to the world's household of `fen` on 5002.02 from the world's source, balanced by the bank. */
function payment(w: World, lines: ReturnType<typeof debit>[]) {
  const total = lines.reduce((n, l) => n + (l.debitFen ?? 0) - (l.creditFen ?? 0), 0);
  return { date: DATE, memo: '测试', lines: [...lines, credit(w.acct('1001'), total)] };
}

function refusal(w: World, lines: ReturnType<typeof debit>[]) {
  const before = count(w.ledger, 'vouchers');
  const err = thrown(() => postSystemVoucher(w.ledger, w.accountant, payment(w, lines)));
  expect(count(w.ledger, 'vouchers')).toBe(before);
  return err;
}

describe('checking the lines of a voucher', () => {
  it('refuses a line for a household, source, project or village that does not exist, naming the row and field in both languages', () => {
    const w = fundsWorld();
    const ok = debit(w.acct('5101.01'), 100, { householdId: w.householdId });
    const unknownHousehold = refusal(w, [ok, ok, debit(w.acct('5101.01'), 100, { householdId: 999_999 })]);
    expect(unknownHousehold).toMatchObject({ code: 'INVALID_INPUT', message: 'Line 3: household 999999 does not exist', zh: '第 3 行：农户 999999 不存在' });
    expect(unknownHousehold.detail?.field).toBe('lines.2.householdId');

    const unknownSource = refusal(w, [ok, debit(w.acct('5002.02'), 100, { sourceId: 4242, householdId: w.householdId })]);
    expect(unknownSource).toMatchObject({ code: 'INVALID_INPUT', message: 'Line 2: fund source 4242 does not exist', zh: '第 2 行：资金来源 4242 不存在' });
    expect(unknownSource.detail?.field).toBe('lines.1.sourceId');

    const unknownProject = refusal(w, [debit(w.acct('5001.02'), 100, { sourceId: w.sourceId, projectId: 77 })]);
    expect(unknownProject.detail?.field).toBe('lines.0.projectId');
    expect(unknownProject.zh).toBe('第 1 行：项目 77 不存在');

    const unknownVillage = refusal(w, [debit(w.acct('5101.03'), 100, { villageId: 31_337 })]);
    expect(unknownVillage.detail?.field).toBe('lines.0.villageId');
    expect(unknownVillage.message).toBe('Line 1: village 31337 does not exist');
  });

  it('refuses an account that does not exist, has sub-accounts or is deactivated, naming the row and field', () => {
    const w = fundsWorld();
    const unknown = refusal(w, [debit(w.acct('5101.01'), 100, { householdId: w.householdId }), debit(123_456, 100)]);
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', message: 'Line 2: account 123456 does not exist', zh: '第 2 行：会计科目 123456 不存在' });
    expect(unknown.detail?.field).toBe('lines.1.accountId');

    const summary = refusal(w, [debit(w.acct('5101'), 100)]);
    expect(summary).toMatchObject({ code: 'INVALID_INPUT', message: 'Account 5101 has sub-accounts; enter the line on one of them', zh: '科目 5101 有下级科目，请记入明细科目' });
    expect(summary.detail?.field).toBe('lines.0.accountId');

    const extra = createAccount(w.ledger, w.accountant, { parentId: w.acct('5901'), nameZh: '临时', nameEn: 'Temporary' });
    updateAccount(w.ledger, w.accountant, { accountId: extra.id, active: false });
    const inactive = refusal(w, [debit(w.acct('5101.01'), 100, { householdId: w.householdId }), debit(extra.id, 100)]);
    expect(inactive).toMatchObject({ code: 'INVALID_INPUT', message: `Account ${extra.code} is deactivated`, zh: `科目 ${extra.code} 已停用` });
    expect(inactive.detail?.field).toBe('lines.1.accountId');
  });

  it('refuses a line without a dimension its account needs, or with a village other than its household’s', () => {
    const w = fundsWorld();
    const noHousehold = refusal(w, [debit(w.acct('5101.01'), 100)]);
    expect(noHousehold).toMatchObject({ code: 'INVALID_INPUT', message: 'Line 1: account 5101.01 needs a household', zh: '第 1 行：科目 5101.01 须填写农户' });
    expect(noHousehold.detail?.field).toBe('lines.0.householdId');

    const other = secondVillage(w);
    const mismatch = refusal(w, [debit(w.acct('5101.01'), 100, { householdId: w.householdId, villageId: other })]);
    expect(mismatch.detail?.field).toBe('lines.0.villageId');
    expect(mismatch.zh).toBe('所填行政村与该户所在行政村不一致');
  });

  it('reports the first faulty line, in line order and field order, as checking line by line did', () => {
    const w = fundsWorld();
    const lines = [
      debit(w.acct('5101.01'), 100, { householdId: w.householdId }),
      debit(w.acct('5002.02'), 100, { sourceId: 555, householdId: 666 }), // source checked before household
      debit(w.acct('5101.01'), 100, { householdId: 777 }),
      debit(987_654, 100),
    ];
    expect(refusal(w, lines).detail?.field).toBe('lines.1.sourceId');
    expect(refusal(w, [lines[0]!, lines[3]!, lines[2]!]).detail?.field).toBe('lines.1.accountId');
    // Both sides on one line comes before anything about its account.
    expect(refusal(w, [{ accountId: 987_654, debitFen: 5, creditFen: 5 }, lines[0]!]).detail?.field).toBe('lines.0.debitFen');
  });
});

describe('posting a voucher of many lines', () => {
  it('stores every line in order with its implied village, and audits exactly the stored lines', () => {
    const w = fundsWorld();
    const registrar = quickActor(w.ledger, 'registrar', 'reg2');
    const otherVillage = secondVillage(w);
    const other = createHousehold(w.ledger, registrar, household(otherVillage, 'H-0002')).id;
    const { id: projectElsewhere } = createProject(w.ledger, w.accountant, {
      code: 'XM-2026-009', name: '两村水渠', type: 'infrastructure', year: 2026, budgetFen: 0, villageIds: [w.villageId, otherVillage],
    });
    // 257 lines: more than one multi-row INSERT, and a remainder.
    const lines = Array.from({ length: 256 }, (_, i) => {
      if (i % 4 === 0) return debit(w.acct('5101.01'), 100 + i, { householdId: i % 8 === 0 ? w.householdId : other, assetId: 9, summary: `分红 ${i}` });
      if (i % 4 === 1) return debit(w.acct('5101.03'), 100 + i, { villageId: otherVillage, summary: `村 ${i}` });
      if (i % 4 === 2) return debit(w.acct('5201.03'), 100 + i, { projectId: i % 8 === 2 ? w.projectId : projectElsewhere });
      return debit(w.acct('5901'), 100 + i, { summary: `其他，含“引号”与 'quotes' ${i}` });
    });
    const posted = postSystemVoucher(w.ledger, w.accountant, { ...payment(w, lines), originRef: 'test:1' });
    const stored = storedLines(w.ledger, posted.id);
    expect(stored).toHaveLength(257);
    expect(stored.map((l) => l.lineNo)).toEqual(Array.from({ length: 257 }, (_, i) => i + 1));
    stored.slice(0, 256).forEach((l, i) => {
      const input = lines[i]!;
      expect(l).toMatchObject({ accountId: input.accountId, debitFen: input.debitFen, creditFen: 0, summary: input.summary ?? '', householdId: input.householdId ?? null, assetId: input.assetId ?? null });
      const village = i % 4 === 0 ? (i % 8 === 0 ? w.villageId : otherVillage) : i % 4 === 1 ? otherVillage : i % 8 === 2 ? w.villageId : null;
      expect(l.villageId).toBe(village);
    });
    const audit = w.ledger.sqlite.prepare(`SELECT after FROM audit_log WHERE entity = 'voucher' AND entity_id = ? AND action = 'post_system'`).pluck().get(String(posted.id)) as string;
    expect(JSON.parse(audit).lines).toEqual(stored);
    expect(JSON.parse(audit)).toMatchObject({ voucherNo: posted.voucherNo, originRef: 'test:1' });
  });

  it('leaves nothing behind when the last line is refused by the database', () => {
    const w = fundsWorld();
    const before = { vouchers: count(w.ledger, 'vouchers'), lines: count(w.ledger, 'voucher_lines'), balances: count(w.ledger, 'fund_balances') };
    w.ledger.sqlite.exec(`CREATE TEMP TRIGGER refuse_last BEFORE INSERT ON main.voucher_lines WHEN NEW.line_no = 150 BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    const lines = Array.from({ length: 149 }, (_, i) => debit(w.acct('5101.01'), 1 + i, { householdId: w.householdId }));
    expect(thrown(() => postSystemVoucher(w.ledger, w.accountant, payment(w, lines))).message).toMatch(/refused/);
    expect({ vouchers: count(w.ledger, 'vouchers'), lines: count(w.ledger, 'voucher_lines'), balances: count(w.ledger, 'fund_balances') }).toEqual(before);
  });

  it('keeps checking manual vouchers the same way', () => {
    const w = fundsWorld();
    const err = thrown(() => createVoucher(w.ledger, w.accountant, payment(w, [debit(w.acct('5101.01'), 100, { householdId: 424_242 })])));
    expect(err.detail?.field).toBe('lines.0.householdId');
  });
});
