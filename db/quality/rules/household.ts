/** Who is in a household: one head, living members, a spouse of the other sex, cached figures. */
import type { QualityRule } from '../types';
import { LIVING_MEMBER, OPEN_HOUSEHOLD } from './sql';

export const householdRules: QualityRule[] = [
  {
    id: 'household.head_count',
    severity: 'error',
    target: 'household',
    title: { zh: '没有户主或有多位户主', en: 'No head or more than one head' },
    explain: {
      zh: '每户必须有且只有一位户主（与户主关系为“户主”的在册成员）。请在户详情中指定或更换户主。',
      en: 'Every household has exactly one head (a member on the books whose relation is "head"). Set or change the head on the household page.',
    },
    sql: (s) => `SELECT h.id AS household_id, NULL AS member_id, NULL AS voucher_id, count(m.id) AS facts
                   FROM households h LEFT JOIN members m ON m.household_id = h.id AND m.relation = 'head' AND m.removed = 0
                  WHERE ${s} AND ${OPEN_HOUSEHOLD} GROUP BY h.id HAVING count(m.id) <> 1`,
  },
  {
    id: 'household.head_deceased',
    severity: 'warning',
    target: 'member',
    title: { zh: '户主已故未变更户主', en: 'Head of household has died' },
    explain: {
      zh: '户主已标记为死亡，但户未注销，也未变更户主。请把在世成员变更为户主（户内无人时办理注销）。',
      en: 'The head is recorded as deceased, but the household was neither cancelled nor given a new head. Make a living member the head (or cancel the household when nobody is left).',
    },
    sql: (s) => `SELECT h.id AS household_id, m.id AS member_id, NULL AS voucher_id, m.deceased_on AS facts
                   FROM members m JOIN households h ON h.id = m.household_id
                  WHERE ${s} AND m.relation = 'head' AND m.removed = 0 AND m.deceased = 1 AND ${OPEN_HOUSEHOLD}`,
  },
  {
    id: 'member.spouse_same_sex',
    severity: 'warning',
    target: 'member',
    title: { zh: '配偶与户主性别相同', en: 'Spouse of the same sex as the head' },
    explain: {
      zh: '与户主关系为“配偶”的成员与户主性别相同，通常是关系或性别登记错误。请核对户口簿。',
      en: 'A member whose relation is "spouse" has the same sex as the head; usually the relation or the sex was recorded wrongly. Check the household register (户口簿).',
    },
    sql: (s) => `SELECT h.id AS household_id, m.id AS member_id, NULL AS voucher_id, m.sex AS facts
                   FROM members m JOIN households h ON h.id = m.household_id
                   JOIN members hd ON hd.household_id = m.household_id AND hd.relation = 'head' AND hd.removed = 0
                  WHERE ${s} AND m.relation = 'spouse' AND m.removed = 0 AND m.sex = hd.sex AND ${OPEN_HOUSEHOLD}`,
  },
  {
    id: 'household.no_living_member',
    severity: 'warning',
    target: 'household',
    title: { zh: '户内无在世成员但未注销', en: 'No living member, household not cancelled' },
    explain: {
      zh: '户内成员均已死亡或迁出，但户仍在册。请办理注销（原因：死亡或其他）。',
      en: 'Every member has died or moved out, yet the household is still on the books. Cancel it (reason: death or other).',
    },
    sql: (s) => `SELECT h.id AS household_id, NULL AS member_id, NULL AS voucher_id, NULL AS facts
                   FROM households h WHERE ${s} AND ${OPEN_HOUSEHOLD}
                    AND h.id NOT IN (SELECT m.household_id FROM members m WHERE ${LIVING_MEMBER})`,
  },
  {
    id: 'household.size_mismatch',
    severity: 'info',
    target: 'household',
    title: { zh: '户人口数与成员不符', en: 'Household size differs from its members' },
    explain: {
      zh: '列表中显示的户人口数与在世、未迁出的成员人数不一致（通常是直接改动了数据库）。保存一次该户的任一成员即可重新计算。',
      en: 'The household size shown in lists differs from the number of living members still in the household (usually after a direct database edit). Saving any member of the household recomputes it.',
    },
    sql: (s) => `SELECT h.id AS household_id, NULL AS member_id, NULL AS voucher_id, h.size || ' ≠ ' || count(m.id) AS facts
                   FROM households h LEFT JOIN members m ON m.household_id = h.id AND ${LIVING_MEMBER}
                  WHERE ${s} GROUP BY h.id HAVING count(m.id) <> h.size`,
  },
  {
    id: 'household.head_name_mismatch',
    severity: 'info',
    target: 'household',
    title: { zh: '户主姓名与成员不符', en: 'Head name differs from the head member' },
    explain: {
      zh: '列表中显示的户主姓名与户主成员的姓名不一致（通常是直接改动了数据库）。保存一次户主信息即可更新。',
      en: 'The head name shown in lists differs from the name of the head member (usually after a direct database edit). Saving the head\'s record updates it.',
    },
    sql: (s) => `SELECT h.id AS household_id, m.id AS member_id, NULL AS voucher_id, NULL AS facts
                   FROM households h JOIN members m ON m.household_id = h.id AND m.relation = 'head' AND m.removed = 0
                  WHERE ${s} AND m.name <> h.head_name`,
  },
];
