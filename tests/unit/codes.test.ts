import { describe, it, expect } from 'vitest';
import {
  codeLists,
  codeListNames,
  codesOf,
  entryOf,
  ethnicity,
  incomeItem,
  incomeItemSign,
  incomeItemType,
  incomeType,
  isCode,
  labelOf,
  type CodeEntry,
  type CodeListName,
} from '../../db/codes';

const names = Object.keys(codeLists) as CodeListName[];

describe('code lists', () => {
  it('exports every list by name', () => {
    expect(codeListNames).toEqual(names);
    expect(names.length).toBeGreaterThanOrEqual(30);
  });

  it.each(names)('%s: codes are unique, non-empty, short ASCII', (name) => {
    const entries: readonly CodeEntry[] = codeLists[name];
    expect(entries.length).toBeGreaterThan(0);
    const codes = entries.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Za-z0-9_]{1,32}$/);
  });

  it.each(names)('%s: every entry has non-empty zh and en labels', (name) => {
    const entries: readonly CodeEntry[] = codeLists[name];
    for (const e of entries) {
      expect(e.zh.trim(), `${name}.${e.code}.zh`).not.toBe('');
      expect(e.en.trim(), `${name}.${e.code}.en`).not.toBe('');
      // zh labels are Chinese (at least one CJK character); en labels contain none.
      expect(e.zh, `${name}.${e.code}.zh`).toMatch(/[\u4e00-\u9fff]/);
      expect(e.en, `${name}.${e.code}.en`).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it.each(names)('%s: labels are unique within the list', (name) => {
    const entries: readonly CodeEntry[] = codeLists[name];
    expect(new Set(entries.map((e) => e.zh)).size).toBe(entries.length);
    expect(new Set(entries.map((e) => e.en)).size).toBe(entries.length);
  });
});

describe('labelOf / codesOf / isCode', () => {
  it('returns labels in both languages', () => {
    expect(labelOf('householdAttribute', '2', 'zh')).toBe('低保贫困户');
    expect(labelOf('householdAttribute', '2', 'en')).toBe('Dibao poor household');
    expect(labelOf('sex', 'F', 'zh')).toBe('女');
    expect(labelOf('ethnicity', '01', 'zh')).toBe('汉族');
    expect(labelOf('ethnicity', '56', 'zh')).toBe('基诺族');
    expect(labelOf('householdStatus', 'exited', 'zh')).toBe('已脱贫（享受政策）');
    expect(labelOf('role', 'auditor', 'en')).toBe('Auditor');
  });

  it('returns the code itself when unknown', () => {
    expect(labelOf('sex', 'X', 'zh')).toBe('X');
    expect(labelOf('povertyCause', '', 'en')).toBe('');
    expect(labelOf('ethnicity', '1', 'en')).toBe('1');
    expect(entryOf('sex', 'X')).toBeUndefined();
  });

  it('codesOf lists the codes in order', () => {
    expect(codesOf('householdAttribute')).toEqual(['1', '2', '3']);
    expect(codesOf('sex')).toEqual(['M', 'F']);
    expect(codesOf('povertyCause')).toHaveLength(11);
    expect(codesOf('disabilityGrade')).toEqual(['1', '2', '3', '4']);
  });

  it('isCode guards membership', () => {
    expect(isCode('labourAbility', 'lost')).toBe(true);
    expect(isCode('labourAbility', 'LOST')).toBe(false);
    expect(isCode('labourAbility', 3)).toBe(false);
  });
});

describe('domain specifics', () => {
  it('ethnicity has the 56 groups 01..56 plus 97 and 98', () => {
    const codes = ethnicity.map((e) => e.code);
    const expected = Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0'));
    expect(codes).toEqual([...expected, '97', '98']);
  });

  it('every income item maps to an income type or null, and nothing else is mapped', () => {
    const types = new Set<string>(incomeType.map((t) => t.code));
    const items = incomeItem.map((i) => i.code);
    expect(Object.keys(incomeItemType).sort()).toEqual([...items].sort());
    expect(Object.keys(incomeItemSign).sort()).toEqual([...items].sort());
    for (const item of items) {
      expect(item in incomeItemType).toBe(true);
      const t = incomeItemType[item];
      expect(t === null || types.has(t)).toBe(true);
    }
    expect(incomeItemType.asset_dividend).toBe('property');
    expect(incomeItemType.production_cost).toBe('production');
    expect(incomeItemSign.production_cost).toBe(-1);
  });

  it('every income type has at least one item', () => {
    const used = new Set(Object.values(incomeItemType));
    for (const t of incomeType) expect(used.has(t.code)).toBe(true);
  });
});
