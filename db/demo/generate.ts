/**
 * Deterministic generator of a SYNTHETIC county for demos, tests and benchmarks.
 *
 * Nobody in it is real: names are random combinations of common surnames and given-name
 * characters, ID numbers carry the made-up division code {@link DEMO_COUNTY_CODE} (province code
 * 55 is not assigned) and valid check digits, phones and bank accounts are random digits.
 *
 * Same seed (and same `today`) → identical table contents, except the password hashes of the demo
 * users (salted) and the one audit row (its time and the load duration in its summary).
 *
 * Everything is written in ONE transaction with raw prepared statements (secondary indexes of the
 * big tables are rebuilt once at the end of it); the L scale (60,000 households, ≈ 250,000 members,
 * ≈ 1.4 million rows) loads in roughly 10–15 s.
 *
 * Kept deliberately clean, so that alerts and data-quality checks can be tested against a known
 * answer: apart from the records listed in planted.ts, every school-age child is in school, every
 * member has basic medical insurance, unsafe housing has been renovated, water is safe, grace
 * periods end more than 90 days ahead, monitored households are reviewed on time, every household
 * that is not cancelled has a responsible cadre, no head has died, nobody deceased keeps dibao, and
 * exited households are above the poverty line in both recorded years. Status columns are always
 * what replaying the household's approved status events (rules/status.ts) gives.
 *
 * Demo users (only with `users: true`): admin, registrar, accountant, reviewer, auditor (ids 1–5),
 * all with the password {@link DEMO_PASSWORD}. FOR DEMO LEDGERS ONLY — never ship them in a real one.
 */
import type { Ledger } from '../ledger';
import { appendAudit } from '../audit';
import { SYSTEM_ACTOR } from '../actor';
import { hashPassword } from '../system/passwords';
import { makeIdNumber } from '../rules/idNumber';
import { apportion } from '../rules/apportion';
import { namePinyin } from '../registry/pinyin';
import { DEFAULT_STATUS_RULES, deriveStatus } from '../rules/status';
import type {
  DibaoClass,
  Education,
  Health,
  HouseholdAttribute,
  HouseholdStatus,
  LabourAbility,
  LeftBehind,
  MonitoringType,
  PovertyCause,
  Relation,
  Role,
  SchoolStatus,
  StatusEventType,
  CancelReason,
  SupportMeasure,
  IncomeItem,
  DisabilityCategory,
  DisabilityGrade,
} from '../codes';
import { Random } from './random';
import {
  CADRE_POSTS,
  CADRE_UNITS,
  MIGRANT_PLACES,
  RARE_GIVEN,
  RELOCATION_SITES,
  givenName,
  personName,
  placeStems,
  surname as drawSurname,
} from './names';
import { resolveScale, type Scale, type ScaleName } from './scales';
import { PLANTED_KEYS, PLANTED_SETTING_KEY, type PlantedKey, type PlantedRecord } from './planted';

export const DEMO_COUNTY_CODE = '552999';
export const DEMO_COUNTY_NAME = '示范县';
/** Password of every demo user. Demo ledgers only. */
export const DEMO_PASSWORD = 'demo-password';
export const DEMO_USERS: readonly { id: number; username: string; displayName: string; role: Role }[] = [
  { id: 1, username: 'admin', displayName: '管理员', role: 'admin' },
  { id: 2, username: 'registrar', displayName: '登记员', role: 'registrar' },
  { id: 3, username: 'accountant', displayName: '会计', role: 'accountant' },
  { id: 4, username: 'reviewer', displayName: '审核员', role: 'reviewer' },
  { id: 5, username: 'auditor', displayName: '审计员', role: 'auditor' },
];
/** Status events are proposed by the demo registrar (id 2) and decided by the demo reviewer (id 4). */
export const DEMO_PROPOSER_ID = DEMO_USERS.find((u) => u.role === 'registrar')!.id;
export const DEMO_DECIDER_ID = DEMO_USERS.find((u) => u.role === 'reviewer')!.id;
export const DEFAULT_SEED = 20140101;
export const POVERTY_LINE_YEARS = { from: 2014, to: 2026 } as const;

export interface GenerateOptions {
  scale: ScaleName | Scale;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
  /** Create the five demo users and the audit row (default true). */
  users?: boolean;
  /** The day the county is generated "as of", YYYY-MM-DD (default: the local date today). */
  today?: string;
}

export interface GenerateSummary {
  townships: number;
  villages: number;
  households: number;
  members: number;
  ms: number;
}

