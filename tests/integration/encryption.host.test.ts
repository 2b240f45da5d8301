/**
 * Encryption at rest, switched on (docs/SECURITY.md "Encryption at rest"): the host with a key,
 * migration of a plain ledger and its plain backups, wrong keys, backup and restore, background
 * jobs, the command-line audit check and the web host as its own process. Real files, real
 * processes, the real SQLite3 Multiple Ciphers build — and the plain `sqlite3` CLI as the outsider.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { LedgerHost } from '../../electron/api/host';
import { openLedger, type Ledger } from '../../db/ledger';
import { isEncryptedFile, keyedOpener, parseKey, type LedgerKey } from '../../db/crypto';
import { LedgerError } from '../../db/errors';
import { verifyAuditChain } from '../../db/audit';
import { createHousehold } from '../../db/registry/households';
import { backupsDir, checkBackupFile, createManualBackup, listBackups } from '../../db/system/backup';
import { generateCounty, DEMO_PASSWORD } from '../../db/demo/generate';
import { checkAuditFile } from '../../scripts/verify-audit';
import { actorFor, count, tempDir } from '../support/tmp';
import { household, seedVillage } from '../support/fixtures';
import { postApi, runWebChildToExit, startWebChild } from '../support/webChild';
import { resolveWebKey, type KeyIo } from '../../electron/web/key';

const KEY: LedgerKey = parseKey('a7'.repeat(32));
const PASSPHRASE = 'county ledger test passphrase';
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const bytesOf = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0));
const hasSqliteCli = !spawnSync('sqlite3', ['-version']).error;

function host(dataDir: string, key: LedgerKey | null = KEY, extra: Partial<ConstructorParameters<typeof LedgerHost>[0]> = {}): LedgerHost {
  return new LedgerHost({ dataDir, key, autoBackup: false, log: () => {}, ...extra });
}

/** Every table's row count, through whatever connection the ledger has. */
function rowCounts(ledger: Ledger): Record<string, number> {
  const tables = ledger.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, count(ledger, `"${t}"`)]));
}

/** A plain ledger with a village, users and households, closed; returns its folder and one ID number. */
function plainLedger(): { dataDir: string; file: string; idNumber: string } {
  const dataDir = path.join(tempDir('cl-enc-'), 'data');
  const ledger = openLedger(path.join(dataDir, 'ledger.sqlite'));
  const { villageId } = seedVillage(ledger);
  const clerk = actorFor(ledger, 'registrar');
  actorFor(ledger, 'admin');
  const first = household(villageId, 'P-0');
  for (let i = 0; i < 5; i++) createHousehold(ledger, clerk, i === 0 ? first : household(villageId, `P-${i}`));
  ledger.close();
  return { dataDir, file: path.join(dataDir, 'ledger.sqlite'), idNumber: first.members[0]!.idNumber };
}

function lockedError(fn: () => unknown): LedgerError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(LedgerError);
    return err as LedgerError;
  }
  throw new Error('expected a refusal');
}

