import { useSession } from '../../app/session';

/** What the signed-in user may do with funds; the ledger checks again on every call. */
export function useFundRoles() {
  const { user } = useSession();
  const is = (...roles: string[]) => user !== null && roles.includes(user.role);
  return {
    userId: user?.id,
    keep: is('admin', 'accountant'),
    prepare: is('admin', 'accountant'),
    review: is('admin', 'reviewer'),
    post: is('admin', 'accountant', 'reviewer'),
    reopen: is('admin'),
  };
}
