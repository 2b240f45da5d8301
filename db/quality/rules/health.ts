/** Health and insurance records. */
import type { QualityRule } from '../types';
import { LIVING_MEMBER, OPEN_HOUSEHOLD } from './sql';

const livingInOpen = (inScope: string) => `FROM members m JOIN households h ON h.id = m.household_id
  WHERE ${inScope} AND ${LIVING_MEMBER} AND ${OPEN_HOUSEHOLD}`;

export const healthRules: QualityRule[] = [
  {
    id: 'member.disability_incomplete',
    severity: 'warning',
    target: 'member',
    title: { zh: '残疾类别、等级不完整', en: 'Disability category or grade incomplete' },
    explain: {
      zh: '健康状况为“残疾”时须同时填写残疾类别和等级（以残疾人证为准）；填了类别或等级时健康状况应为“残疾”。残疾人补贴和重度残疾人护理补贴据此发放。',
      en: 'Health status "disability" needs both the category and the grade (from the disability certificate), and a category or grade needs that status. Disability allowances are paid on them.',
    },
    sql: (s) => `SELECT h.id AS household_id, m.id AS member_id, NULL AS voucher_id,
                 coalesce(m.disability_category, '-') || '/' || coalesce(m.disability_grade, '-') AS facts
            ${livingInOpen(s)} AND ((m.health = 'disabled' AND (m.disability_category IS NULL OR m.disability_grade IS NULL))
              OR (m.health <> 'disabled' AND (m.disability_category IS NOT NULL OR m.disability_grade IS NOT NULL)))`,
  },
  {
    id: 'member.no_basic_medical',
    severity: 'warning',
    target: 'member',
    title: { zh: '未参加基本医疗保险', en: 'No basic medical insurance' },
    explain: {
      zh: '在世成员未参加城乡居民基本医疗保险。基本医疗有保障是脱贫的必要条件，脱贫人口参保费用有资助；请动员参保后更新。',
      en: 'A living member has no basic medical insurance for urban and rural residents. Basic medical care is a condition of exit and poor people\'s premiums are subsidised; enrol them and update the record.',
    },
    sql: (s) => `SELECT h.id AS household_id, m.id AS member_id, NULL AS voucher_id, NULL AS facts
            ${livingInOpen(s)} AND m.ins_basic_medical = 0`,
  },
  {
    id: 'member.critical_without_basic',
    severity: 'warning',
    target: 'member',
    title: { zh: '有大病保险但无基本医保', en: 'Critical illness insurance without basic medical insurance' },
    explain: {
      zh: '大病保险是城乡居民基本医疗保险的延伸，参加基本医保才有大病保险。两项登记矛盾，请核对参保记录。',
      en: 'Critical illness insurance extends the basic medical insurance and exists only with it. The two flags contradict each other; check the enrolment record.',
    },
    sql: (s) => `SELECT h.id AS household_id, m.id AS member_id, NULL AS voucher_id, NULL AS facts
            ${livingInOpen(s)} AND m.ins_critical_illness = 1 AND m.ins_basic_medical = 0`,
  },
  {
    id: 'member.supplementary_without_basic',
    severity: 'warning',
    target: 'member',
    title: { zh: '有商业补充医保但无基本医保', en: 'Supplementary insurance without basic medical insurance' },
    explain: {
      zh: '商业补充医疗保险在基本医保和大病保险报销后再补充报销，没有基本医保时无从补充。请核对参保记录。',
      en: 'Supplementary commercial insurance pays after the basic medical and critical illness insurance; without basic insurance there is nothing to supplement. Check the enrolment record.',
    },
    sql: (s) => `SELECT h.id AS household_id, m.id AS member_id, NULL AS voucher_id, NULL AS facts
            ${livingInOpen(s)} AND m.ins_supplementary = 1 AND m.ins_basic_medical = 0`,
  },
];
