/** Relocation (易地搬迁) records. */
import type { QualityRule } from '../types';
import { OPEN_HOUSEHOLD } from './sql';

export const housingRules: QualityRule[] = [
  {
    id: 'household.relocation_before_identification',
    severity: 'warning',
    target: 'household',
    title: { zh: '搬迁年份早于识别年份', en: 'Relocated before being identified' },
    explain: {
      zh: '易地扶贫搬迁的对象是已识别的贫困户，搬迁年份却早于识别年份。请核对搬迁年份和识别年份。',
      en: 'Poverty-alleviation relocation is for identified poor households, yet the relocation year is before the identification year. Check both years.',
    },
    sql: (s) => `SELECT h.id AS household_id, NULL AS member_id, NULL AS voucher_id, h.relocation_year || ' < ' || h.identified_year AS facts
            FROM households h WHERE ${s} AND ${OPEN_HOUSEHOLD} AND h.relocation_year IS NOT NULL AND h.relocation_year < h.identified_year`,
  },
  {
    id: 'household.relocation_incomplete',
    severity: 'warning',
    target: 'household',
    title: { zh: '搬迁信息不完整', en: 'Relocation details incomplete' },
    explain: {
      zh: '标记为易地搬迁的户须填写安置方式和搬迁年份；未标记搬迁的户不应有安置方式或搬迁年份。',
      en: 'A relocated household needs its resettlement type and relocation year; a household not relocated should have neither.',
    },
    sql: (s) => `SELECT h.id AS household_id, NULL AS member_id, NULL AS voucher_id, NULL AS facts
            FROM households h WHERE ${s} AND ${OPEN_HOUSEHOLD}
             AND ((h.relocated = 1 AND (h.relocation_type IS NULL OR h.relocation_year IS NULL))
               OR (h.relocated = 0 AND (h.relocation_type IS NOT NULL OR h.relocation_year IS NOT NULL)))`,
  },
  {
    id: 'household.duplicate_causes',
    severity: 'warning',
    target: 'household',
    title: { zh: '致贫原因重复', en: 'Poverty cause repeated' },
    explain: {
      zh: '主要致贫原因和次要致贫原因不能相同；填第三致贫原因前须先填第二致贫原因。',
      en: 'The main and secondary poverty causes must differ, and the third cause needs a second one.',
    },
    sql: (s) => `SELECT h.id AS household_id, NULL AS member_id, NULL AS voucher_id, NULL AS facts
            FROM households h WHERE ${s} AND ${OPEN_HOUSEHOLD}
             AND (h.main_cause = h.second_cause OR h.main_cause = h.third_cause OR h.second_cause = h.third_cause
               OR (h.third_cause IS NOT NULL AND h.second_cause IS NULL))`,
  },
];
