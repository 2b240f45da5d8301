import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MoneyError, capitalAmount, formatFen, mulDiv, parseYuan, sumFen } from '../../db/rules/money';

const MAX = Number.MAX_SAFE_INTEGER;

describe('parseYuan', () => {
  it.each([
    ['1234', 123400],
    ['1,234.5', 123450],
    ['１２３４.５６', 123456],
    ['１，２３４．５６', 123456],
    ['-3.07', -307],
    ['－3.07', -307],
    ['¥12.30', 1230],
    ['￥12.30', 1230],
    ['12.30元', 1230],
    ['-¥12.30', -1230],
    ['¥-12.30', -1230],
    ['+5', 500],
    [' 1 234.56 ', 123456],
    ['0.07', 7],
    ['.5', 50],
    ['5.', 500],
    ['-0', 0],
    ['1,234,567.89', 123456789],
    ['1.230', 123], // extra zero decimals lose nothing
    ['90071992547409.91', MAX],
    ['-90071992547409.91', -MAX],
  ])('%s → %i fen', (text, fen) => {
    expect(parseYuan(text)).toBe(fen);
  });

  it('never returns negative zero', () => {
    expect(Object.is(parseYuan('-0.00'), 0)).toBe(true);
  });

  it.each(['', '   ', '-', '.', '¥', '元', 'abc', 'NaN', 'Infinity', '1e5', '1.234', '0.001', '1,23', '12,34.5', '1,2345', '--1', '-¥-1', '1.2.3', '12元5', '90071992547409.92', '1000000000000000000'])(
    'rejects %j with a bilingual MoneyError',
    (text) => {
      let caught: unknown;
      try {
        parseYuan(text);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(MoneyError);
      expect((caught as MoneyError).message).toMatch(/[a-z]/);
      expect((caught as MoneyError).zh).toMatch(/金额/);
    },
  );

  it('explains the decimal limit', () => {
    expect(() => parseYuan('1.234')).toThrow(/2 decimal places/);
  });

  it('property: formatFen and parseYuan round-trip every safe amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX, max: MAX }), fc.boolean(), (fen, grouping) => {
        expect(parseYuan(formatFen(fen, { grouping }))).toBe(fen);
      }),
    );
  });

  it('property: parsing is exact decimal arithmetic, formatting gives the canonical form', () => {
    const yuanDigits = fc.bigInt({ min: 0n, max: 90_071_992_547_408n });
    fc.assert(
      fc.property(yuanDigits, fc.integer({ min: 0, max: 99 }), fc.boolean(), (yuan, cents, negative) => {
        const text = `${negative ? '-' : ''}${yuan}.${String(cents).padStart(2, '0')}`;
        const fen = parseYuan(text);
        const expected = (negative ? -1n : 1n) * (yuan * 100n + BigInt(cents));
        expect(BigInt(fen)).toBe(expected);
        expect(formatFen(fen, { grouping: false })).toBe(expected === 0n ? '0.00' : text);
      }),
    );
  });
});

describe('formatFen', () => {
  it.each([
    [123456, '1,234.56'],
    [-7, '-0.07'],
    [0, '0.00'],
    [5, '0.05'],
    [100, '1.00'],
    [100000000, '1,000,000.00'],
    [-123456789, '-1,234,567.89'],
    [MAX, '90,071,992,547,409.91'],
  ])('%i fen → %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('can leave out grouping and accepts bigint', () => {
    expect(formatFen(123456789, { grouping: false })).toBe('1234567.89');
    expect(formatFen(10n ** 20n)).toBe('1,000,000,000,000,000,000.00');
    expect(formatFen(-1n)).toBe('-0.01');
  });

  it('refuses non-integers and unsafe numbers', () => {
    expect(() => formatFen(1.5)).toThrow(MoneyError);
    expect(() => formatFen(Number.NaN)).toThrow(MoneyError);
    expect(() => formatFen(MAX + 1)).toThrow(MoneyError);
  });
});

