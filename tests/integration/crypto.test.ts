import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../../db/schema';
import { openLedger, type Ledger } from '../../db/ledger';
import { readMigrations } from '../../db/migrate';
import { sealPlainBackups } from '../../db/sealBackups';
import { verifyAuditChain } from '../../db/audit';
import { createHousehold } from '../../db/registry/households';
import { applyKey, cipherSupported, encryptLedgerFile, isEncryptedFile, keyFromEnv, keyedOpener, parseKey, rekeyLedger, type LedgerKey } from '../../db/crypto';
import { checkBackupFile, createManualBackup, backupsDir } from '../../db/system/backup';
import { LedgerError } from '../../db/errors';
import { actorFor, tempDir, tempLedger } from '../support/tmp';
import { household, seedVillage } from '../support/fixtures';

/**
 * db/crypto.ts and the way openLedger uses it. better-sqlite3 is the SQLite3 Multiple Ciphers build
 * (package.json alias), so the whole path runs; the guard for a plain build stays tested in case
 * the alias is ever lost. The host, the web host and the jobs: encryption.host.test.ts.
 */
const probe = new Database(':memory:');
const supported = cipherSupported(probe);
probe.close();

const PASSPHRASE: LedgerKey = { kind: 'passphrase', passphrase: 'correct horse battery staple' };
const RAW: LedgerKey = parseKey('7d3c'.repeat(16));

function plainLedgerWithData(): { file: string; households: number } {
  const ledger = tempLedger();
  const { villageId } = seedVillage(ledger);
  const clerk = actorFor(ledger, 'registrar');
  for (let i = 0; i < 6; i++) createHousehold(ledger, clerk, household(villageId, `C-${i}`, { phone: '13812345678', bankAccount: '6222021234567891234' }));
  const file = ledger.path;
  ledger.close();
  return { file, households: 6 };
}

