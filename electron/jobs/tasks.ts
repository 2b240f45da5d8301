import { openLedger } from '../../db/ledger';
import { generateCounty } from '../../db/demo/generate';
import { LedgerError } from '../../db/errors';

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
 */
export const tasks = {
  generateDemo(args: { file: string; scale: string; seed?: number }, io: TaskIo) {
    const ledger = openLedger(args.file);
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
} satisfies Record<string, (args: never, io: TaskIo) => unknown>;

export type TaskName = keyof typeof tasks;
export type TaskArgs<T extends TaskName> = Parameters<(typeof tasks)[T]>[0];
export type TaskResult<T extends TaskName> = Awaited<ReturnType<(typeof tasks)[T]>>;
