/**
 * Alerts (预警): lists of people, households, payments or assets a clerk works through. Each alert
 * is one SQL query with the same columns (see AlertRow), so it can be counted, paged and exported
 * alike. Cancelled (注销) households are left out wherever the condition is about a living
 * household; payments are checked whatever the household's status.
 *
 * Parameters every query may use: @asOf (the day judged on), @soon (@asOf + 90 days), @cutoff
 * (@asOf − 90 days), @bornFrom / @bornTo (a coarse birth-date window around school age, so the exact
 * age is worked out for few rows), @townshipId and @villageId (null for the whole county).
 * Assets are placed by their own village; payments and people by their household's.
 */
import { labelOf } from '../codes';
import { OLDEST_UNDISTRIBUTED_SQL, UNDISTRIBUTED_FEN_SQL } from '../assets/undistributed';
import type { AlertKey } from './schemas';

export interface Text {
  zh: string;
  en: string;
}

export type Severity = 'high' | 'medium' | 'low';

export interface AlertDef {
  key: AlertKey;
  severity: Severity;
  /** What the rows are: members, households, payment lines or assets. */
  subject: 'member' | 'household' | 'payment' | 'asset';
  title: Text;
  explanation: Text;
  /** SELECT with the AlertRow columns (facts as a JSON object), without ORDER BY. */
  query: string;
  /** The row's own line of explanation, from its facts. */
  detail: (facts: Record<string, unknown>, asOf: string) => Text;
}

const HOUSEHOLD_COLS = `h.id AS householdId, h.archive_no AS archiveNo, h.head_name AS headName, t.name AS township, v.name AS village`;
const MEMBER_COLS = `m.id AS memberId, m.name AS memberName, m.id_number AS idNumber`;
const NO_MEMBER = `NULL AS memberId, NULL AS memberName, NULL AS idNumber`;
const NO_MONEY = `NULL AS amountFen, NULL AS assetId, NULL AS voucherId`;
const FROM_HOUSEHOLDS = `FROM households h JOIN villages v ON v.id = h.village_id JOIN townships t ON t.id = v.township_id`;
const FROM_MEMBERS = `FROM members m JOIN households h ON h.id = m.household_id JOIN villages v ON v.id = h.village_id JOIN townships t ON t.id = v.township_id`;
const AREA = `(@townshipId IS NULL OR v.township_id = @townshipId) AND (@villageId IS NULL OR v.id = @villageId)`;
const ACTIVE = `h.status <> 'cancelled'`;
const LIVING = `m.deceased = 0 AND m.removed = 0`;
/** Exact age in whole years on @asOf, as rules/exit.ts ageOn counts it. */
const AGE = `(CAST(substr(@asOf, 1, 4) AS INTEGER) - CAST(substr(m.birth_date, 1, 4) AS INTEGER) - (substr(@asOf, 6) < substr(m.birth_date, 6)))`;
/** Posted vouchers only, and not those a posted reversal cancelled. */
const POSTED_NOT_REVERSED = `vo.status = 'posted' AND vo.origin <> 'reversal'
  AND NOT EXISTS (SELECT 1 FROM vouchers r WHERE r.reverses_id = vo.id AND r.status = 'posted')`;

/**
 * The only households a payment can be "after death" for, whatever its date: a head (not moved out)
 * who has died, or no member both living and still in the household. Every household has member
 * rows (members are flagged removed, never deleted), so either case leaves a deceased or removed
 * member, and the partial index members(household_id) WHERE deceased = 1 OR removed = 1 (migration
 * 0002) lists them. The query starts from these few hundred households instead of every posted
 * line paid to a household; the date conditions are still checked per line.
 */
const PAYABLE_AFTER_DEATH = `SELECT g.household_id FROM members g WHERE g.deceased = 1 OR g.removed = 1 GROUP BY g.household_id
  HAVING max(g.relation = 'head' AND g.deceased = 1 AND g.removed = 0)
      OR NOT EXISTS (SELECT 1 FROM members y WHERE y.household_id = g.household_id AND y.removed = 0 AND y.deceased = 0)`;

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
const label = (list: Parameters<typeof labelOf>[0], code: unknown, lang: 'zh' | 'en') => (code ? labelOf(list, String(code), lang) : '');

