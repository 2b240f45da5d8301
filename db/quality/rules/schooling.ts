/** Schooling, education and labour ability of children and adults. */
import type { QualityRule } from '../types';
import { AGE, LIVING_MEMBER, OPEN_HOUSEHOLD } from './sql';

const livingInOpen = (inScope: string) => `FROM members m JOIN households h ON h.id = m.household_id
  WHERE ${inScope} AND ${LIVING_MEMBER} AND ${OPEN_HOUSEHOLD}`;

export const schoolingRules: QualityRule[] = [
  {
    id: 'member.school_age_no_status',
    severity: 'error',
    target: 'member',
    title: { zh: '义务教育适龄儿童未登记在校情况', en: 'School-age child without school status' },
    explain: {
      zh: '6–15 周岁（义务教育阶段）的儿童没有登记在校生状况。义务教育有保障是脱贫的必要条件，请登记其就读情况（在校、辍学及原因）。',
      en: 'A child aged 6 to 15 (compulsory schooling) has no school status. Guaranteed compulsory education is a condition of exit; record whether the child is in school or dropped out and why.',
    },
    sql: (s) => `SELECT h.id AS household_id, m.id AS member_id, NULL AS voucher_id, ${AGE} AS facts
            ${livingInOpen(s)} AND m.school_status IS NULL AND ${AGE} BETWEEN 6 AND 15`,
  },
  {
    id: 'member.preschool_labour',
    severity: 'warning',
    target: 'member',
    title: { zh: '学龄前儿童登记了劳动能力', en: 'Pre-school child with a labour ability' },
    explain: {
      zh: '不满 6 周岁的儿童劳动能力应为“无劳动力”。请更正劳动能力。',
      en: 'A child under 6 should have the labour ability "none". Correct the labour ability.',
    },
    sql: (s) => `SELECT h.id AS household_id, m.id AS member_id, NULL AS voucher_id, m.labour_ability AS facts
            ${livingInOpen(s)} AND m.labour_ability IS NOT NULL AND m.labour_ability <> 'none' AND ${AGE} < 6`,
  },
  {
    id: 'member.education_empty',
    severity: 'warning',
    target: 'member',
    title: { zh: '文化程度和在校生状况均为空', en: 'Neither education nor school status' },
    explain: {
      zh: '6 周岁及以上的成员既没有文化程度，也没有在校生状况。至少应登记其一（在校学生登记在校情况，其他人登记文化程度）。',
      en: 'A member aged 6 or over has neither an education level nor a school status. Record at least one (school status for pupils, education level for everyone else).',
    },
    sql: (s) => `SELECT h.id AS household_id, m.id AS member_id, NULL AS voucher_id, ${AGE} AS facts
            ${livingInOpen(s)} AND m.education IS NULL AND m.school_status IS NULL AND ${AGE} >= 6`,
  },
  {
    id: 'member.dropout_reason',
    severity: 'warning',
    target: 'member',
    title: { zh: '辍学未填原因（或有原因未标记辍学）', en: 'Dropout without a reason (or a reason without dropout)' },
    explain: {
      zh: '在校生状况为“辍学”时须填写辍学原因，劝返复学要据此施策；填了辍学原因时在校生状况应为“辍学”。',
      en: 'A dropout needs a reason, which decides how the child is brought back to school; a dropout reason belongs only to school status "dropped out".',
    },
    sql: (s) => `SELECT h.id AS household_id, m.id AS member_id, NULL AS voucher_id, m.school_status AS facts
            ${livingInOpen(s)} AND ((m.school_status = 'dropped_out' AND m.dropout_reason IS NULL)
              OR (m.dropout_reason IS NOT NULL AND m.school_status IS NOT 'dropped_out'))`,
  },
];
