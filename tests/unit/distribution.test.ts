import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FULL_BP, holderKey, shareWeight, splitParts, splitPlan, EmptyPartError, type Holder, type PlanSplitInput } from '../../db/assets/split';
import { exclusion, type HouseholdAsOf } from '../../db/assets/eligibility';

/** The composition under test: plan split (basis points) then each part among its holders. */

const holders = (kind: 'H' | 'V', max: number) =>
  fc.uniqueArray(
    fc.record({ id: fc.integer({ min: 1, max: 10_000_000 }), units: fc.integer({ min: 1, max: 1000 }), weight: fc.integer({ min: 1, max: 3 }) }),
    { selector: (h) => h.id, minLength: 1, maxLength: max },
  ).map((hs): Holder[] => hs.map((h) => ({ key: holderKey(kind, h.id), weight: shareWeight([h]) })));

const bp = fc.integer({ min: 0, max: FULL_BP });
const planArb = fc
  .record({
    totalFen: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 10_000_000_000 }), fc.constant(Number.MAX_SAFE_INTEGER)),
    postBp: bp,
    worksBp: bp,
    shareholders: holders('H', 60),
    postHolders: holders('H', 8),
    villages: holders('V', 5),
  })
  .filter((p) => p.postBp + p.worksBp <= FULL_BP);

const sum = (m: Map<string, number>) => [...m.values()].reduce((s, v) => s + BigInt(v), 0n);
const shuffle = <T>(xs: readonly T[], seed: number) => {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};
const plain = (p: ReturnType<typeof splitPlan>) => ({
  ...p, dividends: Object.fromEntries(p.dividends), posts: Object.fromEntries(p.posts), works: Object.fromEntries(p.works),
});

