/**
 * THE way background work opens the ledger. Worker threads (electron/jobs/worker.ts) and any
 * child process that works on the ledger have their own connection, and an encrypted ledger opens
 * only with its key — so every task opens it through `openTaskLedger`, which applies the key the
 * runner handed over. A task that called `openLedger` directly would fail with LOCKED on an
 * encrypted ledger (tests/integration/encryption.host.test.ts checks that no task does).
 *
 * How the key arrives (never through a file or the command line):
 * - worker threads: JobRunner puts it in `workerData.key`; worker.ts calls `useTaskLedgerKey`
 *   before the task runs;
 * - a child process (e.g. rendering in another process): the parent sends `taskLedgerKey()` over
 *   the IPC channel (`child.send({ key, ... })` of `child_process.fork`), and the child calls
 *   `useTaskLedgerKey(message.key)` before it calls `openTaskLedger`.
 */
import Database from 'better-sqlite3';
import { openLedger, lockedWithoutKey, type Ledger, type OpenOptions } from '../../db/ledger';
import { applyKey, type LedgerKey } from '../../db/crypto';

let taskKey: LedgerKey | null = null;

/** Sets the key for every ledger this thread or process opens for tasks (null: a plain ledger). */
export function useTaskLedgerKey(key: LedgerKey | null | undefined): void {
  taskKey = key ?? null;
}

/** The key in use here, to hand on to a child process. */
export function taskLedgerKey(): LedgerKey | null {
  return taskKey;
}

/**
 * Opens the ledger for a task: an existing file (unless `mustExist: false`), with the task key.
 * The host checks the file it holds (on open, or in the background right after) and refuses every
 * call once a check fails, so a task does not check it again (`check: 'host'`: seconds at L).
 */
export function openTaskLedger(file: string, options: Omit<OpenOptions, 'key'> = {}): Ledger {
  return openLedger(file, { mustExist: true, check: 'host', ...options, key: taskKey });
}

/** A bare read-only connection with the task key (for checks that must not migrate or write). */
export function openTaskConnection(file: string): Database.Database {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (taskKey) applyKey(sqlite, taskKey);
    else sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    return sqlite;
  } catch (err) {
    sqlite.close();
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') throw lockedWithoutKey(file);
    throw err;
  }
}
