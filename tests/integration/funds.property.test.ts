import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { listAccounts } from '../../db/funds/accounts';
import { allocate, updateSource } from '../../db/funds/sources';
import { createVoucher, postVoucher, reverseVoucher, reviewVoucher } from '../../db/funds/vouchers';
import { trialBalance, verifyBalances } from '../../db/funds/trialBalance';
import { getVoucher } from '../../db/funds/voucherQueries';
import type { LineInput } from '../../db/funds/schemas';
import { fundsWorld, type World } from './funds.helpers';

/** A voucher as pairs (debit account, credit account, amount): balanced by construction. */
const pairs = fc.array(fc.record({ from: fc.nat(), to: fc.nat(), fen: fc.integer({ min: 1, max: 50_000_000 }) }), { minLength: 1, maxLength: 4 });
const step = fc.record({
  pairs,
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  /** 0 leave as draft, 1 review only, 2 post, 3 post and reverse, 4 post, reverse and post the reversal. */
  fate: fc.integer({ min: 0, max: 4 }),
});

/** Plenty of money on both sides of budget control, so random spending stays valid. */
function roomyWorld(): World {
  const w = fundsWorld();
  updateSource(w.ledger, w.accountant, { sourceId: w.sourceId, fields: { amountFen: 4_000_000_000_000 } });
  allocate(w.ledger, w.accountant, { sourceId: w.sourceId, projectId: w.projectId, amountFen: 1_000_000_000_000, allocatedOn: '2026-01-01' });
  return w;
}

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function play(w: World, steps: Step[]) {
  const leaves = listAccounts(w.ledger).filter((a) => a.leaf);
  // Every line carries every dimension, which satisfies any account's requirements.
  const dims = { sourceId: w.sourceId, projectId: w.projectId, householdId: w.householdId, villageId: w.villageId, assetId: 1 };
  for (const s of steps) {
    const lines: LineInput[] = s.pairs.flatMap((p) => [
      { accountId: leaves[p.from % leaves.length]!.id, debitFen: p.fen, ...dims },
      { accountId: leaves[p.to % leaves.length]!.id, creditFen: p.fen, ...dims },
    ]);
    const date = `2026-${String(s.month).padStart(2, '0')}-${String(s.day).padStart(2, '0')}`;
    const { id } = createVoucher(w.ledger, w.accountant, { date, memo: 'random', lines });
    if (s.fate >= 1) reviewVoucher(w.ledger, w.reviewer, { voucherId: id });
    if (s.fate >= 2) postVoucher(w.ledger, w.accountant2, { voucherId: id });
    if (s.fate >= 3) {
      const r = reverseVoucher(w.ledger, w.accountant, { voucherId: id, date: '2026-12-31' });
      if (s.fate === 4) {
        reviewVoucher(w.ledger, w.reviewer, { voucherId: r.id });
        postVoucher(w.ledger, w.reviewer, { voucherId: r.id });
        const [o, m] = [getVoucher(w.ledger, id), getVoucher(w.ledger, r.id)];
        expect(m.lines.map((l) => [l.accountId, l.debitFen, l.creditFen])).toEqual(o.lines.map((l) => [l.accountId, l.creditFen, l.debitFen]));
      }
    }
  }
}

describe('random valid activity', () => {
  it('always leaves a trial balance whose debits equal its credits and that agrees with the lines', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 12 }), (steps, cut) => {
        const w = roomyWorld();
        try {
          play(w, steps);
          const full = trialBalance(w.ledger, { from: '2026-01', to: '2026-12', includeZero: true });
          expect(full.balanced).toBe(true);
          const posted = w.ledger.sqlite
            .prepare(`SELECT l.account_id AS id, sum(l.debit_fen) AS d, sum(l.credit_fen) AS c FROM voucher_lines l
                       JOIN vouchers v ON v.id = l.voucher_id WHERE v.status = 'posted' GROUP BY l.account_id`)
            .all() as { id: number; d: number; c: number }[];
          for (const p of posted) {
            const row = full.rows.find((r) => r.accountId === p.id)!;
            expect([row.periodDebit, row.periodCredit, row.closingDebit - row.closingCredit]).toEqual([p.d, p.c, p.d - p.c]);
          }
          // Splitting the year anywhere: what one part closes with, the next opens with.
          const month = `2026-${String(cut).padStart(2, '0')}`;
          const next = `2026-${String(cut + 1).padStart(2, '0')}`;
          const head = trialBalance(w.ledger, { from: '2026-01', to: month, includeZero: true });
          if (cut < 12) {
            const tail = trialBalance(w.ledger, { from: next, to: '2026-12', includeZero: true });
            expect(tail.balanced && head.balanced).toBe(true);
            expect(tail.rows.map((r) => [r.openingDebit, r.openingCredit])).toEqual(head.rows.map((r) => [r.closingDebit, r.closingCredit]));
          }
          expect(verifyBalances(w.ledger).ok).toBe(true);
          const numbers = w.ledger.sqlite.prepare(`SELECT number FROM vouchers WHERE status = 'posted' ORDER BY number`).pluck().all();
          expect(numbers).toEqual(numbers.map((_, i) => i + 1));
        } finally {
          w.ledger.close();
        }
      }),
      { numRuns: 25 },
    );
  });
});
