/**
 * Loading a generated county: generateCounty into a fresh ledger (migrations applied beforehand,
 * untimed). ANCHOR: the rows that very run wrote, read back into memory (untimed) and inserted into
 * another fresh ledger with plain prepared `INSERT INTO t VALUES (?, …)` statements, one per table,
 * all in one transaction, parents before children (foreign keys stay on), indexes and triggers
 * in place, with the same 256 MB page cache the generator uses. Both rates count the same rows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openLedger } from '../../../db/ledger';
import { generateCounty } from '../../../db/demo/generate';
import { BENCH_TODAY } from '../cache';
import { Harness } from '../lib/harness';
import { cpuSpeedRatio, judgeBoth, judgeMin, speedRatio } from '../lib/report';
import type { OpResult, Series } from '../lib/types';

interface TableRows {
  table: string;
  columns: string[];
  rows: unknown[][];
}

function remove(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

/** Tables in an order where every referenced table comes first. */
function parentsFirst(db: import('better-sqlite3').Database, tables: string[]): string[] {
  const deps = new Map(tables.map((t) => [t, (db.prepare(`PRAGMA foreign_key_list("${t}")`).all() as { table: string }[]).map((f) => f.table).filter((x) => x !== t)]));
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string) => {
    if (seen.has(t)) return;
    seen.add(t);
    for (const d of deps.get(t) ?? []) if (deps.has(d)) visit(d);
    out.push(t);
  };
  for (const t of tables) visit(t);
  return out;
}

/** What the generator added: every row of the generated file that a fresh ledger does not have. */
function addedRows(generated: string, fresh: string): TableRows[] {
  const g = openLedger(generated, { mustExist: true });
  const f = openLedger(fresh, { mustExist: true });
  try {
    const tables = g.sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'`).pluck().all() as string[];
    const out: TableRows[] = [];
    for (const table of parentsFirst(g.sqlite, tables)) {
      const stmt = g.sqlite.prepare(`SELECT * FROM "${table}"`).raw();
      const columns = stmt.columns().map((c) => c.name);
      const rows = stmt.all() as unknown[][];
      const existing = f.sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
      if (existing === 0) {
        if (rows.length) out.push({ table, columns, rows });
        continue;
      }
      // Seeded by a migration (the chart of accounts …): keep only rows whose key the fresh ledger lacks.
      const pk = (g.sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; pk: number }[]).filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
      const keyCols = pk.length ? pk : ['rowid'];
      const keyOf = (r: unknown[]) => JSON.stringify(keyCols.map((c) => r[columns.indexOf(c)]));
      const have = new Set((f.sqlite.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]).map(keyOf));
      if (!pk.length) throw new Error(`table ${table} has seeded rows and no primary key`);
      const extra = rows.filter((r) => !have.has(keyOf(r)));
      if (extra.length) out.push({ table, columns, rows: extra });
    }
    return out;
  } finally {
    g.close();
    f.close();
  }
}

export async function run(h: Harness): Promise<OpResult[]> {
  const { ctx } = h;
  const base = { id: 'load.county', group: ctx.group, label: `load county (generateCounty ${ctx.scale})` };
  if (!h.wants(base.id)) return [];
  const runs = ctx.heavyRuns ?? ctx.runs;
  const op: Series = { ms: [], cpuMs: [], unit: 'rows' };
  const anchor: Series = { ms: [], cpuMs: [], unit: 'rows' };
  let opPeak = 0;
  let anchorPeak = 0;
  let rowsWritten = 0;
  const perTable: Record<string, number> = {};
  for (let r = 0; r < runs; r++) {
    const genFile = path.join(ctx.workDir, `gen-${r}.sqlite`);
    const rawFile = path.join(ctx.workDir, `raw-${r}.sqlite`);
    const freshFile = path.join(ctx.workDir, `fresh-${r}.sqlite`);
    // Untimed: a ledger with its schema, as the app creates it.
    const ledger = openLedger(genFile);
    const cpu0 = process.cpuUsage();
    h.sampler.reset();
    const t0 = performance.now();
    generateCounty(ledger, { scale: ctx.scale, seed: ctx.seed + r, today: BENCH_TODAY, users: true });
    op.ms.push(performance.now() - t0);
    const cu = process.cpuUsage(cpu0);
    op.cpuMs!.push((cu.user + cu.system) / 1000);
    opPeak = Math.max(opPeak, h.sampler.peakMb());
    ledger.close();
    h.log(`run ${r + 1}: generateCounty ${(op.ms[r]! / 1000).toFixed(1)} s`);

    // The anchor, from this run's file.
    openLedger(freshFile).close();
    const tables = addedRows(genFile, freshFile);
    rowsWritten = tables.reduce((n, t) => n + t.rows.length, 0);
    for (const t of tables) perTable[t.table] = t.rows.length;
    const target = openLedger(rawFile);
    target.sqlite.pragma('cache_size = -262144');
    const statements = tables.map((t) => ({ t, stmt: target.sqlite.prepare(`INSERT INTO "${t.table}" (${t.columns.map((c) => `"${c}"`).join(', ')}) VALUES (${t.columns.map(() => '?').join(', ')})`) }));
    const cpu1 = process.cpuUsage();
    h.sampler.reset();
    const t1 = performance.now();
    target.sqlite.transaction(() => {
      for (const { t, stmt } of statements) for (const row of t.rows) stmt.run(row);
    }).immediate();
    anchor.ms.push(performance.now() - t1);
    const cu1 = process.cpuUsage(cpu1);
    anchor.cpuMs!.push((cu1.user + cu1.system) / 1000);
    anchorPeak = Math.max(anchorPeak, h.sampler.peakMb());
    target.close();
    h.log(`run ${r + 1}: raw inserts of ${rowsWritten} rows ${(anchor.ms[r]! / 1000).toFixed(1)} s`);
    for (const f of [genFile, rawFile, freshFile]) remove(f);
    (globalThis as { gc?: () => void }).gc?.();
  }
  op.units = rowsWritten;
  anchor.units = rowsWritten;
  op.peakRssMb = Math.round(opPeak);
  anchor.peakRssMb = Math.round(anchorPeak);
  const result: OpResult = {
    ...base, status: 'ok', op, anchor, anchorStatus: 'ok', anchorLabel: 'raw prepared INSERTs, same rows', judge: 'ratio',
    note: `${rowsWritten.toLocaleString('en')} rows in ${Object.keys(perTable).length} tables; generateCounty also draws every value (names, IDs, pinyin, status histories) — the anchor only writes them`,
    extra: { perTable },
  };
  const ratio = speedRatio(result) ?? 0;
  const cpuRatio = cpuSpeedRatio(result);
  result.target = judgeBoth(judgeMin(ratio, 0.5, '≥ 50% of raw rate'), cpuRatio === null ? null : judgeMin(cpuRatio, 0.5, '≥ 50% of raw rate'));
  if (!result.target.met) result.target.miss = `${(ratio * 100).toFixed(0)}% of the raw rate (CPU: ${((cpuRatio ?? 0) * 100).toFixed(0)}%)`;
  return [result];
}
