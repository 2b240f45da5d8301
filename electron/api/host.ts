import fs from 'node:fs';
import path from 'node:path';
import { checkIntegrity, openLedger, type Ledger } from '../../db/ledger';
import { keyedOpener, type LedgerKey } from '../../db/crypto';
import { LedgerError } from '../../db/errors';
import { SessionStore } from './sessions';
import { JobRunner } from '../jobs/runner';
import { dispatch } from './dispatch';
import type { ApiResult } from './result';
import type { Actor } from '../../db/actor';
import { autoBackup, restoreBackup, type RestoreResult } from '../../db/system/backup';

/** How often the host looks whether the daily backup is due (db/system/backup.ts autoBackup). */
const AUTO_BACKUP_CHECK_MS = 60 * 60_000;

/**
 * The background work an open starts (the deferred integrity check, the on-open backup) waits
 * until the host has answered its first call, or this long at most, so that it does not compete
 * with the first answer for the CPU (docs/PERFORMANCE.md, "Web host ready").
 */
const START_WORK_DELAY_MS = 1000;

/** Work held back until the first answer: `start` runs it, `drop` when the host closes first. */
interface StartWork {
  start: () => void;
  drop: () => void;
}

export interface HostOptions {
  /** Folder holding ledger.sqlite and its backups. */
  dataDir: string;
  log?: (message: string, err?: unknown) => void;
  /** Rotating daily/weekly backups: checked when the ledger opens and every hour (default on). */
  autoBackup?: boolean;
  /**
   * The ledger key (db/crypto.ts): every connection — the host's, the background workers', the
   * backups' — is keyed with it; an existing plain ledger is encrypted on open. Null or absent: a
   * plain ledger (an encrypted one is then refused as LOCKED).
   */
  key?: LedgerKey | null;
  /**
   * 'now' (default): quick_check before the ledger is used. 'defer' (web host, desktop): a cleanly
   * closed ledger opens without it and a background worker runs it right away (`integrityCheck`);
   * a failure closes the ledger and every call is refused as CORRUPT. After an unclean shutdown
   * the check still runs before anything is answered.
   */
  check?: 'now' | 'defer';
}

