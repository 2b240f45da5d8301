import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { LedgerHost } from '../../electron/api/host';
import { SessionStore } from '../../electron/api/sessions';
import { openLedger, type Ledger } from '../../db/ledger';
import { readMigrations } from '../../db/migrate';
import { verifyAuditChain } from '../../db/audit';
import { createHousehold } from '../../db/registry/households';
import { createUser } from '../../db/system/users';
import { SYSTEM_ACTOR, type Actor } from '../../db/actor';
import { LedgerError } from '../../db/errors';
import {
  DAY_MS,
  autoBackup,
  backupsDir,
  checkBackupFile,
  createManualBackup,
  listBackups,
  pruneBackups,
  restoreBackup,
  type BackupInfo,
} from '../../db/system/backup';
import { actorFor, count, tempDir } from '../support/tmp';
import { household, seedVillage } from '../support/fixtures';

const hosts: LedgerHost[] = [];
afterEach(() => {
  while (hosts.length) hosts.pop()!.close();
});

interface Setup {
  host: LedgerHost;
  ledger: Ledger;
  admin: Actor;
  clerk: Actor;
  villageId: number;
}

function setup(options: { autoBackup?: boolean } = {}): Setup {
  const host = new LedgerHost({ dataDir: tempDir('cl-backup-'), autoBackup: options.autoBackup ?? false, log: () => {} });
  hosts.push(host);
  const ledger = host.createEmpty();
  const admin = actorFor(ledger, 'admin', 'admin', 'backup.create');
  const clerk = actorFor(ledger, 'registrar', 'clerk', 'registry.createHousehold');
  const { villageId } = seedVillage(ledger);
  for (let i = 0; i < 5; i++) createHousehold(ledger, clerk, household(villageId, `B-${i}`));
  return { host, ledger, admin, clerk, villageId };
}

const backupPath = (ledger: Ledger, b: BackupInfo) => path.join(backupsDir(ledger.path), b.name);

