/**
 * Performance at county scale: `npm run bench [-- --scale S,L,XL] [--runs N] [--only a,b] [--seed N] [--no-build] [--list]`.
 *
 * For each scale it makes sure a generated ledger is cached (cache.ts), then runs every operation
 * group in its own child process (child.ts → ops/<group>.ts), each operation alternating with its
 * ANCHOR — the same work done by a plain, well-known tool — so both see the same machine load.
 * It prints one table per scale and writes bench-results/<timestamp>-<scale>.json and
 * bench-results/latest.json. Not part of `npm test`. See docs/PERFORMANCE.md.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { CACHE_DIR, REPO, RESULTS_DIR, ensureLedger } from './cache';
import { renderTable, speedRatio, stats } from './lib/report';
import type { GroupContext, OpResult, ScaleName } from './lib/types';

/** Groups in the order they run, with the operations each reports (for --only and --list). */
export const GROUPS: Record<string, string[]> = {
  load: ['load.county'],
  import: ['import.xlsx'],
  registry: [
    'search.name', 'search.idNumber', 'search.archiveNo', 'search.phone', 'search.initials', 'search.pinyin',
    'list.all', 'list.deep', 'list.village', 'list.townshipStatus', 'list.memberHealth', 'list.dibao', 'list.monitored', 'household.page',
  ],
  funds: ['funds.hledgerExport', 'funds.trialBalance', 'funds.sourceExecution'],
  /** Runs at L and XL, or when named: the cached ledger grown to 1,000,000 voucher lines. */
  funds1m: ['funds1m.trialBalance', 'funds1m.sourceExecution'],
  distribution: ['distribution.prepare', 'distribution.approve', 'distribution.pay', 'distribution.total'],
  dashboard: ['dashboard.figures', 'dashboard.alerts'],
  cards: ['cards.batch', 'cards.memory'],
  web: ['web.ready', 'web.readyEncrypted'],
};

const DEFAULT_RUNS: Record<ScaleName, number> = { S: 5, L: 3, XL: 2 };
/** Heavy operations (each run loads or renders a whole county or batch) run fewer times. */
const DEFAULT_HEAVY_RUNS: Record<ScaleName, number> = { S: 3, L: 1, XL: 1 };

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'S' },
    runs: { type: 'string' },
    only: { type: 'string', default: '' },
    seed: { type: 'string', default: '1' },
    'no-build': { type: 'boolean', default: false },
    list: { type: 'boolean', default: false },
    'keep-work': { type: 'boolean', default: false },
  },
});

if (values.list) {
  for (const [g, ops] of Object.entries(GROUPS)) process.stdout.write(`${g}: ${ops.join(', ')}\n`);
  process.exit(0);
}

const scales = values.scale.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean) as ScaleName[];
for (const s of scales) {
  if (!['S', 'L', 'XL'].includes(s)) {
    process.stderr.write(`unknown scale ${s}; use S, L or XL\n`);
    process.exit(2);
  }
}
const only = values.only.split(',').map((s) => s.trim()).filter(Boolean);
const seed = Number(values.seed);
const wantsGroup = (g: string) => !only.length || only.some((o) => o === g || GROUPS[g]!.some((id) => id === o || id.startsWith(`${o}.`)));
for (const o of only) {
  if (!Object.entries(GROUPS).some(([g, ids]) => g === o || ids.some((id) => id === o || id.startsWith(`${o}.`)))) {
    process.stderr.write(`--only ${o} names no operation; see --list\n`);
    process.exit(2);
  }
}

const log = (s: string) => process.stderr.write(`${s}\n`);
const sh = (cmd: string, args: string[]) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
};

function machine() {
  const probe = new Database(':memory:');
  const sqlite = probe.prepare('SELECT sqlite_version()').pluck().get() as string;
  probe.close();
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memGb: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    betterSqlite3Sqlite: sqlite,
    sqliteCli: sh('sqlite3', ['--version'])?.split(' ')[0] ?? null,
    hledger: sh('hledger', ['--version']),
  };
}