/** The owner of the host's own background jobs (no session can see or cancel them). */
const HOST_JOBS = 'host';

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
  private readonly key: LedgerKey | null;
  private readonly checkMode: 'now' | 'defer';
  /** Set when the deferred integrity check failed: the ledger stays closed and this is the answer. */
  private failure: LedgerError | null = null;
  /** The deferred integrity check of the last open, if one runs (resolves to null when it passed). */
  integrityCheck: Promise<LedgerError | null> = Promise.resolve(null);
  private startWork: StartWork[] = [];
  private startWorkTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: HostOptions) {
    this.dataDir = path.resolve(options.dataDir);
    this.autoBackupOn = options.autoBackup ?? true;
    this.key = options.key ?? null;
    this.checkMode = options.check ?? 'now';
    this.log = options.log ?? ((message, err) => console.error(`[county-ledger] ${message}`, err ?? ''));
    this.jobs = new JobRunner(this, this.key);
    fs.mkdirSync(this.dataDir, { recursive: true });
  }

  get ledgerPath(): string {
    return path.join(this.dataDir, 'ledger.sqlite');
  }

  get ledger(): Ledger | null {
    return this.current;
  }

  /** Whether this host keys its connections (the ledger is encrypted at rest). */
  get encrypted(): boolean {
    return this.key !== null;
  }

  /** Opens the ledger file if one exists; a fresh data folder waits for the welcome screen. */
  openExisting(): Ledger | null {
    if (this.current) return this.current;
    if (this.failure) throw this.failure;
    if (!fs.existsSync(this.ledgerPath)) return null;
    this.current = this.open(this.checkMode);
    this.reportEncryption(this.current);
    if (this.current.integrity === 'deferred') this.checkInBackground(this.current);
    this.scheduleAutoBackup(true);
    return this.current;
  }

  private open(check: 'now' | 'defer' = 'now'): Ledger {
    return openLedger(this.ledgerPath, { key: this.key, check });
  }

  private reportEncryption(ledger: Ledger): void {
    const done = ledger.encryptedOnOpen;
    if (!done) return;
    if (done.ledger) this.log(`the plain ledger ${ledger.path} was encrypted (台账已加密)`);
    if (done.encrypted.length) this.log(`plain backups encrypted with the ledger key (明文备份已加密): ${done.encrypted.join(', ')}`);
    for (const r of done.removed) this.log(`plain backup ${r.name} was damaged and was deleted (损坏的明文备份已删除): ${r.reason}`);
    for (const r of done.kept) this.log(`WARNING: plain backup ${r.name} could not be encrypted yet and is still readable; retried at the next start (明文备份暂未能加密，仍可被读取，下次启动时重试): ${r.reason}`);
  }

  /** Holds work back until the first call has been answered (or START_WORK_DELAY_MS has passed). */
  private afterFirstAnswer(work: StartWork): void {
    this.startWork.push(work);
    if (this.startWorkTimer) return;
    this.startWorkTimer = setTimeout(() => this.runStartWork(), START_WORK_DELAY_MS);
    this.startWorkTimer.unref?.();
  }

  private runStartWork(): void {
    if (this.startWorkTimer) clearTimeout(this.startWorkTimer);
    this.startWorkTimer = null;
    const work = this.startWork;
    this.startWork = [];
    for (const w of work) w.start();
  }

  /**
   * The deferred quick_check, in a worker once the first call is answered; a failure takes the
   * ledger out of service, loudly.
   */
  private checkInBackground(ledger: Ledger): void {
    this.integrityCheck = new Promise((resolve) => {
      const refuse = (detail: string) => {
        const failure = new LedgerError('CORRUPT', {
          en: `The ledger failed its integrity check (${detail}) and was closed. Restore it from a backup.`,
          zh: `台账完整性检查未通过（${detail}），已关闭。请从备份恢复。`,
        });
        this.log(`INTEGRITY CHECK FAILED 完整性检查未通过: ${ledger.path}: ${detail}`);
        if (this.current === ledger) {
          this.failure = failure;
          this.closeLedger();
        }
        resolve(failure);
      };
      // The worker could not run the check (not a verdict on the file): run it here instead.
      const inProcess = (error: { code: string; message: string }) => {
        if (error.code === 'CANCELLED' || this.current !== ledger) return resolve(null);
        this.log(`the background integrity check could not run (${error.message}); checking in the main process`);
        try {
          checkIntegrity(ledger.sqlite);
          resolve(null);
        } catch (err) {
          refuse(err instanceof LedgerError ? err.message : String(err));
        }
      };
      this.afterFirstAnswer({
        start: () => {
          if (this.current !== ledger) return resolve(null);
          this.jobs.start('checkLedger', { file: ledger.path }, HOST_JOBS,
            (result) => (result === 'ok' ? resolve(null) : refuse(String(result))),
            inProcess);
        },
        drop: () => resolve(null),
      });
    });
  }

  /** Creates and opens a new, empty ledger; refused if one is already there. */
  createEmpty(): Ledger {
    if (fs.existsSync(this.ledgerPath)) {
      throw new LedgerError('CONFLICT', { en: 'A ledger already exists in this folder', zh: '此文件夹中已有台账' });
    }
    this.current = this.open();
    this.scheduleAutoBackup(false);
    return this.current;
  }

  /** The daily backup when due: now (on open of an existing ledger) and then every hour. */
  private scheduleAutoBackup(now: boolean): void {
    if (!this.autoBackupOn) return;
    const run = () => {
      const ledger = this.current;
      if (!ledger) return;
      autoBackup(ledger, { open: this.opener() }).catch((err: unknown) => {
        if (this.current === ledger) this.log('automatic backup failed', err);
      });
    };
    if (!this.autoBackupTimer) {
      this.autoBackupTimer = setInterval(run, AUTO_BACKUP_CHECK_MS);
      this.autoBackupTimer.unref?.();
    }
    if (now) this.afterFirstAnswer({ start: run, drop: () => {} });
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
        this.current = this.open();
        return this.current;
      },
      open: this.opener(),
    });
  }

  /** Opens backups and restore candidates with the ledger key (undefined: plain files). */
  opener() {
    return this.key ? keyedOpener(this.key) : undefined;
  }

  /** Closes the ledger and signs everyone out (before a restore or a switch of file). */
  closeLedger(): void {
    this.current?.close();
    this.current = null;
    this.sessions.clear();
  }

  call(sessionId: string, method: string, input: unknown): Promise<ApiResult<unknown>> {
    const answer = dispatch(this, this.sessions.get(sessionId), method, input);
    if (this.startWork.length) {
      // After the transport has sent this answer (its continuation runs before the immediate).
      const later = () => setImmediate(() => this.runStartWork());
      answer.then(later, later);
    }
    return answer;
  }

  close(): void {
    if (this.autoBackupTimer) clearInterval(this.autoBackupTimer);
    this.autoBackupTimer = null;
    if (this.startWorkTimer) clearTimeout(this.startWorkTimer);
    this.startWorkTimer = null;
    for (const w of this.startWork.splice(0)) w.drop();
    this.jobs.cancelAll();
    this.closeLedger();
  }
}
