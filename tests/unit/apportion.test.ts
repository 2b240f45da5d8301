import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { TIE_BREAK_RULE, apportion } from '../../db/rules/apportion';

type Holder = { key: string; weight: bigint | number };

const asObject = (m: Map<string | number, number>) => Object.fromEntries(m);

const holdersArb: fc.Arbitrary<Holder[]> = fc
  .uniqueArray(
    fc.record({
      key: fc.string({ minLength: 1, maxLength: 4 }),
      // Small weights make ties common; big bigint weights exercise the BigInt path.
      weight: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 1_000_000 }), fc.bigInt({ min: 0n, max: 10n ** 30n })),
    }),
    { selector: (h) => h.key, minLength: 1, maxLength: 40 },
  )
  .filter((hs) => hs.some((h) => BigInt(h.weight) > 0n));

const totalArb = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }));

/** Position of each holder in the leftover queue defined by TIE_BREAK_RULE. */
function rankKey(total: number, holders: Holder[], h: Holder): [bigint, bigint, string] {
  const sum = holders.reduce((s, x) => s + BigInt(x.weight), 0n);
  return [(BigInt(total) * BigInt(h.weight)) % sum, BigInt(h.weight), h.key];
}

function before(a: [bigint, bigint, string], b: [bigint, bigint, string]): boolean {
  if (a[0] !== b[0]) return a[0] > b[0];
  if (a[1] !== b[1]) return a[1] > b[1];
  return a[2] < b[2];
}

