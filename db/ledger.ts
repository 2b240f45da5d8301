import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';
import { LedgerError } from './errors';
import { readMigrations, type Migration } from './migrate';
import { applyKey, encryptLedgerFile, isEncryptedFile, keyedOpener, type LedgerKey } from './crypto';
import { sealPlainBackups, type SealReport } from './sealBackups';

export type Db = BetterSQLite3Database<typeof schema>;

export interface Ledger {
  readonly path: string;
  readonly sqlite: Database.Database;
  readonly db: Db;
  readonly schemaVersion: number;
  /** The copy taken before migrations were applied on this open, if any. */
  readonly preMigrationBackup: string | null;
  /** True when the connection is keyed (the file is encrypted at rest). */
  readonly encrypted?: boolean;
  /**
   * What this open did to reach encryption at rest: the plain file encrypted in place, plain
   * backups encrypted or deleted (db/sealBackups.ts). Absent when nothing had to change.
   */
  readonly encryptedOnOpen?: { ledger: boolean } & SealReport;
  /**
   * Opens another ledger file (a backup, a restore candidate) the way this one was opened: with
   * its key when it is encrypted. db/system/backup.ts uses it when no `open` is passed.
   */
  readonly openFile?: (file: string, options?: { readonly?: boolean }) => Database.Database;
  /** 'deferred' when the integrity check was left to the caller (`check: 'defer'`). */
  readonly integrity?: 'checked' | 'deferred';
  close(): void;
}

export interface OpenOptions {
  migrationsDir?: string;
  /** Open an existing file only; never create one. */
  mustExist?: boolean;
  /**
   * The key of an encrypted ledger (db/crypto.ts). A new file is created encrypted; an existing
   * plain file is encrypted in place first (verified, atomic) and its plain backups are encrypted
   * too. Without a key an encrypted file is refused as LOCKED.
   */
  key?: LedgerKey | null;
  /**
   * 'now' (default): PRAGMA quick_check before anyone reads. 'defer': skip it on a cleanly closed
   * file — the caller runs `checkIntegrity` (or the host's background check) right after it has
   * started; after an unclean shutdown (a WAL file left behind) or a migration it runs now anyway.
   * 'host': a second connection to a file the running host has opened and checks (background
   * tasks): a live host's WAL file is not an unclean shutdown, and checking again per task would
   * cost seconds on a county ledger. Migrations still run (and then the check) if ever needed.
   */
  check?: 'now' | 'defer' | 'host';
}

/** The answer when an encrypted ledger is opened without its key (web host, CLIs, tests). */
export function lockedWithoutKey(file: string): LedgerError {
  return new LedgerError('LOCKED', {
    en: `The ledger ${file} is encrypted (or is not a County Ledger file) and no key was given. Set COUNTY_LEDGER_KEY to its key (web host and command-line tools), or open it on the desktop where its key is kept. Nothing was changed.`,
    zh: `台账 ${file} 已加密（或不是县级台账文件），但未提供密钥。请将 COUNTY_LEDGER_KEY 设为其密钥（网页版与命令行工具），或在保存其密钥的桌面版中打开。文件未作任何改动。`,
  });
}

/** Opens a connection to an existing or new file and keys it first when a key is given. */
function connect(file: string, key: LedgerKey | null | undefined, options?: Database.Options): Database.Database {
  const sqlite = new Database(file, options);
  try {
    if (key) applyKey(sqlite, key);
    return sqlite;
  } catch (err) {
    sqlite.close();
    throw err;
  }
}

function readUserVersion(file: string, key: LedgerKey | null | undefined): number {
  const probe = connect(file, key, { readonly: true, fileMustExist: true });
  try {
    return probe.pragma('user_version', { simple: true }) as number;
  } catch (err) {
    if (!key && (err as { code?: string }).code === 'SQLITE_NOTADB') throw lockedWithoutKey(file);
    throw err;
  } finally {
    probe.close();
  }
}

/** PRAGMA quick_check; a damaged file is CORRUPT (restore from a backup). */
export function checkIntegrity(sqlite: Database.Database): void {
  const check = (sqlite.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check).join('; ');
  if (check !== 'ok') {
    throw new LedgerError('CORRUPT', {
      en: `The ledger failed its integrity check (${check}). Restore it from a backup.`,
      zh: `台账完整性检查未通过（${check}），请从备份恢复。`,
    });
  }
}

/** A WAL file left behind means the last connection did not close cleanly (crash, power cut). */
const closedUncleanly = (file: string) => fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0;

function stamp(): string {
  // 20261129T022000-123: to the millisecond, so two upgrades in one second cannot collide.
  return new Date().toISOString().replace(/[-:]/g, '').replace('.', '-').replace(/Z$/, '');
}