describe('distribution plan split', () => {
  it('the parts and every holder’s fen add up to the total exactly', () => {
    fc.assert(fc.property(planArb, (p) => {
      const s = splitPlan(p);
      expect(BigInt(s.postFen) + BigInt(s.worksFen) + BigInt(s.sharesFen)).toBe(BigInt(p.totalFen));
      expect(sum(s.dividends)).toBe(BigInt(s.sharesFen));
      expect(sum(s.posts)).toBe(BigInt(s.postFen));
      expect(sum(s.works)).toBe(BigInt(s.worksFen));
      for (const m of [s.dividends, s.posts, s.works]) for (const v of m.values()) expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
    }), { numRuns: 300 });
  });

  it('does not depend on the order of the holders', () => {
    fc.assert(fc.property(planArb, fc.integer({ min: 1, max: 1e9 }), (p, seed) => {
      const shuffled: PlanSplitInput = { ...p, shareholders: shuffle(p.shareholders, seed), postHolders: shuffle(p.postHolders, seed + 1), villages: shuffle(p.villages, seed + 2) };
      expect(plain(splitPlan(shuffled))).toEqual(plain(splitPlan(p)));
    }), { numRuns: 200 });
  });

  it('a reversal (negative total) is the exact mirror, holder by holder', () => {
    fc.assert(fc.property(planArb, (p) => {
      const paid = splitPlan(p);
      const reversed = splitPlan({ ...p, totalFen: -p.totalFen });
      expect(reversed.postFen).toBe(-paid.postFen || 0);
      expect(reversed.sharesFen).toBe(-paid.sharesFen || 0);
      for (const [k, v] of paid.dividends) expect(reversed.dividends.get(k)).toBe(v === 0 ? 0 : -v);
      for (const [k, v] of paid.posts) expect(reversed.posts.get(k)).toBe(v === 0 ? 0 : -v);
      for (const [k, v] of paid.works) expect(reversed.works.get(k)).toBe(v === 0 ? 0 : -v);
    }), { numRuns: 200 });
  });

  it('stays within one fen of the exact share, with ties broken by the stated rule', () => {
    fc.assert(fc.property(planArb, (p) => {
      const s = splitPlan(p);
      const W = p.shareholders.reduce((acc, h) => acc + BigInt(h.weight), 0n);
      for (const h of p.shareholders) {
        const exact = BigInt(s.sharesFen) * BigInt(h.weight);
        const got = BigInt(s.dividends.get(h.key)!);
        expect(got * W <= exact + W && got * W >= exact - W).toBe(true);
      }
    }), { numRuns: 200 });
  });

  it('equal holders: the extra fen go to the smaller keys (household ids in numeric order)', () => {
    const s = splitPlan({
      totalFen: 10, postBp: 0, worksBp: 0, postHolders: [], villages: [],
      shareholders: [9, 10, 100].map((id) => ({ key: holderKey('H', id), weight: 1 })),
    });
    expect([...s.dividends.entries()].sort()).toEqual([[holderKey('H', 9), 4], [holderKey('H', 10), 3], [holderKey('H', 100), 3]]);
  });

  it('the 80/20 example: 80% post wages, 20% village works, nothing left to shareholders', () => {
    const s = splitParts(100_001, 8000, 2000);
    expect(s).toEqual({ postFen: 80_001, worksFen: 20_000, sharesFen: 0 });
    // Equal remainders (1 fen over): the larger weight (post, 8000) takes it.
  });

  it('zero and tiny totals: nobody gets more than a fen, the fen go by the rule', () => {
    const shareholders = [3, 1, 2].map((id) => ({ key: holderKey('H', id), weight: 1 }));
    expect(plain(splitPlan({ totalFen: 0, postBp: 0, worksBp: 0, shareholders, postHolders: [], villages: [] })).dividends)
      .toEqual({ [holderKey('H', 1)]: 0, [holderKey('H', 2)]: 0, [holderKey('H', 3)]: 0 });
    expect(plain(splitPlan({ totalFen: 2, postBp: 0, worksBp: 0, shareholders, postHolders: [], villages: [] })).dividends)
      .toEqual({ [holderKey('H', 1)]: 1, [holderKey('H', 2)]: 1, [holderKey('H', 3)]: 0 });
  });

  it('one holder takes the whole part', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 1, max: 50 }), (total, weight) => {
      const s = splitPlan({ totalFen: total, postBp: 0, worksBp: 0, shareholders: [{ key: holderKey('H', 1), weight }], postHolders: [], villages: [] });
      expect(s.dividends.get(holderKey('H', 1))).toBe(total);
    }));
  });

  it('refuses a part with money and nobody to receive it', () => {
    expect(() => splitPlan({ totalFen: 100, postBp: 5000, worksBp: 0, shareholders: [{ key: 'H1', weight: 1 }], postHolders: [], villages: [] }))
      .toThrow(EmptyPartError);
    expect(() => splitParts(100, 6000, 5000)).toThrow(RangeError);
  });

  it('100,000 holders: exact, order-independent, and quick', () => {
    const shareholders = Array.from({ length: 100_000 }, (_, i) => ({ key: holderKey('H', i + 1), weight: shareWeight([{ units: 1 + (i % 7), weight: i % 11 === 0 ? 2 : 1 }]) }));
    const input = { totalFen: 987_654_321, postBp: 1234, worksBp: 2000, shareholders, postHolders: shareholders.slice(0, 50), villages: [{ key: holderKey('V', 1), weight: 1 }] };
    const started = performance.now();
    const s = splitPlan(input);
    expect(performance.now() - started).toBeLessThan(10_000); // generous: shared CI machines
    expect(sum(s.dividends)).toBe(BigInt(s.sharesFen));
    expect(BigInt(s.postFen) + BigInt(s.worksFen) + BigInt(s.sharesFen)).toBe(987_654_321n);
    const again = splitPlan({ ...input, shareholders: [...shareholders].reverse() });
    for (const [k, v] of s.dividends) if (again.dividends.get(k) !== v) throw new Error(`holder ${k} differs`);
  });

  it('shareWeight multiplies in BigInt and stays exact past 2^53', () => {
    expect(shareWeight([{ units: 3, weight: 2 }, { units: 5, weight: 1 }])).toBe(11);
    const big = shareWeight(Array.from({ length: 4 }, () => ({ units: Number.MAX_SAFE_INTEGER, weight: 2 })));
    expect(big).toBe(BigInt(Number.MAX_SAFE_INTEGER) * 8n);
  });
});

describe('eligibility as of a date', () => {
  const h = (over: Partial<HouseholdAsOf>): HouseholdAsOf => ({ status: 'poor', policyEndsOn: null, livingMembers: 2, ...over });
  const asOf = '2026-04-01';

  it('cancelled and all-deceased households are out whatever the rule', () => {
    for (const rule of ['include', 'exclude', 'only-with-policy'] as const) {
      expect(exclusion(h({ status: 'cancelled' }), rule, asOf)).toBe('cancelled');
      expect(exclusion(h({ livingMembers: 0 }), rule, asOf)).toBe('deceased');
      expect(exclusion(h({}), rule, asOf)).toBeNull();
      expect(exclusion(h({ status: 'returned' }), rule, asOf)).toBeNull();
    }
  });

  it('exited households follow the plan’s rule; only-with-policy means the grace period has not ended', () => {
    const inGrace = h({ status: 'exited', policyEndsOn: '2029-01-01' });
    const graceOver = h({ status: 'exited', policyEndsOn: '2026-04-01' });
    const noPolicy = h({ status: 'exited_no_policy', policyEndsOn: '2025-06-01' });
    expect([inGrace, graceOver, noPolicy].map((x) => exclusion(x, 'include', asOf))).toEqual([null, null, null]);
    expect([inGrace, graceOver, noPolicy].map((x) => exclusion(x, 'exclude', asOf))).toEqual(['exited', 'exited', 'exited']);
    expect([inGrace, graceOver, noPolicy].map((x) => exclusion(x, 'only-with-policy', asOf))).toEqual([null, 'exited', 'exited']);
  });
});
