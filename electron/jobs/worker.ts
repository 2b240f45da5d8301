import { parentPort, workerData } from 'node:worker_threads';
import { tasks, cancelledError, type TaskName } from './tasks';
import { toApiError } from '../api/result';
import { useTaskLedgerKey } from './ledger';
import type { LedgerKey } from '../../db/crypto';

/**
 * Worker entry: runs one task, reports progress, and ends. The cancel flag is shared memory; the
 * ledger key (null for a plain ledger) comes in workerData and is used by openTaskLedger.
 */
const { task, args, cancelFlag, key } = workerData as { task: TaskName; args: never; cancelFlag: SharedArrayBuffer; key: LedgerKey | null };
useTaskLedgerKey(key);
const flag = new Int32Array(cancelFlag);
let lastReport = 0;

try {
  const result = await tasks[task](args, {
    progress(done, total) {
      const now = Date.now();
      if (now - lastReport < 100 && done < total) return;
      lastReport = now;
      parentPort!.postMessage({ type: 'progress', done, total });
    },
    checkCancelled() {
      if (Atomics.load(flag, 0) === 1) throw cancelledError();
    },
  });
  parentPort!.postMessage({ type: 'done', result });
} catch (err) {
  parentPort!.postMessage({ type: 'failed', error: toApiError(err, (e) => console.error(e)) });
}
