import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aboveLine, ageOn, assessExit, netIncome, perCapitaFen, type AssessInput, type AssessMember } from '../../db/rules/exit';

const adult = (name: string, extra: Partial<AssessMember> = {}): AssessMember => ({
  name, birthDate: '1975-05-05', schoolStatus: 'not_in_school', insBasicMedical: true, deceased: false, removed: false, ...extra,
});

const base = (over: Partial<AssessInput> = {}): AssessInput => ({
  asOf: '2024-10-01',
  lineFen: 4_000_00,
  incomes: [{ item: 'wages', amountFen: 20_000_00 }],
  members: [adult('林海'), adult('周玥')],
  housingSafety: 'safe',
  housingRenovatedYear: null,
  safeWater: true,
  foodClothingConfirmed: true,
  ...over,
});

describe('net and per-capita income', () => {
  it('subtracts production costs and counts every income type', () => {
    const r = netIncome([
      { item: 'wages', amountFen: 1_000_00 },
      { item: 'production_gross', amountFen: 800_00 },
      { item: 'production_cost', amountFen: 300_00 },
      { item: 'asset_dividend', amountFen: 50_00 },
      { item: 'dibao', amountFen: 120_00 },
    ]);
    expect(r.byType).toEqual({ wages: 1_000_00n, production: 500_00n, property: 50_00n, transfer: 120_00n });
    expect(r.net).toBe(1_670_00n);
  });

  it('divides in whole fen, rounding a loss down', () => {
    expect(perCapitaFen(1000n, 3)).toBe(333n);
    expect(perCapitaFen(-1000n, 3)).toBe(-334n);
    expect(perCapitaFen(1000n, 0)).toBeNull();
  });

  it('stays exact beyond the float range (BigInt)', () => {
    const big = BigInt(Number.MAX_SAFE_INTEGER) * 10n;
    expect(perCapitaFen(big + 7n, 10)).toBe(BigInt(Number.MAX_SAFE_INTEGER));
  });

  it('compares with the line without rounding: 12,001 fen for 3 people is above 4,000', () => {
    expect(aboveLine(12_001n, 3, 4_000)).toBe(true);
    expect(aboveLine(12_000n, 3, 4_000)).toBe(false);
  });

  it('per-capita × people never exceeds net (property)', () => {
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 1, max: 20 }), (net, people) => {
      const pc = perCapitaFen(net, people)!;
      expect(pc * BigInt(people) <= net).toBe(true);
      expect((pc + 1n) * BigInt(people) > net).toBe(true);
    }));
  });
});

describe('assessExit', () => {
  it('passes a household that meets every condition', () => {
    const a = assessExit(base());
    expect(a.passed).toBe(true);
    expect(a.perCapitaFen).toBe(10_000_00n);
    expect(a.checks.map((c) => c.check)).toEqual(['income', 'food_clothing', 'education', 'medical', 'housing', 'water']);
  });

  it('fails the income check at or below the line and says by how much', () => {
    const a = assessExit(base({ incomes: [{ item: 'wages', amountFen: 8_000_00 }] }));
    expect(a.passed).toBe(false);
    expect(a.checks.find((c) => c.check === 'income')).toMatchObject({ ok: false, zh: expect.stringContaining('4,000.00') });
  });

  it('divides by living members only', () => {
    const a = assessExit(base({ members: [adult('林海'), adult('周玥', { deceased: true }), adult('林木', { removed: true })] }));
    expect(a.people).toBe(1);
    expect(a.perCapitaFen).toBe(20_000_00n);
  });

  it('names the school-age child out of school, and not a child of 16', () => {
    const a = assessExit(base({
      members: [adult('林海'), adult('林小', { birthDate: '2014-03-01', schoolStatus: 'dropped_out' }), adult('林大', { birthDate: '2008-01-01', schoolStatus: null })],
    }));
    const edu = a.checks.find((c) => c.check === 'education')!;
    expect(edu.ok).toBe(false);
    expect(edu.zh).toContain('林小');
    expect(edu.zh).not.toContain('林大');
  });

  it('treats a school-age child with no school status as a failure to act on', () => {
    const a = assessExit(base({ members: [adult('林海'), adult('林小', { birthDate: '2015-03-01', schoolStatus: null })] }));
    expect(a.checks.find((c) => c.check === 'education')!.ok).toBe(false);
  });

  it('lists every failing check at once', () => {
    const a = assessExit(base({
      members: [adult('林海', { insBasicMedical: false })],
      housingSafety: 'd',
      safeWater: false,
      foodClothingConfirmed: false,
    }));
    expect(a.checks.filter((c) => !c.ok).map((c) => c.check)).toEqual(['food_clothing', 'medical', 'housing', 'water']);
    expect(a.checks.find((c) => c.check === 'medical')!.en).toContain('林海');
  });

  it('accepts a C/D house once it was renovated', () => {
    expect(assessExit(base({ housingSafety: 'c', housingRenovatedYear: 2019 })).passed).toBe(true);
  });

  it('counts ages to the day', () => {
    expect(ageOn('2010-10-02', '2024-10-01')).toBe(13);
    expect(ageOn('2010-10-01', '2024-10-01')).toBe(14);
  });
});
