import fs from 'node:fs';
import type { Ledger } from '../ledger';
import { formatFen } from '../rules/money';
import { listAccounts, type AccountRow } from './accounts';
import { journalRawLines, type RawLine } from './registers';
import { voucherNo } from './format';

const HLEDGER_TYPE: Record<AccountRow['type'], string> = { asset: 'A', liability: 'L', net_asset: 'E', income: 'R', expense: 'X' };

/** hledger ends an account name at two spaces or a tab, splits it at ':' and starts comments at ';'. */
const cleanSlow = (s: string) => s.replace(/:/g, '：').replace(/;/g, '；').replace(/\s+/g, ' ').trim();

/** True when `s` has a character `cleanSlow` would change: ':' ';' or what /\s/ matches (and other controls). */
function needsCleaning(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c === 58 || c === 59 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
      || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) return true;
  }
  return false;
}

/** The same as cleanSlow, without running three regular expressions over text that needs none (most of it). */
const clean = (s: string) => (needsCleaning(s) ? cleanSlow(s) : s);

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
function comment(r: RawLine): string {
  const summary = r.summary ? clean(r.summary) : '';
  const parts = [
    summary && (summary.includes(',') ? summary.replace(/,/g, '，') : summary),
    r.sourceId !== null && `source:${r.sourceId}`,
    r.projectCode && `project:${clean(r.projectCode)}`,
    r.villageCode && `village:${r.villageCode}`,
    r.householdArchiveNo && `household:${clean(r.householdArchiveNo)}`,
    r.assetId !== null && `asset:${r.assetId}`,
  ].filter(Boolean);
  return parts.length ? `  ; ${parts.join(', ')}` : '';
}

/** debit − credit in yuan with two decimals and no grouping, as formatFen gives it, without BigInt for ordinary amounts. */
function amount(fen: number): string {
  if (!Number.isSafeInteger(fen)) return formatFen(fen, { grouping: false });
  const abs = Math.abs(fen);
  const cents = abs % 100;
  return `${fen < 0 ? '-' : ''}${(abs - cents) / 100}.${cents < 10 ? '0' : ''}${cents}`;
}

/** Characters per piece handed to the writer. */
const CHUNK = 1 << 16;

/**
 * The posted journal in hledger's format (docs/FUNDS.md), in pieces of about 64 K characters, so a
 * year of a large county is written without holding the whole text: `hledger -f file bal` gives,
 * per account, the closing balance of our trial balance as debit − credit, in CNY.
 */
export function* hledgerChunks(ledger: Ledger, range: { from?: string; to?: string }): Generator<string> {
  const accounts = listAccounts(ledger);
  const names = accountNames(accounts);
  let out = '; County Ledger special-fund journal (posted vouchers only)\ndecimal-mark .\ncommodity 1000.00 CNY\n\n';
  for (const a of accounts) out += `account ${names.get(a.code)}  ; type: ${HLEDGER_TYPE[a.type]}\n`;
  let current: number | null = null;
  for (const r of journalRawLines(ledger, { ...range, q: '' })) {
    if (r.voucherId !== current) {
      current = r.voucherId;
      if (out.length >= CHUNK) {
        yield out;
        out = '';
      }
      out += `\n${r.date} * (${voucherNo(r.year, r.number)}) ${clean(r.memo)}  ; voucher:${r.voucherId}\n`;
    }
    out += `    ${names.get(r.accountCode)}  ${amount(r.debitFen - r.creditFen)} CNY${comment(r)}\n`;
  }
  yield out;
}

/** The whole journal as one string (for the API's file answer). */
export function hledgerJournal(ledger: Ledger, range: { from?: string; to?: string }): string {
  let text = '';
  for (const chunk of hledgerChunks(ledger, range)) text += chunk;
  return text;
}

/** Writes the journal to `file` piece by piece; returns the bytes written. */
export function writeHledgerJournal(ledger: Ledger, range: { from?: string; to?: string }, file: string): number {
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  try {
    for (const chunk of hledgerChunks(ledger, range)) bytes += fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
  return bytes;
}
