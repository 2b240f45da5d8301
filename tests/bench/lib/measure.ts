/**
 * Timing and memory helpers. Peak memory is the process RSS high-water mark sampled every 5 ms by a
 * helper thread, so it is seen even while the main thread is busy in synchronous SQLite or pdfmake
 * work (a timer on the main thread would not fire then).
 */
import { Worker } from 'node:worker_threads';

const SAMPLER = `
const { workerData } = require('node:worker_threads');
const peak = new Float64Array(workerData);
setInterval(() => { const r = process.memoryUsage.rss(); if (r > peak[0]) peak[0] = r; }, 5);
`;

export class RssSampler {
  private readonly shared = new SharedArrayBuffer(8);
  private readonly peak = new Float64Array(this.shared);
  private readonly worker: Worker;

  constructor() {
    this.worker = new Worker(SAMPLER, { eval: true, workerData: this.shared });
    this.worker.unref();
  }

  /** Starts a new window: the peak so far is forgotten. */
  reset(): void {
    this.peak[0] = process.memoryUsage.rss();
  }

  /** Peak RSS in MB since the last reset (including now). */
  peakMb(): number {
    const now = process.memoryUsage.rss();
    return Math.max(this.peak[0]!, now) / 1048576;
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

export interface Timed<T> {
  ms: number;
  cpuMs: number;
  value: T;
}

/** Wall and CPU time of one call (sync or async). */
export async function timed<T>(fn: () => T | Promise<T>): Promise<Timed<T>> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(cpu0);
  return { ms, cpuMs: (c.user + c.system) / 1000, value };
}

export function median(xs: readonly number[]): number {
  return quantile(xs, 0.5);
}

/** Nearest-rank p95 (with few samples it is the largest one). */
export function p95(xs: readonly number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]!;
}

export function quantile(xs: readonly number[], q: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

/** Collects the garbage between runs when node runs with --expose-gc (the child does). */
export function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
