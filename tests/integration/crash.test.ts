import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openLedger, type Ledger } from '../../db/ledger';
import { verifyAuditChain } from '../../db/audit';
import { createHousehold } from '../../db/registry/households';
import { actorFor, count, tempDir } from '../support/tmp';
import { household, seedVillage } from '../support/fixtures';

/**
 * Crash safety (DESIGN.md §3 "a crash mid-write leaves the last committed state"): a separate
 * process starts one large write transaction and is killed with SIGKILL in the middle of it. The
 * ledger must then open, pass integrity_check, hold all of the operation or none of it, and keep an
 * unbroken audit chain.
 */

const CHILD = path.resolve('tests/support/crash-child.ts');

interface ChildRun {
  /** The lines the child printed before it died. */
  lines: string[];
  signal: NodeJS.Signals | null;
  /** Size of the WAL file right after the kill: uncommitted pages on disk. */
  walBytes: number;
}

/** Runs the child and kills it with SIGKILL as soon as it prints `killOn`. */
function runAndKill(file: string, mode: string, killOn: 'started' | 'committed'): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, mode], { cwd: path.resolve('.'), stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let stderr = '';
    let buffer = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        lines.push(line);
        if (line === killOn) child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      const walBytes = fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0;
      if (signal !== 'SIGKILL') reject(new Error(`the child was not killed (exit ${_code}); it said ${lines.join(',')} ${stderr}`));
      else resolve({ lines, signal, walBytes });
    });
  });
}

/** A ledger with one village, a registrar and `households` households; closed, on disk. */
function prepare(households: number): string {
  const file = path.join(tempDir('cl-crash-'), 'ledger.sqlite');
  const ledger = openLedger(file);
  const { villageId } = seedVillage(ledger);
  const clerk = actorFor(ledger, 'registrar', 'clerk');
  for (let i = 0; i < households; i++) createHousehold(ledger, clerk, household(villageId, `BASE-${i}`));
  ledger.close();
  return file;
}

interface State {
  households: number;
  members: number;
  audit: number;
  paymentRows: number;
  paidTotal: string | null;
  updatedAt: string;
}

function state(ledger: Ledger): State {
  const updated = ledger.sqlite.prepare('SELECT updated_at FROM households ORDER BY id').pluck().all().join('|');
  return {
    households: count(ledger, 'households'),
    members: count(ledger, 'members'),
    audit: count(ledger, 'audit_log'),
    paymentRows: ledger.sqlite.prepare(`SELECT count(*) FROM audit_log WHERE action = 'payment_test'`).pluck().get() as number,
    paidTotal: (ledger.sqlite.prepare(`SELECT value FROM settings WHERE key = 'crash.paid_total'`).pluck().get() as string | undefined) ?? null,
    updatedAt: createHash('sha256').update(updated).digest('hex'),
  };
}

/** What every crash must leave: a ledger that opens, is sound, and has an unbroken audit chain. */
function reopenAndCheck(file: string): { ledger: Ledger; after: State } {
  const ledger = openLedger(file, { mustExist: true });
  expect(ledger.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(ledger.sqlite.pragma('foreign_key_check')).toEqual([]);
  expect(verifyAuditChain(ledger)).toMatchObject({ ok: true });
  return { ledger, after: state(ledger) };
}

function stateOf(file: string): State {
  const ledger = openLedger(file, { mustExist: true });
  try {
    return state(ledger);
  } finally {
    ledger.close();
  }
}

describe('a crash in the middle of a large write', () => {
  it('import: killed mid-transaction, the ledger holds none of the import', async () => {
    const file = prepare(3);
    const before = stateOf(file);
    const run = await runAndKill(file, 'import', 'started');
    expect(run.lines).toEqual(['started']);
    // Uncommitted pages had reached the WAL file: recovery had to ignore them, not just not see them.
    expect(run.walBytes).toBeGreaterThan(64 * 1024);
    const { ledger, after } = reopenAndCheck(file);
    expect(after).toEqual(before);
    expect(ledger.sqlite.prepare(`SELECT count(*) FROM households WHERE archive_no LIKE 'CRASH-%'`).pluck().get()).toBe(0);
    ledger.close();
  }, 120_000);

  it('import: killed right after COMMIT, the ledger holds all of the import', async () => {
    const file = prepare(3);
    const before = stateOf(file);
    const run = await runAndKill(file, 'import:commit', 'committed');
    expect(run.lines.at(-1)).toBe('committed');
    const { ledger, after } = reopenAndCheck(file);
    expect(after.households).toBe(before.households + 400);
    expect(after.members).toBe(before.members + 1200);
    expect(after.audit).toBe(before.audit + 400);
    ledger.close();
  }, 120_000);

  it('payment: killed mid-transaction, no row update, audit row or total of it remains', async () => {
    const file = prepare(30);
    const before = stateOf(file);
    const run = await runAndKill(file, 'payment', 'started');
    expect(run.lines).toEqual(['started']);
    expect(run.walBytes).toBeGreaterThan(64 * 1024);
    const { ledger, after } = reopenAndCheck(file);
    expect(after).toEqual(before);
    expect(after.paymentRows).toBe(0);
    expect(after.paidTotal).toBeNull();
    ledger.close();
  }, 120_000);

  it('payment: killed right after COMMIT, every part of it is there and adds up', async () => {
    const file = prepare(30);
    const before = stateOf(file);
    await runAndKill(file, 'payment:commit', 'committed');
    const { ledger, after } = reopenAndCheck(file);
    const ids = ledger.sqlite.prepare('SELECT id FROM households').pluck().all() as number[];
    expect(after.paymentRows).toBe(3 * ids.length);
    expect(after.audit).toBe(before.audit + 3 * ids.length);
    expect(Number(after.paidTotal)).toBe(3 * ids.reduce((s, id) => s + 10_000 + id, 0));
    expect(after.updatedAt).not.toBe(before.updatedAt);
    ledger.close();
  }, 120_000);
});
