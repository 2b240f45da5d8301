/**
 * The bank payment list of a plan (代发清单): one row per household paid (dividend and post wage
 * together), with the household head's name, bank, account and amount. Village transfers are not
 * on it (villages are paid by the office's own transfer). Accounts are shown in full only to the
 * roles that pay (accountant, admin, registrar: db/rules/mask.ts); everyone else gets ****1234.
 * The .xlsx says it holds personal information; the CSV keeps exactly the columns banks map, so
 * its notice is the audit row every export leaves (exportBankListAudited).
 */
import type { z } from 'zod';
import type { Ledger } from '../ledger';
import type { Role } from '../roles';
import type { Actor } from '../actor';
import { fail } from '../errors';
import { nowIso } from '../shared/tx';
import { formatFen, sumFen } from '../rules/money';
import { maskFor, seesInFull } from '../rules/mask';
import { auditExport, personalDataNote } from '../privacyExport';
import { xlsxFile, type FileOut } from '../funds/xlsx';
import { bankListInput } from './schemas';
import { planHead } from './plans';

export interface BankRow {
  name: string;
  bank: string;
  account: string;
  amountFen: number;
  archiveNo: string;
}

/** Plans whose money is (about to be) paid have a list. */
const LISTED = ['approved', 'paid', 'reversing'] as const;

export function bankRows(ledger: Ledger, planId: number, role: Role | null): BankRow[] {
  const rows = ledger.sqlite
    .prepare(`SELECT h.head_name AS name, h.bank_name AS bank, h.bank_account AS account, sum(d.amount_fen) AS amountFen, h.archive_no AS archiveNo
                FROM distribution_allocations d JOIN households h ON h.id = d.household_id
               WHERE d.plan_id = ? AND d.amount_fen > 0 GROUP BY h.id ORDER BY h.archive_no`)
    .all(planId) as BankRow[];
  return rows.map((r) => ({ ...r, account: maskFor(role, 'bankAccount', r.account) }));
}

/** CSV column names; never rename them, banks' import templates are mapped to them. */
export const BANK_CSV_COLUMNS = ['name', 'bank', 'account', 'amount', 'archive_no'] as const;

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180, CRLF, UTF-8 with a byte-order mark so spreadsheet programs read the Chinese names; amounts in yuan. */
export function bankCsv(rows: readonly BankRow[]): string {
  const lines = [BANK_CSV_COLUMNS.join(',')];
  for (const r of rows) lines.push([r.name, r.bank, r.account, formatFen(r.amountFen, { grouping: false }), r.archiveNo].map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function exportBankList(ledger: Ledger, role: Role | null, raw: z.input<typeof bankListInput>): Promise<FileOut & { rows: number; totalFen: number; masked: boolean }> {
  const input = bankListInput.parse(raw);
  const plan = planHead(ledger, input.planId);
  if (!(LISTED as readonly string[]).includes(plan.status)) {
    fail('RULE', `Plan ${plan.id} is ${plan.status}; a bank list is made for an approved or paid plan`, `方案 ${plan.id} 尚未审批或已作废/冲销，不能生成代发清单`, { field: 'planId' });
  }
  const rows = bankRows(ledger, plan.id, role);
  const totalFen = sumFen(rows.map((r) => r.amountFen));
  const masked = !seesInFull(role, 'bankAccount');
  const base = `bank-list-plan-${plan.id}`;
  const extra = { rows: rows.length, totalFen, masked };
  if (input.format === 'csv') {
    return { fileName: `${base}.csv`, mime: 'text/csv; charset=utf-8', base64: Buffer.from(bankCsv(rows), 'utf8').toString('base64'), ...extra };
  }
  const w = (zh: string, en: string) => (input.lang === 'zh' ? zh : en);
  const note = personalDataNote(input.lang, masked ? ['bankAccount'] : []);
  const file = await xlsxFile<BankRow>(`${base}.xlsx`, {
    // The title also names the worksheet, where Excel refuses * ? : \ / [ ].
    title: w(`资产收益分配代发清单 ${plan.title}`, `Bank payment list – ${plan.title}`).replace(/[*?:\\/[\]]/g, ' '),
    subtitle: [`${w('截至', 'As of')} ${plan.asOf}`, `${w('生成于', 'Made')} ${nowIso().slice(0, 16).replace('T', ' ')}`, note].filter(Boolean).join(' · '),
    columns: [
      { header: w('户主姓名', 'Name'), width: 12, value: (r) => r.name },
      { header: w('开户银行', 'Bank'), width: 22, value: (r) => r.bank },
      { header: w('银行账号', 'Account'), width: 24, value: (r) => r.account },
      { header: w('金额（元）', 'Amount (yuan)'), money: true, value: (r) => r.amountFen },
      { header: w('户编号', 'Archive no.'), width: 20, value: (r) => r.archiveNo },
    ],
    rows,
    footer: [w(`合计 ${rows.length} 户`, `Total, ${rows.length} households`), '', '', totalFen, ''],
  });
  return { ...file, ...extra };
}

/** The bank list as the API hands it out: the file, and an audit row saying who took which plan's list, masked or full. */
export async function exportBankListAudited(ledger: Ledger, actor: Actor, raw: z.input<typeof bankListInput>) {
  const file = await exportBankList(ledger, actor.role, raw);
  const input = bankListInput.parse(raw);
  auditExport(ledger, actor, {
    entity: 'distribution_plan', entityId: input.planId, action: 'export_bank_list', scope: { planId: input.planId, format: input.format },
    rows: file.rows, fields: ['bankAccount'], masked: file.masked ? ['bankAccount'] : [], extra: { totalFen: file.totalFen, fileName: file.fileName },
  });
  return file;
}
