/**
 * Import rate, end to end (read the .xlsx, check every row, write in one transaction, audit):
 * `npx tsx tests/bench/registryImport.ts [households]`. The target is 20,000 member rows/s.
 * Prints wall and CPU time; on a shared machine the CPU figure is the steadier one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { runImport } from '../../db/registry/import';
import { COLUMNS, templateHeader } from '../../db/registry/import/columns';
import { actorFor, tempLedger } from '../support/tmp';
import { seedVillage } from '../support/fixtures';
import { rosterRows } from '../support/roster';

async function roster(households: number): Promise<Buffer> {
  const file = path.join(os.tmpdir(), `cl-bench-roster-${households}.xlsx`);
  if (!fs.existsSync(file)) {
    // Shared strings, as Excel and WPS write them.
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['青山县建档立卡贫困户家庭成员花名册']).commit();
    ws.addRow(COLUMNS.map((c) => templateHeader(c))).commit();
    for (const r of rosterRows(households)) ws.addRow(COLUMNS.map((c) => r[c.key] ?? null)).commit();
    ws.addRow(['合计']).commit();
    await wb.commit();
  }
  return fs.readFileSync(file);
}

const households = Number(process.argv[2] ?? 20_000);
const buf = await roster(households);
const base64 = buf.toString('base64');
for (let run = 1; run <= 2; run++) {
  const ledger = tempLedger();
  seedVillage(ledger);
  const actor = actorFor(ledger, 'registrar', 'clerk', 'registry.importStart');
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = runImport(ledger, actor, { fileName: 'bench.xlsx', base64 }, { progress() {}, checkCancelled() {} });
  const wall = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu0);
  const cpu = (used.user + used.system) / 1e6;
  console.log(`run ${run}: ${result.members} members in ${wall.toFixed(2)} s wall (${Math.round(result.members / wall)} rows/s), ` +
    `${cpu.toFixed(2)} s CPU (${Math.round(result.members / cpu)} rows/s); load average ${os.loadavg()[0]!.toFixed(1)}`);
  ledger.close();
}