describe('a host with a key', () => {
  it('writes an encrypted ledger: no ID number in the file or its WAL, and the sqlite3 CLI refuses it', () => {
    const dataDir = path.join(tempDir('cl-enc-'), 'data');
    const h = host(dataDir);
    const ledger = h.createEmpty();
    const { villageId } = seedVillage(ledger);
    const clerk = actorFor(ledger, 'registrar');
    const input = household(villageId, 'E-1', { phone: '13812345678' });
    createHousehold(ledger, clerk, input);
    expect(ledger.encrypted).toBe(true);

    const idNumber = input.members[0]!.idNumber;
    const file = h.ledgerPath;
    // While the host is open the new rows sit in the WAL: it must be encrypted too.
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    for (const bytes of [bytesOf(file), bytesOf(`${file}-wal`)]) {
      for (const secret of [idNumber, '13812345678', '林海', 'SQLite format 3', 'CREATE TABLE']) expect(bytes.includes(Buffer.from(secret))).toBe(false);
    }
    h.close();
    expect(isEncryptedFile(file)).toBe(true);
    expect(bytesOf(file).includes(Buffer.from(idNumber))).toBe(false);

    if (hasSqliteCli) {
      const r = spawnSync('sqlite3', [file, 'SELECT count(*) FROM households;'], { encoding: 'utf8' });
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/file is not a database/);
    }
    // Opened again with the key, everything is there.
    const again = host(dataDir);
    expect(count(again.openExisting()!, 'households')).toBe(1);
    again.close();
  });

  it('encrypts an existing plain ledger on open: every row kept, the audit chain intact, plain backups encrypted', async () => {
    const { dataDir, file, idNumber } = plainLedger();
    // Plain copies from before the switch: a manual backup, taken the usual way.
    const plainOpen = openLedger(file);
    const before = rowCounts(plainOpen);
    const admin = { userId: 1, userName: 'admin', role: 'admin' as const, method: 'backup.create' };
    const manual = await createManualBackup(plainOpen, admin);
    plainOpen.close();
    const beforeAudit = before.audit_log!;
    expect(isEncryptedFile(path.join(backupsDir(file), manual.name))).toBe(false);

    const h = host(dataDir);
    const ledger = h.openExisting()!;
    expect(ledger.encryptedOnOpen).toMatchObject({ ledger: true, encrypted: [manual.name], removed: [], kept: [] });
    expect(isEncryptedFile(file)).toBe(true);
    expect(rowCounts(ledger)).toEqual({ ...before, audit_log: beforeAudit + 1 });
    expect(verifyAuditChain(ledger)).toMatchObject({ ok: true });
    expect(fs.existsSync(`${file}.encrypting`)).toBe(false);

    // No readable copy is left anywhere in the data folder.
    for (const name of fs.readdirSync(backupsDir(file))) {
      const copy = path.join(backupsDir(file), name);
      expect(isEncryptedFile(copy), name).toBe(true);
      expect(bytesOf(copy).includes(Buffer.from(idNumber)), name).toBe(false);
    }
    // The re-encrypted backup still checks out (with the key) and can be restored.
    expect(checkBackupFile(path.join(backupsDir(file), manual.name), { open: keyedOpener(KEY) })).toMatchObject({ ok: true, households: 5 });
    const restored = await h.restore(manual.name, actorFor(ledger, 'admin', 'admin2'));
    expect(restored.check.ok).toBe(true);
    expect(isEncryptedFile(file)).toBe(true);
    expect(count(h.ledger!, 'households')).toBe(5);
    h.close();
  });

  it('refuses a wrong key, and no key, as LOCKED and leaves the file untouched', () => {
    const dataDir = path.join(tempDir('cl-enc-'), 'data');
    const h = host(dataDir);
    actorFor(h.createEmpty(), 'admin');
    h.close();
    const file = path.join(dataDir, 'ledger.sqlite');
    const hash = sha(file);

    const wrong = lockedError(() => host(dataDir, parseKey(PASSPHRASE)).openExisting());
    expect(wrong.code).toBe('LOCKED');
    expect(wrong.message).toMatch(/does not open it/);
    const none = lockedError(() => host(dataDir, null).openExisting());
    expect(none.code).toBe('LOCKED');
    expect(none.message).toMatch(/encrypted .*no key was given/);
    expect(none.zh).toMatch(/已加密/);
    const direct = lockedError(() => openLedger(file));
    expect(direct.code).toBe('LOCKED');

    expect(sha(file)).toBe(hash);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(fs.existsSync(backupsDir(file))).toBe(false);
  });

  it('backs up and restores with the key; the copies are encrypted and need the key to be checked', async () => {
    const dataDir = path.join(tempDir('cl-enc-'), 'data');
    const h = host(dataDir, parseKey(PASSPHRASE));
    const ledger = h.createEmpty();
    const { villageId } = seedVillage(ledger);
    const clerk = actorFor(ledger, 'registrar');
    const admin = actorFor(ledger, 'admin');
    createHousehold(ledger, clerk, household(villageId, 'B-1'));
    const info = await createManualBackup(ledger, admin);
    const copy = path.join(backupsDir(ledger.path), info.name);
    expect(isEncryptedFile(copy)).toBe(true);
    expect(checkBackupFile(copy, { open: keyedOpener(parseKey(PASSPHRASE)) })).toMatchObject({ ok: true, households: 1 });
    const keyless = checkBackupFile(copy);
    expect(keyless.ok).toBe(false);
    expect(keyless.problems[0]!.en).toMatch(/encrypted/);

    createHousehold(ledger, clerk, household(villageId, 'B-2'));
    expect(count(ledger, 'households')).toBe(2);
    const result = await h.restore(info.name, admin);
    const back = h.ledger!;
    expect(count(back, 'households')).toBe(1);
    expect(back.encrypted).toBe(true);
    expect(isEncryptedFile(h.ledgerPath)).toBe(true);
    expect(isEncryptedFile(path.join(backupsDir(h.ledgerPath), result.preRestore))).toBe(true);
    expect(verifyAuditChain(back)).toMatchObject({ ok: true });
    // The daily rotation writes encrypted copies too.
    const { autoBackup } = await import('../../db/system/backup');
    const auto = await autoBackup(back, { open: h.opener() });
    for (const b of auto.created) expect(isEncryptedFile(path.join(backupsDir(h.ledgerPath), b.name)), b.name).toBe(true);
    expect(listBackups(h.ledgerPath).length).toBeGreaterThanOrEqual(3);
    h.close();
  });

  it('runs a background job (the quality checks) in a worker on the encrypted ledger', async () => {
    const dataDir = path.join(tempDir('cl-enc-'), 'data');
    const h = host(dataDir);
    generateCounty(h.createEmpty(), { scale: 'tiny', seed: 1 });
    expect((await h.call('auditor', 'auth.signIn', { username: 'auditor', password: DEMO_PASSWORD })).ok).toBe(true);
    const started = await h.call('auditor', 'quality.start', {});
    expect(started.ok).toBe(true);
    const job = (started as { value: { id: string } }).value;
    await h.jobs.wait(job.id);
    const view = h.jobs.get(job.id, 'auditor');
    expect(view.error).toBeUndefined();
    expect(view.state).toBe('done');
    expect((view.result as { totals: { error: number } }).totals.error).toBeGreaterThan(0);
    h.close();
  });

  it('opens the ledger in every task through openTaskLedger (which applies the key), never openLedger', () => {
    for (const file of ['electron/jobs/tasks.ts', 'electron/certificates/batch.ts']) {
      const source = fs.readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(/\bopenLedger\s*\(/);
      expect(source, file).toMatch(/openTaskLedger\(/);
    }
  });
});

describe('the command-line audit check', () => {
  it('verifies an encrypted ledger with the key and refuses it without', () => {
    const dataDir = path.join(tempDir('cl-enc-'), 'data');
    const h = host(dataDir);
    actorFor(h.createEmpty(), 'admin');
    h.close();
    expect(checkAuditFile(path.join(dataDir, 'ledger.sqlite'), undefined, KEY)).toMatchObject({ ok: true });
    const without = checkAuditFile(path.join(dataDir, 'ledger.sqlite'));
    expect(without.ok).toBe(false);
    expect(without.lines[0]).toMatch(/encrypted.*COUNTY_LEDGER_KEY/);
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/verify-audit.ts', path.join(dataDir, 'ledger.sqlite')], {
      encoding: 'utf8',
      env: { ...process.env, COUNTY_LEDGER_KEY: 'a7'.repeat(32) },
    });
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(/^OK \d+ rows/);
  });
});

