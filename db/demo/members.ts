/**
 * Members of a demo household: a family whose relations and ages fit together, then health,
 * schooling, labour and migrant work drawn to match age and each other.
 */
import type { DisabilityCategory, DisabilityGrade, Education, Health, LabourAbility, Relation } from '../codes';
import { ageOn } from '../rules/exit';
import type { DemoContext } from './context';
import { isoOf, ymd } from './dates';
import { inSchool, type MemberDraft } from './drafts';
import { MIGRANT_PLACES, givenName, surname as drawSurname } from './names';
import type { Weights } from './random';
import type { VillageCtx } from './villages';

const W_DISABILITY: Weights<DisabilityCategory> = [
  ['physical', 40], ['visual', 12], ['hearing', 12], ['speech', 4], ['intellectual', 12], ['mental', 10], ['multiple', 10],
];
const W_GRADE: Weights<DisabilityGrade> = [['1', 10], ['2', 20], ['3', 35], ['4', 35]];
const W_EDU_OLD: Weights<Education> = [['illiterate', 45], ['primary', 40], ['junior', 15]];
const W_EDU_MID: Weights<Education> = [['illiterate', 15], ['primary', 40], ['junior', 38], ['senior', 7]];
const W_EDU_YOUNG: Weights<Education> = [['primary', 15], ['junior', 50], ['senior', 22], ['college', 8], ['bachelor_plus', 5]];
const W_LABOUR: Weights<LabourAbility> = [['ordinary', 72], ['skilled', 20], ['weak', 8]];
const W_MIGRANT_MONTHS: Weights<number> = [[3, 1], [4, 1], [6, 3], [8, 2], [10, 3], [12, 6]];
const W_HEALTH_CHILD: Weights<Health> = [['healthy', 96], ['chronic', 2], ['serious', 0.5], ['disabled', 1.5]];
const W_HEALTH_ADULT: Weights<Health> = [['healthy', 84], ['chronic', 9], ['serious', 2], ['disabled', 5]];
const W_HEALTH_OLD: Weights<Health> = [['healthy', 55], ['chronic', 30], ['serious', 5], ['disabled', 10]];

/** A birth date that makes the member `age` today (exactly: the birthday is not today). */
function birthForAge(ctx: DemoContext, age: number): string {
  const anniversary = ymd(ctx.year - age, Number(ctx.todayIso.slice(5, 7)), Number(ctx.todayIso.slice(8, 10)));
  return isoOf(anniversary - ctx.rng.int(1, 364));
}

