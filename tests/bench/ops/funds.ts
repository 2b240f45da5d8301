/**
 * Trial balance and source execution over every posted voucher, and the hledger export; the
 * anchor is hledger itself (`hledger -f journal bal`, and `bal --pivot source` for the per-source
 * figures) on the journal db/funds exported from the same ledger, timed as a whole process run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openLedger, type Ledger } from '../../../db/ledger';
import { Harness, notAvailable } from '../lib/harness';
import { optionalFunction } from '../lib/optional';
import { hasCommand, timedCommand } from '../lib/sql';
import { median } from '../lib/measure';
import { fmtMs, judgeBoth, judgeMax } from '../lib/report';
import type { OpResult, Series, Target } from '../lib/types';

type TrialBalanceFn = (l: Ledger, q: { from: string; to: string }) => { rows: { code: string; closingDebit: number; closingCredit: number }[]; balanced: boolean };
type ExecutionFn = (l: Ledger, q: { year?: number }) => { rows: unknown[] };
type JournalFn = (l: Ledger, range: { from?: string; to?: string }) => string;
type WriteJournalFn = (l: Ledger, range: { from?: string; to?: string }, file: string) => number;

function hledger(args: string[], outFile?: string): { ms: number; cpuMs: number } {
  return timedCommand('hledger', args, outFile);
}

export async function run(h: Harness): Promise<OpResult[]> {
  const { ctx } = h;
  return measureFunds(h, {
    ledgerFile: ctx.ledgerFile, lines: ctx.facts.voucherLines, idPrefix: 'funds', labelSuffix: '',
    // hledger reads the whole journal each run: at L and XL one or two runs are enough.
    anchorRuns: ctx.heavyRuns ?? ctx.runs, sourceAnchor: true, exportRow: true,
  });
}

export interface FundsOptions {
  ledgerFile: string;
  lines: number;
  idPrefix: string;
  labelSuffix: string;
  anchorRuns: number;
  /** Also time hledger's per-source balance for the source-execution row. */
  sourceAnchor: boolean;
  /** Report the export itself as a row. */
  exportRow: boolean;
}