describe('apportion', () => {
  it('splits 100 fen three ways, extra fen to the smallest key', () => {
    const m = apportion(100, [
      { key: 'c', weight: 1 },
      { key: 'a', weight: 1 },
      { key: 'b', weight: 1 },
    ]);
    expect(asObject(m)).toEqual({ a: 34, b: 33, c: 33 });
    expect([...m.keys()]).toEqual(['c', 'a', 'b']); // input order kept
  });

  it('gives 1 fen among three equal holders to the smallest key', () => {
    const hs = [
      { key: 'z', weight: 5 },
      { key: 'm', weight: 5 },
      { key: 'k', weight: 5 },
    ];
    expect(asObject(apportion(1, hs))).toEqual({ k: 1, m: 0, z: 0 });
    expect(asObject(apportion(-1, hs))).toEqual({ k: -1, m: 0, z: 0 });
  });

  it('compares numeric keys as strings', () => {
    const m = apportion(1, [
      { key: 9, weight: 1 },
      { key: 10, weight: 1 },
      { key: 11, weight: 1 },
    ]);
    expect(m.get(10)).toBe(1);
    expect(m.get(9)).toBe(0);
  });

  it('prefers the larger weight when remainders are equal', () => {
    // 5 × (1, 6, 3) / 10 → 0.5, 3, 1.5: a and c tie on remainder 5; c has the larger weight.
    const m = apportion(5, [
      { key: 'a', weight: 1 },
      { key: 'b', weight: 6 },
      { key: 'c', weight: 3 },
    ]);
    expect(asObject(m)).toEqual({ a: 0, b: 3, c: 2 });
  });

  it('prefers the larger remainder over the larger weight', () => {
    // 10 × (2, 5, 5) / 12 → 1.67, 4.17, 4.17 → leftover 1 goes to a.
    expect(asObject(apportion(10, [
      { key: 'a', weight: 2 },
      { key: 'b', weight: 5 },
      { key: 'c', weight: 5 },
    ]))).toEqual({ a: 2, b: 4, c: 4 });
  });

  it('handles zero totals, one holder and zero weights', () => {
    expect(asObject(apportion(0, [{ key: 'a', weight: 3 }, { key: 'b', weight: 0 }]))).toEqual({ a: 0, b: 0 });
    expect(Object.is(apportion(0, [{ key: 'a', weight: 1 }]).get('a'), 0)).toBe(true);
    expect(Object.is(apportion(-0, [{ key: 'a', weight: 1 }]).get('a'), 0)).toBe(true);
    expect(asObject(apportion(12345, [{ key: 'only', weight: 7n }]))).toEqual({ only: 12345 });
    expect(asObject(apportion(-12345, [{ key: 'only', weight: 7n }]))).toEqual({ only: -12345 });
    expect(asObject(apportion(7, [{ key: 'a', weight: 0 }, { key: 'b', weight: 2 }, { key: 'c', weight: 0 }]))).toEqual({ a: 0, b: 7, c: 0 });
  });

  it('stays exact at the edge of the safe range', () => {
    const total = Number.MAX_SAFE_INTEGER;
    const hs = [
      { key: 'a', weight: 10n ** 30n + 1n },
      { key: 'b', weight: 10n ** 30n },
      { key: 'c', weight: 3 },
    ];
    const m = apportion(total, hs);
    expect([...m.values()].reduce((s, v) => s + BigInt(v), 0n)).toBe(BigInt(total));
    expect(m.get('c')).toBe(0);
  });

  it('explains the tie-break in both languages', () => {
    expect(TIE_BREAK_RULE.zh).toMatch(/余数/);
    expect(TIE_BREAK_RULE.en).toMatch(/larger weight/);
  });

  it.each([
    ['no holders', 10, []],
    ['all weights zero', 10, [{ key: 'a', weight: 0 }]],
    ['negative weight', 10, [{ key: 'a', weight: 2 }, { key: 'b', weight: -1 }]],
    ['fractional weight', 10, [{ key: 'a', weight: 1.5 }]],
    ['NaN weight', 10, [{ key: 'a', weight: Number.NaN }]],
    ['duplicate key', 10, [{ key: 'a', weight: 1 }, { key: 'a', weight: 2 }]],
    ['keys equal as strings', 10, [{ key: 1, weight: 1 }, { key: '1', weight: 2 }]],
    ['fractional total', 1.5, [{ key: 'a', weight: 1 }]],
    ['unsafe total', 2 ** 53, [{ key: 'a', weight: 1 }]],
  ] as const)('throws on %s', (_name, total, holders) => {
    expect(() => apportion(total, holders as ReadonlyArray<{ key: string | number; weight: number }>)).toThrow(RangeError);
  });

  it('property: parts add up exactly and each is floor or floor + 1 of the exact quota', () => {
    fc.assert(
      fc.property(totalArb, holdersArb, (total, holders) => {
        const m = apportion(total, holders);
        const sum = holders.reduce((s, h) => s + BigInt(h.weight), 0n);
        expect([...m.values()].reduce((s, v) => s + BigInt(v), 0n)).toBe(BigInt(total));
        const abs = BigInt(Math.abs(total));
        for (const h of holders) {
          const part = BigInt(Math.abs(m.get(h.key)!));
          const floor = (abs * BigInt(h.weight)) / sum;
          const exact = (abs * BigInt(h.weight)) % sum === 0n;
          expect(part === floor || (part === floor + 1n && !exact)).toBe(true);
          if (BigInt(h.weight) === 0n) expect(part).toBe(0n);
        }
      }),
    );
  });

  it('property: leftover fen follow the stated tie-break order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), holdersArb, (total, holders) => {
        const m = apportion(total, holders);
        const sum = holders.reduce((s, h) => s + BigInt(h.weight), 0n);
        const extra = (h: Holder) => BigInt(m.get(h.key)!) > (BigInt(total) * BigInt(h.weight)) / sum;
        for (const winner of holders.filter(extra)) {
          for (const loser of holders.filter((h) => !extra(h))) {
            expect(before(rankKey(total, holders, winner), rankKey(total, holders, loser))).toBe(true);
          }
        }
      }),
    );
  });

  it('property: the fast double path and the BigInt path agree', () => {
    const numberHolders = fc.uniqueArray(
      fc.record({ key: fc.string({ maxLength: 3 }), weight: fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 2 ** 40 })) }),
      { selector: (h) => h.key, minLength: 1, maxLength: 30 },
    ).filter((hs) => hs.some((h) => h.weight > 0));
    fc.assert(
      fc.property(totalArb, numberHolders, (total, holders) => {
        const viaBigInt = holders.map((h) => ({ key: h.key, weight: BigInt(h.weight) }));
        expect(asObject(apportion(total, holders))).toEqual(asObject(apportion(total, viaBigInt)));
      }),
      { numRuns: 500 },
    );
  });

  it('property: the result does not depend on the order of holders', () => {
    const arb = holdersArb.chain((hs) => fc.tuple(fc.constant(hs), fc.shuffledSubarray(hs, { minLength: hs.length, maxLength: hs.length })));
    fc.assert(
      fc.property(totalArb, arb, (total, [holders, shuffled]) => {
        expect(asObject(apportion(total, shuffled))).toEqual(asObject(apportion(total, holders)));
      }),
    );
  });

  it('property: deterministic, and a reversal mirrors the original fen for fen', () => {
    fc.assert(
      fc.property(totalArb, holdersArb, (total, holders) => {
        const original = apportion(total, holders);
        expect(asObject(apportion(total, holders))).toEqual(asObject(original));
        const reversal = apportion(-total, holders);
        for (const h of holders) {
          expect(reversal.get(h.key)! + original.get(h.key)!).toBe(0);
          expect(Object.is(reversal.get(h.key), -0)).toBe(false);
        }
      }),
    );
  });

  it('splits among 100,000 holders exactly, each within one fen of its quota', () => {
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const holders = Array.from({ length: 100_000 }, (_, i) => ({ key: `H${String(i).padStart(6, '0')}`, weight: (next() % 1000) + 1 }));
    const total = 987_654_321_987;
    const weightSum = BigInt(holders.reduce((s, h) => s + h.weight, 0));
    // Speed is measured by the benchmark suite (npm run bench), not asserted here.
    const m = apportion(total, holders);
    expect([...m.values()].reduce((s, v) => s + v, 0)).toBe(total);
    expect(m.size).toBe(100_000);
    for (const h of holders) {
      const floor = (BigInt(total) * BigInt(h.weight)) / weightSum;
      const got = BigInt(m.get(h.key)!);
      expect(got === floor || got === floor + 1n).toBe(true);
    }
  });
});
