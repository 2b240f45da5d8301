/**
 * Household exit assessment (脱贫): per-capita net income above the year's poverty line, and
 * 两不愁三保障 plus safe drinking water. PURE module, shared by the ledger and the renderer.
 *
 * Money is integer fen; sums and products are BigInt so no amount can lose precision.
 */
import { incomeItemSign, incomeItemType, incomeType, type IncomeItem, type IncomeType } from '../codes';
import { formatFen } from './money';

export interface IncomeLine {
  item: IncomeItem;
  /** Stored positive; the item's sign decides whether it adds or subtracts. */
  amountFen: number;
}

export interface NetIncome {
  byType: Record<IncomeType, bigint>;
  net: bigint;
}

/** Net household income by type: production costs subtract, items outside the four types do not count. */
export function netIncome(lines: readonly IncomeLine[]): NetIncome {
  const byType = Object.fromEntries(incomeType.map((t) => [t.code, 0n])) as Record<IncomeType, bigint>;
  for (const l of lines) {
    const type = incomeItemType[l.item];
    if (!type) continue;
    byType[type] += BigInt(incomeItemSign[l.item]) * BigInt(l.amountFen);
  }
  const net = Object.values(byType).reduce((a, b) => a + b, 0n);
  return { byType, net };
}

/**
 * Per-capita net income in whole fen, rounded down (toward −∞, so a loss never looks smaller).
 * Null for a household with no living member.
 */
export function perCapitaFen(net: bigint, people: number): bigint | null {
  if (people <= 0) return null;
  const n = BigInt(people);
  const q = net / n;
  return net % n !== 0n && net < 0n ? q - 1n : q;
}

/** Strictly above the line, compared without rounding: net > line × people. */
export function aboveLine(net: bigint, people: number, lineFen: number): boolean {
  return people > 0 && net > BigInt(lineFen) * BigInt(people);
}

export const EXIT_CHECKS = ['income', 'food_clothing', 'education', 'medical', 'housing', 'water'] as const;
export type ExitCheck = (typeof EXIT_CHECKS)[number];

export interface CheckResult {
  check: ExitCheck;
  ok: boolean;
  /** What fails, in both languages, naming the people concerned; empty when ok. */
  zh: string;
  en: string;
}

export interface AssessMember {
  name: string;
  birthDate: string;
  schoolStatus: string | null;
  insBasicMedical: boolean;
  deceased: boolean;
  removed: boolean;
}

export interface AssessInput {
  /** The day the assessment is made; ages are counted to it. */
  asOf: string;
  lineFen: number;
  incomes: readonly IncomeLine[];
  members: readonly AssessMember[];
  housingSafety: string;
  housingRenovatedYear: number | null;
  safeWater: boolean;
  /** Food and clothing are not recorded field by field; the assessor confirms them on the home visit. */
  foodClothingConfirmed: boolean;
}

export interface Assessment {
  netIncomeFen: bigint;
  people: number;
  perCapitaFen: bigint | null;
  lineFen: number;
  checks: CheckResult[];
  passed: boolean;
}

/** Completed years of age on a date (both YYYY-MM-DD). */
export function ageOn(birthDate: string, asOf: string): number {
  const years = Number(asOf.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return asOf.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Compulsory schooling age (义务教育阶段): 6 to 15 inclusive. */
export const SCHOOL_AGE = { from: 6, to: 15 } as const;
const OUT_OF_SCHOOL = new Set<string | null>([null, 'dropped_out', 'not_in_school']);

const living = (m: AssessMember) => !m.deceased && !m.removed;
const names = (ms: AssessMember[]) => ms.map((m) => m.name).join('、');
const ok = (check: ExitCheck): CheckResult => ({ check, ok: true, zh: '', en: '' });
const failed = (check: ExitCheck, zh: string, en: string): CheckResult => ({ check, ok: false, zh, en });

function incomeCheck(net: bigint, people: number, perCapita: bigint | null, lineFen: number): CheckResult {
  if (perCapita === null) return failed('income', '户内没有在世成员，无法计算人均纯收入', 'The household has no living member; per-capita income cannot be computed');
  if (aboveLine(net, people, lineFen)) return ok('income');
  return failed('income',
    `人均纯收入 ${formatFen(perCapita)} 元未超过当年扶贫标准 ${formatFen(lineFen)} 元`,
    `Per-capita net income ${formatFen(perCapita)} yuan is not above the poverty line of ${formatFen(lineFen)} yuan`);
}

function educationCheck(members: AssessMember[], asOf: string): CheckResult {
  const out = members.filter((m) => {
    const age = ageOn(m.birthDate, asOf);
    return age >= SCHOOL_AGE.from && age <= SCHOOL_AGE.to && OUT_OF_SCHOOL.has(m.schoolStatus);
  });
  if (!out.length) return ok('education');
  return failed('education',
    `义务教育阶段适龄儿童未在校或在校情况未登记：${names(out)}`,
    `Children of compulsory-school age (6–15) not in school, or school status not recorded: ${names(out)}`);
}

function medicalCheck(members: AssessMember[]): CheckResult {
  const uninsured = members.filter((m) => !m.insBasicMedical);
  if (!uninsured.length) return ok('medical');
  return failed('medical', `未参加城乡居民基本医疗保险：${names(uninsured)}`, `Without basic medical insurance: ${names(uninsured)}`);
}

function housingCheck(safety: string, renovatedYear: number | null): CheckResult {
  if (safety === 'safe' || renovatedYear !== null) return ok('housing');
  const grade = safety.toUpperCase();
  return failed('housing', `住房为 ${grade} 级危房且未改造`, `The house is dilapidated (grade ${grade}) and not renovated`);
}

/** Checks a household against the exit standard and lists every check that fails. */
export function assessExit(input: AssessInput): Assessment {
  const members = input.members.filter(living);
  const { net } = netIncome(input.incomes);
  const people = members.length;
  const perCapita = perCapitaFen(net, people);
  const checks: CheckResult[] = [
    incomeCheck(net, people, perCapita, input.lineFen),
    input.foodClothingConfirmed ? ok('food_clothing') : failed('food_clothing', '入户核实未确认“不愁吃、不愁穿”', 'The home visit did not confirm enough food and clothing'),
    educationCheck(members, input.asOf),
    medicalCheck(members),
    housingCheck(input.housingSafety, input.housingRenovatedYear),
    input.safeWater ? ok('water') : failed('water', '饮水不安全', 'No safe drinking water'),
  ];
  return { netIncomeFen: net, people, perCapitaFen: perCapita, lineFen: input.lineFen, checks, passed: checks.every((c) => c.ok) };
}
