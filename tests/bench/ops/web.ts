/**
 * Web host start to first answer: `node <build>/main/web.js --data DIR --port 0`, with DIR holding
 * a copy of the cached ledger as ledger.sqlite, timed from spawn until `POST /api/setup.status`
 * has answered (the port is read from the line the host prints when it listens).
 * ANCHOR: a bare `node:http` server started the same way, timed to its first answer.
 *
 * The first start of a day also takes the daily automatic backup in the background; one warm-up
 * start (not counted) takes it and is waited for, so the timed starts are the ordinary ones. The
 * warm-up's own time is reported in the note.
 *
 * web.readyEncrypted: the same with the ledger encrypted and COUNTY_LEDGER_KEY set to a passphrase,
 * as a real web host runs (each keyed connection pays SQLCipher's key derivation). The encrypted
 * copy is made once with encryptLedgerFile and kept in the cache folder beside the plain one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Harness, notAvailable } from '../lib/harness';
import { judgeBoth, judgeMax } from '../lib/report';
import { median } from '../lib/measure';
import type { GroupContext, OpResult } from '../lib/types';
import { encryptLedgerFile, KEY_ENV, parseKey } from '../../../db/crypto';

/** A synthetic passphrase for the bench's encrypted copy (not a secret: the data is generated). */
const BENCH_PASSPHRASE = 'county-ledger-bench-passphrase';

const BARE = `const http = require('node:http');
const server = http.createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end('{"ok":true,"value":{}}'); }); });
server.listen(0, '127.0.0.1', () => { process.stdout.write('serving on http://127.0.0.1:' + server.address().port + '\\n'); });`;

function post(port: number, method: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1', port, path: `/api/${method}`, method: 'POST', agent: false,
      headers: { 'Content-Type': 'application/json', Host: `127.0.0.1:${port}` },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end('{}');
  });
}

/** Spawns, waits for the listening line, asks once; returns the time and the still-running child. */
async function startAndAsk(args: string[], method: string, env: NodeJS.ProcessEnv = {}): Promise<{ ms: number; child: ChildProcess; body: string; peakMb: number; cpuMs: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => { err += c.toString(); });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no listening line within 120 s; stderr: ${err.slice(-400)}`)), 120_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /https?:\/\/(?:127\.0\.0\.1|localhost):(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before listening: ${err.slice(-400)}`));
    });
  });
  const res = await post(port, method);
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${method} answered ${res.status}: ${res.body.slice(0, 200)}`);
  return { ms, child, body: res.body, peakMb: highWater(child.pid), cpuMs: cpuOf(child.pid) };
}

/** The child's CPU time so far (utime + stime from /proc/<pid>/stat), ms. */
function cpuOf(pid: number | undefined): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of the line (utime, stime) are 12 and 13 after the command name; clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** The child's own RSS high-water mark (VmHWM) so far, MB. */
function highWater(pid: number | undefined): number {
  try {
    const m = /VmHWM:\s*(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => { if (child.exitCode === null) child.kill('SIGKILL'); }, 10_000).unref();
  });
}

async function waitForDailyBackup(dir: string, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (fs.existsSync(dir) && fs.readdirSync(dir).some((f) => /daily/.test(f) && !f.startsWith('.') && !f.endsWith('.partial'))) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/** The cached ledger encrypted with BENCH_PASSPHRASE, made once (cache folder, beside the plain one). */
function encryptedCopy(ctx: GroupContext, log: (s: string) => void): string {
  const file = path.join(ctx.cacheDir, `${path.basename(ctx.ledgerFile, '.sqlite')}-encrypted.sqlite`);
  if (fs.existsSync(file) && fs.statSync(file).mtimeMs >= fs.statSync(ctx.ledgerFile).mtimeMs) return file;
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  fs.copyFileSync(ctx.ledgerFile, partial);
  const t0 = performance.now();
  encryptLedgerFile(partial, parseKey(BENCH_PASSPHRASE));
  fs.renameSync(partial, file);
  log(`encrypted copy of the ledger made in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return file;
}

interface Variant {
  id: string;
  label: string;
  ledgerFile: () => string;
  env: NodeJS.ProcessEnv;
}

async function measure(h: Harness, variant: Variant): Promise<OpResult> {
  const { ctx } = h;
  const base = { id: variant.id, group: ctx.group, label: variant.label };
  try {
    if (!ctx.webJs || !fs.existsSync(ctx.webJs)) throw new Error('the web host was not built');
    const dataDir = path.join(ctx.workDir, variant.id);
    fs.mkdirSync(dataDir, { recursive: true });
    fs.copyFileSync(variant.ledgerFile(), path.join(dataDir, 'ledger.sqlite'));
    const args = [ctx.webJs, '--data', dataDir, '--port', '0', ...(ctx.rendererDir ? ['--renderer', ctx.rendererDir] : [])];

    // Warm-up: the day's first start, which also starts the automatic backup.
    const first = await startAndAsk(args, 'setup.status', variant.env);
    const backedUp = await waitForDailyBackup(path.join(dataDir, 'backups'), 300_000);
    await stop(first.child);
    h.log(`${variant.id}: first start of the day ${first.ms.toFixed(0)} ms (${backedUp ? 'daily backup taken' : 'no daily backup seen'}); answer ${first.body.slice(0, 80)}`);

    let hostPeak = 0;
    let barePeak = 0;
    const pair = await h.pair(
      async () => {
        const r = await startAndAsk(args, 'setup.status', variant.env);
        hostPeak = Math.max(hostPeak, r.peakMb);
        await stop(r.child);
        return { ms: r.ms, cpuMs: r.cpuMs };
      },
      async () => {
        const r = await startAndAsk(['-e', BARE], 'setup.status');
        barePeak = Math.max(barePeak, r.peakMb);
        await stop(r.child);
        return { ms: r.ms, cpuMs: r.cpuMs };
      },
      { runs: Math.max(ctx.heavyRuns ?? ctx.runs, 3) },
    );
    // Memory of the started processes (VmHWM at their first answer), not of this one.
    pair.op.peakRssMb = Math.round(hostPeak);
    if (pair.anchor) pair.anchor.peakRssMb = Math.round(barePeak);
    return {
      ...base, status: 'ok', op: pair.op, anchor: pair.anchor, anchorLabel: 'bare node:http server, same start',
      anchorStatus: pair.anchorError ? 'error' : 'ok', anchorNote: pair.anchorError,
      target: judgeBoth(judgeMax(median(pair.op.ms), 1500, '≤ 1.5 s'), pair.op.cpuMs?.length ? judgeMax(median(pair.op.cpuMs), 1500, '≤ 1.5 s') : null),
      note: `spawn → listening → setup.status answered; CPU and peak RSS are the started process's own (/proc: utime+stime, VmHWM) at its first answer; first start of the day (with the backup starting) took ${first.ms.toFixed(0)} ms`,
      extra: { firstStartMs: first.ms },
    };
  } catch (err) {
    return notAvailable(base, err);
  }
}

export async function run(h: Harness): Promise<OpResult[]> {
  const variants: Variant[] = [
    { id: 'web.ready', label: 'web host start → first answer', ledgerFile: () => h.ctx.ledgerFile, env: {} },
    {
      id: 'web.readyEncrypted', label: 'web host start → first answer, encrypted ledger',
      ledgerFile: () => encryptedCopy(h.ctx, (s) => h.log(s)), env: { [KEY_ENV]: BENCH_PASSPHRASE },
    },
  ];
  const results: OpResult[] = [];
  for (const v of variants) if (h.wants(v.id)) results.push(await measure(h, v));
  return results;
}
