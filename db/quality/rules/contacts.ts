/**
 * Phones, bank accounts and responsible cadres: the ways to reach and to pay a household.
 * Findings state a wrong phone's length, never the number: reviewers and auditors read them too.
 */
import type { QualityRule } from '../types';
import { LIVING_MEMBER, OPEN_HOUSEHOLD, elevenDigits } from './sql';

export const contactRules: QualityRule[] = [
  {
    id: 'household.phone_format',
    severity: 'warning',
    target: 'household',
    title: { zh: '户联系电话不是 11 位号码', en: 'Household phone is not 11 digits' },
    explain: {
      zh: '户联系电话应为 11 位手机号码（只含数字）。电话用于回访和核查，请更正；没有电话时留空。',
      en: 'The household phone should be an 11-digit mobile number (digits only). It is used for follow-up calls and checks; correct it, or leave it empty when there is none.',
    },
    sql: (s) => `SELECT h.id AS household_id, NULL AS member_id, NULL AS voucher_id, length(h.phone) || ' 位 digits' AS facts
            FROM households h WHERE ${s} AND ${OPEN_HOUSEHOLD} AND h.phone <> '' AND NOT ${elevenDigits('h.phone')}`,
  },
  {
    id: 'member.phone_format',
    severity: 'warning',
    target: 'member',
    title: { zh: '成员电话不是 11 位号码', en: 'Member phone is not 11 digits' },
    explain: {
      zh: '成员电话应为 11 位手机号码（只含数字）；没有电话时留空。',
      en: 'A member\'s phone should be an 11-digit mobile number (digits only); leave it empty when there is none.',
    },
    sql: (s) => `SELECT h.id AS household_id, m.id AS member_id, NULL AS voucher_id, length(m.phone) || ' 位 digits' AS facts
            FROM members m JOIN households h ON h.id = m.household_id
           WHERE ${s} AND ${LIVING_MEMBER} AND ${OPEN_HOUSEHOLD} AND m.phone <> '' AND NOT ${elevenDigits('m.phone')}`,
  },
  {
    id: 'household.no_cadre',
    severity: 'warning',
    target: 'household',
    title: { zh: '未落实帮扶责任人', en: 'No responsible cadre' },
    explain: {
      zh: '在册户没有正在帮扶的责任人（结对帮扶须全覆盖）。请在户详情中指派帮扶责任人。',
      en: 'A household on the books has no current responsible cadre (every household must be paired). Assign one on the household page.',
    },
    sql: (s) => `SELECT h.id AS household_id, NULL AS member_id, NULL AS voucher_id, NULL AS facts
            FROM households h WHERE ${s} AND ${OPEN_HOUSEHOLD}
             AND NOT EXISTS (SELECT 1 FROM household_cadres c WHERE c.household_id = h.id
                              AND c.from_date <= @asOf AND (c.to_date IS NULL OR c.to_date > @asOf))`,
  },
  {
    id: 'household.bank_account_missing',
    severity: 'info',
    target: 'household',
    title: { zh: '未登记银行账号', en: 'No bank account' },
    explain: {
      zh: '在册户没有登记开户银行账号，补助和分红无法直接打卡发放。请补登“一卡通”账号。',
      en: 'A household on the books has no bank account, so allowances and dividends cannot be paid to its card. Record the account.',
    },
    sql: (s) => `SELECT h.id AS household_id, NULL AS member_id, NULL AS voucher_id, NULL AS facts
            FROM households h WHERE ${s} AND ${OPEN_HOUSEHOLD} AND trim(h.bank_account) = ''`,
  },
];
