import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  agreesWith,
  checkIdNumber,
  idCheckDigit,
  makeIdNumber,
  normalizeIdNumber,
} from '../../db/rules/idNumber';
import type { IdProblem } from '../../db/rules/idNumber';

const TODAY = new Date(2025, 5, 1);

function reasonOf(raw: string, today: Date = TODAY): IdProblem | 'ok' {
  const r = checkIdNumber(raw, today);
  return r.ok ? 'ok' : r.reason;
}

/** Completes 17 digits with the right check digit, to test rules other than the checksum. */
function withCheck(first17: string): string {
  return first17 + idCheckDigit(first17);
}

describe('idCheckDigit', () => {
  it('matches published and hand-computed examples', () => {
    expect(idCheckDigit('11010519491231002')).toBe('X'); // GB 11643 example
    expect(idCheckDigit('44052418800101001')).toBe('4');
    // By hand: Σ digit×weight = 169, 169 mod 11 = 4 → '8'.
    expect(idCheckDigit('43010219900101123')).toBe('8');
    // By hand: Σ = 131, 131 mod 11 = 10 → '2'.
    expect(idCheckDigit('50010120000229000')).toBe('2');
  });

  it('refuses anything but 17 digits', () => {
    expect(() => idCheckDigit('1101051949123100')).toThrow(RangeError);
    expect(() => idCheckDigit('1101051949123100X')).toThrow(RangeError);
  });
});

describe('normalizeIdNumber', () => {
  it('converts full-width characters, drops all whitespace and upper-cases x', () => {
    expect(normalizeIdNumber('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X');
    expect(normalizeIdNumber('１１０１０５１９４９１２３１００２Ｘ')).toBe('11010519491231002X');
    expect(normalizeIdNumber(' 110105 19491231\u3000002x\u00A0\t\n')).toBe('11010519491231002X');
    expect(normalizeIdNumber('\u200B11010519491231002X')).toBe('11010519491231002X');
  });
});

describe('checkIdNumber', () => {
  it('accepts the standard published example and decodes it', () => {
    expect(checkIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      id: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'F',
      divisionCode: '110105',
    });
  });

  it('accepts lower-case x, full-width and spaced input', () => {
    for (const raw of ['11010519491231002x', '１１０１０５１９４９１２３１００２ｘ', ' 110105 1949 1231 002X ']) {
      const r = checkIdNumber(raw, TODAY);
      expect(r.ok && r.id).toBe('11010519491231002X');
    }
  });

  it('decodes sex from the 17th digit', () => {
    const male = checkIdNumber('430102199001011238', TODAY);
    expect(male.ok && male.sex).toBe('M');
    const female = checkIdNumber('500101200002290002', TODAY);
    expect(female.ok && female).toMatchObject({ sex: 'F', birthDate: '2000-02-29', divisionCode: '500101' });
  });

  it('has a correct check digit for 440524188001010014 but rejects its 1880 birth date', () => {
    const r = checkIdNumber('440524188001010014', TODAY);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('birthDate');
    expect(!r.ok && r.message.en).toContain('1900');
  });

  it('rejects a wrong check digit without revealing the expected one', () => {
    const r = checkIdNumber('110105194912310021', TODAY);
    expect(!r.ok && r.reason).toBe('checksum');
    expect(!r.ok && r.message.zh).toContain('校验位');
    expect(reasonOf('430102199001011239')).toBe('checksum');
  });

  it('rejects dates that do not exist, before 1900 or in the future', () => {
    expect(reasonOf(withCheck('11010519900230123'))).toBe('birthDate'); // Feb 30
    expect(reasonOf(withCheck('11010520230229123'))).toBe('birthDate'); // 2023 not leap
    expect(reasonOf(withCheck('11010519001301123'))).toBe('birthDate'); // month 13
    expect(reasonOf(withCheck('11010519900100123'))).toBe('birthDate'); // day 0
    expect(reasonOf(withCheck('11010519000229123'))).toBe('birthDate'); // 1900 not leap
    expect(reasonOf(withCheck('11010518991231123'))).toBe('birthDate'); // before 1900
    expect(reasonOf(withCheck('11010520240229123'))).toBe('ok'); // 2024 leap
    expect(reasonOf(withCheck('11010520000229123'))).toBe('ok'); // 2000 leap
    expect(reasonOf(withCheck('11010519000101123'))).toBe('ok');
  });

  it('measures the future against the given day (local calendar date)', () => {
    const today = new Date(2020, 0, 1, 23, 59);
    expect(reasonOf(withCheck('11010520200101123'), today)).toBe('ok');
    expect(reasonOf(withCheck('11010520200102123'), today)).toBe('birthDate');
    expect(reasonOf(withCheck('11010520200102123'), new Date(2020, 0, 2, 0, 1))).toBe('ok');
  });

  it('reports empty, length and format problems', () => {
    expect(reasonOf('')).toBe('empty');
    expect(reasonOf(' \u3000\u00A0')).toBe('empty');
    expect(reasonOf('11010519491231002')).toBe('length');
    expect(reasonOf('11010519491231002X1')).toBe('length');
    expect(reasonOf('110105491231002')).toBe('length'); // old 15-digit number
    expect(reasonOf('11010519491231002A')).toBe('format');
    expect(reasonOf('1101051949123100X2')).toBe('format');
    expect(reasonOf('11010519491231-02X')).toBe('format');
  });

  it.each([
    '1.10105E+17',
    '4.30102199001011E+17',
    '1.10105e+17',
    '1.1010519491231E17',
    '１.１０１０５Ｅ＋１７',
    '430102199001011238.0',
    '11010519491231.0',
    '110105194912310000',
    '430102199001012000',
  ])('recognises Excel damage in %s', (raw) => {
    const r = checkIdNumber(raw, TODAY);
    expect(!r.ok && r.reason).toBe('excelMangled');
    if (r.ok) return;
    expect(r.message.en).toMatch(/Excel/);
    expect(r.message.en).toMatch(/digits were lost/);
    expect(r.message.en).toMatch(/Text/);
    expect(r.message.zh).toMatch(/Excel/);
    expect(r.message.zh).toMatch(/丢失/);
    expect(r.message.zh).toMatch(/文本/);
  });

  it('accepts a genuine ID that happens to end in 000', () => {
    // Sequence 100 and a division code chosen so that the check digit is 0.
    let id = '';
    for (let code = 430100; !id.endsWith('000'); code++) id = withCheck(`${code}19900101100`);
    expect(id).toMatch(/000$/);
    expect(reasonOf(id)).toBe('ok');
  });

  it('property: every single-digit substitution and adjacent transposition is caught', () => {
    const id = '430102199001011238';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const d = (Number(id[pos]) + delta) % 10;
        const changed = id.slice(0, pos) + String(d) + id.slice(pos + 1);
        expect(checkIdNumber(changed, TODAY).ok).toBe(false);
      }),
    );
    for (let pos = 0; pos < 17; pos++) {
      const a = id[pos]!, b = id[pos + 1]!;
      if (a === b) continue;
      const swapped = id.slice(0, pos) + b + a + id.slice(pos + 2);
      expect(checkIdNumber(swapped, TODAY).ok).toBe(false);
    }
  });
});

