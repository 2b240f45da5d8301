import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LedgerError } from '../../db/errors';
import type { ApiErrorValue } from '../api/result';
import type { TaskArgs, TaskName } from './tasks';
import type { LedgerKey } from '../../db/crypto';

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobView {
  id: string;
  task: TaskName;
  state: JobState;
  done: number;
  total: number;
  result?: unknown;
  error?: ApiErrorValue;
  /** The session that started the job; only it may see or cancel it. */
  owner: string;
}

interface Job extends JobView {
  cancelFlag: Int32Array;
  worker: Worker;
  finished: Promise<void>;
}

/**
 * The built worker sits beside this bundle. From source (tests, tsx) a small bootstrap registers
 * tsx's loader inside the worker first, since a worker does not inherit the parent's loader hooks.
 */
function createWorker(workerData: unknown): Worker {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const built = path.join(here, 'worker.js');
  if (fs.existsSync(built)) return new Worker(built, { workerData });
  const source = pathToFileURL(path.join(here, 'worker.ts')).href;
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}

export class JobRunner {
  private readonly jobs = new Map<string, Job>();

  /**
   * `key`: the ledger key every worker gets (in workerData, never through a file or argv), so
   * tasks open an encrypted ledger with openTaskLedger (./ledger.ts). Null for a plain ledger.
   */
  constructor(
    private readonly owner: { log: (m: string, e?: unknown) => void },
    private readonly key: LedgerKey | null = null,
  ) {}

  start<T extends TaskName>(
    task: T,
    args: TaskArgs<T>,
    owner: string,
    onDone?: (result: unknown) => void,
    onFailed?: (error: ApiErrorValue) => void,
  ): JobView {
    const cancelBuffer = new SharedArrayBuffer(4);
    const worker = createWorker({ task, args, cancelFlag: cancelBuffer, key: this.key });
    const job = { id: randomUUID(), task, state: 'running', done: 0, total: 0, owner, cancelFlag: new Int32Array(cancelBuffer), worker } as unknown as Job;
    job.finished = new Promise<void>((resolve) => {
      worker.on('message', (msg: { type: string; done?: number; total?: number; result?: unknown; error?: ApiErrorValue }) => {
        if (msg.type === 'progress') {
          job.done = msg.done!;
          job.total = msg.total!;
        } else if (msg.type === 'done') {
          job.state = 'done';
          job.done = job.total;
          job.result = msg.result;
          try {
            onDone?.(msg.result);
          } catch (err) {
            this.owner.log(`after ${task}`, err);
          }
        } else if (msg.type === 'failed') {
          job.state = msg.error?.code === 'CANCELLED' ? 'cancelled' : 'failed';
          job.error = msg.error;
          onFailed?.(msg.error!);
        }
      });
      worker.on('error', (err) => {
        this.owner.log(`job ${task} crashed`, err);
        job.state = 'failed';
        job.error = { code: 'INTERNAL', message: 'The background task stopped unexpectedly; nothing was written.', zh: '后台任务意外中止，未写入任何数据。' };
        onFailed?.(job.error);
      });
      worker.on('exit', () => resolve());
    });
    this.jobs.set(job.id, job);
    return this.view(job);
  }

  get(id: string, owner: string): JobView {
    const job = this.jobs.get(id);
    if (!job || job.owner !== owner) {
      throw new LedgerError('NOT_FOUND', { en: `No job ${id}`, zh: `没有任务 ${id}` });
    }
    return this.view(job);
  }

  cancel(id: string, owner: string): JobView {
    const job = this.jobs.get(id);
    if (!job || job.owner !== owner) throw new LedgerError('NOT_FOUND', { en: `No job ${id}`, zh: `没有任务 ${id}` });
    Atomics.store(job.cancelFlag, 0, 1);
    return this.view(job);
  }

  /** Waits for a job to end (tests and shutdown). */
  async wait(id: string): Promise<void> {
    await this.jobs.get(id)?.finished;
  }

  cancelAll(): void {
    for (const job of this.jobs.values()) if (job.state === 'running') Atomics.store(job.cancelFlag, 0, 1);
  }

  private view(job: Job): JobView {
    const { cancelFlag: _c, worker: _w, finished: _f, ...view } = job;
    return { ...view };
  }
}
