/** Who may do what with assets and distributions; the API table and the operations both use it. */
import type { Actor } from '../actor';
import type { Role } from '../roles';
import { fail } from '../errors';
import { VOUCHER_ROLES } from '../funds/vouchers';

export const ASSET_ROLES = {
  /** Keep the register, shares and income: the office's accountants. */
  keep: ['accountant', 'admin'],
  /** A plan ends in vouchers, so it follows the voucher roles: accountants prepare … */
  prepare: VOUCHER_ROLES.prepare,
  /** … reviewers approve (never the preparer) … */
  approve: VOUCHER_ROLES.review,
  /** … and whoever may post vouchers pays. */
  pay: VOUCHER_ROLES.post,
  /** Cancel a plan or withdraw a reversal request: either side. */
  withdraw: [...new Set([...VOUCHER_ROLES.prepare, ...VOUCHER_ROLES.review])],
} as const satisfies Record<string, readonly Role[]>;

export function requireRole(actor: Actor, roles: readonly Role[], what: { en: string; zh: string }): void {
  if (!roles.includes(actor.role)) fail('FORBIDDEN', `Your role may not ${what.en}`, `您的角色无权${what.zh}`);
}
