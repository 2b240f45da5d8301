import { describe, expect, it } from 'vitest';
import { guarantees } from '../../db/rules/guarantees';
import { householdQualifies, medicalCover, memberQualifies } from '../../db/rules/medicalCover';
import { PRINT_FILE_PATTERN, formatSerial, parseQrText, parseSerial, printFileName } from '../../db/certificates/serials';

const member = (over: Partial<{ name: string; birthDate: string; schoolStatus: string | null; insBasicMedical: boolean; deceased: boolean; removed: boolean }> = {}) => ({
  name: '林海', birthDate: '1970-03-12', schoolStatus: null, insBasicMedical: true, deceased: false, removed: false, ...over,
});

describe('guarantees on the assistance card', () => {
  it('follow the exit checks: failures name the people, met ones get a short note', () => {
    const g = guarantees({
      asOf: '2026-05-06',
      members: [member(), member({ name: '林小', birthDate: '2015-09-01', schoolStatus: 'dropped_out' }), member({ name: '周玥', insBasicMedical: false })],
      housingSafety: 'c', housingRenovatedYear: 2019, safeWater: false, foodClothingConfirmed: true,
    });
    expect(g.map((x) => [x.check, x.ok])).toEqual([['food_clothing', true], ['education', false], ['medical', false], ['housing', true], ['water', false]]);
    expect(g[1]!.zh).toContain('林小');
    expect(g[2]!.en).toContain('周玥');
    expect(g[3]!.zh).toBe('2019年完成危房改造');
  });

  it('ignore deceased and moved-out members', () => {
    const g = guarantees({
      asOf: '2026-05-06', members: [member(), member({ name: '故', insBasicMedical: false, deceased: true })],
      housingSafety: 'safe', housingRenovatedYear: null, safeWater: true, foodClothingConfirmed: false,
    });
    expect(g.map((x) => x.ok)).toEqual([false, true, true, true, true]);
    expect(g[2]!.zh).toBe('1人全部参加基本医保');
  });
});

describe('treatment first, pay later / one-stop settlement', () => {
  it('needs a qualifying status and basic medical insurance for every living member', () => {
    for (const status of ['new_identified', 'poor', 'returned', 'exited']) expect(householdQualifies(status, [member()])).toBe(true);
    for (const status of ['exited_no_policy', 'cancelled', 'non_poor']) expect(householdQualifies(status, [member()])).toBe(false);
    expect(householdQualifies('poor', [member(), member({ insBasicMedical: false })])).toBe(false);
    expect(householdQualifies('poor', [member(), member({ insBasicMedical: false, removed: true })])).toBe(true);
    expect(householdQualifies('poor', [])).toBe(false);
    expect(memberQualifies('poor', member({ insBasicMedical: false }))).toBe(false);
    expect(medicalCover('exited', [member()])).toEqual({ treatmentFirstPayLater: true, oneStopSettlement: true });
  });
});

describe('serials and QR texts', () => {
  it('format, parse and name files', () => {
    expect(formatSerial('health_card', 2026, 123)).toBe('HC-2026-000123');
    expect(parseSerial(' hc-2026-000123 ')).toEqual({ docType: 'health_card', year: 2026, seq: 123 });
    expect(parseSerial('HC-2026-123')).toBeNull();
    expect(() => formatSerial('notice', 2026, 0)).toThrow(RangeError);
    expect(parseQrText('CL|assistance_card|5529990101001|AC-2026-000001')).toEqual({ docType: 'assistance_card', ref: '5529990101001', serial: 'AC-2026-000001' });
    expect(parseQrText('CL|assistance_card|a|b|c')).toBeNull();
    expect(printFileName(['AC-2026-000001'])).toBe('AC-2026-000001.pdf');
    expect(printFileName(['AC-2026-000001', 'AC-2026-000002', 'AC-2026-000009'])).toBe('AC-2026-000001_AC-2026-000009.pdf');
    for (const bad of ['../AC-2026-000001.pdf', 'AC-2026-000001.pdf\u0000', 'ac-2026-000001.pdf', 'AC-2026-000001_.pdf']) {
      expect(PRINT_FILE_PATTERN.test(bad), bad).toBe(false);
    }
  });
});
