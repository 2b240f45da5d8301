/**
 * The hledger export is written piece by piece (hledgerChunks / writeHledgerJournal) and cleans
 * names without running its regular expressions over every line. Its text must stay exactly what
 * the former one-string export produced: that implementation is kept here as the oracle.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../db/ledger';
import { formatFen } from '../../db/rules/money';
import { listAccounts, type AccountRow } from '../../db/funds/accounts';
import { journalLines, type JournalRow } from '../../db/funds/registers';
import { hledgerChunks, hledgerJournal, writeHledgerJournal } from '../../db/funds/hledger';
import { postSystemVoucher } from '../../db/funds/vouchers';
import { tempDir } from '../support/tmp';
import { credit, debit, fundsWorld, postNew, projectPayment, receipt } from './funds.helpers';

const HLEDGER_TYPE: Record<AccountRow['type'], string> = { asset: 'A', liability: 'L', net_asset: 'E', income: 'R', expense: 'X' };
const clean = (s: string) => s.replace(/:/g, '：').replace(/;/g, '；').replace(/\s+/g, ' ').trim();

/** The export as it was before it was streamed. */
function oracle(ledger: Ledger, range: { from?: string; to?: string }): string {
  const accounts = listAccounts(ledger);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const names = new Map<string, string>();
  for (const a of accounts) {
    const p: string[] = [];
    for (let at: AccountRow | undefined = a; at; at = at.parentId === null ? undefined : byId.get(at.parentId)) p.unshift(`${at.code} ${clean(at.nameZh)}`);
    names.set(a.code, p.join(':'));
  }
  const comment = (r: JournalRow) => {
    const parts = [
      r.summary && clean(r.summary).replace(/,/g, '，'),
      r.sourceId !== null && `source:${r.sourceId}`,
      r.projectCode && `project:${clean(r.projectCode)}`,
      r.villageCode && `village:${r.villageCode}`,
      r.householdArchiveNo && `household:${clean(r.householdArchiveNo)}`,
      r.assetId !== null && `asset:${r.assetId}`,
    ].filter(Boolean);
    return parts.length ? `  ; ${parts.join(', ')}` : '';
  };
  const out = ['; County Ledger special-fund journal (posted vouchers only)', 'decimal-mark .', 'commodity 1000.00 CNY', ''];
  for (const a of accounts) out.push(`account ${names.get(a.code)}  ; type: ${HLEDGER_TYPE[a.type]}`);
  let current: number | null = null;
  for (const r of journalLines(ledger, { ...range, q: '' })) {
    if (r.voucherId !== current) {
      current = r.voucherId;
      out.push('', `${r.date} * (${r.voucherNo}) ${clean(r.memo)}  ; voucher:${r.voucherId}`);
    }
    out.push(`    ${names.get(r.accountCode)}  ${formatFen(r.debitFen - r.creditFen, { grouping: false })} CNY${comment(r)}`);
  }
  return `${out.join('\n')}\n`;
}

describe('hledger export, written in pieces', () => {
  it('is the same text as the one-string export, with awkward summaries and memos, in pieces and in a file', () => {
    const w = fundsWorld();
    postNew(w, receipt(w, 100_000_000));
    postNew(w, projectPayment(w, 12_000_050));
    const awkward = ['a:b;c', '  leading and trailing  ', 'tab\there', 'full\u3000width space', 'comma, and，', 'nbsp\u00a0x', 'ctrl\u0001char', '', '普通摘要'];
    for (let i = 0; i < 400; i++) {
      const summary = `${awkward[i % awkward.length]} ${i}`.slice(0, 80);
      postSystemVoucher(w.ledger, w.admin, {
        date: `2026-${String(1 + (i % 12)).padStart(2, '0')}-15`, memo: `分红;第 ${i}: 批\t次`,
        lines: [
          debit(w.acct('5101.01'), 1 + i * 37, { householdId: w.householdId, assetId: i % 3 === 0 ? 5 : undefined, summary }),
          debit(w.acct('5901'), 5, { summary: awkward[(i + 3) % awkward.length]! }),
          credit(w.acct('1001'), 1 + i * 37 + 5),
        ],
      });
    }
    const expected = oracle(w.ledger, {});
    expect(hledgerJournal(w.ledger, {})).toBe(expected);
    const chunks = [...hledgerChunks(w.ledger, {})];
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(expected);
    const file = path.join(tempDir(), 'journal.hledger');
    expect(writeHledgerJournal(w.ledger, {}, file)).toBe(Buffer.byteLength(expected));
    expect(fs.readFileSync(file, 'utf8')).toBe(expected);
    expect(hledgerJournal(w.ledger, { from: '2026-03-01', to: '2026-05-31' })).toBe(oracle(w.ledger, { from: '2026-03-01', to: '2026-05-31' }));
  });
});