/** A Ledger over a keyed connection (what openLedger will return once it takes a key). */
function openKeyed(file: string, key: LedgerKey): Ledger {
  const sqlite = keyedOpener(key)(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  return { path: file, sqlite, db: drizzle(sqlite, { schema }), schemaVersion: sqlite.pragma('user_version', { simple: true }) as number, preMigrationBackup: null, close: () => sqlite.close() };
}

describe('key material', () => {
  it('takes 64 hex digits as a raw key and anything else of 16+ characters as a passphrase', () => {
    expect(parseKey('AB'.repeat(32))).toEqual({ kind: 'raw', hex: 'ab'.repeat(32) });
    expect(parseKey('  a long enough passphrase  ')).toEqual({ kind: 'passphrase', passphrase: 'a long enough passphrase' });
    expect(() => parseKey('short')).toThrow(/at least 16 characters/);
    expect(keyFromEnv({})).toBeNull();
    expect(keyFromEnv({ COUNTY_LEDGER_KEY: '' })).toBeNull();
    expect(keyFromEnv({ COUNTY_LEDGER_KEY: 'a long enough passphrase' })).toMatchObject({ kind: 'passphrase' });
    // The recovery sheet's grouped form is the same raw key.
    expect(parseKey(`${'7D3C-'.repeat(15)}7D3C`)).toEqual(RAW);
  });

  it('tells a plain SQLite file from an encrypted or empty one by its header', () => {
    const { file } = plainLedgerWithData();
    expect(isEncryptedFile(file)).toBe(false);
    expect(isEncryptedFile(`${file}.missing`)).toBe(false);
  });
});

describe.skipIf(supported)('with a plain better-sqlite3 build (not the one the project installs)', () => {
  it('refuses to key a connection instead of silently leaving the file plain', () => {
    const db = new Database(':memory:');
    expect(() => applyKey(db, PASSPHRASE)).toThrow(/no encryption support/);
    db.close();
    const { file } = plainLedgerWithData();
    expect(() => encryptLedgerFile(file, PASSPHRASE)).toThrow(/no encryption support/);
    expect(isEncryptedFile(file)).toBe(false);
    expect(fs.existsSync(`${file}.encrypting`)).toBe(false);
  });
});

describe.skipIf(!supported)('with SQLite3 Multiple Ciphers', () => {
  for (const key of [PASSPHRASE, RAW]) {
    it(`encrypts a plain ledger in place (${key.kind} key): same rows, unreadable without the key`, () => {
      const { file, households } = plainLedgerWithData();
      const result = encryptLedgerFile(file, key);
      expect(result.rows.households).toBe(households);
      expect(isEncryptedFile(file)).toBe(true);
      const bytes = fs.readFileSync(file);
      for (const secret of ['13812345678', '6222021234567891234', 'SQLite format 3', 'CREATE TABLE']) expect(bytes.includes(Buffer.from(secret))).toBe(false);

      const ledger = openKeyed(file, key);
      expect(ledger.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(ledger.sqlite.prepare('SELECT count(*) FROM households').pluck().get()).toBe(households);
      expect(verifyAuditChain(ledger).ok).toBe(true);
      // The WAL is encrypted too.
      ledger.sqlite.pragma('wal_autocheckpoint = 0');
      ledger.sqlite.prepare(`UPDATE households SET phone = '13999990000' WHERE id = 1`).run();
      expect(fs.readFileSync(`${file}-wal`).includes(Buffer.from('13999990000'))).toBe(false);
      ledger.close();
    });
  }

  it('refuses a wrong key, and no key, as LOCKED', () => {
    const { file } = plainLedgerWithData();
    encryptLedgerFile(file, PASSPHRASE);
    let error: unknown;
    try {
      keyedOpener({ kind: 'passphrase', passphrase: 'not the right passphrase' })(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(LedgerError);
    expect((error as LedgerError).code).toBe('LOCKED');
    const bare = new Database(file);
    expect(() => bare.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    bare.close();
  });

  it('is unreadable for the plain sqlite3 command line tool', () => {
    const { file } = plainLedgerWithData();
    encryptLedgerFile(file, PASSPHRASE);
    const r = spawnSync('sqlite3', [file, 'SELECT count(*) FROM households;'], { encoding: 'utf8' });
    if (r.error) return; // no sqlite3 CLI on this machine
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/file is not a database/);
  });

  it('backs up an encrypted ledger into an encrypted copy (VACUUM INTO) that checks out with the key', async () => {
    const { file, households } = plainLedgerWithData();
    encryptLedgerFile(file, RAW);
    const ledger = openKeyed(file, RAW);
    const admin = { userId: 1, userName: 'admin', role: 'admin' as const, method: 'backup.create' };
    const info = await createManualBackup(ledger, admin, { open: keyedOpener(RAW) });
    const copy = path.join(backupsDir(file), info.name);
    expect(isEncryptedFile(copy)).toBe(true);
    expect(checkBackupFile(copy, { open: keyedOpener(RAW) })).toMatchObject({ ok: true, households });
    expect(checkBackupFile(copy)).toMatchObject({ ok: false });
    ledger.close();
  });

  it('changes the key (rotation)', () => {
    const { file } = plainLedgerWithData();
    encryptLedgerFile(file, PASSPHRASE);
    const ledger = openKeyed(file, PASSPHRASE);
    rekeyLedger(ledger.sqlite, RAW);
    expect(ledger.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    ledger.close();
    expect(() => keyedOpener(PASSPHRASE)(file)).toThrow(/does not open it/);
    const again = keyedOpener(RAW)(file);
    expect(again.pragma('integrity_check', { simple: true })).toBe('ok');
    again.close();
  });

  it('refuses to encrypt twice and leaves nothing behind', () => {
    const { file } = plainLedgerWithData();
    encryptLedgerFile(file, PASSPHRASE);
    expect(() => encryptLedgerFile(file, PASSPHRASE)).toThrow(/already encrypted/);
    expect(fs.existsSync(`${file}.encrypting`)).toBe(false);
  });
});

/** A ledger folder with a ledger at schema version 1 (only the first migration applied). */
function ledgerAtVersion1(key?: LedgerKey): string {
  const dir = tempDir();
  const onlyFirst = path.join(dir, 'm');
  fs.mkdirSync(path.join(onlyFirst, 'meta'), { recursive: true });
  const source = path.resolve('db/migrations');
  const journal = JSON.parse(fs.readFileSync(path.join(source, 'meta/_journal.json'), 'utf8'));
  journal.entries = journal.entries.slice(0, 1);
  fs.writeFileSync(path.join(onlyFirst, 'meta/_journal.json'), JSON.stringify(journal));
  const first = readMigrations()[0]!;
  fs.copyFileSync(path.join(source, `${first.tag}.sql`), path.join(onlyFirst, `${first.tag}.sql`));
  const file = path.join(dir, 'data', 'ledger.sqlite');
  openLedger(file, { migrationsDir: onlyFirst, key }).close();
  return file;
}

describe.skipIf(!supported)('openLedger with a key', () => {
  it('writes the copy it takes before a migration encrypted', () => {
    const file = ledgerAtVersion1(RAW);
    const upgraded = openLedger(file, { key: RAW });
    expect(upgraded.schemaVersion).toBe(readMigrations().length);
    upgraded.close();
    expect(isEncryptedFile(upgraded.preMigrationBackup!)).toBe(true);
    const copy = keyedOpener(RAW)(upgraded.preMigrationBackup!, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    copy.close();
  });

  it('encrypts an old plain ledger first, then upgrades it: the pre-migration copy is encrypted too', () => {
    const file = ledgerAtVersion1();
    expect(isEncryptedFile(file)).toBe(false);
    const upgraded = openLedger(file, { key: PASSPHRASE });
    expect(upgraded.encryptedOnOpen).toMatchObject({ ledger: true });
    upgraded.close();
    expect(isEncryptedFile(file)).toBe(true);
    expect(isEncryptedFile(upgraded.preMigrationBackup!)).toBe(true);
  });

  it('refuses a plain ledger from a newer version before encrypting anything', () => {
    const { file } = plainLedgerWithData();
    const db = new Database(file);
    db.pragma(`user_version = ${readMigrations().length + 1}`);
    db.close();
    expect(() => openLedger(file, { key: RAW })).toThrow(/newer version/);
    expect(isEncryptedFile(file)).toBe(false);
  });

  it('encrypts plain backups and deletes a damaged plain one it cannot encrypt (it would still leak)', () => {
    const { file } = plainLedgerWithData();
    const dir = path.join(path.dirname(file), 'backups');
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(file, path.join(dir, 'ledger.manual.2025-01-01T00-00-00-000Z.sqlite'));
    const damaged = fs.readFileSync(file);
    damaged.fill(0x5a, 4096 + 100, 4096 * 3);
    fs.writeFileSync(path.join(dir, 'ledger.daily.2025-01-02T00-00-00-000Z.sqlite'), damaged);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a database');
    const report = sealPlainBackups(file, RAW);
    expect(report.encrypted).toEqual(['ledger.manual.2025-01-01T00-00-00-000Z.sqlite']);
    expect(report.removed.map((r) => r.name)).toEqual(['ledger.daily.2025-01-02T00-00-00-000Z.sqlite']);
    expect(fs.readdirSync(dir).sort()).toEqual(['ledger.manual.2025-01-01T00-00-00-000Z.sqlite', 'notes.txt']);
    expect(isEncryptedFile(path.join(dir, 'ledger.manual.2025-01-01T00-00-00-000Z.sqlite'))).toBe(true);
    // Nothing left to do the next time.
    expect(sealPlainBackups(file, RAW)).toEqual({ encrypted: [], removed: [], kept: [] });
  });

  it('keeps a plain backup it cannot encrypt for a passing reason, and encrypts it next time', () => {
    const { file } = plainLedgerWithData();
    const dir = path.join(path.dirname(file), 'backups');
    fs.mkdirSync(dir, { recursive: true });
    const backup = path.join(dir, 'ledger.manual.2025-01-01T00-00-00-000Z.sqlite');
    fs.copyFileSync(file, backup);
    // Something in the way of the encrypted copy that cannot be removed (as a file another program
    // holds open on Windows would be): the encryption fails, but the backup is not damaged.
    const inTheWay = `${backup}.encrypting`;
    fs.mkdirSync(path.join(inTheWay, 'held'), { recursive: true });
    const report = sealPlainBackups(file, RAW);
    expect(report.encrypted).toEqual([]);
    expect(report.removed).toEqual([]);
    expect(report.kept.map((r) => r.name)).toEqual([path.basename(backup)]);
    expect(fs.readFileSync(backup).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    fs.rmSync(inTheWay, { recursive: true });
    expect(sealPlainBackups(file, RAW)).toMatchObject({ encrypted: [path.basename(backup)], kept: [] });
    expect(isEncryptedFile(backup)).toBe(true);
  });
});
