import { useRoleCheck } from '../../components/useRoleCheck';

/** What the signed-in user may do with funds; the ledger checks again on every call. */
export function useFundRoles() {
  const { userId, is } = useRoleCheck();
  return {
    userId,
    keep: is('admin', 'accountant'),
    prepare: is('admin', 'accountant'),
    review: is('admin', 'reviewer'),
    post: is('admin', 'accountant', 'reviewer'),
    reopen: is('admin'),
  };
}
