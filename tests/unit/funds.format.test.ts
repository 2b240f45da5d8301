import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { basisPoints, percentText, receiptAccountCode, voucherNo } from '../../db/funds/format';

describe('voucher numbers', () => {
  it('read 记-year-number with at least four digits', () => {
    expect(voucherNo(2026, 1)).toBe('记-2026-0001');
    expect(voucherNo(2026, 12345)).toBe('记-2026-12345');
    expect(voucherNo(2026, null)).toBeNull();
  });
});

describe('progress', () => {
  it('is exact integer basis points, truncated, and formats without floats', () => {
    expect(basisPoints(1, 3)).toBe(3333);
    expect(basisPoints(12_000_050, 30_000_000)).toBe(4000);
    expect(basisPoints(5, 0)).toBeNull();
    expect(percentText(4567)).toBe('45.67%');
    expect(percentText(5)).toBe('0.05%');
    expect(percentText(-250)).toBe('-2.50%');
    expect(percentText(null)).toBe('—');
  });

  it('never exceeds the exact ratio and misses it by less than one basis point', () => {
    const ratio = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })
      .chain((whole) => fc.tuple(fc.nat({ max: Math.min(Number.MAX_SAFE_INTEGER, whole * 1000) }), fc.constant(whole)));
    fc.assert(fc.property(ratio, ([part, whole]) => {
      const bp = BigInt(basisPoints(part, whole)!);
      const [p, w] = [BigInt(part) * 10000n, BigInt(whole)];
      return bp * w <= p && p < (bp + 1n) * w;
    }));
  });
});

describe('receipt accounts', () => {
  it('follow the source: special funds by level, the others by type', () => {
    expect(receiptAccountCode('special', 'central')).toBe('4001.01');
    expect(receiptAccountCode('special', 'county')).toBe('4001.04');
    expect(receiptAccountCode('integrated', 'provincial')).toBe('4002');
    expect(receiptAccountCode('counterpart', 'city')).toBe('4003');
    expect(receiptAccountCode('donation', 'county')).toBe('4004');
  });
});
