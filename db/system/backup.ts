/**
 * Backups of the ledger file: automatic rotating copies (daily and weekly), manual copies, and a
 * restore that checks a copy BEFORE it replaces anything.
 *
 * Copies are taken with SQLite's online backup API (better-sqlite3 `db.backup`), which reads a
 * consistent state while the app keeps working, and land in `<dataDir>/backups/` — the same folder
 * where openLedger puts its copy before every migration — as
 *
 *   ledger.<kind>.<UTC time>.sqlite     e.g. ledger.daily.2025-03-01T08-00-00-000Z.sqlite
 *
 * A copy is written under a temporary name, checked (quick_check) and switched to single-file
 * (rollback journal) mode before it gets its real name, so a crash during a backup never leaves a
 * half-written file that looks like a backup.
 *
 * Encrypted ledgers (db/crypto.ts): the online backup API refuses an encrypted source, so the copy
 * is made with VACUUM INTO, which writes it encrypted with the same key; copies are checked and
 * restored through an opener that applies the key — the `open` option, else the ledger's own
 * `openFile` (openLedger sets it when it was given a key). An encrypted ledger never gets a plain
 * copy from here.
 *
 * Nothing here knows about Electron; the host (electron/api/host.ts) runs the timer and the
 * close–swap–reopen of a restore through the hooks below.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Ledger } from '../ledger';
import type { Actor } from '../actor';
import { appendAudit, verifyAuditChain, type ChainVerdict } from '../audit';
import { LedgerError, type Bilingual } from '../errors';
import { readMigrations } from '../migrate';
import { inTransaction } from '../shared/tx';
import { isEncryptedFile } from '../crypto';

export type BackupKind = 'daily' | 'weekly' | 'manual' | 'pre-restore' | 'pre-migration';

export interface BackupInfo {
  /** File name inside the backups folder; the only handle the API accepts. */
  name: string;
  kind: BackupKind;
  /** When the copy was taken (ISO, UTC). */
  at: string;
  bytes: number;
}

export interface RetentionPolicy {
  /** Automatic daily copies kept. */
  daily: number;
  /** Automatic weekly copies kept. */
  weekly: number;
  /** Copies taken just before a restore, kept. */
  preRestore: number;
}

/** Manual copies and the copies openLedger takes before migrations are never deleted automatically. */
export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4, preRestore: 5 };
export const DAY_MS = 24 * 60 * 60_000;
export const WEEK_MS = 7 * DAY_MS;

/**
 * Opens a ledger file other than the live one (a backup, a restore candidate). Encrypted ledgers
 * pass an opener that applies the key (db/crypto.ts); plain ones use the default.
 */
export type OpenFile = (file: string, options?: { readonly?: boolean }) => Database.Database;
const openPlain: OpenFile = (file, options) => new Database(file, { readonly: options?.readonly ?? false, fileMustExist: true });
/** The opener for copies of this ledger: the one passed, else the ledger's own (keyed when encrypted). */
const openerFor = (ledger: Ledger, open?: OpenFile): OpenFile => open ?? ledger.openFile ?? openPlain;

const err = (code: LedgerError['code'], en: string, zh: string, field?: string) =>
  new LedgerError(code, { en, zh }, field ? { field } : {});

// ─── names ────────────────────────────────────────────────────────────────────────────────────

export function backupsDir(ledgerPath: string): string {
  return path.join(path.dirname(path.resolve(ledgerPath)), 'backups');
}

const baseOf = (ledgerPath: string) => path.basename(ledgerPath, path.extname(ledgerPath));
const stampOf = (d: Date) => d.toISOString().replace(/:/g, '-').replace('.', '-');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A name that exists only inside the backups folder: no separators, no dot-dot, ends in .sqlite. */
export const BACKUP_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.sqlite$/;

function parseName(base: string, name: string): { kind: BackupKind; at: string } | null {
  const b = escapeRe(base);
  const ours = new RegExp(`^${b}\\.(daily|weekly|manual|pre-restore)\\.(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})Z(?:-\\d+)?\\.sqlite$`).exec(name);
  if (ours) {
    const [, kind, day, hh, mm, ss, ms] = ours;
    return { kind: kind as BackupKind, at: `${day}T${hh}:${mm}:${ss}.${ms}Z` };
  }
  // openLedger's copy before a migration: <base>.before-v2-from-v1.20250301T080000-123.sqlite (UTC).
  const pre = new RegExp(`^${b}\\.before-v\\d+-from-v\\d+\\.(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(\\d{2})(?:-(\\d{3}))?\\.sqlite$`).exec(name);
  if (pre) {
    const [, y, mo, d, hh, mm, ss, ms] = pre;
    return { kind: 'pre-migration', at: `${y}-${mo}-${d}T${hh}:${mm}:${ss}.${ms ?? '000'}Z` };
  }
  return null;
}