// ───────────────────────────────────────────────────────────────────────────── dates

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC calendar arithmetic: no time zones, no DST). */
function dayOf(iso: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new RangeError(`not a YYYY-MM-DD date: ${iso}`);
  return ymd(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

function ymd(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** Dates from 1890 to 2150 are formatted once each. */
const ISO_BASE = ymd(1890, 1, 1);
const isoCache: (string | undefined)[] = new Array(ymd(2150, 1, 1) - ISO_BASE);
function isoOf(day: number): string {
  const i = day - ISO_BASE;
  let iso = isoCache[i];
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (i >= 0 && i < isoCache.length) isoCache[i] = iso;
  }
  return iso;
}

/** rules/status.ts `addMonths` on day numbers: same calendar day, clamped to the month's end. */
function addMonthsDay(day: number, months: number): number {
  const d = new Date(day * DAY_MS);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12; // 0-based
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(d.getUTCDate(), last)) / DAY_MS;
}

function localToday(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function exactAge(birth: string, today: string): number {
  let age = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  if (today.slice(5) < birth.slice(5)) age--;
  return age;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const digitsOf = (n: number) => String(n).length;
const yuan = (n: number) => n * 100;

// ───────────────────────────────────────────────────────────────────────────── drafts

interface MemberDraft {
  relation: Relation;
  sex: 'M' | 'F';
  surname: string;
  name: string;
  birthDate: string;
  age: number;
  yearAge: number;
  ethnicity: string;
  education: Education | null;
  schoolStatus: SchoolStatus | null;
  dropoutReason: string | null;
  health: Health;
  disabilityCategory: DisabilityCategory | null;
  disabilityGrade: DisabilityGrade | null;
  chronicCertificate: string;
  labourAbility: LabourAbility | null;
  migrantMonths: number;
  migrantPlace: string;
  insBasicMedical: boolean;
  insCriticalIllness: boolean;
  insSupplementary: boolean;
  insBasicPension: boolean;
  dibao: boolean;
  dibaoClass: DibaoClass | null;
  leftBehind: LeftBehind | null;
  deceased: boolean;
  deceasedOn: string | null;
  phone: string;
  removed: boolean;
}

interface EventDraft {
  type: StatusEventType;
  monitoringType: MonitoringType | null;
  cancelReason: CancelReason | null;
  day: number;
  reason: string;
  evidence: string;
}

interface HouseholdDraft {
  attribute: HouseholdAttribute;
  status: HouseholdStatus;
  monitoringType: MonitoringType | null;
  cancelReason: CancelReason | null;
  identifiedYear: number;
  causes: PovertyCause[];
  members: MemberDraft[];
  events: EventDraft[];
  statusSinceDay: number;
  policyEndsDay: number | null;
  reviewDueDay: number | null;
  dibaoClass: DibaoClass | null;
}

interface VillageCtx {
  id: number;
  code: string;
  name: string;
  townshipName: string;
  archivePrefix: string;
  /** Probability that a household of this village is currently poor or returned to poverty. */
  poorShare: number;
  /** rural registered population = registered (living) members × factor / 1000. */
  factorPermille: number;
  han: number;
  minority: string;
  doctor: string;
  doctorPhone: string;
  groups: number;
}

// Kept short: they are repeated on every event row (≈ 150,000 rows at the L scale).
const EVIDENCE: Record<StatusEventType, string> = {
  identify: '申请书、评议记录、公示照片',
  exit: '收入核算表、核验表、公示照片',
  end_policy: '到期核查表',
  return_poverty: '入户核查记录、收入核算表',
  monitor_start: '申报表、核实记录、公示照片',
  monitor_end: '风险消除核实表',
  monitor_review: '复核记录',
  cancel: '核查报告',
};

const REASON: Record<StatusEventType, string> = {
  identify: '民主评议、公示无异议，识别为贫困户',
  exit: '收入超过扶贫标准，两不愁三保障达标',
  end_policy: '过渡期满，不再享受政策',
  return_poverty: '收入骤降，低于扶贫标准',
  monitor_start: '存在返贫致贫风险',
  monitor_end: '收入稳定，风险已消除',
  monitor_review: '风险尚未消除，继续监测',
  cancel: '经核实注销',
};

const MONITOR_REASON: Record<MonitoringType, string> = {
  unstable: '脱贫不稳定，收入下降',
  edge: '收入接近扶贫标准',
  sudden: '突发大病，医疗支出大',
};

const CANCEL_REASON_TEXT: Record<CancelReason, string> = {
  death: '户内唯一成员死亡',
  error: '识别错误',
  duplicate: '重复登记',
  other: '全户迁出本县',
};

type Weights<T> = readonly (readonly [T, number])[];
const W_DISABILITY: Weights<DisabilityCategory> = [
  ['physical', 40], ['visual', 12], ['hearing', 12], ['speech', 4], ['intellectual', 12], ['mental', 10], ['multiple', 10],
];
const W_GRADE: Weights<DisabilityGrade> = [['1', 10], ['2', 20], ['3', 35], ['4', 35]];
const W_EDU_OLD: Weights<Education> = [['illiterate', 45], ['primary', 40], ['junior', 15]];
const W_EDU_MID: Weights<Education> = [['illiterate', 15], ['primary', 40], ['junior', 38], ['senior', 7]];
const W_EDU_YOUNG: Weights<Education> = [['primary', 15], ['junior', 50], ['senior', 22], ['college', 8], ['bachelor_plus', 5]];
const W_LABOUR: Weights<LabourAbility> = [['ordinary', 72], ['skilled', 20], ['weak', 8]];
const W_MIGRANT_MONTHS: Weights<number> = [[3, 1], [4, 1], [6, 3], [8, 2], [10, 3], [12, 6]];
const W_ATTRIBUTE: Weights<HouseholdAttribute> = [['1', 70], ['2', 20], ['3', 10]];
const W_STATUS: Weights<HouseholdStatus> = [['exited_no_policy', 61], ['exited', 38], ['cancelled', 1.2]];
const W_CANCEL: Weights<CancelReason> = [['death', 50], ['error', 30], ['duplicate', 15], ['other', 5]];
const W_DIBAO: Weights<DibaoClass> = [['class_a', 30], ['class_b', 40], ['class_c', 30]];
const W_IDENTIFIED_YEAR: Weights<number> = [[2014, 50], [2015, 12], [2016, 10], [2017, 10], [2018, 10], [2019, 8]];
const W_MONITORING: Weights<MonitoringType> = [['unstable', 65], ['sudden', 35]];
const W_HEALTH_CHILD: Weights<Health> = [['healthy', 96], ['chronic', 2], ['serious', 0.5], ['disabled', 1.5]];
const W_HEALTH_ADULT: Weights<Health> = [['healthy', 84], ['chronic', 9], ['serious', 2], ['disabled', 5]];
const W_HEALTH_OLD: Weights<Health> = [['healthy', 55], ['chronic', 30], ['serious', 5], ['disabled', 10]];

const CAUSE_WEIGHTS: Weights<PovertyCause> = [
  ['illness', 28], ['disability', 16], ['lack_skills', 18], ['lack_labour', 14], ['lack_capital', 8],
  ['schooling', 5], ['disaster', 3], ['lack_land', 3], ['lack_water', 2], ['poor_transport', 2], ['lack_drive', 1],
];
const CAUSE_WEIGHTS_SUPPORT: Weights<PovertyCause> = [
  ['lack_labour', 45], ['disability', 25], ['illness', 25], ['lack_drive', 5],
];

// Sizes 1–7 of ordinary households. Single support (特困) households and households cancelled for
// death are smaller, so these are set so that the county averages about 3.5 and 4.17 people.
const SIZE_LOW = [8, 16, 20, 24, 17, 9, 6]; // mean 3.77 → county ≈ 3.5
const SIZE_HIGH = [4, 9, 14, 22, 22, 16, 13]; // mean 4.49 → county ≈ 4.17

/** Tables loaded in bulk (their secondary indexes are rebuilt once at the end). */
const BULK_TABLES = ['households', 'members', 'household_cadres', 'status_events', 'incomes', 'support_measures'] as const;

const MINORITIES = ['07', '06', '14', '16', '20', '03'] as const;

const BANKS = [
  ['示范县农村信用合作联社', '6224'],
  ['中国农业银行示范县支行', '6228'],
  ['中国邮政储蓄银行示范县支行', '6221'],
  ['示范县农村商业银行', '6230'],
] as const;

// ───────────────────────────────────────────────────────────────────────────── generator

export function generateCounty(ledger: Ledger, opts: GenerateOptions): GenerateSummary {
  const started = performance.now();
  const scale = resolveScale(opts.scale);
  const seed = opts.seed ?? DEFAULT_SEED;
  const withUsers = opts.users ?? true;
  const todayIso = opts.today ?? localToday();
  const today = dayOf(todayIso);
  const Y = Number(todayIso.slice(0, 4));
  const sqlite = ledger.sqlite;

  const existing = sqlite
    .prepare('SELECT (SELECT count(*) FROM county) + (SELECT count(*) FROM townships) + (SELECT count(*) FROM households)')
    .pluck()
    .get() as number;
  if (existing > 0) throw new Error('generateCounty needs an empty ledger (it already holds a county or households)');
  if (withUsers && (sqlite.prepare('SELECT count(*) FROM users').pluck().get() as number) > 0) {
    throw new Error('generateCounty with users: true needs a ledger without users');
  }
  // Hash before the transaction: scrypt is deliberately slow.
  const userHashes = withUsers ? DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)) : [];

  const rng = new Random(seed);

  // ── lookup tables
  const lineFen = new Map<number, number>();
  {
    let line = 280_000;
    for (let y = POVERTY_LINE_YEARS.from; y <= Math.max(POVERTY_LINE_YEARS.to, Y); y++) {
      lineFen.set(y, line);
      line = Math.floor((line * 104 + 5_000) / 10_000) * 100; // +4 %, whole yuan
    }
  }
  const sizeWeights: [number, number][] = (() => {
    const t = Math.min(1, Math.max(0, (scale.meanSize - 3.5) / (4.17 - 3.5)));
    return SIZE_LOW.map((w, i) => [i + 1, w + t * (SIZE_HIGH[i]! - w)] as [number, number]);
  })();

  // ── uniqueness helpers
  // Phones: the last nine digits run through a bijection of 0…999,999,999 (multiplying by a number
  // coprime to 10⁹), so they look random and never repeat.
  const PHONE_PREFIXES = ['13', '15', '18'] as const;
  const phoneOffset = rng.nextUint32() % 1e9;
  let phoneCount = 0;
  const phone = (): string => {
    phoneCount++;
    return rng.pick(PHONE_PREFIXES) + pad((phoneCount * 387_420_489 + phoneOffset) % 1e9, 9);
  };
  // ID numbers: per birth date and sex, sequence numbers are handed out in turn (odd for men, even
  // for women, 499 of each), starting at a date-dependent offset; never twice the same.
  const idSeq = new Uint16Array(isoCache.length * 2);
  const idNumberFor = (birthDay: number, sex: 'M' | 'F'): { id: string; birth: string } => {
    for (let day = birthDay; ; day--) {
      const slot = (day - ISO_BASE) * 2 + (sex === 'M' ? 1 : 0);
      const k = idSeq[slot]!;
      if (k < 499) {
        idSeq[slot] = k + 1;
        const j = (k + (((day * 37) % 499) + 499)) % 499;
        const birth = isoOf(day);
        return { id: makeIdNumber(DEMO_COUNTY_CODE, birth, sex === 'M' ? 2 * j + 1 : 2 * j + 2, sex), birth };
      }
    }
  };
  const randDay = (lo: number, hi: number): number => (hi <= lo ? lo : rng.int(lo, hi));
  const D2021 = ymd(2021, 1, 1);
  const { graceYears, reviewMonths } = DEFAULT_STATUS_RULES;
  const addM = addMonthsDay;
  const D2021_07 = ymd(2021, 7, 1);
  /** Exits since this day are still in their grace period more than 120 days from today. */
  const recentExitEarliest = addM(today + 120, -12 * graceYears);
  /** Old exits end no later than this, so that their grace period ended at least 30 days ago. */
  const oldExitLatest = Math.min(ymd(2020, 12, 25), addM(today - 31, -12 * graceYears));

  // ── statements
  const ins = {
    county: sqlite.prepare(
      `INSERT INTO county (id, code, name, province, western, designated_hospital, paired_hospital, office_phone)
       VALUES (1, ?, ?, ?, 0, ?, ?, ?)`,
    ),
    township: sqlite.prepare('INSERT INTO townships (id, code, name) VALUES (?, ?, ?)'),
    village: sqlite.prepare(
      `INSERT INTO villages (id, code, township_id, name, poor_village, exit_year, rural_population, first_secretary,
         first_secretary_phone, work_team, work_team_unit)
       VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
    ),
    villagePop: sqlite.prepare('UPDATE villages SET rural_population = ? WHERE id = ?'),
    household: sqlite.prepare(
      `INSERT INTO households (id, archive_no, village_id, group_name, address, phone, bank_name, bank_account,
         attribute, main_cause, second_cause, third_cause, identified_year, relocated, relocation_type,
         relocation_year, relocation_site, housing_safety, housing_renovated_year, safe_water, family_doctor,
         family_doctor_phone, family_doctor_contract, status, monitoring_type, status_since, policy_ends_on,
         review_due, head_name, size, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    member: sqlite.prepare(
      `INSERT INTO members (id, household_id, id_number, name, name_pinyin, name_initials, sex, birth_date, relation,
         ethnicity, education, school_status, dropout_reason, health, disability_category, disability_grade,
         chronic_certificate, labour_ability, migrant_months, migrant_place, ins_basic_medical, ins_critical_illness,
         ins_supplementary, ins_basic_pension, dibao, dibao_class, left_behind, deceased, deceased_on, phone, removed)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    cadre: sqlite.prepare('INSERT INTO cadres (id, name, unit, post, phone) VALUES (?, ?, ?, ?, ?)'),
    householdCadre: sqlite.prepare(
      'INSERT INTO household_cadres (household_id, cadre_id, from_date, to_date) VALUES (?, ?, ?, ?)',
    ),
    event: sqlite.prepare(
      `INSERT INTO status_events (household_id, type, monitoring_type, cancel_reason, event_date, reason, evidence,
         assessment_id, state, proposed_by, proposed_at, decided_by, decided_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 'approved', ?, ?, ?, ?)`,
    ),
    line: sqlite.prepare('INSERT INTO poverty_lines (year, per_capita_fen) VALUES (?, ?)'),
    income: sqlite.prepare('INSERT INTO incomes (household_id, year, item, amount_fen, note) VALUES (?, ?, ?, ?, ?)'),
    measure: sqlite.prepare(
      'INSERT INTO support_measures (household_id, year, measure, detail, amount_fen) VALUES (?, ?, ?, ?, ?)',
    ),
    user: sqlite.prepare(
      `INSERT INTO users (id, username, display_name, role, password_hash, failed_attempts, locked_until, active, created_at)
       VALUES (?, ?, ?, ?, ?, 0, NULL, 1, ?)`,
    ),
    setting: sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?)'),
  };

  // ── member drafting ───────────────────────────────────────────────────────

  const birthForAge = (age: number): string => {
    const anniv = Date.UTC(Y - age, Number(todayIso.slice(5, 7)) - 1, Number(todayIso.slice(8, 10))) / DAY_MS;
    return isoOf(anniv - rng.int(1, 364));
  };

  const newMember = (relation: Relation, sex: 'M' | 'F', age: number, surname: string, ethnicity: string): MemberDraft => {
    const birthDate = birthForAge(Math.max(0, Math.min(95, age)));
    return {
      relation,
      sex,
      surname,
      name: surname + givenName(rng, sex),
      birthDate,
      age: exactAge(birthDate, todayIso),
      yearAge: Y - Number(birthDate.slice(0, 4)),
      ethnicity,
      education: null,
      schoolStatus: null,
      dropoutReason: null,
      health: 'healthy',
      disabilityCategory: null,
      disabilityGrade: null,
      chronicCertificate: '',
      labourAbility: null,
      migrantMonths: 0,
      migrantPlace: '',
      insBasicMedical: true,
      insCriticalIllness: true,
      insSupplementary: false,
      insBasicPension: false,
      dibao: false,
      dibaoClass: null,
      leftBehind: null,
      deceased: false,
      deceasedOn: null,
      phone: '',
      removed: false,
    };
  };

  const otherSurname = (not: string): string => {
    for (;;) {
      const s = drawSurname(rng);
      if (s !== not) return s;
    }
  };

  /** Relations and ages that fit together: spouse, children, daughter-in-law, grandchildren, parents. */
  const drawFamily = (size: number, headAge: number, headSex: 'M' | 'F', v: VillageCtx): MemberDraft[] => {
    const eth = (): string => (rng.chance(v.han) ? '01' : v.minority);
    const headSurname = drawSurname(rng);
    const headEth = eth();
    const head = newMember('head', headSex, headAge, headSurname, headEth);
    const out: MemberDraft[] = [head];
    const left = () => size - out.length;

    let spouse: MemberDraft | null = null;
    if (left() > 0 && head.age >= 22 && rng.chance(size === 2 ? 0.8 : 0.9)) {
      const sSex = headSex === 'M' ? 'F' : 'M';
      const sAge = headSex === 'M' ? headAge + rng.int(-6, 2) : headAge + rng.int(-2, 6);
      spouse = newMember('spouse', sSex, Math.max(20, Math.min(93, sAge)), otherSurname(headSurname), rng.chance(0.85) ? headEth : eth());
      out.push(spouse);
    }
    const father = headSex === 'M' ? head : spouse && spouse.sex === 'M' ? spouse : null;
    const kidSurname = father ? father.surname : headSurname;
    const youngestParent = spouse ? Math.min(head.age, spouse.age) : head.age;

    // Three generations through a married son when the head is older.
    if (head.age >= 58 && left() >= 2 && rng.chance(0.7)) {
      const sonAge = youngestParent - rng.int(22, 32);
      if (sonAge >= 22) {
        const son = newMember('son', 'M', sonAge, kidSurname, headEth);
        out.push(son);
        if (left() > 0) out.push(newMember('daughter_in_law', 'F', Math.max(20, sonAge + rng.int(-4, 2)), otherSurname(kidSurname), eth()));
        let gAge = sonAge - rng.int(20, 30);
        while (left() > 0 && gAge >= 0) {
          const s = rng.chance(0.52) ? 'M' : 'F';
          out.push(newMember(s === 'M' ? 'grandson' : 'granddaughter', s, gAge, kidSurname, headEth));
          gAge -= rng.int(1, 5);
        }
      }
    }
    // Children of the head.
    let cAge = youngestParent - rng.int(20, 32);
    while (left() > 0 && cAge >= 0) {
      const s = rng.chance(0.52) ? 'M' : 'F';
      out.push(newMember(s === 'M' ? 'son' : 'daughter', s, cAge, kidSurname, headEth));
      cAge -= rng.int(1, 5);
    }
    // Parents of the head.
    if (left() > 0 && head.age <= 62) {
      const mAge = head.age + rng.int(20, 32);
      if (mAge <= 92) out.push(newMember('mother', 'F', mAge, otherSurname(headSurname), headEth));
      if (left() > 0 && mAge + 2 <= 92 && rng.chance(0.6)) {
        out.push(newMember('father', 'M', Math.min(92, mAge + rng.int(0, 6)), headSurname, headEth));
      }
    }
    // Anyone else: a sibling of the head or another relative.
    while (left() > 0) {
      const s = rng.chance(0.5) ? 'M' : 'F';
      if (rng.chance(0.6)) out.push(newMember('sibling', s, Math.max(16, head.age + rng.int(-8, 8)), headSurname, headEth));
      else out.push(newMember('other', s, rng.int(16, 80), drawSurname(rng), eth()));
    }
    return out;
  };

  const drawHealth = (m: MemberDraft) => {
    setHealth(m, rng.weighted(m.age < 16 ? W_HEALTH_CHILD : m.age < 60 ? W_HEALTH_ADULT : W_HEALTH_OLD));
  };

  const setHealth = (m: MemberDraft, h: Health) => {
    m.health = h;
    m.disabilityCategory = null;
    m.disabilityGrade = null;
    m.chronicCertificate = '';
    if (h === 'disabled') {
      m.disabilityCategory = rng.weighted(W_DISABILITY);
      m.disabilityGrade = rng.weighted(W_GRADE);
    } else if ((h === 'chronic' || h === 'serious') && rng.chance(0.6)) {
      m.chronicCertificate = `MXB${rng.int(2016, Y)}${rng.digits(6)}`;
    }
  };

  const isSchoolAge = (m: MemberDraft) => (m.age >= 6 && m.age <= 15) || (m.yearAge >= 6 && m.yearAge <= 15);

  const drawSchooling = (m: MemberDraft) => {
    if (isSchoolAge(m)) {
      // Compulsory education: every school-age child is in school (the planted dropout aside).
      const primary = m.age <= 11 || (m.age < 6 && m.yearAge >= 6);
      m.schoolStatus = primary ? 'primary' : 'junior';
      m.education = primary ? 'primary' : 'junior';
    } else if (m.age < 3) {
      m.schoolStatus = null;
      m.education = null;
    } else if (m.age < 6) {
      m.schoolStatus = 'preschool';
      m.education = null;
    } else if (m.age <= 18) {
      if (rng.chance(0.78)) {
        m.schoolStatus = rng.chance(0.6) ? 'senior' : 'secondary_vocational';
        m.education = 'senior';
      } else {
        m.schoolStatus = 'not_in_school';
        m.education = 'junior';
      }
    } else if (m.age <= 22 && rng.chance(0.3)) {
      const uni = rng.chance(0.45);
      m.schoolStatus = uni ? 'undergraduate' : 'higher_vocational';
      m.education = uni ? 'bachelor_plus' : 'college';
    } else {
      m.schoolStatus = 'not_in_school';
      m.education =
        m.age >= 65 ? rng.weighted(W_EDU_OLD)
          : m.age >= 45 ? rng.weighted(W_EDU_MID)
            : rng.weighted(W_EDU_YOUNG);
    }
  };

  const inSchool = (m: MemberDraft) =>
    m.schoolStatus !== null && m.schoolStatus !== 'not_in_school' && m.schoolStatus !== 'dropped_out' && m.schoolStatus !== 'preschool';

  const drawLabour = (m: MemberDraft) => {
    if (m.age < 16 || m.age >= 75 || inSchool(m)) m.labourAbility = 'none';
    else if (m.health === 'disabled') m.labourAbility = m.disabilityGrade === '1' || m.disabilityGrade === '2' ? 'lost' : 'weak';
    else if (m.health === 'serious') m.labourAbility = rng.chance(0.6) ? 'lost' : 'weak';
    else if (m.health === 'chronic') m.labourAbility = m.age < 60 && rng.chance(0.3) ? 'ordinary' : 'weak';
    else if (m.age >= 60) m.labourAbility = rng.chance(0.6) ? 'weak' : 'ordinary';
    else m.labourAbility = rng.weighted(W_LABOUR);
    if ((m.labourAbility === 'ordinary' || m.labourAbility === 'skilled') && m.age >= 18 && m.age <= 55 && rng.chance(0.35)) {
      m.migrantMonths = rng.weighted(W_MIGRANT_MONTHS);
      m.migrantPlace = rng.pick(MIGRANT_PLACES);
    }
  };

  /** Builds one household; `plant` shapes it so that the planted condition can be applied. */
  const drawHousehold = (v: VillageCtx, plant: PlantedKey | undefined, rareChar: string | undefined): HouseholdDraft => {
    // Attribute and status.
    let attribute: HouseholdAttribute = rng.weighted(W_ATTRIBUTE);
    if (plant === 'deceased_dibao') attribute = '2';
    if (plant === 'deceased_head' || plant === 'exited_below_line') attribute = '1';

    let status: HouseholdStatus;
    if (plant) {
      status = plant === 'grace_period_ending' || plant === 'monitoring_overdue' || plant === 'exited_below_line' || plant === 'deceased_head'
        ? 'exited'
        : rng.weighted<HouseholdStatus>([['exited', 60], ['poor', 40]]);
    } else if (rng.chance(0.01)) {
      status = 'non_poor';
    } else if (rng.chance(v.poorShare)) {
      status = rng.chance(0.55) ? 'poor' : 'returned';
    } else {
      status = rng.weighted(W_STATUS);
    }
    if (status === 'non_poor') attribute = '1';
    const cancelReason: CancelReason | null = status === 'cancelled'
      ? rng.weighted(W_CANCEL)
      : null;

    // Size and head.
    let size: number;
    let headAge: number;
    if (cancelReason === 'death') {
      size = 1;
      headAge = rng.int(70, 92);
    } else if (attribute === '3') {
      size = rng.chance(0.65) ? 1 : 2;
      headAge = rng.int(60, 88);
    } else {
      size = rng.weighted(sizeWeights);
      headAge = rng.weighted([[rng.int(24, 39), 20], [rng.int(40, 59), 45], [rng.int(60, 85), 35]]);
    }
    if (plant === 'deceased_head') {
      size = Math.max(size, 2);
      headAge = Math.max(headAge, 62);
    }
    if (plant === 'school_dropout') headAge = Math.min(headAge, 48);
    const headSex: 'M' | 'F' = rng.chance(0.85) ? 'M' : 'F';
    const members = drawFamily(size, headAge, headSex, v);
    const head = members[0]!;
    if (rareChar) head.name = head.surname + givenName(rng, head.sex, rareChar);

    // Causes.
    const main = rng.weighted(attribute === '3' ? CAUSE_WEIGHTS_SUPPORT : CAUSE_WEIGHTS);
    const causes: PovertyCause[] = [main];
    if (rng.chance(0.6)) {
      for (let n = rng.chance(0.4) ? 2 : 1; causes.length <= n;) {
        const c = rng.weighted(CAUSE_WEIGHTS);
        if (!causes.includes(c)) causes.push(c);
      }
    }

    // Health, made consistent with the causes.
    for (const m of members) drawHealth(m);
    const adults = members.filter((m) => m.age >= 16);
    const carrier = (adults.length ? rng.pick(adults) : head);
    if (causes.includes('illness') && !members.some((m) => m.health === 'chronic' || m.health === 'serious')) {
      setHealth(carrier, rng.chance(0.7) ? 'chronic' : 'serious');
    }
    if (causes.includes('disability') && !members.some((m) => m.health === 'disabled')) setHealth(carrier, 'disabled');

    // Schooling, labour, migrant work.
    for (const m of members) {
      drawSchooling(m);
      drawLabour(m);
    }

    // Left-behind: parents away for most of the year.
    const headAway = head.migrantMonths >= 6;
    const spouse = members.find((m) => m.relation === 'spouse');
    const spouseAway = !!spouse && spouse.migrantMonths >= 6;
    if (headAway || spouseAway) {
      for (const m of members) {
        if (m.migrantMonths > 0) continue;
        if (m.age < 16 && (headAway && (spouseAway || !spouse) ? rng.chance(0.8) : rng.chance(0.3))) m.leftBehind = 'child';
        else if (m.sex === 'F' && m.age >= 20 && m.age < 60 && (m.relation === 'spouse' || m.relation === 'head') && rng.chance(0.5)) m.leftBehind = 'woman';
        else if (m.age >= 60 && rng.chance(0.5)) m.leftBehind = 'elderly';
      }
    }

    // Insurance, dibao, phones.
    const dibaoClass: DibaoClass | null = attribute === '2' ? rng.weighted(W_DIBAO) : null;
    for (const m of members) {
      m.insSupplementary = rng.chance(0.6);
      m.insBasicPension = m.age >= 60 || (m.age >= 16 && !inSchool(m) && rng.chance(0.92));
      if (dibaoClass) {
        m.dibao = true;
        m.dibaoClass = dibaoClass;
      }
    }

    // History: status events chosen so that replaying them (rules/status.ts) gives the intended
    // status; the household's status columns are then taken from that replay.
    const events: EventDraft[] = [];
    const ev = (type: StatusEventType, day: number, extra: Partial<EventDraft> = {}) => {
      events.push({ type, day, monitoringType: null, cancelReason: null, reason: REASON[type], evidence: EVIDENCE[type], ...extra });
      return day;
    };
    const monitoringStart = (type: MonitoringType, day: number) => ev('monitor_start', day, { monitoringType: type, reason: MONITOR_REASON[type] });
    /** Reviews every six months (a few days early) so that the next review is due at least 15 days ahead. */
    const reviewsUntilCurrent = (from: number) => {
      let cursor = from;
      while (addM(cursor, reviewMonths) < today + 15) cursor = ev('monitor_review', Math.min(addM(cursor, reviewMonths) - rng.int(0, 20), today - 1));
    };

    let identifiedYear: number;
    let identifyDay = 0;
    if (status === 'non_poor') {
      // Never registered as poor: taken into monitoring as an edge or sudden-hardship household.
      const type = rng.chance(0.7) ? 'edge' : 'sudden';
      const start = monitoringStart(type, randDay(D2021_07, today - 30));
      identifiedYear = Number(isoOf(start).slice(0, 4));
      reviewsUntilCurrent(start);
    } else {
      identifiedYear = rng.weighted(W_IDENTIFIED_YEAR);
      identifyDay = ev('identify', randDay(ymd(identifiedYear, 1, 10), ymd(identifiedYear, 12, 20)));
      /** An exit in the poverty-alleviation years (2015–2020), at a year-end assessment. */
      const oldExit = () => {
        const year = rng.int(Math.max(identifiedYear + 1, 2015), 2020);
        return Math.min(randDay(Math.max(ymd(year, 10, 1), identifyDay + 200), ymd(year, 12, 25)), oldExitLatest);
      };
      const overdueStart = addM(today - 20, -reviewMonths);
      let last = identifyDay;
      if (status === 'exited') {
        // Still within the grace period: the exit (or the exit after a return to poverty) is recent.
        const lo = Math.max(recentExitEarliest, identifyDay + 200);
        const exitDay = plant === 'grace_period_ending' ? addM(today + 45, -12 * graceYears)
          : plant === 'monitoring_overdue' ? randDay(lo, overdueStart - 30)
            : randDay(lo, today - 60);
        if (!plant && rng.chance(0.5)) {
          const first = oldExit();
          const back = randDay(Math.max(first + 365, D2021), exitDay - 120);
          if (back >= first + 365 && back <= exitDay - 90) {
            ev('exit', first);
            ev('return_poverty', back);
          }
        }
        last = ev('exit', exitDay);
        if (plant === 'monitoring_overdue') {
          monitoringStart('unstable', overdueStart); // review due 20 days ago, not reviewed since
          last = overdueStart;
        }
      } else if (status === 'exited_no_policy') {
        const exitDay = ev('exit', oldExit());
        const due = addM(exitDay, 12 * graceYears);
        last = ev('end_policy', randDay(due, Math.min(due + 30, today - 1)));
      } else if (status === 'returned') {
        const exitDay = ev('exit', oldExit());
        last = ev('return_poverty', randDay(Math.max(exitDay + 365, D2021 + 60), today - 30));
      } else if (status === 'cancelled') {
        if (rng.chance(0.4)) last = ev('exit', oldExit());
        last = ev('cancel', randDay(last + 90, today - 30), { cancelReason, reason: CANCEL_REASON_TEXT[cancelReason!] });
      }

      // Monitoring (防返贫监测) of exited households: current, or ended in the past.
      const exitedNow = status === 'exited' || status === 'exited_no_policy';
      const earliest = Math.max(last + 30, D2021_07);
      if (!plant && exitedNow && earliest < today - 30 && rng.chance(0.06)) {
        reviewsUntilCurrent(monitoringStart(rng.weighted(W_MONITORING), randDay(earliest, today - 30)));
      } else if (!plant && exitedNow && earliest < today - 400 && rng.chance(0.04)) {
        const start = monitoringStart(rng.weighted(W_MONITORING), randDay(earliest, today - 400));
        ev('monitor_end', start + rng.int(60, 170));
      }
    }

    // With an early `today`, a late exit window can start before the drawn identification date:
    // then the household was identified earlier.
    if (events.length > 1 && events[0]!.type === 'identify' && events[1]!.day <= events[0]!.day + 30) {
      identifyDay = events[0]!.day = events[1]!.day - rng.int(200, 400);
      identifiedYear = Number(isoOf(identifyDay).slice(0, 4));
    }

    const derived = deriveStatus(events.map((e) => ({ type: e.type, eventDate: isoOf(e.day), monitoringType: e.monitoringType, cancelReason: e.cancelReason })));
    if (derived.status !== status) throw new Error(`demo generator: events give ${derived.status}, meant ${status}`);
    const statusSinceDay = dayOf(derived.statusSince!);
    const policyEndsDay = derived.policyEndsOn === null ? null : dayOf(derived.policyEndsOn);
    const reviewDueDay = derived.reviewDue === null ? null : dayOf(derived.reviewDue);
    const monitoringType = derived.monitoringType;
    if (identifyDay === 0) identifyDay = events[0]!.day;

    // Deaths and members who moved out (never the head, except a cancelled single household).
    if (cancelReason === 'death') {
      const cancelDay = events[events.length - 1]!.day;
      markDeceased(head, cancelDay - rng.int(5, 60));
    } else {
      for (const m of members) {
        if (m.relation === 'head') continue;
        if (m.age >= 60 && rng.chance(0.08)) markDeceased(m, randDay(Math.max(identifyDay + 30, today - 4 * 365), today - 10));
        else if (m.relation === 'daughter' && m.age >= 20 && m.age <= 35 && rng.chance(0.15)) {
          // Married out of the household: kept on record, no longer counted or supported here.
          m.removed = true;
          m.dibao = false;
          m.dibaoClass = null;
          m.leftBehind = null;
        }
      }
    }
    for (const m of members) if (!m.deceased && !m.removed && m.age >= 18 && m.age <= 65 && m.relation !== 'head' && rng.chance(0.3)) m.phone = phone();

    return {
      attribute, status, monitoringType, cancelReason, identifiedYear, causes, members, events,
      statusSinceDay, policyEndsDay, reviewDueDay, dibaoClass,
    };
  };

  function markDeceased(m: MemberDraft, day: number) {
    m.deceased = true;
    m.deceasedOn = isoOf(day);
    m.dibao = false;
    m.dibaoClass = null;
    m.leftBehind = null;
    m.migrantMonths = 0;
    m.migrantPlace = '';
    m.labourAbility = 'none';
    m.phone = '';
  }

  const living = (m: MemberDraft) => !m.deceased && !m.removed;

  /** Does the draft allow the planted condition? If so, apply it and name the member concerned. */
  const applyPlant = (key: PlantedKey, h: HouseholdDraft): MemberDraft | null | false => {
    const head = h.members[0]!;
    switch (key) {
      case 'school_dropout': {
        const child = h.members.find((m) => living(m) && m.age >= 8 && m.age <= 14 && m.yearAge <= 15);
        if (!child) return false;
        child.schoolStatus = 'dropped_out';
        child.dropoutReason = 'poverty';
        child.education = 'primary';
        return child;
      }
      case 'no_basic_medical': {
        const m = h.members.find((x) => living(x) && x.relation !== 'head' && x.age >= 18) ?? head;
        m.insBasicMedical = false;
        m.insCriticalIllness = false;
        m.insSupplementary = false;
        return m;
      }
      case 'deceased_head': {
        if (head.age < 60 || h.members.filter(living).length < 2) return false;
        markDeceased(head, today - rng.int(30, 300));
        return head;
      }
      case 'deceased_dibao': {
        const m = h.members.find((x) => living(x) && x.relation !== 'head' && x.age >= 60);
        if (!m || !h.dibaoClass) return false;
        m.deceased = true;
        m.deceasedOn = isoOf(today - rng.int(60, 300));
        m.labourAbility = 'none';
        m.leftBehind = null;
        m.phone = '';
        return m; // dibao flag and class deliberately left on
      }
      default:
        return null; // household-level plants are applied when the row is written
    }
  };

  // ── planted positions: spread over the county, one household each
  const H = scale.households;
  const plantAt = new Map<number, PlantedKey>();
  PLANTED_KEYS.forEach((key, k) => {
    let g = Math.floor(((2 * k + 1) * H) / (2 * PLANTED_KEYS.length));
    while (plantAt.has(g) && g < H - 1) g++;
    if (!plantAt.has(g) && g < H) plantAt.set(g, key);
  });
  const planted: PlantedRecord[] = [];

  // ── cadres
  let cadreCount = 0;
  let currentAssignments = 0;
  const newCadre = (townshipName: string): number => {
    cadreCount++;
    const unit = rng.chance(0.2) ? `${townshipName}人民政府` : rng.pick(CADRE_UNITS);
    ins.cadre.run(cadreCount, personName(rng, rng.chance(0.7) ? 'M' : 'F'), unit, rng.pick(CADRE_POSTS), phone());
    return cadreCount;
  };
  const currentCadre = (townshipName: string): number => {
    if (currentAssignments % 8 === 0 || cadreCount === 0) newCadre(townshipName);
    currentAssignments++;
    return cadreCount;
  };

  // ── income and support measures
  const measureDetail = (m: SupportMeasure, h: HouseholdDraft): [string, number] => {
    switch (m) {
      case 'industry': return [rng.pick(['发展肉牛养殖产业奖补', '种植核桃、花椒产业奖补', '生猪养殖产业扶持', '发放中药材种苗']), yuan(rng.int(10, 50) * 100)];
      case 'employment': return [rng.pick(['外出务工一次性交通补贴', '转移就业稳岗补贴', '参加职业技能培训']), yuan(rng.int(3, 20) * 50)];
      case 'relocation': return ['易地扶贫搬迁后续扶持', 0];
      case 'education': return [rng.pick(['义务教育阶段生活补助', '雨露计划职业教育补助', '高中阶段助学金']), yuan(rng.int(5, 30) * 100)];
      case 'health': return [rng.pick(['家庭医生签约服务', '慢性病送医送药上门', '住院先诊疗后付费、一站式结算']), 0];
      case 'housing': return ['农村危房改造补助', yuan(rng.int(15, 40) * 1000)];
      case 'finance': return ['扶贫小额信贷（3年期，财政贴息）', yuan(rng.int(1, 5) * 10_000)];
      case 'social_security': return [h.attribute === '3' ? '特困人员救助供养' : '农村低保兜底保障', 0];
      case 'ecological': return ['生态护林员岗位', yuan(10_000)];
      case 'public_welfare_post': return [rng.pick(['村级公益性岗位（保洁员）', '村级公益性岗位（护路员）', '村级公益性岗位（水管员）']), yuan(rng.int(4, 8) * 1000)];
      case 'asset_income': return [rng.pick(['村级光伏电站收益分红', '合作社资产收益分红', '入股企业资产收益分红']), yuan(rng.int(3, 15) * 100)];
    }
  };

  const drawMeasures = (h: HouseholdDraft, relocated: boolean): SupportMeasure[] => {
    const live = h.members.filter(living);
    const w: [SupportMeasure, number][] = [
      ['industry', 30], ['employment', live.some((m) => m.migrantMonths > 0) ? 25 : 8],
      ['health', live.some((m) => m.health !== 'healthy') ? 25 : 6], ['education', live.some(inSchool) ? 25 : 0],
      ['finance', 8], ['social_security', h.attribute !== '1' ? 40 : 0], ['ecological', 5],
      ['public_welfare_post', 6], ['asset_income', 15], ['relocation', relocated ? 20 : 0],
    ];
    const n = rng.weighted([[1, 40], [2, 40], [3, 20]]);
    const out: SupportMeasure[] = [];
    for (let guard = 0; out.length < n && guard < 20; guard++) {
      const m = rng.weighted(w);
      if (!out.includes(m)) out.push(m);
    }
    return out;
  };

  /** Items that add up (production cost subtracted) to exactly `total` fen. */
  const incomeItems = (h: HouseholdDraft, total: number, assetDividend: number, minimal: boolean): [IncomeItem, number, string][] => {
    const live = h.members.filter(living);
    const transfers: [IncomeItem, number, string][] = [];
    if (!minimal) {
      if (h.dibaoClass) {
        const monthly = h.dibaoClass === 'class_a' ? 300 : h.dibaoClass === 'class_b' ? 220 : 150;
        transfers.push(['dibao', yuan(monthly * 12 * live.length), '']);
      }
      if (h.attribute === '3') transfers.push(['extreme_support', yuan(500 * 12 * live.length), '']);
      const elders = live.filter((m) => m.age >= 60).length;
      if (elders) transfers.push(['pension', yuan(150 * 12 * elders), '']);
      const disabled = live.filter((m) => m.health === 'disabled');
      if (disabled.length) {
        transfers.push(['disability_allowance', yuan(disabled.reduce((s, m) => s + (m.disabilityGrade === '1' || m.disabilityGrade === '2' ? 1200 : 720), 0)), '']);
      }
      if (assetDividend > 0) transfers.push(['asset_dividend', assetDividend, '']);
      if (rng.chance(0.3)) transfers.push(['ecological_comp', yuan(rng.int(100, 800)), '公益林生态补偿']);
      if (rng.chance(0.2)) transfers.push(['land_rent_in', yuan(rng.int(3, 24) * 100), '土地流转租金']);
      if (rng.chance(0.05)) transfers.push(['family_planning', yuan(960), '']);
      if (rng.chance(0.03)) transfers.push(['other_property', yuan(rng.int(100, 500)), '']);
      if (rng.chance(0.1)) transfers.push(['other_transfer', yuan(rng.int(100, 600)), '']);
    }
    if (rng.chance(0.8)) transfers.push(['farm_subsidy', yuan(rng.int(200, 900)), '']);
    // Transfers and property income never exceed 70 % of the total; the rest is earned.
    const cap = Math.floor((total * 7) / 10);
    const sum = transfers.reduce((s, t) => s + t[1], 0);
    if (sum > cap) for (const t of transfers) t[1] = Math.floor((t[1] * cap) / sum);
    const earned = total - transfers.reduce((s, t) => s + t[1], 0);
    const workers = live.filter((m) => m.labourAbility === 'ordinary' || m.labourAbility === 'skilled' || m.labourAbility === 'weak');
    const wageShare = live.some((m) => m.migrantMonths > 0) ? rng.int(60, 85) : workers.length ? rng.int(20, 60) : rng.int(0, 10);
    const wages = Math.floor((earned * wageShare) / 100);
    const net = earned - wages;
    const out: [IncomeItem, number, string][] = [];
    if (wages > 0) out.push(['wages', wages, live.some((m) => m.migrantMonths > 0) ? '外出务工' : '本地务工']);
    if (net > 0) {
      const cost = Math.floor((net * rng.int(25, 60)) / 100);
      out.push(['production_gross', net + cost, rng.pick(['种植玉米、马铃薯', '养殖生猪、肉牛', '种植核桃、花椒', '种植烤烟', '养殖山羊'])]);
      if (cost > 0) out.push(['production_cost', cost, '']);
    }
    for (const t of transfers) if (t[1] > 0) out.push(t);
    return out;
  };

  // ── write everything ─────────────────────────────────────────────────────
  let memberId = 0;
  let householdId = 0;
  let villageId = 0;
  const at = (day: number, time: string) => `${isoOf(day)}T${time}Z`;

  const run = () => {
    // Bulk load: the secondary indexes of the big tables are dropped and then re-created from their
    // own stored SQL at the end of this same transaction (building an index from sorted data is
    // about twice as fast as inserting random keys row by row). The schema ends up byte-identical,
    // and a failure anywhere rolls all of it back.
    const bulkIndexes = sqlite
      .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${BULK_TABLES.map(() => '?').join(', ')}) ORDER BY rowid`)
      .all(...BULK_TABLES) as { name: string; sql: string }[];
    for (const i of bulkIndexes) sqlite.exec(`DROP INDEX "${i.name.replace(/"/g, '""')}"`);

    for (const [year, fen] of lineFen) ins.line.run(year, fen);
    if (withUsers) {
      DEMO_USERS.forEach((u, i) => ins.user.run(u.id, u.username, u.displayName, u.role, userHashes[i]!, `${todayIso}T00:00:00.000Z`));
    }
    ins.county.run(DEMO_COUNTY_CODE, DEMO_COUNTY_NAME, '示范省', '示范县人民医院', '省第一人民医院', `0999-${rng.digits(7)}`);

    const stems = placeStems(rng, scale.townships + scale.villages);
    const villagesPer = apportion(scale.villages, Array.from({ length: scale.townships }, (_, i) => ({ key: i, weight: 1 })));
    const maxVillagesPerTownship = Math.max(...villagesPer.values());
    if (scale.townships > 999 || maxVillagesPerTownship > 999) throw new RangeError('Demo scale too large for 9/12-digit codes');
    const householdsPer = apportion(H, Array.from({ length: scale.villages }, (_, i) => ({ key: i, weight: rng.int(60, 140) })));
    const maxHouseholdsPerVillage = Math.max(...householdsPer.values());
    const tw = Math.max(2, digitsOf(scale.townships));
    const vw = Math.max(2, digitsOf(maxVillagesPerTownship));
    const hw = Math.max(3, digitsOf(maxHouseholdsPerVillage));

    let stem = 0;
    let villageIndex = 0;
    let g = 0; // household index in the county
    for (let t = 0; t < scale.townships; t++) {
      const zhen = t % 5 !== 2 && t % 5 !== 4;
      const tName = stems[stem++]! + (zhen ? '镇' : '乡');
      const tCode = DEMO_COUNTY_CODE + pad(scale.townships <= 99 ? (zhen ? 100 : 200) + t + 1 : t + 1, 3);
      ins.township.run(t + 1, tCode, tName);
      const nv = villagesPer.get(t)!;
      for (let j = 0; j < nv; j++) {
        villageId++;
        const vName = stems[stem++]! + '村';
        const vCode = tCode + pad(nv <= 199 ? 200 + j + 1 : j + 1, 3);
        const poorVillage = rng.chance(0.3);
        const teamUnit = rng.pick(CADRE_UNITS);
        const secretary = personName(rng, rng.chance(0.75) ? 'M' : 'F');
        const workTeam = `队长${secretary}（第一书记），队员${personName(rng, 'M')}、${personName(rng, 'F')}`;
        ins.village.run(villageId, vCode, t + 1, vName, poorVillage ? 1 : 0, poorVillage ? rng.int(2016, 2020) : null,
          secretary, phone(), workTeam, teamUnit);

        // Poverty incidence (poor + returned members / rural population) aimed around 2–3 %.
        const incidence = rng.weighted([[rng.int(10, 19), 25], [rng.int(20, 30), 45], [rng.int(31, 45), 30]]); // per mille
        const factorPermille = rng.int(6000, 10000);
        const minorityVillage = rng.chance(0.4);
        const v: VillageCtx = {
          id: villageId,
          code: vCode,
          name: vName,
          townshipName: tName,
          archivePrefix: DEMO_COUNTY_CODE + pad(t + 1, tw) + pad(j + 1, vw),
          poorShare: (incidence * factorPermille) / 1_000_000,
          factorPermille,
          han: minorityVillage ? 0.3 : 0.95,
          minority: rng.pick(MINORITIES),
          doctor: personName(rng, rng.chance(0.6) ? 'M' : 'F'),
          doctorPhone: phone(),
          groups: rng.int(4, 12),
        };

        let registered = 0;
        const nh = householdsPer.get(villageIndex++)!;
        for (let k = 0; k < nh; k++, g++) {
          registered += writeHousehold(v, k + 1, g, hw);
          if ((g + 1) % 1000 === 0) opts.onProgress?.(g + 1, H);
        }
        ins.villagePop.run(Math.floor((registered * v.factorPermille) / 1000), villageId);
      }
    }
    if (H % 1000 !== 0) opts.onProgress?.(H, H);

    ins.setting.run(PLANTED_SETTING_KEY, JSON.stringify(planted));
    for (const i of bulkIndexes) sqlite.exec(i.sql);

    const summary: GenerateSummary = {
      townships: scale.townships,
      villages: villageId,
      households: householdId,
      members: memberId,
      ms: Math.round(performance.now() - started),
    };
    if (withUsers) appendAudit(ledger, SYSTEM_ACTOR, { entity: 'ledger', entityId: 'demo', action: 'generate_demo', after: summary });
    return summary;
  };

  /** Writes one household with everything that hangs off it; returns its living registered members. */
  const writeHousehold = (v: VillageCtx, seq: number, g: number, hw: number): number => {
    const plant = plantAt.get(g);
    const rare = g < RARE_GIVEN.length ? RARE_GIVEN[g] : undefined;
    let h = drawHousehold(v, plant, rare);
    let concerned: MemberDraft | null = null;
    if (plant) {
      for (let tries = 0; ; tries++) {
        const r = applyPlant(plant, h);
        if (r !== false) {
          concerned = r;
          break;
        }
        if (tries > 2000) throw new Error(`could not plant ${plant}`);
        h = drawHousehold(v, plant, rare);
      }
    }
    householdId++;
    const hid = householdId;
    const archiveNo = v.archivePrefix + pad(seq, hw);
    const head = h.members[0]!;
    const live = h.members.filter(living);

    // Housing, water, relocation.
    const relocated = plant !== 'unsafe_housing' && plant !== 'no_safe_water' && h.status !== 'non_poor' && rng.chance(0.08);
    const relocationType = relocated ? (rng.chance(0.7) ? 'centralized' : 'dispersed') : null;
    const relocationYear = relocated ? rng.int(Math.max(2016, h.identifiedYear), 2020) : null;
    const relocationSite = relocationType === 'centralized' ? rng.pick(RELOCATION_SITES) : relocationType ? `${v.townshipName}集镇` : '';
    let housing = 'safe';
    let renovated: number | null = null;
    if (plant === 'unsafe_housing') housing = 'd';
    else if (!relocated && rng.chance(0.03)) {
      housing = rng.chance(0.6) ? 'c' : 'd';
      const from = Math.min(Math.max(2016, h.identifiedYear), Y);
      renovated = rng.int(from, Math.max(from, 2021));
    }
    const safeWater = plant !== 'no_safe_water';
    const group = `${rng.int(1, v.groups)}组`;
    const address = relocationType === 'centralized'
      ? `${relocationSite}${rng.int(1, 30)}栋${rng.int(1, 4)}单元${rng.int(1, 6)}0${rng.int(1, 4)}室`
      : `${v.townshipName}${v.name}${group}${rng.int(1, 160)}号`;
    const hhPhone = phone();
    head.phone = head.deceased ? '' : hhPhone;
    const [bankName, bin] = rng.pick(BANKS);
    const bankAccount = bin + rng.digits(2) + pad(g, 7) + rng.digits(6);

    // Events → timestamps.
    const eventRows = h.events.map((e) => {
      const decided = Math.min(e.day + rng.int(0, 3), today);
      return { e, proposedAt: at(e.day, '08:30:00.000'), decidedAt: at(decided, '10:00:00.000') };
    });
    const createdAt = at(h.events[0]!.day, '08:00:00.000');
    const updatedAt = eventRows[eventRows.length - 1]!.decidedAt;

    ins.household.run(
      hid, archiveNo, v.id, group, address, hhPhone, bankName, bankAccount,
      h.attribute, h.causes[0]!, h.causes[1] ?? null, h.causes[2] ?? null, h.identifiedYear,
      relocated ? 1 : 0, relocationType, relocationYear, relocationSite,
      housing, renovated, safeWater ? 1 : 0,
      v.doctor, v.doctorPhone, `JTYS-${h.identifiedYear}-${archiveNo}`,
      h.status, h.monitoringType, isoOf(h.statusSinceDay),
      h.policyEndsDay === null ? null : isoOf(h.policyEndsDay),
      h.reviewDueDay === null ? null : isoOf(h.reviewDueDay),
      head.name, live.length, createdAt, updatedAt,
    );

    for (const m of h.members) {
      const { id, birth } = idNumberFor(dayOf(m.birthDate), m.sex);
      m.birthDate = birth;
      const py = namePinyin(m.name);
      memberId++;
      ins.member.run(
        memberId, hid, id, m.name, py.full, py.initials, m.sex, m.birthDate, m.relation,
        m.ethnicity, m.education, m.schoolStatus, m.dropoutReason, m.health, m.disabilityCategory, m.disabilityGrade,
        m.chronicCertificate, m.labourAbility, m.migrantMonths, m.migrantPlace,
        m.insBasicMedical ? 1 : 0, m.insCriticalIllness ? 1 : 0, m.insSupplementary ? 1 : 0, m.insBasicPension ? 1 : 0,
        m.dibao ? 1 : 0, m.dibaoClass, m.leftBehind, m.deceased ? 1 : 0, m.deceasedOn, m.phone, m.removed ? 1 : 0,
      );
      if (m === concerned) planted.push({ key: plant!, archiveNo, memberIdNumber: id });
    }
    if (plant && !concerned) planted.push({ key: plant, archiveNo });

    for (const { e, proposedAt, decidedAt } of eventRows) {
      ins.event.run(hid, e.type, e.monitoringType, e.cancelReason, isoOf(e.day), e.reason, e.evidence,
        DEMO_PROPOSER_ID, proposedAt, DEMO_DECIDER_ID, decidedAt);
    }

    // Responsible cadres.
    const identifyDay = h.events[0]!.day;
    if (h.status === 'cancelled') {
      ins.householdCadre.run(hid, currentCadre(v.townshipName), isoOf(identifyDay), isoOf(h.statusSinceDay));
    } else if (plant !== 'no_cadre') {
      const cadre = currentCadre(v.townshipName);
      let from = identifyDay;
      if (rng.chance(0.05)) {
        // An earlier cadre, replaced in 2021–2022.
        const old = rng.int(1, cadreCount);
        if (old !== cadre) {
          from = randDay(Math.max(identifyDay + 180, ymd(2021, 3, 1)), ymd(2022, 12, 31));
          ins.householdCadre.run(hid, old, isoOf(identifyDay), isoOf(from));
        }
      }
      ins.householdCadre.run(hid, cadre, isoOf(from), null);
    }

    // Measures and incomes of the last two years (the current one included).
    if (h.status !== 'cancelled' && live.length > 0) {
      const ratio = plant === 'exited_below_line' ? rng.int(780, 900)
        : h.status === 'poor' || h.status === 'returned' ? rng.int(550, 950)
          : h.monitoringType ? rng.int(1080, 1350)
            : h.status === 'non_poor' ? rng.int(1050, 1400)
            : rng.int(1150, 2600);
      for (const year of [Y - 1, Y]) {
        const measures = drawMeasures(h, relocated);
        let dividend = 0;
        for (const m of measures) {
          const [detail, amount] = measureDetail(m, h);
          if (m === 'asset_income') dividend = amount;
          ins.measure.run(hid, year, m, detail, amount);
        }
        const jitter = plant === 'exited_below_line' ? 1000 : rng.int(960, 1000);
        const total = Math.floor((lineFen.get(year)! * live.length * ratio * jitter) / 1_000_000);
        for (const [item, amount, note] of incomeItems(h, total, dividend, plant === 'exited_below_line')) {
          ins.income.run(hid, year, item, amount, note);
        }
      }
    }
    return h.status === 'cancelled' || h.status === 'non_poor' ? 0 : live.length;
  };

  // Random-order index inserts (names, pinyin, ID numbers, phones) thrash SQLite's default 2 MB
  // page cache; a larger cache for the duration of the load makes it several times faster.
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('cache_size = -262144');
  try {
    return sqlite.transaction(run).immediate();
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
}
