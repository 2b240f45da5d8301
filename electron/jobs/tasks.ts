import { openTaskLedger, openTaskConnection } from './ledger';
import { LedgerError } from '../../db/errors';
import type { PrintBatchArgs } from '../certificates/batch';
import type { Actor } from '../../db/actor';
import { previewImport, runImport, type ImportFileInput } from '../../db/registry/import';

/** What a task may do while it runs: report progress and notice a cancel. */
export interface TaskIo {
  progress(done: number, total: number): void;
  /** Throws CANCELLED once the user has asked to stop; call it between chunks of work. */
  checkCancelled(): void;
}

export const cancelledError = () =>
  new LedgerError('CANCELLED', { en: 'Cancelled; nothing was written', zh: '已取消，未写入任何数据' });

/**
 * Long work that runs in a worker thread with its own connection to the ledger file, so the
 * process that answers the window stays responsive. Each task is all-or-nothing.
 * Every task opens the ledger with `openTaskLedger` (./ledger.ts), which applies the ledger key.
 */
export const tasks = {
  async generateDemo(args: { file: string; scale: string; seed?: number }, io: TaskIo) {
    // Loaded here, not at the top: every worker (the integrity check too) would carry it otherwise.
    const { generateCounty } = await import('../../db/demo/generate');
    // The host created the (empty) file just before; it exists.
    const ledger = openTaskLedger(args.file);
    try {
      return generateCounty(ledger, {
        scale: args.scale as 'demo',
        seed: args.seed ?? 1,
        onProgress: (done, total) => {
          io.checkCancelled();
          io.progress(done, total);
        },
      });
    } finally {
      ledger.close();
    }
  },
  previewRegistryImport(args: { file: string; input: ImportFileInput }) {
    const ledger = openTaskLedger(args.file);
    try {
      return previewImport(ledger, args.input);
    } finally {
      ledger.close();
    }
  },
  importRegistry(args: { file: string; actor: Actor; input: ImportFileInput }, io: TaskIo) {
    const ledger = openTaskLedger(args.file);
    try {
      return runImport(ledger, args.actor, args.input, io);
    } finally {
      ledger.close();
    }
  },
  /** Preparing a distribution plan (db/assets/plans.ts): computes and stores every allocation, all or nothing. */
  async preparePlan(args: { file: string; actor: Actor; input: import('../../db/assets/schemas').PrepareInput }, io: TaskIo) {
    const { preparePlan } = await import('../../db/assets/plans');
    const ledger = openTaskLedger(args.file);
    try {
      return preparePlan(ledger, args.actor, args.input, io);
    } finally {
      ledger.close();
    }
  },
  /**
   * Paying a distribution plan (db/assets/pay.ts): every voucher in one transaction, progress by
   * voucher; a cancel or a crash part-way leaves the plan approved and nothing posted.
   */
  async payPlan(args: { file: string; actor: Actor; input: { planId: number; date: string } }, io: TaskIo) {
    const { payPlan } = await import('../../db/assets/pay');
    const ledger = openTaskLedger(args.file);
    try {
      return payPlan(ledger, args.actor, args.input, io);
    } finally {
      ledger.close();
    }
  },
  /** Batch printing (electron/certificates/issue.ts): registers every print or none; returns the file name, not the PDF. */
  async printBatch(args: PrintBatchArgs, io: TaskIo) {
    const { runPrintBatch } = await import('../certificates/batch');
    return runPrintBatch(args, io);
  },
  /** Data-quality checks (db/quality): read-only, progress rule by rule. */
  async qualityRun(args: { file: string; input: import('../../db/quality/schemas').RunInput }, io: TaskIo) {
    const { runQuality } = await import('../../db/quality/report');
    const ledger = openTaskLedger(args.file);
    try {
      return runQuality(ledger, args.input, io);
    } finally {
      ledger.close();
    }
  },
  /** A data package (db/exchange/package): written under a temporary name, renamed when whole. */
  async exportPackage(args: { file: string; dir: string; actor: Actor; input: import('../../db/exchange/package/export').PackageInput }, io: TaskIo) {
    const { exportPackage } = await import('../../db/exchange/package/export');
    const ledger = openTaskLedger(args.file);
    try {
      return exportPackage(ledger, args.actor, args.input, args.dir, io);
    } finally {
      ledger.close();
    }
  },
  /**
   * The integrity check the host defers on start (HostOptions.check = 'defer'): PRAGMA
   * quick_check on a read-only connection, so the host answers while it runs.
   */
  checkLedger(args: { file: string }) {
    const sqlite = openTaskConnection(args.file);
    try {
      return (sqlite.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check).join('; ');
    } finally {
      sqlite.close();
    }
  },
} satisfies Record<string, (args: never, io: TaskIo) => unknown>;

export type TaskName = keyof typeof tasks;
export type TaskArgs<T extends TaskName> = Parameters<(typeof tasks)[T]>[0];
export type TaskResult<T extends TaskName> = Awaited<ReturnType<(typeof tasks)[T]>>;
