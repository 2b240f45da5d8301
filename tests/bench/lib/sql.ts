/**
 * "The same SQL" for anchors: a ledger whose connection records every statement the app's code
 * runs with its parameters, and a runner that replays such statements in Debian's sqlite3 CLI.
 *
 * CLI timing method: `sqlite3 -bail -cmd '.timer on' FILE` with the statements on stdin; the CLI
 * prints "Run Time: real …" after each statement, measured around that statement's execution only
 * (not process start, not opening the file), and those are summed per query. Parameters are
 * inlined as SQL literals. The CLI is SQLite 3.40.1; better-sqlite3 bundles its own, newer SQLite.
 */
import { spawnSync } from 'node:child_process';
import type Database from 'better-sqlite3';
import type { Ledger } from '../../../db/ledger';

export interface Recorded {
  sql: string;
  params: unknown[];
}

/** A view of the ledger that records what runs through `sqlite.prepare`. */
export function recordingLedger(ledger: Ledger, out: Recorded[]): Ledger {
  const sqlite = new Proxy(ledger.sqlite, {
    get(target, prop, receiver) {
      if (prop === 'prepare') {
        return (sql: string) => wrapStatement(target.prepare(sql), sql, out);
      }
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return { ...ledger, sqlite };
}

function wrapStatement(stmt: Database.Statement, sql: string, out: Recorded[]): Database.Statement {
  const proxy: Database.Statement = new Proxy(stmt, {
    get(target, prop) {
      const v = Reflect.get(target, prop, target) as unknown;
      if (prop === 'get' || prop === 'all' || prop === 'run' || prop === 'iterate') {
        return (...args: unknown[]) => {
          out.push({ sql, params: args });
          return (v as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      if (prop === 'pluck' || prop === 'raw' || prop === 'expand' || prop === 'safeIntegers') {
        return (...args: unknown[]) => {
          (v as (...a: unknown[]) => unknown).apply(target, args);
          return proxy;
        };
      }
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return proxy;
}

function literal(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  return `'${String(v).replace(/'/g, "''")}'`;
}

/** The statement with its parameters written in (named @x/:x/$x and positional ?). */
export function inlineSql(r: Recorded): string {
  const named = r.params.find((p) => p !== null && typeof p === 'object' && !Array.isArray(p)) as Record<string, unknown> | undefined;
  const positional = r.params.filter((p) => p === null || typeof p !== 'object' || Array.isArray(p)).flat();
  let i = 0;
  // Strings in the SQL text itself ('posted') are kept as they are.
  return r.sql.replace(/'(?:[^']|'')*'|[@:$]([A-Za-z_]\w*)|\?/g, (m, name: string | undefined) => {
    if (m.startsWith("'")) return m;
    if (name !== undefined) {
      if (!named || !(name in named)) throw new Error(`no value for parameter ${m}`);
      return literal(named[name]);
    }
    return literal(positional[i++]);
  });
}

export interface CliTiming {
  /** Seconds of "real" per statement, in order (millisecond clock). */
  statements: number[];
  /** Seconds of user + sys CPU per statement (getrusage, microseconds). */
  cpu: number[];
  /** Rows printed (a cheap check that the statement did its work). */
  outputLines: number;
}

/** Runs statements in the sqlite3 CLI with `.timer on`; returns the time of each. */
export function sqliteCli(file: string, statements: string[]): CliTiming {
  const script = statements.map((s) => `${s.trim().replace(/;\s*$/, '')};`).join('\n');
  const res = spawnSync('sqlite3', ['-bail', '-readonly', '-cmd', '.timer on', file], { input: script, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (res.error) throw res.error;
  if (res.status !== 0) throw new Error(`sqlite3 failed: ${res.stderr.slice(0, 400)}`);
  const times: number[] = [];
  const cpu: number[] = [];
  let outputLines = 0;
  for (const line of res.stdout.split('\n')) {
    const m = /^Run Time: real ([\d.]+) user ([\d.]+) sys ([\d.]+)/.exec(line);
    if (m) {
      times.push(Number(m[1]));
      cpu.push(Number(m[2]) + Number(m[3]));
    } else if (line) outputLines++;
  }
  if (times.length !== statements.length) throw new Error(`sqlite3 printed ${times.length} timings for ${statements.length} statements`);
  return { statements: times, cpu, outputLines };
}

/**
 * Runs a command to completion and returns its wall time and its CPU time (user + sys, read with
 * bash's `times` builtin, which reports the finished children of the shell).
 */
export function timedCommand(cmd: string, args: string[], outFile = '/dev/null'): { ms: number; cpuMs: number; stdout: string } {
  const quoted = [cmd, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const t0 = performance.now();
  const res = spawnSync('bash', ['-c', `${quoted} > "$BENCH_OUT" || exit $?; times`], {
    encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, BENCH_OUT: outFile },
  });
  const ms = performance.now() - t0;
  if (res.error) throw res.error;
  if (res.status !== 0) throw new Error(`${cmd} failed (${res.status}): ${res.stderr.slice(0, 400)}`);
  // `times` prints the shell's own times, then its children's: "0m6.860s 0m0.450s".
  const lines = res.stdout.trim().split('\n');
  const m = /(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/.exec(lines[lines.length - 1] ?? '');
  const cpuMs = m ? (Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4])) * 1000 : NaN;
  return { ms, cpuMs, stdout: res.stdout };
}

export function hasCommand(cmd: string): boolean {
  const res = spawnSync(cmd, ['--version'], { encoding: 'utf8' });
  return !res.error && res.status === 0;
}
