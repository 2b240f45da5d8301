/**
 * Masking of personal numbers in lists and exports (DESIGN.md §2: notices never show ID numbers,
 * phones or bank accounts; lists and exports show them only to the roles whose work needs them).
 *
 * PURE module: no runtime imports, so the renderer may use it as well. Masking is applied on the
 * Node side before data leaves the API; the renderer must not be the only place that hides them.
 */
import type { Role } from '../codes';

const STAR = '*';
const stars = (n: number) => STAR.repeat(Math.max(0, n));

const compact = (value: string | null | undefined) => (value ?? '').replace(/[\s-]/g, '');

/**
 * Resident ID number: only the first 6 characters (the county's division code) are kept:
 * 532999************. The last 4 are hidden too: the birth date in between is shown beside the
 * number on the same screens (members, exports, alerts), so division code + birth date + last 4
 * would be the whole number. Anything too short to be an ID number is hidden entirely.
 */
export function maskIdNumber(value: string | null | undefined): string {
  const s = compact(value);
  if (!s) return '';
  if (s.length < 15) return stars(s.length);
  return `${s.slice(0, 6)}${stars(s.length - 6)}`;
}

/**
 * Phone number: a mobile number keeps its first 3 and last 4 digits (138****5678); a shorter
 * landline keeps only its last 4; anything shorter than 7 digits is hidden entirely.
 */
export function maskPhone(value: string | null | undefined): string {
  const s = compact(value);
  if (!s) return '';
  if (s.length < 7) return stars(s.length);
  if (s.length < 11) return `${stars(s.length - 4)}${s.slice(-4)}`;
  return `${s.slice(0, 3)}${stars(s.length - 7)}${s.slice(-4)}`;
}

/** Bank account: only the last 4 digits, behind a fixed-width mask that hides the length: ****1234. */
export function maskBankAccount(value: string | null | undefined): string {
  const s = compact(value);
  if (!s) return '';
  if (s.length < 8) return stars(4);
  return `${stars(4)}${s.slice(-4)}`;
}

export type PrivateField = 'idNumber' | 'phone' | 'bankAccount';

/**
 * Which roles see a field in full in lists and exports. Registrars register people and enter or
 * correct their ID numbers, phones and bank accounts (a form must never load a masked value it
 * would save back); accountants pay into bank accounts. Everyone else — reviewers, auditors, and
 * every public notice or export made for the public (role `null`) — sees the masked form.
 */
export const SEES_IN_FULL: Readonly<Record<PrivateField, readonly Role[]>> = {
  idNumber: ['admin', 'registrar'],
  phone: ['admin', 'registrar'],
  bankAccount: ['admin', 'registrar', 'accountant'],
};

const MASKERS: Readonly<Record<PrivateField, (v: string | null | undefined) => string>> = {
  idNumber: maskIdNumber,
  phone: maskPhone,
  bankAccount: maskBankAccount,
};

/** True when `role` may see `field` unmasked; `null` (public notices, anonymous exports) never may. */
export function seesInFull(role: Role | null | undefined, field: PrivateField): boolean {
  return role != null && SEES_IN_FULL[field].includes(role);
}

/** The value as `role` may see it. */
export function maskFor(role: Role | null | undefined, field: PrivateField, value: string | null | undefined): string {
  if (seesInFull(role, field)) return value ?? '';
  return MASKERS[field](value);
}

/**
 * A copy of `row` with the named keys masked for `role`, e.g.
 * `maskRecord(member, role, { idNumber: 'idNumber', phone: 'phone' })`. Keys whose value is not a
 * string (null, missing) are left as they are.
 */
export function maskRecord<T extends object>(
  row: T,
  role: Role | null | undefined,
  fields: Partial<Record<keyof T & string, PrivateField>>,
): T {
  const out = { ...row } as Record<string, unknown>;
  for (const [key, field] of Object.entries(fields) as [string, PrivateField | undefined][]) {
    if (!field) continue;
    const value = out[key];
    if (typeof value === 'string') out[key] = maskFor(role, field, value);
  }
  return out as T;
}

/**
 * The keys under which stored records (audit before/after JSON, export filters) carry private
 * numbers, whatever table they came from: camelCase views and snake_case rows alike.
 */
export const PRIVATE_KEYS: Readonly<Record<string, PrivateField>> = {
  idNumber: 'idNumber',
  id_number: 'idNumber',
  memberIdNumber: 'idNumber',
  phone: 'phone',
  memberPhone: 'phone',
  member_phone: 'phone',
  bankAccount: 'bankAccount',
  bank_account: 'bankAccount',
};

/** An 18-character resident ID number standing on its own inside a longer text. */
const EMBEDDED_ID = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
/** A search text that is a run of digits (an ID-number or phone prefix someone searched for). */
const DIGIT_SEARCH = /^\d{6,}[\dXx]?$/;

function maskString(role: Role | null | undefined, key: string | null, value: string): string {
  const field = key === null ? undefined : PRIVATE_KEYS[key];
  if (field) return maskFor(role, field, value);
  if (key === 'q' && DIGIT_SEARCH.test(value) && !seesInFull(role, 'idNumber')) return maskIdNumber(value);
  if (seesInFull(role, 'idNumber')) return value;
  return value.replace(EMBEDDED_ID, (id) => maskIdNumber(id));
}

/**
 * A deep copy of any JSON value with every private number masked for `role`: values under the
 * PRIVATE_KEYS, a digit search text under `q`, and any free-standing 18-character ID number
 * inside other strings (messages, notes). Roles that see everything get the value back as it is.
 */
export function maskDeep(value: unknown, role: Role | null | undefined, key: string | null = null): unknown {
  if (typeof value === 'string') return maskString(role, key, value);
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, role, key));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, role, k);
    return out;
  }
  return value;
}

/** True when `role` sees every private field in full, so nothing needs masking. */
export function seesEverything(role: Role | null | undefined): boolean {
  return (Object.keys(SEES_IN_FULL) as PrivateField[]).every((f) => seesInFull(role, f));
}

/** Stored JSON text (an audit row's before/after) masked for `role`; text that is not JSON is masked as a string. */
export function maskJsonText(text: string | null, role: Role | null | undefined): string | null {
  if (text === null || seesEverything(role)) return text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return maskString(role, null, text);
  }
  return JSON.stringify(maskDeep(parsed, role));
}

/** True when a value carries the mask character, i.e. it was shown masked and must never be saved back. */
export function isMasked(value: unknown): boolean {
  return typeof value === 'string' && value.includes(STAR);
}
