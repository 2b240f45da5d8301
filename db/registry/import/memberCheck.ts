/**
 * A fast path for the import's member check. The cells were already converted (cells.ts): codes
 * looked up, booleans, whole numbers, checked ID numbers and real dates. For such a row this
 * confirms, field by field, every rule of `memberInput` (db/registry/schemas.ts) and builds the
 * same output, so that the common row skips a zod parse. Whenever a rule is not plainly met it
 * returns null and the caller runs `memberInput.safeParse` itself: problems, and their bilingual
 * messages, still come from the schema alone.
 */
import { isCode, type CodeListName } from '../../codes';
import { checkIdNumber, normalizeIdNumber } from '../../rules/idNumber';
import type { MemberValues } from '../schemas';
import { isIsoDay } from './calendar';

const PHONE = /^\d{7,12}$/;

/** As isoDate in db/shared/zod.ts: the form, and a real calendar day. */
const isIsoDate = (v: unknown): v is string => typeof v === 'string' && isIsoDay(v);

/** A trimmed string of `min`..`max` characters, as text(max) with .min(min). */
const isText = (v: unknown, max: number, min = 0): v is string => typeof v === 'string' && v.length >= min && v.length <= max && v.trim() === v;

class Unsure extends Error {}
const UNSURE = new Unsure();

function code<N extends CodeListName>(list: N, v: unknown, fallback?: string): string | undefined {
  if (v === undefined) {
    if (fallback === undefined) throw UNSURE;
    return fallback;
  }
  if (!isCode(list, v)) throw UNSURE;
  return v as string;
}

function optionalCode<N extends CodeListName>(list: N, v: unknown): string | undefined {
  if (v === undefined) return undefined;
  return code(list, v);
}

function text(v: unknown, max: number): string {
  if (v === undefined) return '';
  if (!isText(v, max)) throw UNSURE;
  return v;
}

function bool(v: unknown): boolean {
  if (v === undefined) return false;
  if (typeof v !== 'boolean') throw UNSURE;
  return v;
}

function optionalDate(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  if (!isIsoDate(v)) throw UNSURE;
  return v;
}

/**
 * The member's values as `memberInput.parse(raw)` gives them, or null when only the schema can say.
 * Pass `idChecked` only when raw.idNumber is the `id` of a passed checkIdNumber.
 */
export function quickMemberValues(raw: Record<string, unknown>, idChecked = false): MemberValues | null {
  try {
    const idNumber = raw.idNumber;
    if (typeof idNumber !== 'string') return null;
    // `idChecked`: the caller got idNumber from checkIdNumber itself (cells.ts), normalised and valid.
    const id = idChecked ? { ok: true as const, id: idNumber } : checkIdNumber(normalizeIdNumber(idNumber));
    if (!id.ok) return null;
    if (!isText(raw.name, 30, 1)) return null;
    const months = raw.migrantMonths;
    if (months !== undefined && !(typeof months === 'number' && Number.isInteger(months) && months >= 0 && months <= 12)) return null;
    let phone = '';
    if (raw.phone !== undefined) {
      if (typeof raw.phone !== 'string') return null;
      phone = raw.phone.replace(/[\s-]/g, '');
      if (phone !== '' && !PHONE.test(phone)) return null;
    }
    return {
      idNumber: id.id,
      name: raw.name,
      sex: optionalCode('sex', raw.sex),
      birthDate: optionalDate(raw.birthDate),
      relation: code('relation', raw.relation),
      ethnicity: code('ethnicity', raw.ethnicity, '01'),
      education: optionalCode('education', raw.education),
      schoolStatus: optionalCode('schoolStatus', raw.schoolStatus),
      dropoutReason: optionalCode('dropoutReason', raw.dropoutReason),
      health: code('health', raw.health, 'healthy'),
      disabilityCategory: optionalCode('disabilityCategory', raw.disabilityCategory),
      disabilityGrade: optionalCode('disabilityGrade', raw.disabilityGrade),
      chronicCertificate: text(raw.chronicCertificate, 40),
      labourAbility: optionalCode('labourAbility', raw.labourAbility),
      migrantMonths: (months as number | undefined) ?? 0,
      migrantPlace: text(raw.migrantPlace, 60),
      insBasicMedical: bool(raw.insBasicMedical),
      insCriticalIllness: bool(raw.insCriticalIllness),
      insSupplementary: bool(raw.insSupplementary),
      insBasicPension: bool(raw.insBasicPension),
      dibao: bool(raw.dibao),
      dibaoClass: optionalCode('dibaoClass', raw.dibaoClass),
      leftBehind: optionalCode('leftBehind', raw.leftBehind),
      deceased: bool(raw.deceased),
      deceasedOn: optionalDate(raw.deceasedOn),
      phone,
    } as MemberValues;
  } catch (err) {
    if (err === UNSURE) return null;
    throw err;
  }
}