describe('the web host as its own process', () => {
  it('serves an encrypted ledger with COUNTY_LEDGER_KEY, refuses it without, and warns about a plain one', async () => {
    const dataDir = path.join(tempDir('cl-enc-web-'), 'data');
    const web = await startWebChild(dataDir, { COUNTY_LEDGER_KEY: PASSPHRASE }, ['--demo=tiny']);
    try {
      expect(web.output()).toMatch(/encrypted at rest/);
      const status = await postApi(web.port, 'setup.status', {});
      expect(status.json).toMatchObject({ ok: true, value: { ledger: 'open', needsAdmin: false } });
      const signIn = await postApi(web.port, 'auth.signIn', { username: 'admin', password: DEMO_PASSWORD });
      expect(signIn.json.ok).toBe(true);
      const me = await postApi(web.port, 'auth.me', {}, signIn.cookie);
      expect(me.json.value).toMatchObject({ username: 'admin' });
    } finally {
      expect(await web.stop()).toBe(0);
    }
    const file = path.join(dataDir, 'ledger.sqlite');
    expect(isEncryptedFile(file)).toBe(true);
    // A clean stop leaves no WAL behind (the next start may defer its integrity check).
    expect(fs.existsSync(`${file}-wal`)).toBe(false);

    const refused = await runWebChildToExit(dataDir);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/is encrypted and COUNTY_LEDGER_KEY is not set/);
    expect(refused.output).toMatch(/已加密/);
    expect(isEncryptedFile(file)).toBe(true);

    const wrong = await runWebChildToExit(dataDir, { COUNTY_LEDGER_KEY: 'not the key of this ledger' });
    expect(wrong.code).toBe(1);
    expect(wrong.output).toMatch(/does not open it/);

    const plain = plainLedger();
    const warned = await startWebChild(plain.dataDir);
    try {
      expect(warned.output()).toMatch(/NOT encrypted/);
      expect(warned.output()).toMatch(/台账 .* 未加密/);
      expect((await postApi(warned.port, 'setup.status', {})).json).toMatchObject({ ok: true, value: { ledger: 'open' } });
    } finally {
      await warned.stop();
    }
    expect(isEncryptedFile(plain.file)).toBe(false);
  });
});