describe('makeIdNumber', () => {
  const birthDate = fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2024-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const division = fc.integer({ min: 110000, max: 659999 }).map(String);

  it('property: builds IDs that check out with the requested fields', () => {
    fc.assert(
      fc.property(division, birthDate, fc.integer({ min: 0, max: 999 }), fc.constantFrom('M' as const, 'F' as const), (code, date, seq, sex) => {
        const id = makeIdNumber(code, date, seq, sex);
        expect(checkIdNumber(id, TODAY)).toEqual({ ok: true, id, birthDate: date, sex, divisionCode: code });
        expect(Math.abs(Number(id.slice(14, 17)) - seq)).toBeLessThanOrEqual(1);
        expect(agreesWith(id, date, sex)).toEqual([]);
      }),
    );
  });

  it('adjusts the sequence to the sex, staying within 000–999', () => {
    expect(makeIdNumber('430102', '1990-01-01', 123, 'M').slice(14, 17)).toBe('123');
    expect(makeIdNumber('430102', '1990-01-01', 123, 'F').slice(14, 17)).toBe('124');
    expect(makeIdNumber('430102', '1990-01-01', 999, 'F').slice(14, 17)).toBe('998');
    expect(makeIdNumber('430102', '1990-01-01', 0, 'M').slice(14, 17)).toBe('001');
    expect(makeIdNumber('110105', '1949-12-31', 2, 'F')).toBe('11010519491231002X');
  });

  it('refuses bad arguments', () => {
    expect(() => makeIdNumber('43010', '1990-01-01', 1, 'M')).toThrow(RangeError);
    expect(() => makeIdNumber('430102', '1990-02-30', 1, 'M')).toThrow(RangeError);
    expect(() => makeIdNumber('430102', '19900101', 1, 'M')).toThrow(RangeError);
    expect(() => makeIdNumber('430102', '1990-01-01', 1000, 'M')).toThrow(RangeError);
    expect(() => makeIdNumber('430102', '1990-01-01', 1.5, 'M')).toThrow(RangeError);
  });
});

describe('agreesWith', () => {
  it('lists the recorded fields that contradict the ID', () => {
    expect(agreesWith('11010519491231002X', '1949-12-31', 'F')).toEqual([]);
    expect(agreesWith('１１０１０５１９４９１２３１００２ｘ', '1949-12-31', 'F')).toEqual([]);
    expect(agreesWith('11010519491231002X', '1949-12-30', 'F')).toEqual(['birthDate']);
    expect(agreesWith('11010519491231002X', '1949-12-31', 'M')).toEqual(['sex']);
    expect(agreesWith('11010519491231002X', '1950-01-01', 'M')).toEqual(['birthDate', 'sex']);
  });

  it('confirms nothing when the ID cannot be read', () => {
    expect(agreesWith('1.10105E+17', '1949-12-31', 'F')).toEqual(['birthDate', 'sex']);
    expect(agreesWith('', '1949-12-31', 'F')).toEqual(['birthDate', 'sex']);
  });
});
