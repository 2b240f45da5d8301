/** Resident ID numbers: readable, with a valid check digit, agreeing with the record, not shared. */
import type { QualityRule } from '../types';
import { ID_BIRTH, ID_SEX, OPEN_HOUSEHOLD, READABLE_ID } from './sql';

/** Members with the reason checkIdNumber gives for their ID number (NULL when it is valid). */
const ID_PROBLEMS = (inScope: string) => `(SELECT m.household_id, m.id, cl_id_problem(m.id_number) AS problem
    FROM members m JOIN households h ON h.id = m.household_id WHERE ${inScope})`;

export const identityRules: QualityRule[] = [
  {
    id: 'id.format',
    severity: 'error',
    target: 'member',
    title: { zh: '身份证号码格式错误', en: 'ID number malformed' },
    explain: {
      zh: '身份证号码应为 18 位：前 17 位数字，末位数字或 X，其中出生日期须为真实日期。号码为空、位数不对、被 Excel 改成科学计数法或出生日期不存在时列入此项。请按身份证原件更正。',
      en: 'An ID number has 18 characters: 17 digits and a final digit or X, with a real birth date inside. Empty numbers, wrong lengths, numbers Excel turned into scientific notation and impossible birth dates are listed here. Correct it from the ID card.',
    },
    sql: (s) => `SELECT p.household_id, p.id AS member_id, NULL AS voucher_id, p.problem AS facts
                   FROM ${ID_PROBLEMS(s)} p WHERE p.problem IN ('empty', 'excelMangled', 'length', 'format', 'birthDate')`,
  },
  {
    id: 'id.checksum',
    severity: 'error',
    target: 'member',
    title: { zh: '身份证号码校验位错误', en: 'ID number check digit wrong' },
    explain: {
      zh: '身份证号码最后一位是按前 17 位计算的校验码（GB 11643），与计算结果不符，说明有数字录错。请与身份证原件逐位核对，不要只改最后一位。',
      en: 'The last character of an ID number is a check digit computed from the first 17 (GB 11643). It does not match, so a digit was mistyped. Compare every digit with the ID card; do not just change the last one.',
    },
    sql: (s) => `SELECT p.household_id, p.id AS member_id, NULL AS voucher_id, NULL AS facts
                   FROM ${ID_PROBLEMS(s)} p WHERE p.problem = 'checksum'`,
  },
  {
    id: 'id.birth_mismatch',
    severity: 'error',
    target: 'member',
    title: { zh: '出生日期与身份证号码不符', en: 'Birth date disagrees with the ID number' },
    explain: {
      zh: '身份证号码第 7–14 位是出生日期，与登记的出生日期不一致。年龄决定义务教育、养老保险等政策，请以身份证为准更正其中之一。',
      en: 'Characters 7–14 of the ID number are the birth date, and they differ from the recorded birth date. Age decides compulsory schooling, pensions and other policies; correct one of them from the ID card.',
    },
    sql: (s) => `SELECT m.household_id, m.id AS member_id, NULL AS voucher_id, ${ID_BIRTH} || ' ≠ ' || m.birth_date AS facts
                   FROM members m JOIN households h ON h.id = m.household_id
                  WHERE ${s} AND ${READABLE_ID} AND ${ID_BIRTH} <> m.birth_date`,
  },
  {
    id: 'id.sex_mismatch',
    severity: 'error',
    target: 'member',
    title: { zh: '性别与身份证号码不符', en: 'Sex disagrees with the ID number' },
    explain: {
      zh: '身份证号码第 17 位奇数为男、偶数为女，与登记的性别不一致。请核对身份证后更正性别或号码。',
      en: 'Character 17 of the ID number is odd for men and even for women, and it disagrees with the recorded sex. Check the ID card and correct the sex or the number.',
    },
    sql: (s) => `SELECT m.household_id, m.id AS member_id, NULL AS voucher_id, ${ID_SEX} || ' ≠ ' || m.sex AS facts
                   FROM members m JOIN households h ON h.id = m.household_id
                  WHERE ${s} AND ${READABLE_ID} AND ${ID_SEX} <> m.sex`,
  },
  {
    id: 'id.duplicate',
    severity: 'error',
    target: 'member',
    title: { zh: '同一身份证号码重复登记', en: 'Same ID number registered twice' },
    explain: {
      zh: '同一身份证号码出现在两名在册成员身上（同一户或不同户；已迁出成员和注销户不计）。一人只能在一户登记，否则会重复享受政策、重复统计人口。请核实后删除重复记录或把迁出的一方标记为迁出。',
      en: 'The same ID number belongs to two members on the books (in one household or two; members who moved out and cancelled households aside). A person belongs to one household only; otherwise benefits and head counts are doubled. Remove the duplicate or mark the person as moved out of one of them.',
    },
    // Candidates from the ID-number index first (a quick scan of the index alone), then the
    // members on the books among them; the twin may lie outside the scope.
    sql: (s) => `WITH twice AS (SELECT id_number FROM members GROUP BY id_number HAVING count(*) > 1),
                      cur AS (SELECT m.id, m.household_id, m.id_number FROM twice t
                                JOIN members m ON m.id_number = t.id_number JOIN households h ON h.id = m.household_id
                               WHERE m.removed = 0 AND ${OPEN_HOUSEHOLD}),
                      dup AS (SELECT id_number, count(*) AS n FROM cur GROUP BY id_number HAVING count(*) > 1)
                 SELECT m.household_id, m.id AS member_id, NULL AS voucher_id, '×' || d.n AS facts
                   FROM dup d JOIN cur c ON c.id_number = d.id_number JOIN members m ON m.id = c.id
                   JOIN households h ON h.id = m.household_id WHERE ${s}`,
  },
];
