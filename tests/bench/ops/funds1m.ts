/**
 * Trial balance and source execution over 1,000,000 voucher lines (the target's own size): the
 * cached ledger with direct payments appended up to a million lines (gen/funds1m.ts), itself cached
 * beside it. hledger reads a million-line journal for minutes, so its anchor runs once, for the
 * trial balance only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openLedger } from '../../../db/ledger';
import { appendLines } from '../gen/funds1m';
import { Harness } from '../lib/harness';
import { measureFunds } from './funds';
import type { OpResult } from '../lib/types';

export const MILLION = 1_000_000;

export async function run(h: Harness): Promise<OpResult[]> {
  const { ctx } = h;
  if (!h.wants('funds1m.trialBalance') && !h.wants('funds1m.sourceExecution')) return [];
  const file = path.join(ctx.cacheDir, `${path.basename(ctx.ledgerFile, '.sqlite')}-1M.sqlite`);
  const countFile = `${file}.lines`;
  if (!fs.existsSync(file) || !fs.existsSync(countFile)) {
    h.log(`appending voucher lines to a copy of the ${ctx.scale} ledger up to ${MILLION.toLocaleString('en')} …`);
    const partial = `${file}.partial`;
    fs.copyFileSync(ctx.ledgerFile, partial);
    const ledger = openLedger(partial, { mustExist: true });
    const t0 = performance.now();
    let lines: number;
    try {
      lines = appendLines(ledger, { seed: ctx.seed, today: ctx.facts.today, target: MILLION });
      ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      ledger.close();
    }
    for (const f of [`${partial}-wal`, `${partial}-shm`]) fs.rmSync(f, { force: true });
    fs.renameSync(partial, file);
    fs.writeFileSync(countFile, String(lines));
    h.log(`  ${lines.toLocaleString('en')} lines in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const lines = Number(fs.readFileSync(countFile, 'utf8'));
  return measureFunds(h, {
    ledgerFile: file, lines, idPrefix: 'funds1m', labelSuffix: ` — ${(lines / 1e6).toFixed(2)}M lines`,
    anchorRuns: 1, sourceAnchor: false, exportRow: false,
  });
}
