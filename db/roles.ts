import { codesOf, type Role } from './codes';

export type { Role };
export const ROLES = codesOf('role') as readonly Role[];

/** Every signed-in role may read; auditors may only read. */
export const ANY_ROLE: readonly Role[] = ROLES;
