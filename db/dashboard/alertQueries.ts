/** Counting, paging and exporting the alerts of alerts.ts. */
import type { z } from 'zod';
import type { Ledger } from '../ledger';
import type { Actor } from '../actor';
import { maskFor } from '../rules/mask';
import { auditExport, maskedFields, personalDataNote } from '../privacyExport';
import type { Page } from '../shared/zod';
import { today } from '../shared/tx';
import { xlsxFile, type FileOut } from '../funds/xlsx';
import { ALERTS, alertDef, type AlertDef, type Severity, type Text } from './alerts';
import { alertExportInput, alertQuery, alertScope, type AlertKey, type AlertScope } from './schemas';

export interface AlertRow {
  householdId: number | null;
  archiveNo: string | null;
  headName: string | null;
  township: string | null;
  village: string | null;
  memberId: number | null;
  memberName: string | null;
  idNumber: string | null;
  /** The date the row is about (birth date, due date, payment date …). */
  date: string | null;
  amountFen: number | null;
  assetId: number | null;
  voucherId: number | null;
  detail: Text;
}

export interface AlertSummary {
  key: AlertKey;
  severity: Severity;
  subject: AlertDef['subject'];
  title: Text;
  explanation: Text;
  count: number;
}

function shiftDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function params(scope: AlertScope) {
  const asOf = scope.asOf ?? today();
  return {
    asOf,
    soon: shiftDays(asOf, 90),
    cutoff: shiftDays(asOf, -90),
    bornFrom: `${Number(asOf.slice(0, 4)) - 17}-01-01`,
    bornTo: `${Number(asOf.slice(0, 4)) - 5}-12-31`,
    townshipId: scope.townshipId ?? null,
    villageId: scope.villageId ?? null,
  };
}

function countOf(ledger: Ledger, def: AlertDef, p: ReturnType<typeof params>): number {
  return ledger.sqlite.prepare(`SELECT count(*) FROM (${def.query})`).pluck().get(p) as number;
}

function rowsOf(ledger: Ledger, def: AlertDef, p: ReturnType<typeof params>, page?: { limit: number; offset: number }): AlertRow[] {
  const limit = page ? 'LIMIT @limit OFFSET @offset' : '';
  const raw = ledger.sqlite
    .prepare(`SELECT * FROM (${def.query}) ORDER BY archiveNo, memberId, date, voucherId, assetId ${limit}`)
    .all({ ...p, ...page }) as (Omit<AlertRow, 'detail'> & { facts: string })[];
  return raw.map(({ facts, ...r }) => ({ ...r, detail: def.detail(JSON.parse(facts) as Record<string, unknown>, p.asOf) }));
}

/** Every alert with how many rows it has now. */
export function alertSummaries(ledger: Ledger, raw: z.input<typeof alertScope>): { asOf: string; alerts: AlertSummary[] } {
  const p = params(alertScope.parse(raw));
  const alerts = ALERTS.map((def) => ({
    key: def.key, severity: def.severity, subject: def.subject, title: def.title, explanation: def.explanation,
    count: countOf(ledger, def, p),
  }));
  return { asOf: p.asOf, alerts };
}

/** One alert's rows, a page at a time. */
export function alertRows(ledger: Ledger, raw: z.input<typeof alertQuery>): Page<AlertRow> & { asOf: string; alert: Omit<AlertSummary, 'count'> } {
  const q = alertQuery.parse(raw);
  const def = alertDef(q.key);
  const p = params(q);
  return {
    asOf: p.asOf,
    alert: { key: def.key, severity: def.severity, subject: def.subject, title: def.title, explanation: def.explanation },
    rows: rowsOf(ledger, def, p, { limit: q.limit, offset: q.offset }),
    total: countOf(ledger, def, p),
    offset: q.offset,
    limit: q.limit,
  };
}

/** Every row of one alert, for tests and exports. */
export function allAlertRows(ledger: Ledger, key: AlertKey, scope: z.input<typeof alertScope> = {}): AlertRow[] {
  return rowsOf(ledger, alertDef(key), params(alertScope.parse(scope)));
}

/** One alert as an .xlsx work list: ID numbers masked for roles that may not see them; audited as a personal-data export. */
export async function exportAlert(ledger: Ledger, actor: Actor, raw: z.input<typeof alertExportInput>): Promise<FileOut> {
  const q = alertExportInput.parse(raw);
  const def = alertDef(q.key);
  const p = params(q);
  const lang = q.lang;
  const w = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const rows = rowsOf(ledger, def, p);
  const masked = maskedFields(actor.role, ['idNumber']);
  auditExport(ledger, actor, { entity: 'alert', entityId: def.key, action: 'export_xlsx', scope: q, rows: rows.length, fields: ['idNumber'], masked });
  return xlsxFile<AlertRow>(`alert-${def.key}-${p.asOf}.xlsx`, {
    title: def.title[lang],
    subtitle: `${def.explanation[lang]} · ${w('统计日', 'As of')} ${p.asOf} · ${personalDataNote(lang, masked)}`,
    columns: [
      { header: w('乡镇', 'Township'), value: (r) => r.township },
      { header: w('行政村', 'Village'), value: (r) => r.village },
      { header: w('户编号', 'Archive no.'), width: 20, value: (r) => r.archiveNo },
      { header: w('户主', 'Head'), width: 10, value: (r) => r.headName },
      { header: w('成员', 'Member'), width: 10, value: (r) => r.memberName },
      { header: w('身份证号', 'ID number'), width: 21, value: (r) => (r.idNumber === null ? null : maskFor(actor.role, 'idNumber', r.idNumber)) },
      { header: w('日期', 'Date'), width: 11, value: (r) => r.date },
      { header: w('金额（元）', 'Amount (yuan)'), money: true, value: (r) => r.amountFen },
      { header: w('资产', 'Asset'), width: 8, value: (r) => r.assetId },
      { header: w('说明', 'Detail'), width: 48, value: (r) => r.detail[lang] },
    ],
    rows,
    footer: [w('合计', 'Total'), '', '', '', '', '', '', null, null, w(`${rows.length} 条`, `${rows.length} rows`)],
  });
}