function readCount(file: string, table: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('manual backup', () => {
  it('writes a checked, self-contained copy into <dataDir>/backups with a timestamped name, and audits it', async () => {
    const { host, ledger, admin } = setup();
    const progress: number[] = [];
    const info = await createManualBackup(ledger, admin, { onProgress: (done, total) => progress.push(done / total) });
    expect(info.kind).toBe('manual');
    expect(info.name).toMatch(/^ledger\.manual\.\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.sqlite$/);
    const file = backupPath(ledger, info);
    expect(path.dirname(file)).toBe(path.join(host.dataDir, 'backups'));
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(progress.at(-1)).toBe(1);
    expect(readCount(file, 'households')).toBe(5);
    const copy = new Database(file, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    // Nothing half-written is left behind.
    expect(fs.readdirSync(backupsDir(ledger.path)).filter((n) => n.includes('partial'))).toEqual([]);
    const audit = ledger.sqlite.prepare(`SELECT user_name, action, entity_id FROM audit_log WHERE entity = 'backup'`).all();
    expect(audit).toEqual([{ user_name: 'admin', action: 'create', entity_id: info.name }]);
    expect(listBackups(ledger.path).map((b) => b.name)).toEqual([info.name]);
  });

  it('copies a consistent state while another connection keeps writing', async () => {
    const { ledger, clerk, villageId } = setup();
    const other = openLedger(ledger.path);
    let written = 0;
    const writer = setInterval(() => {
      createHousehold(other, clerk, household(villageId, `W-${written++}`));
    }, 1);
    const info = await createManualBackup(ledger, { ...clerk, role: 'admin' });
    clearInterval(writer);
    other.close();
    const check = checkBackupFile(backupPath(ledger, info));
    expect(check).toMatchObject({ ok: true, integrity: 'ok' });
    expect(check.audit).toMatchObject({ ok: true });
    const households = readCount(backupPath(ledger, info), 'households');
    expect(households).toBeGreaterThanOrEqual(5);
    expect(households).toBeLessThanOrEqual(5 + written);
  });

  it('runs one at a time', async () => {
    const { ledger, admin } = setup();
    const first = createManualBackup(ledger, admin);
    await expect(createManualBackup(ledger, admin)).rejects.toMatchObject({ code: 'CONFLICT' });
    await first;
  });
});

describe('automatic rotating backups', () => {
  it('takes a daily copy when the newest is 24 hours old, a weekly one every 7 days, and keeps 7 daily + 4 weekly', async () => {
    const { ledger, admin } = setup();
    const start = new Date('2025-03-01T08:00:00.000Z');
    const at = (hours: number) => new Date(start.getTime() + hours * 3_600_000);

    const first = await autoBackup(ledger, { now: start });
    expect(first.created.map((b) => b.kind).sort()).toEqual(['daily', 'weekly']);
    expect((await autoBackup(ledger, { now: at(23) })).created).toEqual([]);
    expect((await autoBackup(ledger, { now: at(24) })).created.map((b) => b.kind)).toEqual(['daily']);

    const manual = await createManualBackup(ledger, admin, { now: at(25) });
    for (let day = 2; day <= 60; day++) await autoBackup(ledger, { now: at(day * 24) });
    const all = listBackups(ledger.path);
    const daily = all.filter((b) => b.kind === 'daily');
    const weekly = all.filter((b) => b.kind === 'weekly');
    expect(daily).toHaveLength(7);
    expect(weekly).toHaveLength(4);
    expect(daily[0]!.at).toBe(at(60 * 24).toISOString());
    expect(Date.parse(daily[0]!.at) - Date.parse(daily[6]!.at)).toBe(6 * DAY_MS);
    for (let i = 1; i < weekly.length; i++) expect(Date.parse(weekly[i - 1]!.at) - Date.parse(weekly[i]!.at)).toBe(7 * DAY_MS);
    // Manual copies are never pruned.
    expect(all.some((b) => b.name === manual.name)).toBe(true);
    expect(pruneBackups(ledger.path)).toEqual([]);
    for (const b of [...daily, ...weekly]) expect(checkBackupFile(backupPath(ledger, b)).ok).toBe(true);
  });

  it('the host takes the daily backup when it opens a ledger whose newest backup is older than 24 hours', async () => {
    const dir = tempDir('cl-auto-');
    const seedHost = new LedgerHost({ dataDir: dir, autoBackup: false });
    actorFor(seedHost.createEmpty(), 'admin');
    seedHost.close();

    const host = new LedgerHost({ dataDir: dir, log: () => {} });
    hosts.push(host);
    host.openExisting();
    const ledgerPath = host.ledgerPath;
    for (let i = 0; i < 100 && !listBackups(ledgerPath).some((b) => b.kind === 'daily'); i++) await new Promise((r) => setTimeout(r, 20));
    expect(listBackups(ledgerPath).map((b) => b.kind).sort()).toEqual(['daily', 'weekly']);
  });
});

describe('restore', () => {
  it('puts the backup in place, backs up the current ledger first, signs everyone out and audits it', async () => {
    const { host, ledger, admin, clerk, villageId } = setup();
    const before = await createManualBackup(ledger, admin);
    createHousehold(ledger, clerk, household(villageId, 'AFTER-BACKUP'));
    expect(count(ledger, 'households')).toBe(6);
    const session = host.sessions.get(SessionStore.newId());
    session.userId = admin.userId;

    const result = await host.restore(before.name, admin);
    expect(result).toMatchObject({ restored: before.name, schemaVersion: readMigrations().length });
    const restored = host.ledger!;
    expect(restored).not.toBe(ledger);
    expect(count(restored, 'households')).toBe(5);
    expect(verifyAuditChain(restored).ok).toBe(true);
    expect(restored.sqlite.prepare(`SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1`).pluck().get()).toBe('restore');
    // Everyone was signed out.
    expect(host.sessions.has(session.id)).toBe(false);
    // The pre-restore copy holds the household added after the backup and the restore_started row.
    const pre = path.join(backupsDir(host.ledgerPath), result.preRestore);
    expect(result.preRestore).toMatch(/\.pre-restore\./);
    expect(readCount(pre, 'households')).toBe(6);
    const db = new Database(pre, { readonly: true });
    expect(db.prepare(`SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1`).pluck().get()).toBe('restore_started');
    db.close();
    // And it can be restored in turn: the restore can be undone.
    await host.restore(result.preRestore, admin);
    expect(count(host.ledger!, 'households')).toBe(6);
  });

  const refusals: [string, (file: string) => void, string, RegExp][] = [
    ['a damaged file', (file) => {
      const bytes = fs.readFileSync(file);
      bytes.fill(0x5a, 4096 + 100, 4096 * 3);
      fs.writeFileSync(file, bytes);
    }, 'CORRUPT', /damaged|cannot be read/],
    ['a file that is not SQLite', (file) => fs.writeFileSync(file, 'this is not a database '.repeat(400)), 'CORRUPT', /cannot be read/],
    ['a ledger from a newer version', (file) => {
      const db = new Database(file);
      db.pragma(`user_version = ${readMigrations().length + 1}`);
      db.close();
    }, 'NEWER_SCHEMA', /newer version/],
    ['a SQLite file that is not a ledger', (file) => {
      fs.rmSync(file);
      const db = new Database(file);
      db.exec('CREATE TABLE notes (x TEXT)');
      db.close();
    }, 'CORRUPT', /not a County Ledger/],
    ['a ledger whose audit trail was tampered with', (file) => {
      const db = new Database(file);
      db.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET user_name = 'nobody' WHERE seq = 2;`);
      db.close();
    }, 'CORRUPT', /audit trail is broken at row 2/],
  ];

  for (const [what, spoil, code, message] of refusals) {
    it(`refuses ${what} before touching anything`, async () => {
      const { host, ledger, admin } = setup();
      const good = await createManualBackup(ledger, admin);
      const bad = path.join(backupsDir(ledger.path), good.name.replace('.manual.', '.daily.'));
      fs.copyFileSync(backupPath(ledger, good), bad);
      spoil(bad);
      const auditBefore = count(ledger, 'audit_log');
      const filesBefore = fs.readdirSync(backupsDir(ledger.path)).sort();

      const error = await host.restore(path.basename(bad), admin).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(LedgerError);
      expect((error as LedgerError).code).toBe(code);
      expect((error as LedgerError).message).toMatch(message);
      expect((error as LedgerError).message).toMatch(/nothing was changed/);
      expect(host.ledger).toBe(ledger);
      expect(count(ledger, 'audit_log')).toBe(auditBefore);
      expect(count(ledger, 'households')).toBe(5);
      expect(fs.readdirSync(backupsDir(ledger.path)).sort()).toEqual(filesBefore);
      expect(fs.readdirSync(host.dataDir).filter((n) => n.includes('restoring'))).toEqual([]);
    });
  }

  it('refuses names that are not listed backups (no paths, no other files)', async () => {
    const { host, ledger, admin } = setup();
    await createManualBackup(ledger, admin);
    for (const name of ['../ledger.sqlite', 'ledger.sqlite', '/etc/passwd', 'backups/../../x.sqlite', 'nothing.sqlite']) {
      await expect(host.restore(name, admin)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(host.ledger).toBe(ledger);
  });

  it('restores an older backup (the copy openLedger took before a migration) and upgrades it again', async () => {
    const dir = tempDir('cl-old-');
    const file = path.join(dir, 'ledger.sqlite');
    const migrations = readMigrations();
    const onlyFirst = path.join(dir, 'm');
    fs.mkdirSync(path.join(onlyFirst, 'meta'), { recursive: true });
    const journal = JSON.parse(fs.readFileSync(path.resolve('db/migrations/meta/_journal.json'), 'utf8'));
    journal.entries = journal.entries.slice(0, 1);
    fs.writeFileSync(path.join(onlyFirst, 'meta/_journal.json'), JSON.stringify(journal));
    fs.copyFileSync(path.resolve(`db/migrations/${migrations[0]!.tag}.sql`), path.join(onlyFirst, `${migrations[0]!.tag}.sql`));
    const old = openLedger(file, { migrationsDir: onlyFirst });
    createUser(old, { ...SYSTEM_ACTOR, method: 'test' }, { username: 'admin', displayName: 'admin', role: 'admin', password: 'test-password' });
    old.close();

    const host = new LedgerHost({ dataDir: dir, autoBackup: false });
    hosts.push(host);
    const upgraded = host.openExisting()!;
    const preMigration = listBackups(file).find((b) => b.kind === 'pre-migration');
    expect(preMigration).toBeDefined();
    expect(checkBackupFile(path.join(backupsDir(file), preMigration!.name))).toMatchObject({ ok: true, schemaVersion: 1 });

    const admin: Actor = { userId: 1, userName: 'admin', role: 'admin', method: 'backup.restore' };
    const result = await host.restore(preMigration!.name, admin);
    expect(result.schemaVersion).toBe(migrations.length);
    expect(host.ledger).not.toBe(upgraded);
    expect(host.ledger!.sqlite.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(verifyAuditChain(host.ledger!).ok).toBe(true);
  });

  it('puts the previous ledger back when the restored file cannot be opened after the swap', async () => {
    const { host, ledger, admin, clerk, villageId } = setup();
    const before = await createManualBackup(ledger, admin);
    createHousehold(ledger, clerk, household(villageId, 'KEEP-ME'));
    let current: Ledger | null = ledger;
    let attempts = 0;
    const error = await restoreBackup(before.name, admin, {
      ledger,
      close: () => {
        current?.close();
        current = null;
      },
      reopen: () => {
        if (attempts++ === 0) throw new LedgerError('MIGRATION_FAILED', { en: 'simulated failure', zh: '模拟失败' });
        current = openLedger(ledger.path);
        return current;
      },
    }).then(() => null, (e: unknown) => e as LedgerError);
    expect(error?.message).toMatch(/simulated failure.*as it was before is back in place/);
    expect(current).not.toBeNull();
    expect(count(current!, 'households')).toBe(6);
    expect(current!.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    current!.close();
    void host;
  });
});

describe('backup API methods', () => {
  it('create, list, check and restore through dispatch as an administrator', async () => {
    const { host, admin } = setup();
    const sid = SessionStore.newId();
    host.sessions.get(sid).userId = admin.userId;
    const call = (method: string, input: unknown) => host.call(sid, method, input);

    const created = await call('backup.create', {});
    expect(created.ok).toBe(true);
    const name = (created as { value: BackupInfo }).value.name;
    const listed = await call('backup.list', {});
    expect(listed).toMatchObject({ ok: true, value: { backups: [{ name, kind: 'manual' }], running: null } });
    expect(await call('backup.check', { name })).toMatchObject({ ok: true, value: { ok: true, integrity: 'ok', households: 5 } });
    expect(await call('backup.check', { name: '../ledger.sqlite' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('backup.restore', { name })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'confirm' } });
    expect(await call('backup.status', {})).toEqual({ ok: true, value: null });
    expect(await call('backup.restore', { name, confirm: true })).toMatchObject({ ok: true, value: { restored: name } });
    // The restore signed everyone out.
    expect(await call('backup.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