export const ALERTS: readonly AlertDef[] = [
  {
    key: 'school_dropout',
    severity: 'high',
    subject: 'member',
    title: { zh: '适龄儿童未在校', en: 'School-age children not in school' },
    explanation: {
      zh: '6–15 周岁（义务教育阶段）的在世成员，在校生状况为辍学、非在校生或未登记；不含已注销户。',
      en: 'Living members aged 6–15 (compulsory schooling) whose school status is dropped out, not in school, or not recorded; cancelled households left out.',
    },
    // The partial index members_out_of_school (migration 0002) holds exactly the living members not
    // in school, by birth date; without statistics the planner would rather walk every adult
    // (school_status IS NULL) through the school-status index, so the query names it.
    query: `SELECT ${HOUSEHOLD_COLS}, ${MEMBER_COLS}, m.birth_date AS date, ${NO_MONEY},
                   json_object('schoolStatus', m.school_status, 'reason', m.dropout_reason, 'age', ${AGE}) AS facts
              ${FROM_MEMBERS.replace('FROM members m', 'FROM members m INDEXED BY members_out_of_school')}
             WHERE m.birth_date BETWEEN @bornFrom AND @bornTo AND ${LIVING}
               AND (m.school_status IS NULL OR m.school_status IN ('dropped_out', 'not_in_school'))
               AND ${AGE} BETWEEN 6 AND 15 AND ${ACTIVE} AND ${AREA}`,
    detail: (f) => {
      const reason = (lang: 'zh' | 'en') => (f.reason ? `（${label('dropoutReason', f.reason, lang)}）` : '');
      return {
        zh: `${str(f.age)} 岁，${f.schoolStatus ? label('schoolStatus', f.schoolStatus, 'zh') : '在校情况未登记'}${reason('zh')}`,
        en: `Aged ${str(f.age)}, ${f.schoolStatus ? label('schoolStatus', f.schoolStatus, 'en').toLowerCase() : 'school status not recorded'}${f.reason ? ` (${label('dropoutReason', f.reason, 'en').toLowerCase()})` : ''}`,
      };
    },
  },
  {
    key: 'no_basic_medical',
    severity: 'high',
    subject: 'member',
    title: { zh: '未参加基本医疗保险', en: 'No basic medical insurance' },
    explanation: {
      zh: '在世、未迁出的成员没有城乡居民基本医疗保险；不含已注销户。',
      en: 'Living members who have not moved out and have no basic medical insurance for urban and rural residents; cancelled households left out.',
    },
    query: `SELECT ${HOUSEHOLD_COLS}, ${MEMBER_COLS}, m.birth_date AS date, ${NO_MONEY},
                   json_object('relation', m.relation) AS facts
              ${FROM_MEMBERS}
             WHERE ${ACTIVE} AND ${LIVING} AND m.ins_basic_medical = 0 AND ${AREA}`,
    detail: (f) => ({ zh: `与户主关系：${label('relation', f.relation, 'zh')}`, en: `Relation to head: ${label('relation', f.relation, 'en')}` }),
  },
  {
    key: 'unsafe_housing',
    severity: 'high',
    subject: 'household',
    title: { zh: '危房未改造', en: 'Unsafe housing not renovated' },
    explanation: {
      zh: '住房鉴定为 C 级或 D 级危房且没有改造年份的户；不含已注销户。',
      en: 'Households whose housing is appraised dilapidated (grade C or D) with no renovation year; cancelled households left out.',
    },
    query: `SELECT ${HOUSEHOLD_COLS}, ${NO_MEMBER}, NULL AS date, ${NO_MONEY},
                   json_object('housing', h.housing_safety) AS facts
              ${FROM_HOUSEHOLDS}
             WHERE ${ACTIVE} AND h.housing_safety IN ('c', 'd') AND h.housing_renovated_year IS NULL AND ${AREA}`,
    detail: (f) => ({ zh: label('housingSafety', f.housing, 'zh'), en: label('housingSafety', f.housing, 'en') }),
  },
  {
    key: 'no_safe_water',
    severity: 'medium',
    subject: 'household',
    title: { zh: '饮水不安全', en: 'No safe drinking water' },
    explanation: { zh: '饮水安全未达标的户；不含已注销户。', en: 'Households without safe drinking water; cancelled households left out.' },
    query: `SELECT ${HOUSEHOLD_COLS}, ${NO_MEMBER}, NULL AS date, ${NO_MONEY}, json_object() AS facts
              ${FROM_HOUSEHOLDS}
             WHERE ${ACTIVE} AND h.safe_water = 0 AND ${AREA}`,
    detail: () => ({ zh: '饮水不安全', en: 'Drinking water not safe' }),
  },
  {
    key: 'grace_period_ending',
    severity: 'low',
    subject: 'household',
    title: { zh: '政策过渡期即将到期', en: 'Grace period ending' },
    explanation: {
      zh: '已脱贫（享受政策）户，政策享受期在 90 天内到期（或已到期但尚未办理不再享受政策）。',
      en: 'Exited households still enjoying policies whose grace period ends within 90 days (or has ended without the end of policy being recorded).',
    },
    query: `SELECT ${HOUSEHOLD_COLS}, ${NO_MEMBER}, h.policy_ends_on AS date, ${NO_MONEY}, json_object('endsOn', h.policy_ends_on) AS facts
              ${FROM_HOUSEHOLDS}
             WHERE h.status = 'exited' AND h.policy_ends_on <= @soon AND ${AREA}`,
    detail: (f, asOf) => {
      const days = daysBetween(asOf, str(f.endsOn));
      return days >= 0
        ? { zh: `${str(f.endsOn)} 到期（还有 ${days} 天）`, en: `Ends on ${str(f.endsOn)} (in ${days} days)` }
        : { zh: `${str(f.endsOn)} 已到期（过期 ${-days} 天）`, en: `Ended on ${str(f.endsOn)} (${-days} days ago)` };
    },
  },
  {
    key: 'monitoring_overdue',
    severity: 'medium',
    subject: 'household',
    title: { zh: '监测对象逾期未复核', en: 'Monitoring review overdue' },
    explanation: {
      zh: '防返贫监测对象已过复核期限仍未复核；不含已注销户。',
      en: 'Monitored households past their review date and not reviewed since; cancelled households left out.',
    },
    query: `SELECT ${HOUSEHOLD_COLS}, ${NO_MEMBER}, h.review_due AS date, ${NO_MONEY},
                   json_object('due', h.review_due, 'type', h.monitoring_type) AS facts
              ${FROM_HOUSEHOLDS}
             WHERE ${ACTIVE} AND h.monitoring_type IS NOT NULL AND h.review_due < @asOf AND ${AREA}`,
    detail: (f, asOf) => {
      const days = daysBetween(str(f.due), asOf);
      return {
        zh: `${label('monitoringType', f.type, 'zh')}，应于 ${str(f.due)} 复核（逾期 ${days} 天）`,
        en: `${label('monitoringType', f.type, 'en')}, review was due ${str(f.due)} (${days} days overdue)`,
      };
    },
  },
  {
    key: 'no_cadre',
    severity: 'medium',
    subject: 'household',
    title: { zh: '未落实帮扶责任人', en: 'No responsible cadre' },
    explanation: {
      zh: '没有在帮的帮扶责任人（无结束日期或结束日期在今天之后）的户；不含已注销户。',
      en: 'Households with no current responsible cadre (an assignment without an end date or ending after today); cancelled households left out.',
    },
    query: `SELECT ${HOUSEHOLD_COLS}, ${NO_MEMBER}, NULL AS date, ${NO_MONEY}, json_object('size', h.size) AS facts
              ${FROM_HOUSEHOLDS}
             WHERE ${ACTIVE} AND ${AREA}
               AND h.id NOT IN (SELECT c.household_id FROM household_cadres c WHERE c.to_date IS NULL OR c.to_date > @asOf)`,
    detail: (f) => ({ zh: `${str(f.size)} 人，无帮扶责任人`, en: `${str(f.size)} people, no responsible cadre` }),
  },
  {
    key: 'duplicate_id_number',
    severity: 'high',
    subject: 'member',
    title: { zh: '身份证号重复', en: 'ID number in two households' },
    explanation: {
      zh: '同一身份证号出现在两个及以上未注销户中（均为未迁出成员）。',
      en: 'The same ID number appears in two or more households that are not cancelled (as members who have not moved out).',
    },
    // Candidates come from the ID-number index alone; only they are looked at in full.
    query: `SELECT ${HOUSEHOLD_COLS}, ${MEMBER_COLS}, NULL AS date, ${NO_MONEY},
                   json_object('others', (SELECT group_concat(h2.archive_no, '、') FROM members m2 JOIN households h2 ON h2.id = m2.household_id
                                           WHERE m2.id_number = m.id_number AND m2.household_id <> m.household_id AND m2.removed = 0 AND h2.status <> 'cancelled')) AS facts
              FROM (SELECT id_number FROM members GROUP BY id_number HAVING count(*) > 1) d
              JOIN members m ON m.id_number = d.id_number
              JOIN households h ON h.id = m.household_id JOIN villages v ON v.id = h.village_id JOIN townships t ON t.id = v.township_id
             WHERE ${ACTIVE} AND m.removed = 0 AND ${AREA}
               AND EXISTS (SELECT 1 FROM members m2 JOIN households h2 ON h2.id = m2.household_id
                            WHERE m2.id_number = m.id_number AND m2.household_id <> m.household_id AND m2.removed = 0 AND h2.status <> 'cancelled')`,
    detail: (f) => ({ zh: `同号也在：${str(f.others)}`, en: `Also in: ${str(f.others)}` }),
  },
  {
    key: 'paid_after_death',
    severity: 'high',
    subject: 'payment',
    title: { zh: '向已故人员付款', en: 'Payments to the deceased' },
    explanation: {
      zh: '已记账凭证中付给某户的支出行（未被红字冲销），付款日期时该户户主已死亡，或该户已没有在世成员（含资产收益分红到户）。',
      en: 'Posted expense lines paid to a household (not reversed) dated after its head had died, or when no member of it was alive any more (asset-income dividends to households included).',
    },
    query: `SELECT ${HOUSEHOLD_COLS}, hm.id AS memberId, hm.name AS memberName, hm.id_number AS idNumber,
                   vo.date AS date, l.debit_fen AS amountFen, l.asset_id AS assetId, vo.id AS voucherId,
                   json_object('year', vo.year, 'number', vo.number, 'account', a.code, 'deceasedOn', hm.deceased_on, 'headDead',
                               hm.deceased = 1 AND (hm.deceased_on IS NULL OR hm.deceased_on < vo.date)) AS facts
              FROM (${PAYABLE_AFTER_DEATH}) g
              CROSS JOIN voucher_lines l ON l.household_id = g.household_id
              JOIN vouchers vo ON vo.id = l.voucher_id
              JOIN fund_accounts a ON a.id = l.account_id AND a.type = 'expense'
              JOIN households h ON h.id = l.household_id JOIN villages v ON v.id = h.village_id JOIN townships t ON t.id = v.township_id
              LEFT JOIN members hm ON hm.household_id = h.id AND hm.relation = 'head' AND hm.removed = 0
             WHERE l.debit_fen > 0 AND ${POSTED_NOT_REVERSED} AND vo.date <= @asOf AND ${AREA}
               AND (hm.deceased = 1 AND (hm.deceased_on IS NULL OR hm.deceased_on < vo.date)
                    OR NOT EXISTS (SELECT 1 FROM members x WHERE x.household_id = h.id AND x.removed = 0
                                    AND (x.deceased = 0 OR x.deceased_on >= vo.date)))`,
    detail: (f) => {
      const no = `记-${str(f.year)}-${str(f.number).padStart(4, '0')}`;
      return f.headDead
        ? { zh: `凭证 ${no}（科目 ${str(f.account)}）付款时户主已于 ${str(f.deceasedOn) || '此前'} 死亡`, en: `Voucher ${no} (account ${str(f.account)}) paid after the head died${f.deceasedOn ? ` on ${str(f.deceasedOn)}` : ''}` }
        : { zh: `凭证 ${no}（科目 ${str(f.account)}）付款时该户已无在世成员`, en: `Voucher ${no} (account ${str(f.account)}) paid when no member of the household was alive` };
    },
  },
  {
    key: 'asset_income_undistributed',
    severity: 'medium',
    subject: 'asset',
    title: { zh: '资产收益逾期未分配', en: 'Asset income undistributed over 90 days' },
    explanation: {
      zh: '资产有可分配收益到账已超过 90 天仍未分配（不在已发放的分配方案中），按资产列出最早一笔的到账日期和待分配合计。',
      en: 'Assets holding distributable income received more than 90 days ago and still not distributed (in no paid plan): the date the oldest of it came in and the total waiting.',
    },
    query: `SELECT NULL AS householdId, NULL AS archiveNo, NULL AS headName, t.name AS township, v.name AS village, ${NO_MEMBER},
                   w.oldest AS date, w.fen AS amountFen, a.id AS assetId, NULL AS voucherId,
                   json_object('code', a.code, 'name', a.name, 'oldest', w.oldest) AS facts
              FROM (SELECT a.id, ${OLDEST_UNDISTRIBUTED_SQL} AS oldest, ${UNDISTRIBUTED_FEN_SQL} AS fen FROM assets a) w
              JOIN assets a ON a.id = w.id
              LEFT JOIN villages v ON v.id = a.village_id LEFT JOIN townships t ON t.id = v.township_id
             WHERE w.oldest < @cutoff AND (@townshipId IS NULL OR v.township_id = @townshipId) AND (@villageId IS NULL OR v.id = @villageId)`,
    detail: (f, asOf) => {
      const days = daysBetween(str(f.oldest), asOf);
      return {
        zh: `${str(f.code)} ${str(f.name)}：最早一笔于 ${str(f.oldest)} 到账，已等待 ${days} 天`,
        en: `${str(f.code)} ${str(f.name)}: the oldest income came in on ${str(f.oldest)}, ${days} days ago`,
      };
    },
  },
];

export function alertDef(key: AlertKey): AlertDef {
  const def = ALERTS.find((a) => a.key === key);
  if (!def) throw new Error(`Unknown alert ${key}`);
  return def;
}