/** Every backup of this ledger, newest first. Files that are not ours are ignored. */
export function listBackups(ledgerPath: string): BackupInfo[] {
  const dir = backupsDir(ledgerPath);
  if (!fs.existsSync(dir)) return [];
  const base = baseOf(ledgerPath);
  const out: BackupInfo[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const parsed = parseName(base, entry.name);
    if (!parsed) continue;
    out.push({ name: entry.name, ...parsed, bytes: fs.statSync(path.join(dir, entry.name)).size });
  }
  return out.sort((a, b) => (a.at === b.at ? b.name.localeCompare(a.name) : b.at.localeCompare(a.at)));
}

/** The full path of a listed backup; anything else (other folders, other files) is NOT_FOUND. */
export function resolveBackup(ledgerPath: string, name: string): string {
  const found = BACKUP_NAME.test(name) && listBackups(ledgerPath).some((b) => b.name === name);
  if (!found) throw err('NOT_FOUND', `There is no backup named ${name}`, `没有名为 ${name} 的备份`, 'name');
  return path.join(backupsDir(ledgerPath), name);
}

function freshName(ledgerPath: string, kind: Exclude<BackupKind, 'pre-migration'>, now: Date): string {
  const dir = backupsDir(ledgerPath);
  const stem = `${baseOf(ledgerPath)}.${kind}.${stampOf(now)}`;
  let name = `${stem}.sqlite`;
  for (let i = 2; fs.existsSync(path.join(dir, name)); i++) name = `${stem}-${i}.sqlite`;
  return name;
}

// ─── progress and one-at-a-time ───────────────────────────────────────────────────────────────

export interface BackupProgress {
  kind: BackupKind | 'restore';
  done: number;
  total: number;
  startedAt: string;
}

const running = new Map<string, BackupProgress>();

/** What is being copied for this ledger right now, if anything (the settings screen polls it). */
export function backupProgress(ledgerPath: string): BackupProgress | null {
  const p = running.get(path.resolve(ledgerPath));
  return p ? { ...p } : null;
}

async function exclusive<T>(ledgerPath: string, kind: BackupProgress['kind'], fn: (p: BackupProgress) => Promise<T>): Promise<T> {
  const key = path.resolve(ledgerPath);
  if (running.has(key)) {
    throw err('CONFLICT', 'A backup or restore is already running; wait until it has finished', '已有备份或恢复正在进行，请等待其完成');
  }
  const progress: BackupProgress = { kind, done: 0, total: 0, startedAt: new Date().toISOString() };
  running.set(key, progress);
  try {
    return await fn(progress);
  } finally {
    running.delete(key);
  }
}

// ─── taking a copy ────────────────────────────────────────────────────────────────────────────