/** Builds the app (main + renderer) into bench-results/build so the shared out/ folder is left alone. */
function buildWebHost(): { webJs: string; rendererDir: string } | { error: string } {
  const outDir = path.join(RESULTS_DIR, 'build');
  const webJs = path.join(outDir, 'main', 'web.js');
  const rendererDir = path.join(outDir, 'renderer');
  if (values['no-build'] && fs.existsSync(webJs)) return { webJs, rendererDir };
  log('building the web host (electron-vite, tests/bench/build.config.ts → bench-results/build) …');
  const t0 = performance.now();
  const res = spawnSync('npx', ['electron-vite', 'build', '--config', 'tests/bench/build.config.ts', '--logLevel', 'warn'], {
    cwd: REPO, encoding: 'utf8', env: { ...process.env, BENCH_BUILD_DIR: outDir },
  });
  if (res.status !== 0 || !fs.existsSync(webJs)) return { error: `build failed: ${(res.stderr || res.stdout || '').slice(-600)}` };
  log(`  built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { webJs, rendererDir };
}

function runGroup(ctx: GroupContext): Promise<OpResult[]> {
  const ctxFile = path.join(ctx.workDir, 'context.json');
  const outFile = path.join(ctx.workDir, 'results.json');
  fs.writeFileSync(ctxFile, JSON.stringify(ctx));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', path.join(REPO, 'tests/bench/child.ts'), ctxFile, outFile], {
      cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', (code, signal) => {
      if (fs.existsSync(outFile)) {
        resolve(JSON.parse(fs.readFileSync(outFile, 'utf8')) as OpResult[]);
      } else {
        resolve([{ id: ctx.group, group: ctx.group, label: ctx.group, status: 'error', note: `child process ended with ${signal ?? `code ${code}`} before reporting` }]);
      }
    });
  });
}

const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
const info = machine();
const reports: unknown[] = [];
let web: { webJs: string; rendererDir: string } | { error: string } | null = null;

for (const scale of scales) {
  const started = new Date();
  const uptimeBefore = sh('uptime', []) ?? os.loadavg().join(' ');
  log(`\n=== scale ${scale} (seed ${seed}) — ${uptimeBefore}`);
  const cached = ensureLedger(scale, seed, log);
  const f = cached.facts;
  log(`ledger: ${path.relative(REPO, cached.file)} — ${f.households} households, ${f.members} members, ${f.voucherLines} voucher lines, ${f.assets} assets, ${f.shares} shares${cached.fresh ? ' (generated now)' : ' (cached)'}`);
  const runs = values.runs ? Number(values.runs) : DEFAULT_RUNS[scale];
  const results: OpResult[] = [];
  const loadSamples: { group: string; before: number[]; after: number[] }[] = [];
  for (const group of Object.keys(GROUPS)) {
    if (!wantsGroup(group)) continue;
    if (group === 'funds1m' && scale === 'S' && !only.some((o) => o.startsWith('funds1m'))) continue;
    const workDir = fs.mkdtempSync(path.join(RESULTS_DIR, `work-${scale}-${group}-`));
    const heavyRuns = values.runs ? runs : DEFAULT_HEAVY_RUNS[scale];
    const ctx: GroupContext = { group, scale, seed, runs, heavyRuns, only, ledgerFile: cached.file, facts: f, workDir, cacheDir: CACHE_DIR };
    if (group === 'web') {
      web ??= buildWebHost();
      if ('error' in web) {
        results.push({ id: 'web.ready', group, label: 'web host start → first answer', status: 'error', note: web.error });
        fs.rmSync(workDir, { recursive: true, force: true });
        continue;
      }
      Object.assign(ctx, web);
    }
    log(`  ${group} …`);
    const before = os.loadavg();
    const t0 = performance.now();
    const got = await runGroup(ctx);
    loadSamples.push({ group, before, after: os.loadavg() });
    log(`  ${group} done in ${((performance.now() - t0) / 1000).toFixed(1)} s (load average ${os.loadavg()[0]!.toFixed(1)})`);
    results.push(...got.filter((r) => !only.length || only.some((o) => o === group || o === r.id || r.id.startsWith(`${o}.`)) || r.status !== 'ok'));
    if (!values['keep-work']) fs.rmSync(workDir, { recursive: true, force: true });
  }
  const uptimeAfter = sh('uptime', []) ?? os.loadavg().join(' ');
  const title = `County Ledger bench — scale ${scale} (${f.households.toLocaleString('en')} households, ${f.members.toLocaleString('en')} members, ` +
    `${f.voucherLines.toLocaleString('en')} voucher lines, ${f.shares.toLocaleString('en')} shares), ${runs} runs (heavy operations: ${values.runs ? runs : DEFAULT_HEAVY_RUNS[scale]}), ${info.cores} × ${info.cpu}\n` +
    `load before: ${uptimeBefore}\nload after:  ${uptimeAfter}`;
  process.stdout.write(`\n${renderTable(results, title)}\n`);
  const report = {
    scale, seed, runs, startedAt: started.toISOString(), finishedAt: new Date().toISOString(), machine: info,
    load: { before: uptimeBefore, after: uptimeAfter, perGroup: loadSamples }, ledger: f,
    results: results.map((r) => ({ ...r, opStats: stats(r.op), anchorStats: stats(r.anchor), speedVsAnchor: speedRatio(r) })),
  };
  reports.push(report);
  fs.writeFileSync(path.join(RESULTS_DIR, `${stamp}-${scale}.json`), `${JSON.stringify(report, null, 2)}\n`);
}
fs.writeFileSync(path.join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`);
log(`\nfigures written to bench-results/${stamp}-<scale>.json and bench-results/latest.json`);
