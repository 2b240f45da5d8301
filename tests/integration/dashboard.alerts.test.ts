/**
 * The alerts that take a shortcut through the indexes of migration 0002 (db/dashboard/alerts.ts:
 * "paid after death" starts from the households that can qualify, "school dropout" names its
 * partial index) list exactly the rows of their plain form, the same query without the shortcut,
 * over a county with every kind of deceased, removed and living household paid before and after.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ledger } from '../../db/ledger';
import type { Actor } from '../../db/actor';
import { generateCounty } from '../../db/demo/generate';
import { accountByCode } from '../../db/funds/accounts';
import { createSource } from '../../db/funds/sources';
import { createVoucher, postVoucher, reviewVoucher } from '../../db/funds/vouchers';
import { allAlertRows, alertSummaries } from '../../db/dashboard/alertQueries';
import { alertDef } from '../../db/dashboard/alerts';
import type { AlertKey } from '../../db/dashboard/schemas';
import { tempLedger } from '../support/tmp';

const TODAY = '2026-11-01';
const actor = (userId: number, role: Actor['role']): Actor => ({ userId, userName: role, role, method: 'test' });
const accountant = actor(3, 'accountant');
const reviewer = actor(4, 'reviewer');

let l: Ledger;

/** The alert's query without the shortcut. */
function plainQuery(key: AlertKey): string {
  const q = alertDef(key).query;
  const plain = key === 'paid_after_death'
    ? q.replace(/FROM \(SELECT g\.household_id[\s\S]*?\) g\s+CROSS JOIN voucher_lines l ON l\.household_id = g\.household_id/, 'FROM voucher_lines l')
    : q.replace(' INDEXED BY members_out_of_school', '');
  expect(plain).not.toBe(q);
  return plain;
}

function plainRows(key: AlertKey, scope: { townshipId?: number } = {}) {
  const params = {
    asOf: TODAY, soon: '2027-01-30', cutoff: '2026-08-03', bornFrom: '2009-01-01', bornTo: '2021-12-31',
    townshipId: scope.townshipId ?? null, villageId: null,
  };
  return (l.sqlite.prepare(`SELECT householdId, memberId, date, amountFen, voucherId FROM (${plainQuery(key)})
      ORDER BY archiveNo, memberId, date, voucherId, assetId`).all(params) as Record<string, unknown>[]);
}

const ours = (key: AlertKey, scope: { townshipId?: number } = {}) =>
  allAlertRows(l, key, { asOf: TODAY, ...scope }).map((r) => ({ householdId: r.householdId, memberId: r.memberId, date: r.date, amountFen: r.amountFen, voucherId: r.voucherId }));

beforeAll(() => {
  l = tempLedger();
  generateCounty(l, { scale: { townships: 2, villages: 6, households: 120, meanSize: 4 }, seed: 3, today: TODAY });
  const ids = l.sqlite.prepare(`SELECT id FROM households WHERE status <> 'cancelled' ORDER BY id LIMIT 12`).pluck().all() as number[];
  const set = (sql: string, householdId: number) => l.sqlite.prepare(sql).run(householdId);
  // 0: head died (no date recorded); 1: head died 2026-06-01; 2: every member died 2026-03-01;
  // 3: every member moved out; 4: every member moved out but one who died 2026-09-01;
  // 5: a member other than the head died; 6: the head moved out and died; 7..: living.
  set(`UPDATE members SET deceased = 1, deceased_on = NULL WHERE household_id = ? AND relation = 'head'`, ids[0]!);
  set(`UPDATE members SET deceased = 1, deceased_on = '2026-06-01' WHERE household_id = ? AND relation = 'head'`, ids[1]!);
  set(`UPDATE members SET deceased = 1, deceased_on = '2026-03-01' WHERE household_id = ?`, ids[2]!);
  set(`UPDATE members SET removed = 1 WHERE household_id = ?`, ids[3]!);
  set(`UPDATE members SET removed = 1 WHERE household_id = ? AND relation <> 'head'`, ids[4]!);
  set(`UPDATE members SET deceased = 1, deceased_on = '2026-09-01' WHERE household_id = ? AND relation = 'head'`, ids[4]!);
  set(`UPDATE members SET deceased = 1, deceased_on = '2026-01-01' WHERE household_id = ? AND relation <> 'head'`, ids[5]!);
  set(`UPDATE members SET removed = 1, deceased = 1, deceased_on = '2026-01-01' WHERE household_id = ? AND relation = 'head'`, ids[6]!);

  const acct = (code: string) => accountByCode(l, code).id;
  const { id: sourceId } = createSource(l, accountant, { level: 'central', type: 'special', year: 2026, docNo: '财农〔2026〕7号', title: '衔接资金', amountFen: 90_000_000 });
  const post = (date: string, lines: Parameters<typeof createVoucher>[2]['lines']) => {
    const { id } = createVoucher(l, accountant, { date, memo: '测试', lines });
    reviewVoucher(l, reviewer, { voucherId: id });
    postVoucher(l, reviewer, { voucherId: id });
  };
  post('2026-01-02', [{ accountId: acct('1001'), debitFen: 90_000_000 }, { accountId: acct('4001.01'), creditFen: 90_000_000, sourceId }]);
  // Every household above paid before, between and after the deaths.
  for (const date of ['2026-02-01', '2026-05-01', '2026-07-01', '2026-10-01']) {
    post(date, [
      ...ids.map((householdId, i) => ({ accountId: acct('5002.02'), debitFen: 10_000 + i, sourceId, householdId })),
      { accountId: acct('1001'), creditFen: ids.reduce((n, _h, i) => n + 10_000 + i, 0) },
    ]);
  }
});

describe('alert shortcuts list what the plain queries list', () => {
  it('payments to the deceased', () => {
    const plain = plainRows('paid_after_death');
    expect(plain.length).toBeGreaterThanOrEqual(8);
    expect(ours('paid_after_death')).toEqual(plain);
    const townshipId = l.sqlite.prepare('SELECT id FROM townships ORDER BY id LIMIT 1').pluck().get() as number;
    expect(ours('paid_after_death', { townshipId })).toEqual(plainRows('paid_after_death', { townshipId }));
  });

  it('school-age children not in school', () => {
    l.sqlite.exec(`UPDATE members SET school_status = 'dropped_out' WHERE id IN (SELECT id FROM members WHERE birth_date BETWEEN '2012-01-01' AND '2018-12-31' ORDER BY id LIMIT 3);
                   UPDATE members SET school_status = NULL WHERE id IN (SELECT id FROM members WHERE birth_date BETWEEN '2012-01-01' AND '2018-12-31' ORDER BY id DESC LIMIT 2)`);
    const plain = plainRows('school_dropout');
    expect(plain.length).toBeGreaterThan(0);
    expect(ours('school_dropout')).toEqual(plain);
  });

  it('counts equal the rows', () => {
    const counts = Object.fromEntries(alertSummaries(l, { asOf: TODAY }).alerts.map((a) => [a.key, a.count]));
    for (const key of ['paid_after_death', 'school_dropout', 'no_basic_medical', 'unsafe_housing', 'no_safe_water'] as const) {
      expect(counts[key], key).toBe(allAlertRows(l, key, { asOf: TODAY }).length);
    }
  });
});
