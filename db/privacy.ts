/**
 * The one place where records are masked for the caller's role before they leave the API
 * (docs/SECURITY.md "Privacy: masking"). The policy itself — who sees which field in full, and how
 * a masked value looks — is the pure module db/rules/mask.ts; this file names, for each kind of
 * record the API returns, which of its keys hold private numbers.
 */
import type { Role } from './roles';
import type { Page } from './shared/zod';
import { maskJsonText, maskRecord, seesEverything, type PrivateField } from './rules/mask';

type Fields<T> = Partial<Record<keyof T & string, PrivateField>>;

/** A household (registry.household, registry.updateHousehold): its own phone and bank account. */
export const HOUSEHOLD_PRIVATE = { phone: 'phone', bankAccount: 'bankAccount' } as const;
/** A member: ID number and own phone. */
export const MEMBER_PRIVATE = { idNumber: 'idNumber', phone: 'phone' } as const;
/** A care-list row: the household's phone (cadres' phones are official contacts and stay). */
export const CARE_PRIVATE = { phone: 'phone' } as const;

/** `row` with `fields` masked for `role`. */
export function maskRow<T extends object>(role: Role | null | undefined, row: T, fields: Fields<T>): T {
  return maskRecord(row, role, fields);
}

/** Every row of a page masked for `role`; whatever else the page carries passes through. */
export function maskPage<T extends object, P extends Page<T>>(role: Role | null | undefined, page: P & Page<T>, fields: Fields<T>): P {
  return { ...page, rows: page.rows.map((r) => maskRecord(r, role, fields)) };
}

/** A household with its members, as registry.household answers it. */
export function maskHousehold<H extends object, M extends object>(
  role: Role | null | undefined,
  view: { household: H; members: M[] },
): { household: H; members: M[] } {
  return {
    ...view,
    household: maskRecord(view.household, role, HOUSEHOLD_PRIVATE as Fields<H>),
    members: view.members.map((m) => maskRecord(m, role, MEMBER_PRIVATE as Fields<M>)),
  };
}

/**
 * Audit rows: before/after JSON masked for `role` (auditors included). The stored rows are never
 * touched — the hash chain covers them. A masked row goes out WITHOUT its hash: the hash is of the
 * unmasked row and everything else in it is on screen, so hashing the 10,000 candidates behind
 * 138****5678 would give the number back. audit.verify checks the chain on the server instead.
 */
export function maskAuditPage<T extends { before: string | null; after: string | null; hash: string | null }>(role: Role | null | undefined, page: Page<T>): Page<T> {
  if (seesEverything(role)) return page;
  return { ...page, rows: page.rows.map((r) => ({ ...r, before: maskJsonText(r.before, role), after: maskJsonText(r.after, role), hash: null })) };
}
