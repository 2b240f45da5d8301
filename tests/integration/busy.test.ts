/**
 * While long work in a worker (an import, a payment) holds the ledger's write lock, a write from
 * the window waits busy_timeout and is then refused with a clear, bilingual CONFLICT — not an
 * INTERNAL error — and writes nothing; once the lock is gone the same call succeeds.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import { LedgerHost } from '../../electron/api/host';
import { SessionStore } from '../../electron/api/sessions';
import { createUser } from '../../db/system/users';
import { SYSTEM_ACTOR } from '../../db/actor';
import { seedVillage } from '../support/fixtures';
import { tempDir } from '../support/tmp';

let host: LedgerHost;
let adminId = 0;
let townshipId = 0;

beforeAll(() => {
  host = new LedgerHost({ dataDir: tempDir('cl-busy-'), autoBackup: false, log: () => {} });
  const ledger = host.createEmpty();
  townshipId = seedVillage(ledger).townshipId;
  adminId = createUser(ledger, { ...SYSTEM_ACTOR, method: 'test' }, { username: 'admin1', displayName: 'admin', role: 'admin', password: 'test-password' }).id;
});
afterAll(() => host.close());

describe('a write while a background job holds the write lock', () => {
  it('is refused as CONFLICT in both languages, writes nothing, and succeeds once the lock is gone', async () => {
    const session = host.sessions.get(SessionStore.newId());
    session.userId = adminId;
    const input = { code: '532999101202', townshipId, name: '新村' };
    const villages = () => host.ledger!.sqlite.prepare('SELECT count(*) FROM villages').pluck().get() as number;
    const before = villages();

    const job = new Database(host.ledgerPath);
    job.exec('BEGIN IMMEDIATE');
    const refused = await dispatch(host, session, 'registry.createVillage', input);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!refused.ok) {
      expect(refused.error.message).toMatch(/busy/);
      expect(refused.error.zh).toMatch(/耗时操作/);
    }
    job.exec('ROLLBACK');
    job.close();
    expect(villages()).toBe(before);

    expect(await dispatch(host, session, 'registry.createVillage', input)).toMatchObject({ ok: true });
    expect(villages()).toBe(before + 1);
  }, 30_000);
});
