import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Ledger } from '../ledger';
import type { Actor } from '../actor';
import { users } from '../schema';
import { appendAudit } from '../audit';
import { LedgerError, fail, invalid } from '../errors';
import { inTransaction, nowIso } from '../shared/tx';
import { zCode, id } from '../shared/zod';
import type { Role } from '../roles';
import { hashPassword, verifyPassword } from './passwords';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;

export const password = z.string().min(8, 'At least 8 characters').max(128);
export const newUserInput = z.object({
  username: z.string().trim().regex(/^[a-z0-9_.-]{3,32}$/i, '3–32 letters, digits, dot, dash or underscore'),
  displayName: z.string().trim().min(1).max(40),
  role: zCode('role'),
  password,
});

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  lockedUntil: string | null;
}

const view = (u: typeof users.$inferSelect): UserView => ({
  id: u.id, username: u.username, displayName: u.displayName, role: u.role as Role, active: u.active, lockedUntil: u.lockedUntil,
});

export function countUsers(ledger: Ledger): number {
  return ledger.sqlite.prepare('SELECT count(*) FROM users').pluck().get() as number;
}

export function listUsers(ledger: Ledger): UserView[] {
  return ledger.db.select().from(users).all().map(view);
}

export function getUser(ledger: Ledger, userId: number): UserView | null {
  const u = ledger.db.select().from(users).where(eq(users.id, userId)).get();
  return u ? view(u) : null;
}

export function createUser(ledger: Ledger, actor: Actor, raw: z.input<typeof newUserInput>): UserView {
  const input = newUserInput.parse(raw);
  return inTransaction(ledger, () => {
    if (ledger.db.select().from(users).where(eq(users.username, input.username)).get()) {
      invalid('username', `User name ${input.username} is taken`, `用户名 ${input.username} 已存在`);
    }
    const created = ledger.db
      .insert(users)
      .values({ username: input.username, displayName: input.displayName, role: input.role, passwordHash: hashPassword(input.password), createdAt: nowIso() })
      .returning()
      .get();
    appendAudit(ledger, actor, { entity: 'user', entityId: created.id, action: 'create', after: view(created) });
    return view(created);
  });
}

/** Creates the first administrator; refused once any user exists. */
export function createFirstAdmin(ledger: Ledger, raw: Omit<z.input<typeof newUserInput>, 'role'>): UserView {
  if (countUsers(ledger) > 0) fail('CONFLICT', 'The administrator already exists', '管理员已存在');
  return createUser(ledger, { userId: 0, userName: 'system', role: 'admin', method: 'setup.createAdmin' }, { ...raw, role: 'admin' });
}

/**
 * Checks a password. Five failures in a row lock the account for 15 minutes; every outcome is
 * audited so that an auditor can see attempted break-ins.
 */
export function signIn(ledger: Ledger, username: string, pw: string, method = 'auth.signIn'): UserView {
  const u = ledger.db.select().from(users).where(eq(users.username, username.trim())).get();
  const wrong = () => new LedgerError('UNAUTHENTICATED', { en: 'Wrong user name or password', zh: '用户名或密码错误' });
  if (!u || !u.active) {
    // Spend the same time as a real check so that user names cannot be probed by timing.
    verifyPassword(pw, 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
    throw wrong();
  }
  const actor: Actor = { userId: u.id, userName: u.username, role: u.role as Role, method };
  const now = new Date();
  if (u.lockedUntil && new Date(u.lockedUntil) > now) {
    throw new LedgerError('LOCKED', {
      en: `Too many failed sign-ins; the account is locked until ${u.lockedUntil}`,
      zh: `登录失败次数过多，账号已锁定至 ${u.lockedUntil}`,
    });
  }
  const ok = verifyPassword(pw, u.passwordHash);
  inTransaction(ledger, () => {
    if (ok) {
      ledger.db.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, u.id)).run();
      appendAudit(ledger, actor, { entity: 'user', entityId: u.id, action: 'sign_in' });
    } else {
      const failed = u.failedAttempts + 1;
      const lockedUntil = failed >= MAX_FAILED_ATTEMPTS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
      ledger.db.update(users).set({ failedAttempts: lockedUntil ? 0 : failed, lockedUntil }).where(eq(users.id, u.id)).run();
      appendAudit(ledger, actor, { entity: 'user', entityId: u.id, action: lockedUntil ? 'locked' : 'sign_in_failed', after: { failed } });
    }
  });
  if (!ok) throw wrong();
  return view(u);
}

export function changePassword(ledger: Ledger, actor: Actor, oldPassword: string, newPassword: string): void {
  const pw = password.parse(newPassword);
  const u = ledger.db.select().from(users).where(eq(users.id, actor.userId)).get();
  if (!u || !verifyPassword(oldPassword, u.passwordHash)) invalid('oldPassword', 'The current password is wrong', '当前密码不正确');
  inTransaction(ledger, () => {
    ledger.db.update(users).set({ passwordHash: hashPassword(pw) }).where(eq(users.id, u.id)).run();
    appendAudit(ledger, actor, { entity: 'user', entityId: u.id, action: 'change_password' });
  });
}

export const setUserInput = z.object({ userId: id, role: zCode('role').optional(), active: z.boolean().optional(), password: password.optional() });

export function updateUser(ledger: Ledger, actor: Actor, raw: z.input<typeof setUserInput>): UserView {
  const input = setUserInput.parse(raw);
  return inTransaction(ledger, () => {
    const before = ledger.db.select().from(users).where(eq(users.id, input.userId)).get();
    if (!before) invalid('userId', 'No such user', '用户不存在');
    if (before.id === actor.userId && (input.active === false || (input.role && input.role !== 'admin'))) {
      fail('RULE', 'You cannot demote or disable your own account', '不能降低或停用自己的账号', { field: 'role' });
    }
    const after = ledger.db
      .update(users)
      .set({
        ...(input.role ? { role: input.role } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        ...(input.password ? { passwordHash: hashPassword(input.password), failedAttempts: 0, lockedUntil: null } : {}),
      })
      .where(eq(users.id, input.userId))
      .returning()
      .get();
    appendAudit(ledger, actor, { entity: 'user', entityId: input.userId, action: 'update', before: view(before), after: view(after) });
    return view(after);
  });
}
