/**
 * The quality and exchange methods through the API table, as the screens call them; the two
 * background tasks (checks, package export) are run here directly, as the job worker runs them;
 * the household export reports the error-severity findings of its scope; the report downloads as .xlsx.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedgerHost } from '../../electron/api/host';
import { generateCounty, DEMO_PASSWORD } from '../../db/demo/generate';
import type { ApiResult } from '../../electron/api/result';
import { tasks } from '../../electron/jobs/tasks';
import { packagesDirOf } from '../../electron/api/methods/exchange';
import { SYSTEM_ACTOR } from '../../db/actor';
import { tempDir } from '../support/tmp';

let root: string;
let host: LedgerHost;

beforeAll(async () => {
  root = tempDir('cl-quality-api-');
  host = new LedgerHost({ dataDir: path.join(root, 'data'), autoBackup: false, log: () => {} });
  generateCounty(host.createEmpty(), { scale: 'tiny', seed: 1 });
  for (const who of ['registrar', 'auditor']) {
    const r = await host.call(who, 'auth.signIn', { username: who, password: DEMO_PASSWORD });
    expect(r.ok).toBe(true);
  }
});

afterAll(() => {
  host.close();
  fs.rmSync(root, { recursive: true, force: true });
});

async function call<T>(who: string, method: string, input: unknown): Promise<T> {
  const r = (await host.call(who, method, input)) as ApiResult<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** What the job worker reports: progress steps, and whether cancel was asked for. */
function io() {
  const steps: [number, number][] = [];
  return { steps, progress: (done: number, total: number) => steps.push([done, total]), checkCancelled: () => {} };
}

describe('quality and exchange through the API', () => {
  it('runs the checks as a job and lists every rule', async () => {
    const rules = await call<{ id: string; available: boolean }[]>('auditor', 'quality.rules', {});
    expect(rules.length).toBeGreaterThanOrEqual(25);
    expect(rules.every((r) => r.available)).toBe(true);
    const progress = io();
    const run = await tasks.qualityRun({ file: host.ledgerPath, input: {} }, progress);
    expect(run.totals).toEqual({ error: 2, warning: 3, info: 0 });
    expect(run.rules).toHaveLength(rules.length);
    expect(progress.steps.at(-1)).toEqual([rules.length, rules.length]);
    const started = await call<{ task: string; state: string }>('auditor', 'quality.start', { villageId: 1 });
    expect(started.task).toBe('qualityRun');
    const page = await call<{ total: number; rows: { archiveNo: string }[] }>('auditor', 'quality.findings', { ruleId: 'household.no_cadre' });
    expect(page.total).toBe(1);
  });

  it('reports the error findings with the household export, and exports the report as .xlsx', async () => {
    const exported = await call<{ qualityErrors: number }>('registrar', 'registry.exportHouseholds', {});
    expect(exported.qualityErrors).toBe(2);
    const pre = await call<{ count: number }>('registrar', 'quality.preExport', {});
    expect(pre.count).toBe(2);
    const file = await call<{ base64: string; findings: number }>('auditor', 'quality.export', { lang: 'en' });
    expect(file.findings).toBe(5);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['By rule', 'By township', 'By village', 'Findings', 'Rules']);
    expect(wb.getWorksheet('Findings')!.rowCount).toBe(2 + 5);
  });

  it('writes a package in a job, lists it, and verifies it', async () => {
    const made = await tasks.exportPackage({ file: host.ledgerPath, dir: packagesDirOf(host.dataDir), actor: { ...SYSTEM_ACTOR, method: 'test' }, input: {} }, io());
    const list = await call<{ packages: { fileName: string }[]; keyFingerprint: string }>('auditor', 'exchange.packages', {});
    expect(list.packages.map((p) => p.fileName)).toContain(made.fileName);
    const verdict = await call<{ ok: boolean; manifestSha256: string; signature: { signedByThisLedger: boolean } }>('auditor', 'exchange.packageVerify', { fileName: made.fileName });
    expect(verdict).toMatchObject({ ok: true, manifestSha256: made.manifestSha256, signature: { signedByThisLedger: true } });
    const file = await call<{ base64: string }>('auditor', 'exchange.packageFile', { fileName: made.fileName });
    const uploaded = await call<{ ok: boolean }>('auditor', 'exchange.packageVerify', { fileName: 'copy.tar', base64: file.base64 });
    expect(uploaded.ok).toBe(true);
  });

  it('lets auditors read but not change or package', async () => {
    const accept = await host.call('auditor', 'exchange.dibaoAccept', { fileName: 'r.xlsx', sha256: '0'.repeat(64), proposals: [{ memberId: 1, before: { dibao: false, dibaoClass: null }, after: { dibao: true, dibaoClass: null }, rosterRow: 3 }] });
    expect(accept.ok === false && accept.error.code).toBe('FORBIDDEN');
    const pack = await host.call('auditor', 'exchange.packageStart', {});
    expect(pack.ok === false && pack.error.code).toBe('FORBIDDEN');
  });
});
