import type { Ledger } from '../ledger';
import { formatFen } from '../rules/money';
import { listAccounts, type AccountRow } from './accounts';
import { journalLines, type JournalRow } from './registers';

const HLEDGER_TYPE: Record<AccountRow['type'], string> = { asset: 'A', liability: 'L', net_asset: 'E', income: 'R', expense: 'X' };

/** hledger ends an account name at two spaces or a tab, splits it at ':' and starts comments at ';'. */
const clean = (s: string) => s.replace(/:/g, '：').replace(/;/g, '；').replace(/\s+/g, ' ').trim();

/** "5001 项目支出:5001.01 产业发展": the path of "code name" segments, so the last one starts with the code. */
function accountNames(accounts: AccountRow[]): Map<string, string> {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const names = new Map<string, string>();
  for (const a of accounts) {
    const path: string[] = [];
    for (let at: AccountRow | undefined = a; at; at = at.parentId === null ? undefined : byId.get(at.parentId)) {
      path.unshift(`${at.code} ${clean(at.nameZh)}`);
    }
    names.set(a.code, path.join(':'));
  }
  return names;
}

/** A posting comment: the line's summary, then its dimensions as hledger tags (source:3, project:P-01 …). */
function comment(r: JournalRow): string {
  const parts = [
    r.summary && clean(r.summary).replace(/,/g, '，'),
    r.sourceId !== null && `source:${r.sourceId}`,
    r.projectCode && `project:${clean(r.projectCode)}`,
    r.villageCode && `village:${r.villageCode}`,
    r.householdArchiveNo && `household:${clean(r.householdArchiveNo)}`,
    r.assetId !== null && `asset:${r.assetId}`,
  ].filter(Boolean);
  return parts.length ? `  ; ${parts.join(', ')}` : '';
}

/**
 * The posted journal in hledger's format (docs/FUNDS.md): `hledger -f file bal` gives, per account,
 * the closing balance of our trial balance as debit − credit, in CNY.
 */
export function hledgerJournal(ledger: Ledger, range: { from?: string; to?: string }): string {
  const accounts = listAccounts(ledger);
  const names = accountNames(accounts);
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
