import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openLedger } from '../../db/ledger';
import { LedgerHost } from '../../electron/api/host';
import { readMigrations } from '../../db/migrate';
import { LedgerError } from '../../db/errors';
import { createHousehold } from '../../db/registry/households';
import { verifyAuditChain } from '../../db/audit';
import { actorFor, count, tempDir, tempLedger } from '../support/tmp';
import { household, seedVillage } from '../support/fixtures';

describe('opening the ledger file', () => {
  it('creates every table from an empty file, with WAL and foreign keys on', () => {
    const ledger = tempLedger();
    const tables = ledger.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['county', 'townships', 'villages', 'households', 'members', 'audit_log', 'users']));
    expect(ledger.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ledger.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(ledger.sqlite.pragma('user_version', { simple: true })).toBe(readMigrations().length);
    ledger.close();
  });

  it('refuses a ledger written by a newer version and leaves the file byte-for-byte untouched', () => {
    const file = path.join(tempDir(), 'future.sqlite');
    const future = new Database(file);
    future.exec('CREATE TABLE t (x INTEGER)');
    future.pragma(`user_version = ${readMigrations().length + 5}`);
    future.close();
    const before = fs.readFileSync(file);
    let error: unknown;
    try {
      openLedger(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(LedgerError);
    expect((error as LedgerError).code).toBe('NEWER_SCHEMA');
    expect((error as LedgerError).message).toMatch(/newer version/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('copies an older ledger aside before upgrading it, and the copy still opens at its old version', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.sqlite');
    const migrations = readMigrations();
    // Build a ledger at the first schema version by applying only the first migration.
    const onlyFirst = path.join(dir, 'm');
    fs.mkdirSync(path.join(onlyFirst, 'meta'), { recursive: true });
    const source = path.resolve('db/migrations');
    const journal = JSON.parse(fs.readFileSync(path.join(source, 'meta/_journal.json'), 'utf8'));
    journal.entries = journal.entries.slice(0, 1);
    fs.writeFileSync(path.join(onlyFirst, 'meta/_journal.json'), JSON.stringify(journal));
    fs.copyFileSync(path.join(source, `${migrations[0]!.tag}.sql`), path.join(onlyFirst, `${migrations[0]!.tag}.sql`));
    openLedger(file, { migrationsDir: onlyFirst }).close();

    const upgraded = openLedger(file);
    expect(upgraded.schemaVersion).toBe(migrations.length);
    expect(upgraded.preMigrationBackup).not.toBeNull();
    upgraded.close();
    const copy = new Database(upgraded.preMigrationBackup!, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    copy.close();
  });

  it('rolls a failing migration back completely', () => {
    const dir = tempDir();
    const migrationsDir = path.join(dir, 'm');
    fs.cpSync(path.resolve('db/migrations'), migrationsDir, { recursive: true });
    const journalPath = path.join(migrationsDir, 'meta/_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8'));
    journal.entries.push({ idx: journal.entries.length, version: '6', when: 0, tag: '9999_broken', breakpoints: true });
    fs.writeFileSync(journalPath, JSON.stringify(journal));
    fs.writeFileSync(path.join(migrationsDir, '9999_broken.sql'), 'CREATE TABLE half_done (x INTEGER);\n--> statement-breakpoint\nTHIS IS NOT SQL;');
    const file = path.join(dir, 'l.sqlite');
    expect(() => openLedger(file, { migrationsDir })).toThrow(/rolled back/);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(0);
    expect(raw.prepare(`SELECT count(*) FROM sqlite_master WHERE name IN ('half_done', 'households')`).pluck().get()).toBe(0);
    raw.close();
  });

  it('rejects a value of the wrong type even through raw SQL', () => {
    const ledger = tempLedger();
    const { villageId } = seedVillage(ledger);
    expect(() => ledger.sqlite.prepare(`UPDATE villages SET rural_population = 'many' WHERE id = ?`).run(villageId)).toThrow(/CHECK constraint/);
    expect(() => ledger.sqlite.prepare(`INSERT INTO poverty_lines (year, per_capita_fen) VALUES (2020, 4000.5)`).run()).toThrow(/CHECK constraint/);
    ledger.close();
  });
});

/** A closed ledger with some rows whose pages 2–3 are overwritten: the header still reads fine. */
function damagedLedger(): string {
  const ledger = tempLedger();
  const { villageId } = seedVillage(ledger);
  const clerk = actorFor(ledger, 'registrar');
  for (let i = 0; i < 5; i++) createHousehold(ledger, clerk, household(villageId, `D-${i}`));
  const file = ledger.path;
  ledger.close();
  const bytes = fs.readFileSync(file);
  bytes.fill(0x5a, 4096 + 100, 4096 * 3);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('the integrity check on open', () => {
  it('refuses a damaged file as CORRUPT', () => {
    const file = damagedLedger();
    let error: unknown;
    try {
      openLedger(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(LedgerError);
    expect((error as LedgerError).code).toBe('CORRUPT');
    expect((error as LedgerError).zh).toMatch(/完整性检查未通过/);
  });

  it("with check: 'defer' skips it only after a clean shutdown", () => {
    const ledger = tempLedger();
    const file = ledger.path;
    expect(ledger.integrity).toBe('checked');
    ledger.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const clean = openLedger(file, { check: 'defer' });
    expect(clean.integrity).toBe('deferred');
    // A second connection while the first has written sees a non-empty WAL: as after a crash, it checks now.
    actorFor(clean, 'admin');
    const busy = openLedger(file, { check: 'defer' });
    expect(busy.integrity).toBe('checked');
    busy.close();
    clean.close();
    // The default still checks every time.
    const always = openLedger(file);
    expect(always.integrity).toBe('checked');
    always.close();
  });

  it("with check: 'defer' a damaged file left behind by a crash (WAL present) is refused at once", () => {
    const file = damagedLedger();
    // What a crash leaves: a non-empty WAL file (here one SQLite will find invalid and ignore).
    fs.writeFileSync(`${file}-wal`, Buffer.alloc(32, 1));
    expect(() => openLedger(file, { check: 'defer' })).toThrow(/integrity check/);
  });

  it("the host with check: 'defer' answers first, checks in the background, and takes a damaged ledger out of service", async () => {
    const file = damagedLedger();
    const host = new LedgerHost({ dataDir: path.dirname(file), autoBackup: false, check: 'defer', log: () => {} });
    try {
      expect(host.openExisting()?.integrity).toBe('deferred');
      const failure = await host.integrityCheck;
      expect(failure?.code).toBe('CORRUPT');
      expect(host.ledger).toBeNull();
      const answer = await host.call('anyone', 'setup.status', {});
      expect(answer).toMatchObject({ ok: false, error: { code: 'CORRUPT' } });
      expect(() => host.openExisting()).toThrow(/integrity check/);
    } finally {
      host.close();
    }
  });

  it("the host with check: 'defer' keeps a sound ledger open once the background check passes", async () => {
    const ledger = tempLedger();
    actorFor(ledger, 'admin');
    const dataDir = path.dirname(ledger.path);
    ledger.close();
    const host = new LedgerHost({ dataDir, autoBackup: false, check: 'defer', log: () => {} });
    try {
      host.openExisting();
      expect(await host.integrityCheck).toBeNull();
      expect(host.ledger).not.toBeNull();
    } finally {
      host.close();
    }
  });
});

describe('mutations', () => {
  it('write an audit row naming the user, method, record, before and after', () => {
    const ledger = tempLedger();
    const { villageId } = seedVillage(ledger);
    const clerk = actorFor(ledger, 'registrar', 'clerk1', 'registry.createHousehold');
    const { id } = createHousehold(ledger, clerk, household(villageId, 'H-0001'));
    const row = ledger.sqlite.prepare(`SELECT * FROM audit_log WHERE entity = 'household' AND entity_id = ?`).get(String(id)) as Record<string, string>;
    expect(row.user_name).toBe('clerk1');
    expect(row.method).toBe('registry.createHousehold');
    expect(row.action).toBe('create');
    expect(JSON.parse(row.after!).archiveNo).toBe('H-0001');
    expect(verifyAuditChain(ledger).ok).toBe(true);
    ledger.close();
  });

  it('refuse invalid input naming the field, and write nothing', () => {
    const ledger = tempLedger();
    const { villageId } = seedVillage(ledger);
    const clerk = actorFor(ledger, 'registrar');
    const auditBefore = count(ledger, 'audit_log');
    const bad = household(villageId, 'H-0002');
    bad.members[1] = { ...bad.members[1]!, idNumber: `${bad.members[1]!.idNumber.slice(0, 17)}${bad.members[1]!.idNumber.endsWith('0') ? '1' : '0'}` };
    let error: unknown;
    try {
      createHousehold(ledger, clerk, bad);
    } catch (err) {
      error = err;
    }
    expect(JSON.stringify((error as { issues?: unknown }).issues ?? (error as LedgerError).detail)).toContain('idNumber');
    expect(count(ledger, 'households')).toBe(0);
    expect(count(ledger, 'members')).toBe(0);
    expect(count(ledger, 'audit_log')).toBe(auditBefore);
    ledger.close();
  });

  it('refuse an ID number already active in another household and say where it is', () => {
    const ledger = tempLedger();
    const { villageId } = seedVillage(ledger);
    const clerk = actorFor(ledger, 'registrar');
    const first = household(villageId, 'H-0003');
    createHousehold(ledger, clerk, first);
    const second = household(villageId, 'H-0004');
    second.members[1] = { ...second.members[1]!, idNumber: first.members[0]!.idNumber };
    expect(() => createHousehold(ledger, clerk, second)).toThrow(/H-0003/);
    try {
      createHousehold(ledger, clerk, second);
    } catch (err) {
      expect((err as LedgerError).detail.field).toBe('members.1.idNumber');
    }
    expect(count(ledger, 'households')).toBe(1);
    ledger.close();
  });
});
