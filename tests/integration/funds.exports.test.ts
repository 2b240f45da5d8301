import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parseYuan } from '../../db/rules/money';
import { exportReport } from '../../db/funds/exports';
import { JOURNAL_CSV_COLUMNS } from '../../db/funds/csv';
import { trialBalance } from '../../db/funds/trialBalance';
import { createVoucher } from '../../db/funds/vouchers';
import { tempDir } from '../support/tmp';
import { credit, debit, fundsWorld, postNew, projectPayment, receipt } from './funds.helpers';

function books() {
  const w = fundsWorld();
  postNew(w, receipt(w, 100_000_000));
  postNew(w, projectPayment(w, 1_234_507));
  postNew(w, {
    date: '2026-05-06', memo: '教育资助, "春季"', attachments: 2,
    lines: [debit(w.acct('5002.02'), 7, { sourceId: w.sourceId, householdId: w.householdId, summary: '学生:资助; 一期' }), credit(w.acct('1001'), 7)],
  });
  createVoucher(w.ledger, w.accountant, receipt(w, 999)); // a draft: never exported
  return w;
}

const decode = (base64: string) => Buffer.from(base64, 'base64');

/** RFC 4180 reader, enough for our own output. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"', i++);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(cell), (cell = ''));
    else if (c === '\r' && text[i + 1] === '\n') (row.push(cell), rows.push(row), (row = []), (cell = ''), i++);
    else cell += c;
  }
  return rows;
}

describe('exports', () => {
  it('journal CSV: one row per posted line that matches the stored line', async () => {
    const w = books();
    const file = await exportReport(w.ledger, { report: 'journalCsv', params: {} });
    expect(file).toMatchObject({ fileName: 'journal.csv', mime: 'text/csv' });
    const [header, ...rows] = parseCsv(decode(file.base64).toString('utf8'));
    expect(header).toEqual([...JOURNAL_CSV_COLUMNS]);
    const stored = w.ledger.sqlite
      .prepare(`SELECT l.voucher_id, l.line_no, l.debit_fen, l.credit_fen, a.code FROM voucher_lines l JOIN vouchers v ON v.id = l.voucher_id
                 JOIN fund_accounts a ON a.id = l.account_id WHERE v.status = 'posted' ORDER BY v.number, l.line_no`)
      .all() as { voucher_id: number; line_no: number; debit_fen: number; credit_fen: number; code: string }[];
    const col = (name: (typeof JOURNAL_CSV_COLUMNS)[number]) => JOURNAL_CSV_COLUMNS.indexOf(name);
    expect(rows.map((r) => [Number(r[col('voucher_id')]), Number(r[col('line_no')]), parseYuan(r[col('debit')]!), parseYuan(r[col('credit')]!), r[col('account_code')]]))
      .toEqual(stored.map((s) => [s.voucher_id, s.line_no, s.debit_fen, s.credit_fen, s.code]));
    const education = rows.find((r) => r[col('account_code')] === '5002.02')!;
    expect(education[col('voucher_no')]).toBe('记-2026-0003');
    expect(education[col('debit')]).toBe('0.07');
    expect(education[col('memo')]).toBe('教育资助, "春季"');
    expect(education[col('household_archive_no')]).toBe('H-0001');
  });

  it('hledger journal: per-account sums equal the trial balance closing balances', async () => {
    const w = books();
    const text = decode((await exportReport(w.ledger, { report: 'hledger', params: {} })).base64).toString('utf8');
    const sums = new Map<string, number>();
    for (const m of text.matchAll(/^ {4}(\S.*?) {2}(-?\d+\.\d{2}) CNY/gm)) {
      const code = m[1]!.split(':').at(-1)!.split(' ')[0]!;
      sums.set(code, (sums.get(code) ?? 0) + parseYuan(m[2]!));
    }
    const tb = trialBalance(w.ledger, { from: '2026-01', to: '2026-12' });
    const leaves = tb.rows.filter((r) => r.leaf).map((r) => [r.code, r.closingDebit - r.closingCredit]);
    expect([...sums.entries()].sort()).toEqual(leaves.sort());
    expect(text).toContain('(记-2026-0003) 教育资助, "春季"');
    expect(text).toMatch(/5002 直接补助到户:5002\.02 教育资助 {2}0\.07 CNY {2}; 学生：资助； 一期, source:1, village:532999101201, household:H-0001/);
  });

  it.skipIf(!fs.existsSync('/usr/bin/hledger'))('hledger itself agrees with the trial balance (when installed)', async () => {
    const w = books();
    const file = path.join(tempDir(), 'funds.journal');
    fs.writeFileSync(file, decode((await exportReport(w.ledger, { report: 'hledger', params: {} })).base64));
    const csv = execFileSync('/usr/bin/hledger', ['-f', file, 'bal', '-O', 'csv', '--flat', '--no-total'], { encoding: 'utf8' });
    const fromHledger = parseCsv(csv.replace(/\n/g, '\r\n')).slice(1)
      .map(([account, amount]) => [account!.split(':').at(-1)!.split(' ')[0]!, parseYuan(amount!.replace(' CNY', ''))] as const);
    const tb = trialBalance(w.ledger, { from: '2026-01', to: '2026-12' });
    expect(fromHledger.sort()).toEqual(tb.rows.filter((r) => r.leaf && r.closingDebit !== r.closingCredit).map((r) => [r.code, r.closingDebit - r.closingCredit]).sort());
  });

  it('xlsx reports carry exact money cells and a total row', async () => {
    const w = books();
    const file = await exportReport(w.ledger, { report: 'trialBalance', lang: 'en', params: { from: '2026-01', to: '2026-12' } });
    expect(file.fileName).toBe('trial-balance-2026-01-2026-12.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(decode(file.base64) as never);
    const ws = book.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('Trial balance');
    expect(ws.getRow(3).values).toContain('Closing debit');
    const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
    const bank = rows.find((r) => r[1] === '1001')!;
    expect(bank[7]).toBe(987_654.86);
    const total = rows.at(-1)!;
    expect(total[2]).toBe('Total');
    expect(total[7]).toBe(total[8]);
    for (const report of ['sourceExecution', 'projectRegister', 'villageSummary', 'journal'] as const) {
      const f = await exportReport(w.ledger, { report, params: {} });
      expect(decode(f.base64).subarray(0, 2).toString()).toBe('PK');
    }
    const ledger = await exportReport(w.ledger, { report: 'ledger', lang: 'zh', params: { accountId: w.acct('1001') } });
    expect(ledger.fileName).toBe('ledger-1001.xlsx');
    const benefits = await exportReport(w.ledger, { report: 'householdBenefits', params: { year: 2026 } });
    expect(benefits.mime).toMatch(/spreadsheetml/);
  });
});
