/**
 * The five demo users (ids 1–5), all with the password {@link DEMO_PASSWORD}.
 * FOR DEMO LEDGERS ONLY — never ship them in a real one.
 */
import type { Ledger } from '../ledger';
import type { Role } from '../codes';
import { hashPassword } from '../system/passwords';

/** Password of every demo user. Demo ledgers only. */
export const DEMO_PASSWORD = 'demo-password';
export const DEMO_USERS: readonly { id: number; username: string; displayName: string; role: Role }[] = [
  { id: 1, username: 'admin', displayName: '管理员', role: 'admin' },
  { id: 2, username: 'registrar', displayName: '登记员', role: 'registrar' },
  { id: 3, username: 'accountant', displayName: '会计', role: 'accountant' },
  { id: 4, username: 'reviewer', displayName: '审核员', role: 'reviewer' },
  { id: 5, username: 'auditor', displayName: '审计员', role: 'auditor' },
];
/** Status events are proposed by the demo registrar (id 2) and decided by the demo reviewer (id 4). */
export const DEMO_PROPOSER_ID = DEMO_USERS.find((u) => u.role === 'registrar')!.id;
export const DEMO_DECIDER_ID = DEMO_USERS.find((u) => u.role === 'reviewer')!.id;

/**
 * The stored hash of {@link DEMO_PASSWORD}. scrypt is deliberately slow, so it is computed once
 * per generation (outside the write transaction) and shared by all demo users: they share the
 * password anyway, and logging in only needs the hash to verify.
 */
export function hashDemoPassword(): string {
  return hashPassword(DEMO_PASSWORD);
}

/** Inserts the demo users, created at midnight of `todayIso`. */
export function writeDemoUsers(sqlite: Ledger['sqlite'], passwordHash: string, todayIso: string): void {
  const insert = sqlite.prepare(
    `INSERT INTO users (id, username, display_name, role, password_hash, failed_attempts, locked_until, active, created_at)
     VALUES (?, ?, ?, ?, ?, 0, NULL, 1, ?)`,
  );
  for (const u of DEMO_USERS) insert.run(u.id, u.username, u.displayName, u.role, passwordHash, `${todayIso}T00:00:00.000Z`);
}
