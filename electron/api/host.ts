import fs from 'node:fs';
import path from 'node:path';
import { openLedger, type Ledger } from '../../db/ledger';
import { LedgerError } from '../../db/errors';
import { SessionStore } from './sessions';
import { JobRunner } from '../jobs/runner';
import { dispatch } from './dispatch';
import type { ApiResult } from './result';

export interface HostOptions {
  /** Folder holding ledger.sqlite and its backups. */
  dataDir: string;
  log?: (message: string, err?: unknown) => void;
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

  constructor(options: HostOptions) {
    this.dataDir = path.resolve(options.dataDir);
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
    return this.current;
  }

  /** Creates and opens a new, empty ledger; refused if one is already there. */
  createEmpty(): Ledger {
    if (fs.existsSync(this.ledgerPath)) {
      throw new LedgerError('CONFLICT', { en: 'A ledger already exists in this folder', zh: '此文件夹中已有台账' });
    }
    this.current = openLedger(this.ledgerPath);
    return this.current;
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
    this.jobs.cancelAll();
    this.closeLedger();
  }
}