export async function measureFunds(h: Harness, o: FundsOptions): Promise<OpResult[]> {
  const { ctx } = h;
  const out: OpResult[] = [];
  const lines = o.lines;
  const ledger = openLedger(o.ledgerFile, { mustExist: true });
  const journalFile = path.join(ctx.workDir, 'funds.journal');
  /** What the trial-balance anchor printed, for the cross-check. */
  const balFile = path.join(ctx.workDir, 'hledger-bal.txt');
  const haveHledger = hasCommand('hledger');
  const range = { from: ctx.facts.fundsFrom, to: ctx.facts.fundsTo };
  const anchorRuns = o.anchorRuns;
  const lineNote = `${lines.toLocaleString('en')} voucher lines${lines < 1_000_000 ? ' (target is stated for 1,000,000)' : ''}`;
  try {
    // The export first: the anchors need its file.
    let journal: WriteJournalFn | null = null;
    const exportBase = { id: `${o.idPrefix}.hledgerExport`, group: ctx.group, label: `journal export (hledger format)${o.labelSuffix}` };
    try {
      // Written to the file piece by piece where the module can (writeHledgerJournal), else built as one string.
      journal = await optionalFunction<WriteJournalFn>('db/funds/hledger.ts', 'writeHledgerJournal').catch(async () => {
        const text = await optionalFunction<JournalFn>('db/funds/hledger.ts', 'hledgerJournal');
        return (l: Ledger, range: { from?: string; to?: string }, file: string) => {
          fs.writeFileSync(file, text(l, range));
          return fs.statSync(file).size;
        };
      });
      journal(ledger, {}, journalFile);
      if (o.exportRow && h.wants(exportBase.id)) {
        const s = await h.series(() => {
          journal!(ledger, {}, journalFile);
          return { units: lines };
        }, { unit: 'lines' });
        out.push({ ...exportBase, status: 'ok', op: s, note: `${(fs.statSync(journalFile).size / 1048576).toFixed(1)} MB journal, written to the file` });
      }
    } catch (err) {
      out.push(notAvailable(exportBase, err));
    }
    const anchorOk = haveHledger && journal !== null;
    const anchorWhy = !haveHledger ? 'hledger not installed' : 'no hledger export to read';

    const tbBase = { id: `${o.idPrefix}.trialBalance`, group: ctx.group, label: `trial balance, ${range.from}…${range.to}${o.labelSuffix}` };
    if (h.wants(tbBase.id)) {
      try {
        const tb = await optionalFunction<TrialBalanceFn>('db/funds/trialBalance.ts', 'trialBalance');
        const r = await h.pair(
          () => { tb(ledger, range); return { units: lines }; },
          anchorOk ? () => ({ ...hledger(['-f', journalFile, 'bal', '--flat'], balFile), units: lines }) : null,
          { unit: 'lines', warmup: 1, anchorRuns },
        );
        const check = crossCheck(tb(ledger, range).rows, anchorOk && fs.existsSync(balFile) ? balFile : null);
        const op = r.op;
        out.push({
          ...tbBase, status: 'ok', op, anchor: r.anchor, anchorLabel: 'hledger bal (whole process)',
          anchorStatus: anchorOk ? (r.anchorError ? 'error' : 'ok') : 'n/a', anchorNote: anchorOk ? r.anchorError : anchorWhy,
          target: fundsTarget(op, r.anchor), note: `${lineNote}; ${check}`, extra: { crossCheck: check },
        });
      } catch (err) {
        out.push(notAvailable(tbBase, err));
      }
    }

    const seBase = { id: `${o.idPrefix}.sourceExecution`, group: ctx.group, label: `source execution (all years)${o.labelSuffix}` };
    if (h.wants(seBase.id)) {
      try {
        const se = await optionalFunction<ExecutionFn>('db/funds/execution.ts', 'sourceExecution');
        const r = await h.pair(
          () => { se(ledger, {}); return { units: lines }; },
          anchorOk && o.sourceAnchor ? () => ({ ...hledger(['-f', journalFile, 'bal', '--pivot', 'source', '--flat']), units: lines }) : null,
          { unit: 'lines', warmup: 1, anchorRuns },
        );
        out.push({
          ...seBase, status: 'ok', op: r.op, anchor: r.anchor, anchorLabel: 'hledger bal --pivot source',
          anchorStatus: anchorOk && o.sourceAnchor ? (r.anchorError ? 'error' : 'ok') : 'n/a',
          anchorNote: !o.sourceAnchor ? 'not run at this size (hledger takes minutes per read)' : anchorOk ? r.anchorError : anchorWhy,
          target: fundsTarget(r.op, r.anchor),
          note: `reads the per-source turnover kept at posting (fund_source_balances); ${lineNote}`,
        });
      } catch (err) {
        out.push(notAvailable(seBase, err));
      }
    }
  } finally {
    ledger.close();
  }
  return out;
}

/** ≤ 300 ms and faster than hledger; on wall times, and again on CPU times. */
function fundsTarget(op: Series, hl: Series | undefined): Target {
  const text = '≤ 300 ms and < hledger';
  const one = (ms: number, hledgerMs: number | null): Target => {
    const t = judgeMax(ms, 300, text);
    if (hledgerMs !== null && ms >= hledgerMs) return { ...t, met: false, miss: `${t.miss ? `${t.miss}; ` : ''}slower than hledger (${fmtMs(ms)} vs ${fmtMs(hledgerMs)})` };
    return t;
  };
  const wall = one(median(op.ms), hl ? median(hl.ms) : null);
  const cpu = op.cpuMs?.length ? one(median(op.cpuMs), hl?.cpuMs?.length ? median(hl.cpuMs) : null) : null;
  return judgeBoth(wall, cpu);
}

/** Our closing balance of the bank account against what hledger printed for it: both read the same books. */
function crossCheck(rows: { code: string; closingDebit: number; closingCredit: number }[], balFile: string | null): string {
  const bank = rows.find((r) => r.code === '1001');
  if (!bank) return 'no 1001 row';
  const ours = (bank.closingDebit - bank.closingCredit) / 100;
  if (!balFile) return `1001 closes at ${ours.toFixed(2)}`;
  const line = fs.readFileSync(balFile, 'utf8').split('\n').find((l) => /\s1001 /.test(l) || /^\s*-?[\d,.]+ CNY\s+1001\b/.test(l)) ?? '';
  const m = /(-?[\d,]+\.\d{2})\s*CNY/.exec(line);
  if (!m) return `hledger printed no 1001 balance`;
  const theirs = Number(m[1]!.replace(/,/g, ''));
  return Math.abs(theirs - ours) < 0.005 ? `1001 closes at ${ours.toFixed(2)} in both` : `MISMATCH 1001: ours ${ours.toFixed(2)}, hledger ${theirs.toFixed(2)}`;
}
