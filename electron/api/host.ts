import fs from 'node:fs';
import path from 'node:path';
import { openLedger, type Ledger } from '../../db/ledger';
import { LedgerError } from '../../db/errors';
import { SessionStore } from './sessions';
import { JobRunner } from '../jobs/runner';
import { dispatch } from './dispatch';
import type { ApiResult } from './result';
import type { Actor } from '../../db/actor';
import { autoBackup, restoreBackup, type RestoreResult } from '../../db/system/backup';

/** How often the host looks whether the daily backup is due (db/system/backup.ts autoBackup). */
const AUTO_BACKUP_CHECK_MS = 60 * 60_000;

export interface HostOptions {
  /** Folder holding ledger.sqlite and its backups. */
  dataDir: string;
  log?: (message: string, err?: unknown) => void;
  /** Rotating daily/weekly backups: checked when the ledger opens and every hour (default on). */
  autoBackup?: boolean;
}

/**
 * Owns the open ledger, the sessions and the background jobs. Both transports (IPC and the web
 * host) answer every call through `call`, so a method cannot behave differently in either.
 */
export class LedgerHost {
  readonly dataDir: string;
  readonly sessions = new SessionStore();
  readonly jobs: JobRunner;
  readonly log: (message: string, err?: unknown) => void;
  private current: Ledger | null = null;
  private readonly autoBackupOn: boolean;
  private autoBackupTimer: ReturnType<typeof setInterval> | null = null;

  constructor(options: HostOptions) {
    this.dataDir = path.resolve(options.dataDir);
    this.autoBackupOn = options.autoBackup ?? true;
    this.log = options.log ?? ((message, err) => console.error(`[county-ledger] ${message}`, err ?? ''));
    this.jobs = new JobRunner(this);
    fs.mkdirSync(this.dataDir, { recursive: true });
  }

  get ledgerPath(): string {
    return path.join(this.dataDir, 'ledger.sqlite');
  }

  get ledger(): Ledger | null {
    return this.current;
  }

  /** Opens the ledger file if one exists; a fresh data folder waits for the welcome screen. */
  openExisting(): Ledger | null {
    if (this.current) return this.current;
    if (!fs.existsSync(this.ledgerPath)) return null;
    this.current = openLedger(this.ledgerPath);
    this.scheduleAutoBackup(true);
    return this.current;
  }

  /** Creates and opens a new, empty ledger; refused if one is already there. */
  createEmpty(): Ledger {
    if (fs.existsSync(this.ledgerPath)) {
      throw new LedgerError('CONFLICT', { en: 'A ledger already exists in this folder', zh: '此文件夹中已有台账' });
    }
    this.current = openLedger(this.ledgerPath);
    this.scheduleAutoBackup(false);
    return this.current;
  }

  /** The daily backup when due: now (on open of an existing ledger) and then every hour. */
  private scheduleAutoBackup(now: boolean): void {
    if (!this.autoBackupOn) return;
    const run = () => {
      const ledger = this.current;
      if (!ledger) return;
      autoBackup(ledger).catch((err: unknown) => {
        if (this.current === ledger) this.log('automatic backup failed', err);
      });
    };
    if (!this.autoBackupTimer) {
      this.autoBackupTimer = setInterval(run, AUTO_BACKUP_CHECK_MS);
      this.autoBackupTimer.unref?.();
    }
    if (now) run();
  }

  /**
   * Replaces the ledger with a checked backup: checks the copy first, backs the current file up,
   * closes it (everyone is signed out), swaps the files and reopens. See restoreBackup.
   */
  restore(backupName: string, actor: Actor): Promise<RestoreResult> {
    const ledger = this.openExisting();
    if (!ledger) throw new LedgerError('NO_LEDGER', { en: 'No ledger is open yet', zh: '尚未打开台账' });
    return restoreBackup(backupName, actor, {
      ledger,
      close: () => this.closeLedger(),
      reopen: () => {
        this.current = openLedger(this.ledgerPath);
        return this.current;
      },
    });
  }

  /** Closes the ledger and signs everyone out (before a restore or a switch of file). */
  closeLedger(): void {
    this.current?.close();
    this.current = null;
    this.sessions.clear();
  }

  call(sessionId: string, method: string, input: unknown): Promise<ApiResult<unknown>> {
    return dispatch(this, this.sessions.get(sessionId), method, input);
  }

  close(): void {
    if (this.autoBackupTimer) clearInterval(this.autoBackupTimer);
    this.autoBackupTimer = null;
    this.jobs.cancelAll();
    this.closeLedger();
  }
}
