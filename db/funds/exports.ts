import type { Ledger } from '../ledger';
import type { Actor } from '../actor';
import { auditExport, personalDataNote } from '../privacyExport';
import { labelOf, type Lang } from '../codes';
import { fail } from '../errors';
import { nowIso } from '../shared/tx';
import { formatFen } from '../rules/money';
import type { z } from 'zod';
import { exportInput, type ExportInput } from './schemas';
import { xlsxFile, type Column, type FileOut } from './xlsx';
import { trialBalance, type TrialBalanceRow } from './trialBalance';
import { projectRegister, sourceExecution, villageSummary, type ProjectRegisterRow, type SourceExecutionRow, type VillageSummaryRow } from './execution';
import { benefitsReport, type BenefitRow } from './benefits';
import { countLines, journalLines, ledgerOpening, type JournalRow } from './registers';
import { journalCsv } from './csv';
import { hledgerJournal } from './hledger';
import { percentText } from './format';

type Params<K extends ExportInput['report']> = Extract<z.output<typeof exportInput>, { report: K }>['params'];

/** exceljs builds the whole workbook in memory; beyond this, the CSV export is the tool. */
export const MAX_XLSX_LINES = 200_000;

const utf8 = (fileName: string, mime: string, text: string): FileOut => ({ fileName, mime, base64: Buffer.from(text, 'utf8').toString('base64') });

function words(lang: Lang) {
  const w = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const made = `${w('生成于', 'Made')} ${nowIso().slice(0, 16).replace('T', ' ')}`;
  const name = (r: { nameZh?: string; nameEn?: string; accountNameZh?: string; accountNameEn?: string }) =>
    (lang === 'zh' ? r.nameZh ?? r.accountNameZh : r.nameEn ?? r.accountNameEn) ?? '';
  return { w, made, name };
}

function lineColumns(lang: Lang): Column<JournalRow>[] {
  const { w, name } = words(lang);
  return [
    { header: w('日期', 'Date'), width: 11, value: (r) => r.date },
    { header: w('凭证号', 'Voucher'), width: 15, value: (r) => r.voucherNo },
    { header: w('科目编码', 'Account code'), width: 11, value: (r) => r.accountCode },
    { header: w('科目名称', 'Account'), width: 22, value: name },
    { header: w('摘要', 'Summary'), width: 28, value: (r) => r.summary || r.memo },
    { header: w('借方', 'Debit'), money: true, value: (r) => r.debitFen || null },
    { header: w('贷方', 'Credit'), money: true, value: (r) => r.creditFen || null },
    { header: w('资金文号', 'Source'), value: (r) => r.sourceDocNo },
    { header: w('项目', 'Project'), value: (r) => r.projectCode },
    { header: w('行政村', 'Village'), value: (r) => r.villageName },
    { header: w('户编号', 'Household'), value: (r) => r.householdArchiveNo },
    { header: w('资产', 'Asset'), width: 8, value: (r) => r.assetId },
  ];
}

function assertXlsxSize(ledger: Ledger, filter: Parameters<typeof countLines>[1]): void {
  const n = countLines(ledger, filter);
  if (n > MAX_XLSX_LINES) {
    fail('RULE', `${n} lines match; an .xlsx export holds at most ${MAX_XLSX_LINES}. Narrow the filter or export CSV.`,
      `共 ${n} 行，超过 .xlsx 导出上限 ${MAX_XLSX_LINES} 行，请缩小筛选范围或导出 CSV。`);
  }
}

async function trialBalanceFile(ledger: Ledger, lang: Lang, params: Params<'trialBalance'>) {
  const { w, made, name } = words(lang);
  const tb = trialBalance(ledger, params);
  const t = tb.totals;
  return xlsxFile<TrialBalanceRow>(`trial-balance-${tb.from}-${tb.to}.xlsx`, {
    title: w('科目余额表', 'Trial balance'),
    subtitle: `${tb.from} – ${tb.to} · ${made}`,
    columns: [
      { header: w('科目编码', 'Code'), width: 11, value: (r) => r.code },
      { header: w('科目名称', 'Account'), width: 26, value: (r) => `${'  '.repeat(r.depth)}${name(r)}` },
      { header: w('期初借方', 'Opening debit'), money: true, value: (r) => r.openingDebit },
      { header: w('期初贷方', 'Opening credit'), money: true, value: (r) => r.openingCredit },
      { header: w('本期借方', 'Period debit'), money: true, value: (r) => r.periodDebit },
      { header: w('本期贷方', 'Period credit'), money: true, value: (r) => r.periodCredit },
      { header: w('期末借方', 'Closing debit'), money: true, value: (r) => r.closingDebit },
      { header: w('期末贷方', 'Closing credit'), money: true, value: (r) => r.closingCredit },
    ],
    rows: tb.rows,
    footer: ['', w('合计', 'Total'), t.openingDebit, t.openingCredit, t.periodDebit, t.periodCredit, t.closingDebit, t.closingCredit],
  });
}