describe("the web host's key", () => {
  /** A terminal that answers with the given lines, and what the host printed. */
  const terminal = (answers: string[], interactive = true, env: NodeJS.ProcessEnv = {}) => {
    const said: string[] = [];
    const io: KeyIo = { env, interactive, ask: async () => answers.shift() ?? '', warn: (t) => said.push(t) };
    return { io, said, asked: () => answers.length };
  };

  it('asks on the terminal for an encrypted ledger, up to three times, and refuses without a terminal', async () => {
    const dataDir = path.join(tempDir('cl-enc-'), 'data');
    const h = host(dataDir, parseKey(PASSPHRASE));
    h.createEmpty();
    h.close();
    const file = path.join(dataDir, 'ledger.sqlite');

    const second = terminal(['not the right passphrase!', PASSPHRASE]);
    expect(await resolveWebKey(file, second.io)).toEqual(parseKey(PASSPHRASE));
    expect(second.said.join('\n')).toMatch(/does not open it/);

    const wrong = terminal(['wrong passphrase number 1', 'wrong passphrase number 2', 'wrong passphrase number 3', PASSPHRASE]);
    await expect(resolveWebKey(file, wrong.io)).rejects.toMatchObject({ code: 'LOCKED' });
    expect(wrong.asked()).toBe(1);

    await expect(resolveWebKey(file, terminal([], false).io)).rejects.toThrow(/COUNTY_LEDGER_KEY is not set/);
    expect(await resolveWebKey(file, terminal([], false, { COUNTY_LEDGER_KEY: PASSPHRASE }).io)).toEqual(parseKey(PASSPHRASE));
  });

  it('warns loudly, in both languages, when it starts a plain ledger', async () => {
    const { file } = plainLedger();
    const t = terminal([], true);
    expect(await resolveWebKey(file, t.io)).toBeNull();
    expect(t.said.join('\n')).toMatch(/NOT encrypted[\s\S]*未加密/);
  });
});

describe('opening without the plain sqlite3 build', () => {
  it('keeps a fresh keyed file encrypted from its first page', () => {
    const file = path.join(tempDir('cl-enc-'), 'fresh.sqlite');
    openLedger(file, { key: KEY }).close();
    expect(isEncryptedFile(file)).toBe(true);
    const bare = new Database(file);
    expect(() => bare.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    bare.close();
  });
});
