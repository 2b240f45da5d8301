import { useSession } from '../../app/session';

/** What the signed-in user may do in the registry; the ledger checks again on every call. */
export function useRegistryRoles() {
  const { user } = useSession();
  const is = (...roles: string[]) => user !== null && roles.includes(user.role);
  return {
    userId: user?.id,
    write: is('admin', 'registrar'),
    decide: is('admin', 'reviewer'),
    admin: is('admin'),
  };
}
