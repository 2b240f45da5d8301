import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../electron/api/table';
import type { MethodDef } from '../../electron/api/define';
import { dispatch } from '../../electron/api/dispatch';
import { LedgerHost } from '../../electron/api/host';
import { SessionStore } from '../../electron/api/sessions';
import { ROLES, type Role } from '../../db/roles';
import { createUser, updateUser } from '../../db/system/users';
import { SYSTEM_ACTOR } from '../../db/actor';
import { seedVillage } from '../support/fixtures';
import { tempDir } from '../support/tmp';

/**
 * The role matrix: for every method in the API table and every role, a signed-in caller is refused
 * with FORBIDDEN exactly when the role is not in the method's access list — and the refusal comes
 * before the input is even looked at. Any other outcome (INVALID_INPUT, NOT_FOUND, success …) counts
 * as "allowed".
 */

const methods = Object.entries(api as unknown as Record<string, MethodDef>);
let host: LedgerHost;
const userIds = new Map<Role, number>();
let disabledId = 0;

beforeAll(() => {
  host = new LedgerHost({ dataDir: tempDir('cl-roles-'), autoBackup: false, log: () => {} });
  const ledger = host.createEmpty();
  seedVillage(ledger);
  for (const role of ROLES) {
    const u = createUser(ledger, { ...SYSTEM_ACTOR, method: 'test' }, { username: `u_${role}`, displayName: role, role, password: 'test-password' });
    userIds.set(role, u.id);
  }
  disabledId = createUser(ledger, { ...SYSTEM_ACTOR, method: 'test' }, { username: 'gone', displayName: 'gone', role: 'admin', password: 'test-password' }).id;
  updateUser(ledger, { ...SYSTEM_ACTOR, userId: userIds.get('admin')!, method: 'test' }, { userId: disabledId, active: false });
});

afterAll(() => host.close());

/** A fresh session per call, so a method that signs out cannot spoil the next one. */
function callAs(userId: number | null, method: string, input: unknown) {
  const session = host.sessions.get(SessionStore.newId());
  session.userId = userId;
  return dispatch(host, session, method, input);
}

const allowed = (def: MethodDef, role: Role) => def.access === 'public' || def.access.includes(role);

describe('role matrix: every method × every role', () => {
  it('covers a real table', () => {
    expect(methods.length).toBeGreaterThan(10);
    for (const [name, def] of methods) {
      expect(def.access === 'public' || (Array.isArray(def.access) && def.access.length > 0), `${name} has no access list`).toBe(true);
      if (def.access !== 'public') for (const role of def.access) expect(ROLES, `${name} names an unknown role`).toContain(role);
    }
  });

  // Invalid inputs first (nothing may run): FORBIDDEN must come before validation. Then `{}`,
  // which some methods accept, to be sure the check does not depend on the input.
  for (const [label, input] of [['invalid input (42)', 42], ['an empty object', {}]] as const) {
    for (const role of ROLES) {
      it(`${role}, with ${label}: FORBIDDEN exactly where the role is not allowed`, async () => {
        const mismatches: string[] = [];
        for (const [name, def] of methods) {
          const result = await callAs(userIds.get(role)!, name, input);
          const forbidden = !result.ok && result.error.code === 'FORBIDDEN';
          if (forbidden === allowed(def, role)) {
            mismatches.push(`${name}: expected ${allowed(def, role) ? 'allowed' : 'FORBIDDEN'}, got ${result.ok ? 'ok' : result.error.code}`);
          }
        }
        expect(mismatches).toEqual([]);
      });
    }
  }

  it('anonymous callers get UNAUTHENTICATED for every non-public method, before validation', async () => {
    const wrong: string[] = [];
    for (const [name, def] of methods) {
      if (def.access === 'public') continue;
      const result = await callAs(null, name, 42);
      if (result.ok || result.error.code !== 'UNAUTHENTICATED') wrong.push(`${name}: ${result.ok ? 'ok' : result.error.code}`);
    }
    expect(wrong).toEqual([]);
  });

  it('a disabled account counts as signed out', async () => {
    const result = await callAs(disabledId, 'users.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('unknown methods are NOT_FOUND, including names inherited from Object.prototype', async () => {
    for (const name of ['nope', 'registry', 'registry.', 'users.delete', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '', ' auth.me', 'AUTH.ME']) {
      for (const userId of [userIds.get('admin')!, null]) {
        const result = await callAs(userId, name, {});
        expect(result, `${JSON.stringify(name)}`).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      }
    }
  });
});
