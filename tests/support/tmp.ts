import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLedger, type Ledger } from '../../db/ledger';
import { createUser } from '../../db/system/users';
import { SYSTEM_ACTOR, type Actor } from '../../db/actor';
import type { Role } from '../../db/roles';

export function tempDir(prefix = 'cl-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A fresh ledger file in its own temp folder. */
export function tempLedger(): Ledger {
  return openLedger(path.join(tempDir(), 'ledger.sqlite'));
}

/** A real user of the given role, returned as the actor their API calls would carry. */
export function actorFor(ledger: Ledger, role: Role, username: string = role, method = 'test'): Actor {
  const u = createUser(ledger, { ...SYSTEM_ACTOR, method: 'test.setup' }, { username, displayName: username, role, password: 'test-password' });
  return { userId: u.id, userName: u.username, role, method };
}

export function count(ledger: Ledger, table: string): number {
  return ledger.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}
