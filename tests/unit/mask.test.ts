import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskBankAccount, maskFor, maskIdNumber, maskPhone, maskRecord, seesInFull, SEES_IN_FULL } from '../../db/rules/mask';
import { makeIdNumber } from '../../db/rules/idNumber';
import { ROLES } from '../../db/roles';

describe('maskIdNumber', () => {
  it('keeps only the division code: with the birth date shown beside it, the last 4 would give the number away', () => {
    expect(maskIdNumber('532999197003121234')).toBe('532999************');
    expect(maskIdNumber('11010519491231002X')).toBe('110105************');
    expect(maskIdNumber('110105491231002')).toBe('110105*********'); // old 15-digit form
  });
  it('hides short or odd values entirely and passes empty values through', () => {
    expect(maskIdNumber('12345')).toBe('*****');
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber(null)).toBe('');
    expect(maskIdNumber(undefined)).toBe('');
    expect(maskIdNumber(' 5329 9919 7003 1212 34 ')).toBe('532999************');
  });
  it('property: never reveals the birth date, sequence or check digit and keeps the length of a real ID number', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1920-01-01'), max: new Date('2024-12-31'), noInvalidDate: true }), fc.integer({ min: 0, max: 999 }), fc.constantFrom('M' as const, 'F' as const), (d, seq, sex) => {
        const id = makeIdNumber('532999', d.toISOString().slice(0, 10), seq, sex);
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(18);
        expect(masked).toBe(`${id.slice(0, 6)}${'*'.repeat(12)}`);
      }),
    );
  });
});

describe('maskPhone', () => {
  it('keeps 3 + 4 digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138-1234-5678')).toBe('138****5678');
  });
  it('keeps only the last 4 digits of a short landline number, hides tiny values', () => {
    expect(maskPhone('6123456')).toBe('***3456');
    expect(maskPhone('0871612345')).toBe('******2345');
    expect(maskPhone('12345')).toBe('*****');
    expect(maskPhone('')).toBe('');
  });
});

describe('maskBankAccount', () => {
  it('shows only the last 4 digits behind a fixed mask', () => {
    expect(maskBankAccount('6222021234567891234')).toBe('****1234');
    expect(maskBankAccount('6222 0212 3456 7891 234')).toBe('****1234');
    expect(maskBankAccount('1234567')).toBe('****');
    expect(maskBankAccount(null)).toBe('');
  });
  it('property: the masked form never contains more than 4 digits', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{8,30}$/), (acct) => {
      expect(maskBankAccount(acct).replace(/\*/g, '')).toHaveLength(4);
    }));
  });
});

describe('who sees what', () => {
  it('shows ID numbers and phones to registrars, bank accounts to registrars and accountants, nothing to the public', () => {
    expect(seesInFull('registrar', 'idNumber')).toBe(true);
    expect(seesInFull('accountant', 'idNumber')).toBe(false);
    expect(seesInFull('accountant', 'bankAccount')).toBe(true);
    expect(seesInFull('registrar', 'bankAccount')).toBe(true);
    expect(seesInFull('reviewer', 'bankAccount')).toBe(false);
    expect(seesInFull('auditor', 'phone')).toBe(false);
    expect(seesInFull(null, 'idNumber')).toBe(false);
    for (const field of Object.keys(SEES_IN_FULL) as (keyof typeof SEES_IN_FULL)[]) {
      for (const role of SEES_IN_FULL[field]) expect(ROLES).toContain(role);
    }
  });
  it('masks a record for a role and leaves other keys alone', () => {
    const member = { name: '林海', idNumber: '532999197003121234', phone: '13812345678', bankAccount: null as string | null };
    const fields = { idNumber: 'idNumber', phone: 'phone', bankAccount: 'bankAccount' } as const;
    expect(maskRecord(member, 'reviewer', fields)).toEqual({ name: '林海', idNumber: '532999************', phone: '138****5678', bankAccount: null });
    expect(maskRecord(member, 'registrar', fields)).toEqual(member);
    expect(maskFor('accountant', 'bankAccount', '6222021234567891234')).toBe('6222021234567891234');
    expect(maskFor(undefined, 'bankAccount', '6222021234567891234')).toBe('****1234');
  });
});
