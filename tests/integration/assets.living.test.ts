/**
 * Living members as of a plan's date are now counted as all members minus those gone by the date
 * (two index-only counts) instead of filtering every member row. The former count is the oracle:
 * for every mix of removed, deceased with and without a date, before, on and after the date, both
 * agree — and a household left with no living member is excluded as 'deceased'.
 */
import { describe, expect, it } from 'vitest';
import { householdsAsOf } from '../../db/assets/eligibility';
import { approvePlan, preparePlan } from '../../db/assets/plans';
import { recordIncome } from '../../db/assets/income';
import { planAllocations } from '../../db/assets/planQueries';
import { assetsWorld, bulkHouseholds, bulkShares } from './assets.helpers';

const AS_OF = '2026-06-30';
/** A member's state: removed, deceased, and the date of death. */
const STATES: [number, number, string | null][] = [
  [0, 0, null], [1, 0, null], [0, 1, null], [0, 1, '2026-01-01'], [0, 1, AS_OF], [0, 1, '2026-07-01'], [1, 1, '2026-07-01'], [1, 1, null],
];

describe('living members as of a date', () => {
  it('equals the former per-member count for every mix of states, and excludes households with nobody left', () => {
    const w = assetsWorld();
    // Every household has three members; their states run through all combinations of three states.
    const combos: [number, number, number][] = [];
    for (let a = 0; a < STATES.length; a++) for (let b = a; b < STATES.length; b++) for (let c = b; c < STATES.length; c++) combos.push([a, b, c]);
    const ids = bulkHouseholds(w.ledger, w.villageId, combos.length, 'L', 3);
    const set = w.ledger.sqlite.prepare('UPDATE members SET removed = ?, deceased = ?, deceased_on = ? WHERE id = ?');
    combos.forEach((combo, i) => {
      const members = w.ledger.sqlite.prepare('SELECT id FROM members WHERE household_id = ? ORDER BY id').pluck().all(ids[i]) as number[];
      combo.forEach((state, k) => set.run(...STATES[state]!, members[k]));
    });
    const oracle = new Map((w.ledger.sqlite
      .prepare(`SELECT h.id, (SELECT count(*) FROM members m WHERE m.household_id = h.id AND m.removed = 0
                  AND NOT (m.deceased = 1 AND (m.deceased_on IS NULL OR m.deceased_on <= ?))) AS n FROM households h`)
      .all(AS_OF) as { id: number; n: number }[]).map((r) => [r.id, r.n]));
    const counted = householdsAsOf(w.ledger, ids, AS_OF);
    for (const id of ids) expect([id, counted.get(id)!.livingMembers]).toEqual([id, oracle.get(id)]);
    const nobody = ids.filter((id) => oracle.get(id) === 0);
    expect(nobody.length).toBeGreaterThan(10);
    expect(ids.length - nobody.length).toBeGreaterThan(10);

    bulkShares(w.ledger, w.accountant, { id: w.assetId, code: w.assetCode }, ids);
    recordIncome(w.ledger, w.accountant, { assetId: w.assetId, receivedOn: '2026-06-01', grossFen: 1_000_003 });
    const plan = preparePlan(w.ledger, w.accountant, { assetId: w.assetId, title: '测试', asOf: AS_OF });
    approvePlan(w.ledger, w.reviewer, { planId: plan.id });
    const rows = planAllocations(w.ledger, { planId: plan.id, kind: 'dividend', offset: 0, limit: 500 }).rows;
    expect(rows.filter((r) => r.excluded === 'deceased').map((r) => r.householdId).sort()).toEqual([...nobody].sort());
    expect(rows.reduce((n, r) => n + r.amountFen, 0)).toBe(1_000_003);
  });
});
