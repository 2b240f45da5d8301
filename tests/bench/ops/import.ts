/**
 * Importing the county's members from .xlsx with full validation: db/registry/import's runImport
 * (read the workbook, map and check every row, write households and members in one transaction,
 * audit) into a ledger holding only the county, its townships and villages and the users.
 * ANCHOR: reading the same sheet alone with exceljs's streaming reader, counting rows.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openLedger, type Ledger } from '../../../db/ledger';
import type { Actor } from '../../../db/actor';
import { Harness, notAvailable } from '../lib/harness';
import { optionalFunction, optionalModule } from '../lib/optional';
import { judgeBoth, judgeMin } from '../lib/report';
import { median } from '../lib/measure';
import { writeRoster, type RosterColumn } from '../gen/roster';
import type { OpResult, Series } from '../lib/types';

type RunImport = (l: Ledger, a: Actor, input: { fileName: string; base64: string }, io: { progress(d: number, t: number): void; checkCancelled(): void }) => { households: number; members: number };

const REGISTRAR: Actor = { userId: 2, userName: 'registrar', role: 'registrar', method: 'registry.importStart' };

/** A ledger with the county's places and users but no households, to import into. */
function baseLedger(source: string, file: string): void {
  const ledger = openLedger(file);
  try {
    ledger.sqlite.exec(`ATTACH DATABASE '${source.replace(/'/g, "''")}' AS src`);
    ledger.sqlite.transaction(() => {
      for (const t of ['county', 'townships', 'villages', 'users', 'cadres', 'poverty_lines']) {
        ledger.sqlite.exec(`DELETE FROM main."${t}"; INSERT INTO main."${t}" SELECT * FROM src."${t}"`);
      }
    })();
    ledger.sqlite.exec('DETACH DATABASE src');
    ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    ledger.close();
  }
}

async function countRows(file: string): Promise<number> {
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', worksheets: 'emit', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
  for await (const sheet of reader) {
    for await (const _row of sheet as AsyncIterable<unknown>) rows++;
  }
  return rows;
}

export async function run(h: Harness): Promise<OpResult[]> {
  const { ctx } = h;
  const base = { id: 'import.xlsx', group: ctx.group, label: 'import members from .xlsx (full validation)' };
  if (!h.wants(base.id)) return [];
  try {
    const runImport = await optionalFunction<RunImport>('db/registry/import/index.ts', 'runImport');
    const cols = await optionalModule('db/registry/import/columns.ts');
    const columns = cols.COLUMNS as RosterColumn[] | undefined;
    const header = cols.templateHeader as ((c: RosterColumn) => string) | undefined;
    if (!columns || typeof header !== 'function') throw new Error('db/registry/import/columns.ts has no COLUMNS/templateHeader');

    const xlsx = path.join(ctx.cacheDir, `${path.basename(ctx.ledgerFile, '.sqlite')}-roster.xlsx`);
    const t0 = performance.now();
    const memberRows = await writeRoster(ctx.ledgerFile, xlsx, columns, header);
    const wrote = performance.now() - t0;
    if (wrote > 2000) h.log(`wrote the ${memberRows}-member roster in ${(wrote / 1000).toFixed(1)} s`);
    const size = fs.statSync(xlsx).size;
    const base64 = fs.readFileSync(xlsx).toString('base64');
    const baseFile = path.join(ctx.workDir, 'base.sqlite');
    baseLedger(ctx.ledgerFile, baseFile);

    let imported = 0;
    let r = 0;
    const pair = await h.pair(
      () => {
        const file = path.join(ctx.workDir, `run-${r++}.sqlite`);
        fs.copyFileSync(baseFile, file);
        const ledger = openLedger(file, { mustExist: true });
        try {
          const cpu0 = process.cpuUsage();
          const t = performance.now();
          const result = runImport(ledger, REGISTRAR, { fileName: 'roster.xlsx', base64 }, { progress() {}, checkCancelled() {} });
          const ms = performance.now() - t;
          const cu = process.cpuUsage(cpu0);
          imported = result.members;
          h.log(`import: ${result.households} households, ${result.members} members in ${(ms / 1000).toFixed(1)} s`);
          return { ms, cpuMs: (cu.user + cu.system) / 1000, units: result.members };
        } finally {
          ledger.close();
          for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
        }
      },
      async () => {
        await countRows(xlsx);
        // The sheet's rows include the title and header lines; rates count member rows on both sides.
        return { units: memberRows };
      },
      { runs: ctx.heavyRuns ?? ctx.runs, unit: 'rows' },
    );
    const op: Series = pair.op;
    const rate = op.units && op.ms.length ? op.units / (median(op.ms) / 1000) : 0;
    return [{
      ...base, status: 'ok', op, anchor: pair.anchor, anchorLabel: 'exceljs streaming reader, rows counted',
      anchorStatus: pair.anchorError ? 'error' : 'ok', anchorNote: pair.anchorError, judge: 'rate',
      target: judgeBoth(
        judgeMin(rate, 20_000, '≥ 20,000 rows/s', ' rows/s'),
        op.cpuMs?.length && op.units ? judgeMin(op.units / (median(op.cpuMs) / 1000), 20_000, '≥ 20,000 rows/s', ' rows/s') : null,
      ),
      note: `${imported.toLocaleString('en')} member rows, ${(size / 1048576).toFixed(1)} MB .xlsx (shared strings); the import streams the sheet with its own reader (db/registry/import/xlsx.ts, sheetScan.ts), not exceljs`,
    }];
  } catch (err) {
    return [notAvailable(base, err)];
  }
}