function newMember(ctx: DemoContext, relation: Relation, sex: 'M' | 'F', age: number, surname: string, ethnicity: string): MemberDraft {
  const birthDate = birthForAge(ctx, Math.max(0, Math.min(95, age)));
  return {
    relation,
    sex,
    surname,
    name: surname + givenName(ctx.rng, sex),
    birthDate,
    age: ageOn(birthDate, ctx.todayIso),
    yearAge: ctx.year - Number(birthDate.slice(0, 4)),
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
}

function otherSurname(ctx: DemoContext, not: string): string {
  for (;;) {
    const s = drawSurname(ctx.rng);
    if (s !== not) return s;
  }
}

/** Relations and ages that fit together: spouse, children, daughter-in-law, grandchildren, parents. */
export function drawFamily(ctx: DemoContext, size: number, headAge: number, headSex: 'M' | 'F', v: VillageCtx): MemberDraft[] {
  const { rng } = ctx;
  const member = (relation: Relation, sex: 'M' | 'F', age: number, surname: string, ethnicity: string) =>
    newMember(ctx, relation, sex, age, surname, ethnicity);
  const eth = (): string => (rng.chance(v.han) ? '01' : v.minority);
  const headSurname = drawSurname(rng);
  const headEth = eth();
  const head = member('head', headSex, headAge, headSurname, headEth);
  const out: MemberDraft[] = [head];
  const left = () => size - out.length;

  let spouse: MemberDraft | null = null;
  if (left() > 0 && head.age >= 22 && rng.chance(size === 2 ? 0.8 : 0.9)) {
    const sSex = headSex === 'M' ? 'F' : 'M';
    const sAge = headSex === 'M' ? headAge + rng.int(-6, 2) : headAge + rng.int(-2, 6);
    spouse = member('spouse', sSex, Math.max(20, Math.min(93, sAge)), otherSurname(ctx, headSurname), rng.chance(0.85) ? headEth : eth());
    out.push(spouse);
  }
  const father = headSex === 'M' ? head : spouse && spouse.sex === 'M' ? spouse : null;
  const kidSurname = father ? father.surname : headSurname;
  const youngestParent = spouse ? Math.min(head.age, spouse.age) : head.age;

  // Three generations through a married son when the head is older.
  if (head.age >= 58 && left() >= 2 && rng.chance(0.7)) {
    const sonAge = youngestParent - rng.int(22, 32);
    if (sonAge >= 22) {
      const son = member('son', 'M', sonAge, kidSurname, headEth);
      out.push(son);
      if (left() > 0) out.push(member('daughter_in_law', 'F', Math.max(20, sonAge + rng.int(-4, 2)), otherSurname(ctx, kidSurname), eth()));
      let gAge = sonAge - rng.int(20, 30);
      while (left() > 0 && gAge >= 0) {
        const s = rng.chance(0.52) ? 'M' : 'F';
        out.push(member(s === 'M' ? 'grandson' : 'granddaughter', s, gAge, kidSurname, headEth));
        gAge -= rng.int(1, 5);
      }
    }
  }
  // Children of the head.
  let cAge = youngestParent - rng.int(20, 32);
  while (left() > 0 && cAge >= 0) {
    const s = rng.chance(0.52) ? 'M' : 'F';
    out.push(member(s === 'M' ? 'son' : 'daughter', s, cAge, kidSurname, headEth));
    cAge -= rng.int(1, 5);
  }
  // Parents of the head.
  if (left() > 0 && head.age <= 62) {
    const mAge = head.age + rng.int(20, 32);
    if (mAge <= 92) out.push(member('mother', 'F', mAge, otherSurname(ctx, headSurname), headEth));
    if (left() > 0 && mAge + 2 <= 92 && rng.chance(0.6)) {
      out.push(member('father', 'M', Math.min(92, mAge + rng.int(0, 6)), headSurname, headEth));
    }
  }
  // Anyone else: a sibling of the head or another relative.
  while (left() > 0) {
    const s = rng.chance(0.5) ? 'M' : 'F';
    if (rng.chance(0.6)) out.push(member('sibling', s, Math.max(16, head.age + rng.int(-8, 8)), headSurname, headEth));
    else out.push(member('other', s, rng.int(16, 80), drawSurname(rng), eth()));
  }
  return out;
}

export function drawHealth(ctx: DemoContext, m: MemberDraft): void {
  setHealth(ctx, m, ctx.rng.weighted(m.age < 16 ? W_HEALTH_CHILD : m.age < 60 ? W_HEALTH_ADULT : W_HEALTH_OLD));
}

/** Sets the health and draws what goes with it (disability category and grade, chronic certificate). */
export function setHealth(ctx: DemoContext, m: MemberDraft, h: Health): void {
  const { rng } = ctx;
  m.health = h;
  m.disabilityCategory = null;
  m.disabilityGrade = null;
  m.chronicCertificate = '';
  if (h === 'disabled') {
    m.disabilityCategory = rng.weighted(W_DISABILITY);
    m.disabilityGrade = rng.weighted(W_GRADE);
  } else if ((h === 'chronic' || h === 'serious') && rng.chance(0.6)) {
    m.chronicCertificate = `MXB${rng.int(2016, ctx.year)}${rng.digits(6)}`;
  }
}

const isSchoolAge = (m: MemberDraft) => (m.age >= 6 && m.age <= 15) || (m.yearAge >= 6 && m.yearAge <= 15);

export function drawSchooling(ctx: DemoContext, m: MemberDraft): void {
  const { rng } = ctx;
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
}

/** Labour ability from age, schooling and health; some able adults work away part of the year. */
export function drawLabour(ctx: DemoContext, m: MemberDraft): void {
  const { rng } = ctx;
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
}

/** Records a death on `day`: no more dibao, migrant work, labour or phone. */
export function markDeceased(m: MemberDraft, day: number): void {
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