async function sourceExecutionFile(ledger: Ledger, lang: Lang, params: { year?: number }) {
  const { w, made } = words(lang);
  const r = sourceExecution(ledger, params);
  return xlsxFile<SourceExecutionRow>(`source-execution-${params.year ?? 'all'}.xlsx`, {
    title: w('资金执行情况表', 'Fund execution by source'),
    subtitle: `${params.year ?? w('全部年度', 'All years')} · ${made}`,
    columns: [
      { header: w('年度', 'Year'), width: 7, value: (s) => s.year },
      { header: w('级次', 'Level'), width: 8, value: (s) => labelOf('fundLevel', s.level, lang) },
      { header: w('资金类型', 'Type'), width: 20, value: (s) => labelOf('fundType', s.type, lang) },
      { header: w('文号', 'Document'), width: 20, value: (s) => s.docNo },
      { header: w('资金名称', 'Title'), width: 30, value: (s) => s.title },
      { header: w('下达金额', 'Amount'), money: true, value: (s) => s.amountFen },
      { header: w('到位金额', 'Received'), money: true, value: (s) => s.receivedFen },
      { header: w('已分配', 'Allocated'), money: true, value: (s) => s.allocatedFen },
      { header: w('已支出', 'Spent'), money: true, value: (s) => s.spentFen },
      { header: w('结余', 'Balance'), money: true, value: (s) => s.balanceFen },
      { header: w('支出进度', 'Progress'), width: 10, value: (s) => percentText(s.progressBp) },
    ],
    rows: r.rows,
    footer: ['', '', '', '', w('合计', 'Total'), r.totals.amountFen, r.totals.receivedFen, r.totals.allocatedFen, r.totals.spentFen, r.totals.balanceFen, percentText(r.totals.progressBp)],
  });
}

async function projectRegisterFile(ledger: Ledger, lang: Lang, params: Params<'projectRegister'>) {
  const { w, made } = words(lang);
  const r = projectRegister(ledger, params);
  return xlsxFile<ProjectRegisterRow>(`project-register-${params.year ?? 'all'}.xlsx`, {
    title: w('项目台账', 'Project register'),
    subtitle: `${params.year ?? w('全部年度', 'All years')} · ${made}`,
    columns: [
      { header: w('项目编号', 'Code'), value: (p) => p.code },
      { header: w('项目名称', 'Name'), width: 30, value: (p) => p.name },
      { header: w('类型', 'Type'), value: (p) => labelOf('projectType', p.type, lang) },
      { header: w('年度', 'Year'), width: 7, value: (p) => p.year },
      { header: w('行政村', 'Villages'), width: 20, value: (p) => p.villages },
      { header: w('实施单位', 'Implementer'), width: 20, value: (p) => p.implementer },
      { header: w('责任人', 'Responsible'), value: (p) => p.responsible },
      { header: w('计划开工', 'Planned start'), width: 11, value: (p) => p.plannedStart },
      { header: w('计划完工', 'Planned end'), width: 11, value: (p) => p.plannedEnd },
      { header: w('状态', 'Status'), width: 9, value: (p) => labelOf('projectStatus', p.status, lang) },
      { header: w('验收日期', 'Accepted on'), width: 11, value: (p) => p.acceptedOn },
      { header: w('预算', 'Budget'), money: true, value: (p) => p.budgetFen },
      { header: w('已分配', 'Allocated'), money: true, value: (p) => p.allocatedFen },
      { header: w('已支出', 'Spent'), money: true, value: (p) => p.spentFen },
      { header: w('支出进度', 'Progress'), width: 10, value: (p) => percentText(p.progressBp) },
      { header: w('受益户数', 'Beneficiary households'), width: 10, value: (p) => p.beneficiaryHouseholds },
    ],
    rows: r.rows,
    footer: ['', w('合计', 'Total'), '', '', '', '', '', '', '', '', '', r.totals.budgetFen, r.totals.allocatedFen, r.totals.spentFen, percentText(r.totals.progressBp), ''],
  });
}

