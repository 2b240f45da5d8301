/** Dates of a person's life: birth, death. */
import type { QualityRule } from '../types';

export const personRules: QualityRule[] = [
  {
    id: 'member.birth_future',
    severity: 'error',
    target: 'member',
    title: { zh: '出生日期晚于今天', en: 'Birth date in the future' },
    explain: {
      zh: '登记的出生日期晚于今天，必定是录入错误。请按身份证或出生证明更正。',
      en: 'The recorded birth date is after today, which cannot be. Correct it from the ID card or birth certificate.',
    },
    sql: (s) => `SELECT m.household_id, m.id AS member_id, NULL AS voucher_id, m.birth_date AS facts
            FROM members m JOIN households h ON h.id = m.household_id WHERE ${s} AND (m.birth_date > @asOf)`,
  },
  {
    id: 'member.death_date_impossible',
    severity: 'error',
    target: 'member',
    title: { zh: '死亡日期早于出生或晚于今天', en: 'Date of death before birth or in the future' },
    explain: {
      zh: '死亡日期早于出生日期或晚于今天。请按死亡证明或户籍注销记录更正。',
      en: 'The date of death is before the birth date or after today. Correct it from the death certificate or the household-register record.',
    },
    sql: (s) => `SELECT m.household_id, m.id AS member_id, NULL AS voucher_id, m.deceased_on AS facts
            FROM members m JOIN households h ON h.id = m.household_id WHERE ${s} AND (m.deceased_on IS NOT NULL AND (m.deceased_on < m.birth_date OR m.deceased_on > @asOf))`,
  },
  {
    id: 'member.deceased_date_missing',
    severity: 'warning',
    target: 'member',
    title: { zh: '已故未填死亡日期（或有日期未标记已故）', en: 'Deceased without a date (or a date without the flag)' },
    explain: {
      zh: '成员标记为已故却没有死亡日期，或填了死亡日期却未标记已故。死亡日期用于核查死亡后的发放，请补齐。',
      en: 'A member is marked deceased without a date of death, or has a date of death without the deceased mark. The date is needed to catch payments made after death; complete it.',
    },
    sql: (s) => `SELECT m.household_id, m.id AS member_id, NULL AS voucher_id, NULL AS facts
            FROM members m JOIN households h ON h.id = m.household_id WHERE ${s} AND ((m.deceased = 1 AND m.deceased_on IS NULL) OR (m.deceased = 0 AND m.deceased_on IS NOT NULL))`,
  },
];