/** The WAL, shared-memory and journal files that belong to a database file. */
function removeSidecars(file: string): void {
  for (const f of [`${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
}

function removeQuietly(file: string): void {
  fs.rmSync(file, { force: true });
  removeSidecars(file);
}

/**
 * Writes a consistent copy of the open ledger to `target` (which must not exist). Uses the online
 * backup API; an encrypted connection cannot back up into a plain file (SQLite3 Multiple Ciphers
 * says "backup is not supported with incompatible source and target databases"), so then the copy
 * is made with VACUUM INTO, which keeps the cipher and key of the source.
 */
async function copyLedger(ledger: Ledger, target: string, onProgress: (done: number, total: number) => void): Promise<void> {
  try {
    await ledger.sqlite.backup(target, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress(totalPages - remainingPages, totalPages);
        return 256;
      },
    });
  } catch (e) {
    if (!/incompatible source and target/i.test((e as Error).message)) throw e;
    removeQuietly(target);
    ledger.sqlite.prepare('VACUUM INTO ?').run(target);
  }
  const total = ledger.sqlite.pragma('page_count', { simple: true }) as number;
  onProgress(total, total);
}

/** Makes the fresh copy a single self-contained file and checks it; throws if it is not sound. */
function sealCopy(file: string, open: OpenFile): void {
  const db = open(file);
  try {
    db.pragma('journal_mode = DELETE');
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw new Error(`the copy failed its check: ${check}`);
  } finally {
    db.close();
  }
}

export interface BackupOptions {
  now?: Date;
  open?: OpenFile;
  onProgress?: (done: number, total: number) => void;
}

async function takeBackup(ledger: Ledger, kind: Exclude<BackupKind, 'pre-migration'>, progress: BackupProgress, options: BackupOptions): Promise<BackupInfo> {
  const dir = backupsDir(ledger.path);
  fs.mkdirSync(dir, { recursive: true });
  const name = freshName(ledger.path, kind, options.now ?? new Date());
  const partial = path.join(dir, `.${name}.partial`);
  removeQuietly(partial);
  try {
    await copyLedger(ledger, partial, (done, total) => {
      progress.done = done;
      progress.total = total;
      options.onProgress?.(done, total);
    });
    sealCopy(partial, openerFor(ledger, options.open));
    fs.renameSync(partial, path.join(dir, name));
  } catch (e) {
    removeQuietly(partial);
    if (e instanceof LedgerError) throw e;
    throw new LedgerError('INTERNAL', {
      en: `The backup could not be written (${(e as Error).message}); the ledger itself is unchanged`,
      zh: `备份未能写入（${(e as Error).message}），台账本身未改变`,
    });
  }
  const at = parseName(baseOf(ledger.path), name)!.at;
  return { name, kind, at, bytes: fs.statSync(path.join(dir, name)).size };
}

/** A copy the user asked for; audited (a backup is a copy of everyone's personal data). */
export function createManualBackup(ledger: Ledger, actor: Actor, options: BackupOptions = {}): Promise<BackupInfo> {
  return exclusive(ledger.path, 'manual', async (progress) => {
    const info = await takeBackup(ledger, 'manual', progress, options);
    inTransaction(ledger, () => appendAudit(ledger, actor, { entity: 'backup', entityId: info.name, action: 'create', after: info }));
    return info;
  });
}

/** Deletes automatic copies beyond the policy, oldest first. Manual and pre-migration copies stay. */
export function pruneBackups(ledgerPath: string, policy: RetentionPolicy = DEFAULT_RETENTION): string[] {
  const keep: Partial<Record<BackupKind, number>> = { daily: policy.daily, weekly: policy.weekly, 'pre-restore': policy.preRestore };
  const removed: string[] = [];
  const seen: Partial<Record<BackupKind, number>> = {};
  for (const b of listBackups(ledgerPath)) {
    const limit = keep[b.kind];
    if (limit === undefined) continue;
    seen[b.kind] = (seen[b.kind] ?? 0) + 1;
    if (seen[b.kind]! > limit) {
      fs.rmSync(path.join(backupsDir(ledgerPath), b.name), { force: true });
      removed.push(b.name);
    }
  }
  return removed;
}

export interface AutoBackupResult {
  created: BackupInfo[];
  removed: string[];
}

/**
 * The rotation, run when the ledger opens and then every hour by the host: a daily copy when the
 * newest daily one is 24 hours old (or there is none), a weekly copy (a file copy of the daily
 * one) when the newest weekly one is 7 days old, then old copies beyond the policy are deleted.
 * Skips quietly while another backup or a restore is running.
 */
export async function autoBackup(
  ledger: Ledger,
  options: BackupOptions & { policy?: RetentionPolicy } = {},
): Promise<AutoBackupResult> {
  if (backupProgress(ledger.path)) return { created: [], removed: [] };
  const now = options.now ?? new Date();
  const age = (kind: BackupKind) => {
    const newest = listBackups(ledger.path).find((b) => b.kind === kind);
    return newest ? now.getTime() - Date.parse(newest.at) : Infinity;
  };
  return exclusive(ledger.path, 'daily', async (progress) => {
    const created: BackupInfo[] = [];
    if (age('daily') >= DAY_MS) created.push(await takeBackup(ledger, 'daily', progress, { ...options, now }));
    if (age('weekly') >= WEEK_MS) {
      const daily = listBackups(ledger.path).find((b) => b.kind === 'daily');
      if (daily) {
        const name = freshName(ledger.path, 'weekly', new Date(daily.at));
        const dir = backupsDir(ledger.path);
        const partial = path.join(dir, `.${name}.partial`);
        fs.copyFileSync(path.join(dir, daily.name), partial);
        fs.renameSync(partial, path.join(dir, name));
        created.push({ name, kind: 'weekly', at: daily.at, bytes: daily.bytes });
      }
    }
    return { created, removed: pruneBackups(ledger.path, options.policy) };
  });
}

// ─── checking and restoring ───────────────────────────────────────────────────────────────────

export interface BackupCheck {
  ok: boolean;
  /** PRAGMA integrity_check's answer ("ok" when sound). */
  integrity: string;
  schemaVersion: number | null;
  /** The newest schema this version of the app knows. */
  knownVersion: number;
  audit: ChainVerdict | null;
  users: number | null;
  households: number | null;
  /** Why it may not be restored, in both languages; empty when ok. */
  problems: Bilingual[];
}

/**
 * Everything a restore checks, without changing the file: that it is a sound SQLite file
 * (integrity_check), that it is a County Ledger (users and audit trail present), that its schema is
 * not newer than this app knows, and that its audit chain is unbroken.
 */
export function checkBackupFile(file: string, options: { open?: OpenFile; knownVersion?: number } = {}): BackupCheck {
  const knownVersion = options.knownVersion ?? readMigrations().length;
  const report: BackupCheck = { ok: false, integrity: '', schemaVersion: null, knownVersion, audit: null, users: null, households: null, problems: [] };
  let db: Database.Database | null = null;
  try {
    db = (options.open ?? openPlain)(file, { readonly: true });
    report.integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    if (report.integrity !== 'ok') {
      report.problems.push({ en: `The file is damaged: ${report.integrity}`, zh: `文件已损坏：${report.integrity}` });
      return report;
    }
    report.schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const tables = new Set(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
    if (!tables.has('audit_log') || !tables.has('users')) {
      report.problems.push({ en: 'This file is not a County Ledger', zh: '该文件不是县级扶贫台账' });
      return report;
    }
    if (report.schemaVersion > knownVersion) {
      report.problems.push({
        en: `It was written by a newer version of County Ledger (schema ${report.schemaVersion}; this version knows up to ${knownVersion})`,
        zh: `该备份由更新版本的软件写入（结构版本 ${report.schemaVersion}，本版本最高支持 ${knownVersion}）`,
      });
    }
    report.users = db.prepare('SELECT count(*) FROM users').pluck().get() as number;
    report.households = tables.has('households') ? (db.prepare('SELECT count(*) FROM households').pluck().get() as number) : null;
    report.audit = verifyAuditChain({ sqlite: db } as unknown as Ledger);
    if (!report.audit.ok) {
      report.problems.push({
        en: `Its audit trail is broken at row ${report.audit.brokenAt} (${report.audit.reason}): the file was changed outside County Ledger`,
        zh: `其审计日志在第 ${report.audit.brokenAt} 条处断裂（${report.audit.reason}），文件曾在本软件之外被改动`,
      });
    }
    if (report.users === 0) report.problems.push({ en: 'It has no user accounts; nobody could sign in', zh: '其中没有用户账号，恢复后无人能登录' });
  } catch (e) {
    report.integrity ||= (e as Error).message;
    if (!options.open && isEncryptedFile(file)) {
      report.problems.push({
        en: 'The file is encrypted (or is not a ledger) and was checked without a key; check it with the ledger\'s key',
        zh: '该文件已加密（或不是台账），且检查时未提供密钥；请使用台账密钥检查',
      });
    } else {
      report.problems.push({ en: `The file cannot be read as a ledger (${(e as Error).message})`, zh: `无法作为台账读取该文件（${(e as Error).message}）` });
    }
  } finally {
    db?.close();
  }
  report.ok = report.problems.length === 0;
  return report;
}

export interface RestoreHooks {
  /** The open ledger: it is copied aside (pre-restore) before anything is replaced. */
  ledger: Ledger;
  /** Closes it (the host also signs everyone out). */
  close(): void;
  /** Opens the file at the ledger path again (openLedger: checks, migrates an older copy). */
  reopen(): Ledger;
  open?: OpenFile;
  knownVersion?: number;
}

export interface RestoreResult {
  restored: string;
  /** The copy of the ledger as it was just before the restore. */
  preRestore: string;
  schemaVersion: number;
  check: BackupCheck;
}

function refuse(check: BackupCheck, name: string): never {
  const newer = check.schemaVersion !== null && check.schemaVersion > check.knownVersion;
  throw new LedgerError(newer ? 'NEWER_SCHEMA' : 'CORRUPT', {
    en: `Backup ${name} was not restored and nothing was changed: ${check.problems.map((p) => p.en).join('; ')}`,
    zh: `未恢复备份 ${name}，未作任何改动：${check.problems.map((p) => p.zh).join('；')}`,
  }, { field: 'name' });
}

/**
 * Replaces the ledger with a backup:
 * 1. the backup is copied next to the ledger and the COPY is checked (checkBackupFile) — a bad
 *    copy is refused before anything is touched;
 * 2. the restore is audited in the current ledger and the current ledger is copied aside
 *    (pre-restore backup), so the restore itself can be undone;
 * 3. refused if another connection (a background job) is still writing;
 * 4. close, swap the files (rename: atomic), reopen; if the reopen fails, the pre-restore copy is
 *    put back and reopened, and the error says so.
 * The restore is then audited in the restored ledger too.
 */
export function restoreBackup(name: string, actor: Actor, hooks: RestoreHooks): Promise<RestoreResult> {
  const ledgerPath = hooks.ledger.path;
  return exclusive(ledgerPath, 'restore', async (progress) => {
    const source = resolveBackup(ledgerPath, name);
    const staging = `${ledgerPath}.restoring`;
    removeQuietly(staging);
    fs.copyFileSync(source, staging);
    const open = openerFor(hooks.ledger, hooks.open);
    const check = checkBackupFile(staging, { open, knownVersion: hooks.knownVersion });
    removeSidecars(staging);
    if (!check.ok) {
      removeQuietly(staging);
      refuse(check, name);
    }

    let pre: BackupInfo;
    try {
      inTransaction(hooks.ledger, () =>
        appendAudit(hooks.ledger, actor, { entity: 'ledger', entityId: path.basename(ledgerPath), action: 'restore_started', after: { from: name } }),
      );
      pre = await takeBackup(hooks.ledger, 'pre-restore', progress, { open });
      // Folds the WAL into the file; "busy" means another connection (a background job) is writing.
      const [checkpoint] = hooks.ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      if (checkpoint?.busy) {
        throw err('CONFLICT', 'Another task is still writing to the ledger; restore again when it has finished', '另有任务正在写入台账，请待其完成后再恢复');
      }
    } catch (e) {
      removeQuietly(staging);
      throw e;
    }

    // From here to the reopen nothing awaits: no other call can see the ledger half-swapped.
    hooks.close();
    try {
      // The WAL was folded in and truncated above; what is left of it belongs to the old file.
      removeSidecars(ledgerPath);
      fs.renameSync(staging, ledgerPath);
    } catch (e) {
      removeQuietly(staging);
      hooks.reopen();
      throw new LedgerError('CONFLICT', {
        en: `The ledger file could not be replaced (${(e as Error).message}); it is unchanged and open again`,
        zh: `无法替换台账文件（${(e as Error).message}），台账未改变并已重新打开`,
      });
    }
    let reopened: Ledger;
    try {
      reopened = hooks.reopen();
    } catch (e) {
      const back = `${ledgerPath}.rollback`;
      fs.copyFileSync(path.join(backupsDir(ledgerPath), pre.name), back);
      removeSidecars(ledgerPath);
      fs.renameSync(back, ledgerPath);
      hooks.reopen();
      const why = e instanceof LedgerError ? e : null;
      throw new LedgerError(why?.code === 'NEWER_SCHEMA' ? 'NEWER_SCHEMA' : 'CORRUPT', {
        en: `Backup ${name} could not be opened after the swap (${why?.message ?? (e as Error).message}); the ledger as it was before is back in place`,
        zh: `备份 ${name} 替换后无法打开（${why?.zh ?? (e as Error).message}），已换回恢复前的台账`,
      });
    }
    inTransaction(reopened, () =>
      appendAudit(reopened, actor, { entity: 'ledger', entityId: path.basename(ledgerPath), action: 'restore', after: { from: name, preRestore: pre.name } }),
    );
    pruneBackups(ledgerPath);
    return { restored: name, preRestore: pre.name, schemaVersion: reopened.schemaVersion, check };
  });
}
