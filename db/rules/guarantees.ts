/**
 * 两不愁三保障 plus safe drinking water, as the assistance card shows them. PURE module.
 *
 * The verdicts are the exit assessment's own checks (rules/exit.ts, without the income check), so
 * a card never says "met" where the exit rules would say "not met". A met guarantee gets a short
 * positive note (who is in school, how many are insured, when the house was renovated); a failed
 * one carries the exit rule's reason, naming the people concerned.
 */
import { assessExit, ageOn, SCHOOL_AGE, type AssessMember, type ExitCheck } from './exit';

export const GUARANTEE_CHECKS = ['food_clothing', 'education', 'medical', 'housing', 'water'] as const satisfies readonly ExitCheck[];
export type GuaranteeCheck = (typeof GUARANTEE_CHECKS)[number];

export const GUARANTEE_LABELS: Record<GuaranteeCheck, { zh: string; en: string }> = {
  food_clothing: { zh: '不愁吃、不愁穿', en: 'Food and clothing' },
  education: { zh: '义务教育有保障', en: 'Compulsory education' },
  medical: { zh: '基本医疗有保障', en: 'Basic medical care' },
  housing: { zh: '住房安全有保障', en: 'Housing safety' },
  water: { zh: '饮水安全有保障', en: 'Safe drinking water' },
};

export interface GuaranteeInput {
  /** The day the card speaks of (ages are counted to it). */
  asOf: string;
  members: readonly AssessMember[];
  housingSafety: string;
  housingRenovatedYear: number | null;
  safeWater: boolean;
  foodClothingConfirmed: boolean;
}

export interface Guarantee {
  check: GuaranteeCheck;
  ok: boolean;
  zh: string;
  en: string;
}

const IN_SCHOOL = new Set(['primary', 'junior', 'senior', 'secondary_vocational', 'higher_vocational', 'undergraduate', 'postgraduate']);

function positiveNote(check: GuaranteeCheck, input: GuaranteeInput, living: AssessMember[]): { zh: string; en: string } {
  switch (check) {
    case 'education': {
      const pupils = living.filter((m) => {
        const age = ageOn(m.birthDate, input.asOf);
        return age >= SCHOOL_AGE.from && age <= SCHOOL_AGE.to && m.schoolStatus !== null && IN_SCHOOL.has(m.schoolStatus);
      }).length;
      return pupils
        ? { zh: `${pupils}名义务教育阶段子女在校`, en: `${pupils} child(ren) of compulsory-school age in school` }
        : { zh: '无义务教育阶段适龄子女', en: 'No child of compulsory-school age' };
    }
    case 'medical':
      return { zh: `${living.length}人全部参加基本医保`, en: `All ${living.length} insured (basic medical)` };
    case 'housing':
      return input.housingRenovatedYear !== null && input.housingSafety !== 'safe'
        ? { zh: `${input.housingRenovatedYear}年完成危房改造`, en: `Renovated in ${input.housingRenovatedYear}` }
        : { zh: '', en: '' };
    default:
      return { zh: '', en: '' };
  }
}

/** The five guarantees, in the card's order. */
export function guarantees(input: GuaranteeInput): Guarantee[] {
  const living = input.members.filter((m) => !m.deceased && !m.removed);
  const { checks } = assessExit({ ...input, lineFen: 0, incomes: [] });
  return GUARANTEE_CHECKS.map((check) => {
    const result = checks.find((c) => c.check === check);
    if (!result) throw new Error(`exit assessment has no ${check} check`);
    if (!result.ok) return { check, ok: false, zh: result.zh, en: result.en };
    return { check, ok: true, ...positiveNote(check, input, living) };
  });
}