describe('capitalAmount', () => {
  it.each([
    [0, '零元整'],
    [5, '伍分'],
    [50, '伍角'],
    [100, '壹元整'],
    [105, '壹元零伍分'],
    [1005, '壹拾元零伍分'],
    [10010, '壹佰元壹角'], // 零 after 元 is optional; we never write it (see capitalAmount)
    [32504, '叁佰贰拾伍元零肆分'],
    [60036, '陆佰元叁角陆分'],
    [140950, '壹仟肆佰零玖元伍角'],
    [168032, '壹仟陆佰捌拾元叁角贰分'],
    [600714, '陆仟零柒元壹角肆分'],
    [1000000, '壹万元整'],
    [1010101, '壹万零壹佰零壹元零壹分'],
    [10070000, '壹拾万零柒佰元整'],
    [10700053, '壹拾万柒仟元伍角叁分'],
    [100000000, '壹佰万元整'],
    [123456789, '壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分'],
    [200000001, '贰佰万元零壹分'],
    [10000000000, '壹亿元整'],
    [10000100000, '壹亿零壹仟元整'],
    [10001000000, '壹亿零壹万元整'],
    [10010000000, '壹亿零壹拾万元整'],
    [10000000050, '壹亿元伍角'],
    [100000000000000, '壹万亿元整'],
    [MAX, '玖拾万零柒佰壹拾玖亿玖仟贰佰伍拾肆万柒仟肆佰零玖元玖角壹分'],
    [-1005, '负壹拾元零伍分'],
    [-100, '负壹元整'],
  ])('%i fen → %s', (fen, text) => {
    expect(capitalAmount(fen)).toBe(text);
  });

  it('accepts bigint beyond the safe range', () => {
    expect(capitalAmount(10000000001000000n)).toBe('壹佰万亿零壹万元整');
  });

  it('writes 整 after 角 only when asked (《会计基础工作规范》 reading)', () => {
    expect(capitalAmount(10010, { zhengAfterJiao: true })).toBe('壹佰元壹角整');
    expect(capitalAmount(50, { zhengAfterJiao: true })).toBe('伍角整');
    expect(capitalAmount(100, { zhengAfterJiao: true })).toBe('壹元整');
    expect(capitalAmount(105, { zhengAfterJiao: true })).toBe('壹元零伍分');
  });

  it('property: well-formed for every safe amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX, max: MAX }).filter((fen) => fen !== 0), (fen) => {
        const text = capitalAmount(fen);
        const body = text.replace(/^负/, '');
        expect(text.startsWith('负')).toBe(fen < 0);
        expect(body).not.toMatch(/零零|零[元万亿角分整]|^零/);
        expect(body).toMatch(/^[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/);
        expect(body.endsWith('整')).toBe(fen % 100 === 0);
        expect(body.endsWith('分')).toBe(fen % 10 !== 0);
        expect(body.includes('元')).toBe(Math.abs(fen) >= 100);
      }),
    );
  });
});

describe('mulDiv', () => {
  it('is exact far beyond the float range', () => {
    expect(mulDiv(10n ** 15n, 10n ** 15n, 7n)).toEqual({
      quotient: 10n ** 30n / 7n,
      remainder: 10n ** 30n % 7n,
    });
    expect(mulDiv(MAX, MAX, MAX)).toEqual({ quotient: BigInt(MAX), remainder: 0n });
    expect(mulDiv(10, 1, 3)).toEqual({ quotient: 3n, remainder: 1n });
    expect(mulDiv(0, 5, 3)).toEqual({ quotient: 0n, remainder: 0n });
  });

  it('property: quotient × c + remainder = a × b, 0 ≤ remainder < c', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 80n }), fc.bigInt({ min: 0n, max: 2n ** 80n }), fc.bigInt({ min: 1n, max: 2n ** 80n }), (a, b, c) => {
        const { quotient, remainder } = mulDiv(a, b, c);
        expect(quotient * c + remainder).toBe(a * b);
        expect(remainder >= 0n && remainder < c).toBe(true);
      }),
    );
  });

  it('refuses negatives, zero divisors and fractions', () => {
    expect(() => mulDiv(-1, 1, 1)).toThrow(RangeError);
    expect(() => mulDiv(1, -1n, 1)).toThrow(RangeError);
    expect(() => mulDiv(1, 1, 0)).toThrow(RangeError);
    expect(() => mulDiv(1.5, 1, 1)).toThrow(MoneyError);
  });
});

describe('sumFen', () => {
  it('adds exactly', () => {
    expect(sumFen([])).toBe(0);
    expect(sumFen([1, 2, 3])).toBe(6);
    expect(sumFen([MAX, 1, -2])).toBe(MAX - 1); // intermediate overflow is fine
    expect(sumFen(new Set([10, -3]))).toBe(7);
    function* gen() {
      yield 5;
      yield 7;
    }
    expect(sumFen(gen())).toBe(12);
  });

  it('throws when the total or an input is not a safe integer', () => {
    expect(() => sumFen([MAX, 1])).toThrow(MoneyError);
    expect(() => sumFen([-MAX, -1])).toThrow(MoneyError);
    expect(() => sumFen([0.1, 0.2])).toThrow(MoneyError);
    expect(() => sumFen([Number.NaN])).toThrow(MoneyError);
  });

  it('property: equals the BigInt sum', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(2 ** 40), max: 2 ** 40 })), (values) => {
        expect(BigInt(sumFen(values))).toBe(values.reduce((s, v) => s + BigInt(v), 0n));
      }),
    );
  });
});
