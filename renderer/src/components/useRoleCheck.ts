import { useSession } from '../app/session';

/**
 * The signed-in user's id and `is(...roles)`: whether their role is one of those. For showing
 * only what the user may do; the ledger checks again on every call.
 */
export function useRoleCheck() {
  const { user } = useSession();
  const is = (...roles: string[]) => user !== null && roles.includes(user.role);
  return { userId: user?.id, is };
}
