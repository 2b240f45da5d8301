/**
 * Cross-field checks of a household or member record that zod's per-field schemas cannot express.
 * They return every problem (the import reports them all); single-record operations throw the first.
 */
import { agreesWith, checkIdNumber } from '../rules/idNumber';
import { invalid } from '../errors';
import type { HouseholdFields, MemberValues } from './schemas';

export interface FieldProblem {
  /** The input field at fault, relative to the record. */
  field: string;
  en: string;
  zh: string;
}

const problem = (field: string, en: string, zh: string): FieldProblem => ({ field, en, zh });

/** A member's record against its own ID number and flags; fills nothing, reports everything. */
export function memberProblems(m: MemberValues): FieldProblem[] {
  const out: FieldProblem[] = [];
  const id = checkIdNumber(m.idNumber);
  if (!id.ok) return [problem('idNumber', id.message.en, id.message.zh)];
  const disagree = agreesWith(id.id, m.birthDate ?? id.birthDate, m.sex ?? id.sex);
  if (disagree.includes('birthDate')) {
    out.push(problem('birthDate', `Birth date ${m.birthDate} disagrees with the ID number (${id.birthDate})`,
      `出生日期 ${m.birthDate} 与身份证号码（${id.birthDate}）不符`));
  }
  if (disagree.includes('sex')) out.push(problem('sex', 'Sex disagrees with the ID number', '性别与身份证号码不符'));
  if (m.dibaoClass && !m.dibao) out.push(problem('dibaoClass', 'A dibao class needs the dibao flag', '填写低保类别须先勾选享受低保'));
  if ((m.disabilityCategory || m.disabilityGrade) && m.health !== 'disabled') {
    out.push(problem('health', 'Disability category and grade need health status "disability"', '填写残疾类别和等级时，健康状况应为“残疾”'));
  }
  if (m.dropoutReason && m.schoolStatus !== 'dropped_out') {
    out.push(problem('dropoutReason', 'A dropout reason needs school status "dropped out"', '填写辍学原因时，在校生状况应为“辍学”'));
  }
  if (m.deceasedOn && !m.deceased) out.push(problem('deceased', 'A date of death needs the deceased flag', '填写死亡日期须同时标记已故'));
  if (m.migrantPlace && m.migrantMonths === 0) out.push(problem('migrantMonths', 'A place of migrant work needs the months worked', '填写务工地点须同时填写务工时间（月）'));
  return out;
}

/** Household fields that must agree with each other. */
export function householdProblems(f: Partial<HouseholdFields>): FieldProblem[] {
  const out: FieldProblem[] = [];
  const causes = [f.mainCause, f.secondCause, f.thirdCause].filter(Boolean);
  if (new Set(causes).size !== causes.length) out.push(problem('secondCause', 'Poverty causes must differ', '致贫原因不能重复'));
  if (f.thirdCause && !f.secondCause) out.push(problem('thirdCause', 'Fill in the second cause before the third', '请先填写第二致贫原因'));
  if ((f.relocationType || f.relocationYear) && f.relocated === false) {
    out.push(problem('relocationType', 'Relocation details need the relocation flag', '填写搬迁信息须先勾选易地搬迁'));
  }
  if (f.housingRenovatedYear && f.housingSafety === 'safe') {
    out.push(problem('housingSafety', 'A renovation year belongs to a dilapidated house (grade C or D)', '填写改造年份时，住房安全应为 C 级或 D 级危房'));
  }
  return out;
}

/** Throws the first problem, with its field under `prefix` ("members.2", "fields" …). */
export function throwFirst(problems: readonly FieldProblem[], prefix = ''): void {
  const p = problems[0];
  if (p) invalid(prefix ? `${prefix}.${p.field}` : p.field, p.en, p.zh);
}
