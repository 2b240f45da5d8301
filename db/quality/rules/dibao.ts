/** Dibao (低保) flags of members against the household attribute and against death. */
import type { QualityRule } from '../types';
import { LIVING_MEMBER, OPEN_HOUSEHOLD } from './sql';

export const dibaoRules: QualityRule[] = [
  {
    id: 'household.dibao_without_members',
    severity: 'warning',
    target: 'household',
    title: { zh: '低保贫困户无成员享受低保', en: 'Dibao household with no member on dibao' },
    explain: {
      zh: '贫困户属性为“低保贫困户”，但没有一名在世成员登记享受低保。请与民政低保名册核对：更正成员的低保信息，或更正贫困户属性。',
      en: 'The household\'s attribute is "dibao poor household", yet no living member is recorded as receiving dibao. Check against the civil-affairs dibao roster: correct the members\' dibao records or the household attribute.',
    },
    sql: (s) => `SELECT h.id AS household_id, NULL AS member_id, NULL AS voucher_id, NULL AS facts
            FROM households h WHERE ${s} AND h.attribute = '2' AND ${OPEN_HOUSEHOLD}
             AND NOT EXISTS (SELECT 1 FROM members m WHERE m.household_id = h.id AND ${LIVING_MEMBER} AND m.dibao = 1)`,
  },
  {
    id: 'member.deceased_dibao',
    severity: 'error',
    target: 'member',
    title: { zh: '已故或迁出成员仍享受低保', en: 'Deceased or moved-out member still on dibao' },
    explain: {
      zh: '成员已死亡或已迁出，仍登记享受低保。应通知民政部门停发并取消该成员的低保登记，否则可能继续发放（冒领）。',
      en: 'A member who has died or moved out is still recorded as receiving dibao. Tell the civil-affairs office to stop it and clear the member\'s dibao record; otherwise payments may continue.',
    },
    sql: (s) => `SELECT h.id AS household_id, m.id AS member_id, NULL AS voucher_id, coalesce(m.deceased_on, '') AS facts
            FROM members m JOIN households h ON h.id = m.household_id
           WHERE ${s} AND m.dibao = 1 AND (m.deceased = 1 OR m.removed = 1) AND ${OPEN_HOUSEHOLD}`,
  },
  {
    id: 'member.dibao_class_inconsistent',
    severity: 'warning',
    target: 'member',
    title: { zh: '低保类别与低保标记不一致', en: 'Dibao class and dibao flag disagree' },
    explain: {
      zh: '享受低保的成员须登记低保类别（一、二、三类），未享受低保的成员不应有低保类别。保障金额按类别确定，请补齐或清除。',
      en: 'A member on dibao needs a dibao class (A, B or C), and one not on dibao should have none. The monthly amount depends on the class; complete or clear it.',
    },
    sql: (s) => `SELECT h.id AS household_id, m.id AS member_id, NULL AS voucher_id, coalesce(m.dibao_class, '-') AS facts
            FROM members m JOIN households h ON h.id = m.household_id
           WHERE ${s} AND ${LIVING_MEMBER} AND ${OPEN_HOUSEHOLD}
             AND ((m.dibao = 1 AND m.dibao_class IS NULL) OR (m.dibao = 0 AND m.dibao_class IS NOT NULL))`,
  },
  {
    id: 'member.dibao_in_general_household',
    severity: 'info',
    target: 'member',
    title: { zh: '一般贫困户成员享受低保', en: 'Dibao member in a general poor household' },
    explain: {
      zh: '成员享受低保，但贫困户属性为“一般贫困户”。若全户纳入低保，属性应改为“低保贫困户”；单人保等情况可忽略。',
      en: 'A member receives dibao while the household\'s attribute is "general poor household". If the whole household is covered, the attribute should be "dibao poor household"; single-person cover may be left as it is.',
    },
    sql: (s) => `SELECT h.id AS household_id, m.id AS member_id, NULL AS voucher_id, NULL AS facts
            FROM members m JOIN households h ON h.id = m.household_id
           WHERE ${s} AND ${LIVING_MEMBER} AND ${OPEN_HOUSEHOLD} AND m.dibao = 1 AND h.attribute = '1'`,
  },
];
