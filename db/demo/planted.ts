/**
 * Records the demo generator plants on purpose, so that alerts and data-quality checks can be
 * tested against a known answer: each check should find its planted record(s) and nothing else.
 * The rest of the generated county is kept free of these conditions (see generate.ts), with these
 * deliberate, documented exceptions that checks are expected to ignore:
 * - cancelled (注销) households: no current responsible cadre (their assignment ended on the day
 *   of cancellation); one cancelled for death has a deceased head.
 * - exited households that no longer enjoy policies have a policy_ends_on date in the past.
 *
 * The list is stored by the generator in `settings` under {@link PLANTED_SETTING_KEY} as JSON.
 */
import type { Ledger } from '../ledger';

export const PLANTED_SETTING_KEY = 'demo.planted';

export const PLANTED = [
  {
    key: 'school_dropout',
    zh: '义务教育阶段适龄儿童辍学（在校生状况为辍学，原因：家庭困难）',
    en: 'A child of compulsory-school age (6–15) who dropped out of school (reason: family hardship)',
    member: true,
  },
  {
    key: 'no_basic_medical',
    zh: '成员未参加城乡居民基本医疗保险',
    en: 'A living member without basic medical insurance',
    member: true,
  },
  {
    key: 'unsafe_housing',
    zh: 'D 级危房且未改造（无改造年份）',
    en: 'Dilapidated housing (grade D) not renovated (no renovation year)',
    member: false,
  },
  {
    key: 'no_safe_water',
    zh: '饮水不安全',
    en: 'No safe drinking water',
    member: false,
  },
  {
    key: 'grace_period_ending',
    zh: '已脱贫（享受政策）户，政策享受期在今后 90 天内到期（今天起第 45 天）',
    en: 'Exited household whose policy grace period ends within the next 90 days (day 45 from today)',
    member: false,
  },
  {
    key: 'monitoring_overdue',
    zh: '监测对象已过复核期限（复核日期为 20 天前）',
    en: 'Monitored household past its review date (due 20 days ago)',
    member: false,
  },
  {
    key: 'no_cadre',
    zh: '未落实帮扶责任人（非注销户没有在帮的责任人）',
    en: 'Household (not cancelled) without a responsible cadre',
    member: false,
  },
  {
    key: 'deceased_head',
    zh: '户主已死亡但未变更户主（户未注销，仍有在世成员）',
    en: 'The household head has died and no new head was recorded (household not cancelled, other members living)',
    member: true,
  },
  {
    key: 'deceased_dibao',
    zh: '已死亡成员仍标记享受低保',
    en: 'A deceased member still flagged as receiving dibao',
    member: true,
  },
  {
    key: 'exited_below_line',
    zh: '已脱贫户人均纯收入低于当年扶贫标准（最近两年均低于）',
    en: 'Exited household whose per-capita income is below that year’s poverty line (both recorded years)',
    member: false,
  },
] as const;

export type PlantedKey = (typeof PLANTED)[number]['key'];

export const PLANTED_KEYS: readonly PlantedKey[] = PLANTED.map((p) => p.key);

export interface PlantedRecord {
  key: PlantedKey;
  archiveNo: string;
  /** For member-level conditions: the member concerned. */
  memberIdNumber?: string;
}

/** The planted records of a generated demo ledger ([] for a ledger that is not a demo). */
export function readPlanted(ledger: Ledger): PlantedRecord[] {
  const raw = ledger.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(PLANTED_SETTING_KEY) as
    | string
    | undefined;
  return raw ? (JSON.parse(raw) as PlantedRecord[]) : [];
}
