import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';
import { LedgerError } from './errors';
import { readMigrations, type Migration } from './migrate';

export type Db = BetterSQLite3Database<typeof schema>;

export interface Ledger {
  readonly path: string;
  readonly sqlite: Database.Database;
  readonly db: Db;
  readonly schemaVersion: number;
  /** The copy taken before migrations were applied on this open, if any. */
  readonly preMigrationBackup: string | null;
  close(): void;
}

export interface OpenOptions {
  migrationsDir?: string;
  /** Open an existing file only; never create one. */
  mustExist?: boolean;
}

function readUserVersion(file: string): number {
  const probe = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return probe.pragma('user_version', { simple: true }) as number;
  } finally {
    probe.close();
  }
}

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
 * and checks integrity before anyone reads from it.
 */
export function openLedger(file: string, options: OpenOptions = {}): Ledger {
  const migrations = readMigrations(options.migrationsDir);
  const known = migrations.length;
  const exists = fs.existsSync(file) && fs.statSync(file).size > 0;
  if (!exists && options.mustExist) {
    throw new LedgerError('NOT_FOUND', { en: `No ledger at ${file}`, zh: `找不到台账文件：${file}` });
  }
  if (exists) {
    const found = readUserVersion(file);
    if (found > known) {
      throw new LedgerError('NEWER_SCHEMA', {
        en: `This ledger was written by a newer version of County Ledger (schema ${found}; this version knows up to ${known}). It was not opened and nothing in it was changed. Install the newer version to open it.`,
        zh: `该台账由更新版本的县级台账软件写入（结构版本 ${found}，本版本最高支持 ${known}）。未打开，文件未作任何改动。请安装新版本后再打开。`,
      });
    }
  } else {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }

  const sqlite = new Database(file);
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

    const check = sqlite.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') {
      throw new LedgerError('CORRUPT', {
        en: `The ledger failed its integrity check (${check}). Restore it from a backup.`,
        zh: `台账完整性检查未通过（${check}），请从备份恢复。`,
      });
    }

    const db = drizzle(sqlite, { schema });
    return {
      path: file,
      sqlite,
      db,
      schemaVersion: known,
      preMigrationBackup: backup,
      close: () => sqlite.close(),
    };
  } catch (err) {
    sqlite.close();
    throw err;
  }
}
