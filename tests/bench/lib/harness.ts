/**
 * What an operation group gets from the child process: the RSS sampler, logging, the --only filter
 * and helpers that run an operation and its anchor alternately (op, anchor, op, anchor …) so that
 * both see the same machine load.
 */
import { NotAvailable } from './optional';
import { RssSampler, collect, timed } from './measure';
import type { GroupContext, OpResult, Series } from './types';

export interface Sample {
  /** Leave out to use the wall time measured around the step. */
  ms?: number;
  cpuMs?: number;
  /** Units of work done by this run (rows, pages …); the last run's count is reported. */
  units?: number;
}

/** One run: a function doing the work (timed around all of it) or returning its own timing. */
export type Step = () => Promise<Sample | number | void> | Sample | number | void;

export class Harness {
  readonly sampler = new RssSampler();

  constructor(readonly ctx: GroupContext) {}

  log(s: string): void {
    process.stderr.write(`    [${this.ctx.group}] ${s}\n`);
  }

  /** Whether --only asks for this operation (by id, by its group, or by a prefix of the id). */
  wants(id: string): boolean {
    const only = this.ctx.only;
    if (!only.length) return true;
    return only.some((o) => o === id || o === this.ctx.group || id.startsWith(`${o}.`) || id === o);
  }

  /** Runs a step `runs` times (after `warmup` untimed runs) and returns its series. */
  async series(step: Step, opts: { runs?: number; warmup?: number; unit?: string } = {}): Promise<Series> {
    const runs = opts.runs ?? this.ctx.runs;
    for (let i = 0; i < (opts.warmup ?? 0); i++) await step();
    const out: Series = { ms: [], cpuMs: [], unit: opts.unit };
    let peak = 0;
    for (let i = 0; i < runs; i++) {
      const s = await this.once(step);
      out.ms.push(s.ms);
      if (s.cpuMs !== undefined) out.cpuMs!.push(s.cpuMs);
      if (s.units !== undefined) out.units = s.units;
      peak = Math.max(peak, s.peakMb);
    }
    if (!out.cpuMs!.length) delete out.cpuMs;
    out.peakRssMb = Math.round(peak);
    return out;
  }

  /** Op and anchor alternately, `runs` times each. */
  async pair(op: Step, anchor: Step | null, opts: { runs?: number; anchorRuns?: number; warmup?: number; unit?: string } = {}): Promise<{ op: Series; anchor?: Series; anchorError?: string }> {
    const runs = opts.runs ?? this.ctx.runs;
    for (let i = 0; i < (opts.warmup ?? 0); i++) await op();
    const a: Series = { ms: [], cpuMs: [], unit: opts.unit };
    const b: Series = { ms: [], cpuMs: [], unit: opts.unit };
    let peakA = 0;
    let peakB = 0;
    let anchorError: string | undefined;
    for (let i = 0; i < runs; i++) {
      const s = await this.once(op);
      a.ms.push(s.ms);
      if (s.cpuMs !== undefined) a.cpuMs!.push(s.cpuMs);
      if (s.units !== undefined) a.units = s.units;
      peakA = Math.max(peakA, s.peakMb);
      if (anchor && !anchorError && i < (opts.anchorRuns ?? runs)) {
        try {
          const t = await this.once(anchor);
          b.ms.push(t.ms);
          if (t.cpuMs !== undefined) b.cpuMs!.push(t.cpuMs);
          if (t.units !== undefined) b.units = t.units;
          peakB = Math.max(peakB, t.peakMb);
        } catch (err) {
          anchorError = err instanceof Error ? err.message : String(err);
        }
      }
    }
    for (const s of [a, b]) if (!s.cpuMs!.length) delete s.cpuMs;
    a.peakRssMb = Math.round(peakA);
    b.peakRssMb = Math.round(peakB);
    return { op: a, ...(anchor && b.ms.length ? { anchor: b } : {}), ...(anchorError ? { anchorError } : {}) };
  }

  private async once(step: Step): Promise<{ ms: number; cpuMs?: number; units?: number; peakMb: number }> {
    collect();
    this.sampler.reset();
    const t = await timed(step);
    const peakMb = this.sampler.peakMb();
    const v = t.value;
    if (typeof v === 'number') return { ms: v, peakMb };
    if (v && typeof v === 'object') {
      // A step that reports its own time (a child process) has no CPU time of ours.
      return { ms: v.ms ?? t.ms, cpuMs: v.cpuMs ?? (v.ms === undefined ? t.cpuMs : undefined), units: v.units, peakMb };
    }
    return { ms: t.ms, cpuMs: t.cpuMs, peakMb };
  }
}

/** A row for an operation that cannot run (module missing, feature not built yet). */
export function notAvailable(base: Omit<OpResult, 'status'>, err: unknown): OpResult {
  const note = err instanceof NotAvailable ? `not available yet: ${err.message}` : `failed: ${err instanceof Error ? (err.stack ?? err.message).split('\n').slice(0, 3).join(' | ') : String(err)}`;
  return { ...base, status: err instanceof NotAvailable ? 'n/a' : 'error', note };
}
