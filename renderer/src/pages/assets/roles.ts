import { useRoleCheck } from '../../components/useRoleCheck';

/** What the signed-in user may do with assets and distributions; the ledger checks again on every call. */
export function useAssetRoles() {
  const { userId, is } = useRoleCheck();
  return {
    userId,
    keep: is('admin', 'accountant'),
    prepare: is('admin', 'accountant'),
    approve: is('admin', 'reviewer'),
    pay: is('admin', 'accountant', 'reviewer'),
    /** Bank accounts in full (db/rules/mask.ts): accountants and administrators. */
    fullAccounts: is('admin', 'accountant'),
  };
}