async function villageSummaryFile(ledger: Ledger, lang: Lang, params: { year?: number }) {
  const { w, made } = words(lang);
  const r = villageSummary(ledger, params);
  return xlsxFile<VillageSummaryRow>(`village-summary-${params.year ?? 'all'}.xlsx`, {
    title: w('分村资金汇总表', 'Funds by village'),
    subtitle: `${params.year ?? w('全部年度', 'All years')} · ${made}`,
    columns: [
      { header: w('乡镇', 'Township'), value: (v) => v.township },
      { header: w('行政村', 'Village'), value: (v) => v.village },
      { header: w('项目数', 'Projects'), width: 8, value: (v) => v.projects },
      { header: w('资金支出', 'Spent'), money: true, value: (v) => v.spentFen },
      { header: w('受益户数', 'Households paid'), width: 10, value: (v) => v.householdsPaid },
      { header: w('到户金额', 'Paid to households'), money: true, value: (v) => v.paidToHouseholdsFen },
    ],
    rows: r.rows,
    footer: ['', w('合计', 'Total'), r.totals.projects, r.totals.spentFen, r.totals.householdsPaid, r.totals.paidToHouseholdsFen],
  });
}

/**
 * Named households and what each was paid: personal data (no ID number, phone or bank account is
 * in it, so nothing to mask), so the file says so and, made through the API, is audited.
 */
async function benefitsFile(ledger: Ledger, lang: Lang, params: Params<'householdBenefits'>, actor?: Actor) {
  const { w, made, name } = words(lang);
  const r = benefitsReport(ledger, params);
  if (actor) {
    auditExport(ledger, actor, {
      entity: 'funds_report', entityId: 'householdBenefits', action: 'export_xlsx', scope: params, rows: r.rows.length,
      fields: [], masked: [], extra: { households: r.households, totalFen: r.totalFen },
    });
  }
  return xlsxFile<BenefitRow>(`household-benefits-${r.year}.xlsx`, {
    title: w('农户受益明细表', 'Household benefits'),
    subtitle: `${r.year} · ${made} · ${personalDataNote(lang, [])}`,
    columns: [
      { header: w('户编号', 'Archive no.'), value: (b) => b.archiveNo },
      { header: w('户主', 'Head'), value: (b) => b.headName },
      { header: w('行政村', 'Village'), value: (b) => b.village },
      { header: w('科目编码', 'Code'), width: 11, value: (b) => b.code },
      { header: w('受益类型', 'Type'), width: 24, value: name },
      { header: w('金额', 'Amount'), money: true, value: (b) => b.amountFen },
    ],
    rows: r.rows,
    footer: ['', '', '', '', w('合计', 'Total'), r.totalFen],
  });
}

async function journalFile(ledger: Ledger, lang: Lang, params: Params<'journal'>) {
  const { w, made } = words(lang);
  assertXlsxSize(ledger, params);
  return xlsxFile<JournalRow>('journal.xlsx', {
    title: w('序时账', 'Journal'),
    subtitle: `${params.from ?? '…'} – ${params.to ?? '…'} · ${made}`,
    columns: lineColumns(lang),
    rows: journalLines(ledger, params),
  });
}

async function ledgerFile(ledger: Ledger, lang: Lang, params: Params<'ledger'>) {
  const { w, made, name } = words(lang);
  assertXlsxSize(ledger, params);
  const { account, sign, openingFen } = ledgerOpening(ledger, params);
  let balance = openingFen;
  const rows = (function* () {
    for (const r of journalLines(ledger, params)) {
      balance += sign * (r.debitFen - r.creditFen);
      yield { ...r, balanceFen: balance };
    }
  })();
  return xlsxFile<JournalRow & { balanceFen: number }>(`ledger-${account.code}.xlsx`, {
    title: `${w('明细账', 'Ledger')} ${account.code} ${name(account)}`,
    subtitle: `${params.from ?? '…'} – ${params.to ?? '…'} · ${w('期初余额', 'Brought forward')} ${formatFen(openingFen)} · ${made}`,
    columns: [...lineColumns(lang), { header: w('余额', 'Balance'), money: true, value: (r) => r.balanceFen }],
    rows,
  });
}

/**
 * Any report as a file: .xlsx for people, CSV and hledger text for outside tools. With an actor
 * (the API passes one), exports of personal data are audited.
 */
export async function exportReport(ledger: Ledger, raw: ExportInput, actor?: Actor): Promise<FileOut> {
  const input = exportInput.parse(raw);
  const lang = input.lang;
  switch (input.report) {
    case 'trialBalance': return trialBalanceFile(ledger, lang, input.params);
    case 'sourceExecution': return sourceExecutionFile(ledger, lang, input.params);
    case 'projectRegister': return projectRegisterFile(ledger, lang, input.params);
    case 'villageSummary': return villageSummaryFile(ledger, lang, input.params);
    case 'householdBenefits': return benefitsFile(ledger, lang, input.params, actor);
    case 'journal': return journalFile(ledger, lang, input.params);
    case 'ledger': return ledgerFile(ledger, lang, input.params);
    case 'journalCsv': return utf8('journal.csv', 'text/csv', journalCsv(ledger, input.params, lang));
    case 'hledger': return utf8('journal.hledger', 'text/plain', hledgerJournal(ledger, input.params));
  }
}