/** A consistent copy of the file as it was, taken before the schema changes. */
function copyAside(sqlite: Database.Database, file: string, from: number, to: number): string {
  const dir = path.join(path.dirname(file), 'backups');
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, `${path.basename(file, path.extname(file))}.before-v${to}-from-v${from}.${stamp()}.sqlite`);
  sqlite.prepare('VACUUM INTO ?').run(target);
  return target;
}

function applyInOneTransaction(sqlite: Database.Database, pending: Migration[], target: number): void {
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    for (const m of pending) for (const statement of m.statements) sqlite.exec(statement);
    sqlite.pragma(`user_version = ${target}`);
    sqlite.exec('COMMIT');
  } catch (err) {
    sqlite.exec('ROLLBACK');
    throw new LedgerError(
      'MIGRATION_FAILED',
      {
        en: `Upgrading the ledger failed and was rolled back; the file is unchanged. (${(err as Error).message})`,
        zh: `台账升级失败，已全部回滚，文件未改变。（${(err as Error).message}）`,
      },
    );
  }
}

/**
 * Opens (or creates) a ledger file: refuses files from a newer version without touching them,
 * copies the file aside before upgrading it, applies all pending migrations in one transaction,
 * and checks integrity before anyone reads from it (or leaves that to the caller: `check`).
 * With a key the connection is keyed before anything else touches the file, and a plain file is
 * encrypted first (see OpenOptions.key).
 */
export function openLedger(file: string, options: OpenOptions = {}): Ledger {
  const migrations = readMigrations(options.migrationsDir);
  const known = migrations.length;
  const exists = fs.existsSync(file) && fs.statSync(file).size > 0;
  if (!exists && options.mustExist) {
    throw new LedgerError('NOT_FOUND', { en: `No ledger at ${file}`, zh: `找不到台账文件：${file}` });
  }
  const key = options.key ?? null;
  const plainToEncrypt = exists && key !== null && !isEncryptedFile(file);
  if (exists && !key && isEncryptedFile(file)) throw lockedWithoutKey(file);
  if (exists) {
    // A plain file that is to be encrypted is read as it is (without the key) until it is.
    const found = readUserVersion(file, plainToEncrypt ? null : key);
    if (found > known) {
      throw new LedgerError('NEWER_SCHEMA', {
        en: `This ledger was written by a newer version of County Ledger (schema ${found}; this version knows up to ${known}). It was not opened and nothing in it was changed. Install the newer version to open it.`,
        zh: `该台账由更新版本的县级台账软件写入（结构版本 ${found}，本版本最高支持 ${known}）。未打开，文件未作任何改动。请安装新版本后再打开。`,
      });
    }
  } else {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }

  let encryptedOnOpen: Ledger['encryptedOnOpen'];
  if (key) {
    // Plain → encrypted happens with no connection open: encryptLedgerFile checks the copy
    // (integrity, schema version, every table's row count) before it atomically replaces the file.
    if (plainToEncrypt) encryptLedgerFile(file, key);
    const sealed = sealPlainBackups(file, key);
    if (plainToEncrypt || sealed.encrypted.length || sealed.removed.length || sealed.kept.length) encryptedOnOpen = { ledger: plainToEncrypt, ...sealed };
  }

  const unclean = exists && closedUncleanly(file);
  const sqlite = connect(file, key);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // REPLACE and cascades must fire the DELETE triggers that guard posted and append-only rows.
    sqlite.pragma('recursive_triggers = ON');
    // Trigger-guarded inserts otherwise open a temporary file per row.
    sqlite.pragma('temp_store = MEMORY');

    const from = sqlite.pragma('user_version', { simple: true }) as number;
    let backup: string | null = null;
    if (from < known) {
      if (exists) backup = copyAside(sqlite, file, from, known);
      applyInOneTransaction(sqlite, migrations.slice(from), known);
    }

    const deferred = backup === null && (options.check === 'host' || (options.check === 'defer' && !unclean));
    if (!deferred) checkIntegrity(sqlite);

    const db = drizzle(sqlite, { schema });
    return {
      path: file,
      sqlite,
      db,
      schemaVersion: known,
      preMigrationBackup: backup,
      encrypted: key !== null,
      ...(key ? { openFile: keyedOpener(key) } : {}),
      ...(encryptedOnOpen ? { encryptedOnOpen } : {}),
      integrity: deferred ? 'deferred' : 'checked',
      close: () => sqlite.close(),
    };
  } catch (err) {
    sqlite.close();
    throw err;
  }
}
