import type { Ledger } from '../ledger';
import type { Lang } from '../codes';
import { formatFen } from '../rules/money';
import { journalLines } from './registers';
import type { LineFilter } from './schemas';

/** Column names of the journal CSV; docs/FUNDS.md describes each. Never rename: outside tools read them. */
export const JOURNAL_CSV_COLUMNS = [
  'voucher_no', 'date', 'account_code', 'account_name', 'debit', 'credit', 'summary', 'memo',
  'source_id', 'source_doc_no', 'project_code', 'village_code', 'household_archive_no', 'asset_id', 'voucher_id', 'line_no',
] as const;

function field(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const amount = (fen: number) => (fen === 0 ? '0.00' : formatFen(fen, { grouping: false }));

/**
 * The journal as RFC 4180 CSV (UTF-8, no byte-order mark, CRLF line ends): one row per line of
 * each posted voucher, amounts in yuan with two decimals, dimensions as codes.
 */
export function journalCsv(ledger: Ledger, filter: LineFilter, lang: Lang = 'zh'): string {
  const out = [JOURNAL_CSV_COLUMNS.join(',')];
  for (const r of journalLines(ledger, filter)) {
    out.push([
      r.voucherNo, r.date, r.accountCode, lang === 'zh' ? r.accountNameZh : r.accountNameEn, amount(r.debitFen), amount(r.creditFen),
      r.summary, r.memo, r.sourceId, r.sourceDocNo, r.projectCode, r.villageCode, r.householdArchiveNo, r.assetId, r.voucherId, r.lineNo,
    ].map(field).join(','));
  }
  return `${out.join('\r\n')}\r\n`;
}
