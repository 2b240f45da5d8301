/**
 * The data-quality report as .xlsx: counts by rule, by township and by village, every finding,
 * and the rules explained. Audited, since the findings name people.
 */
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExcel } from '../shared/excel';
import type { z } from 'zod';
import type { Ledger } from '../ledger';
import type { Actor } from '../actor';
import type { Lang } from '../codes';
import { appendAudit } from '../audit';
import { inTransaction, today } from '../shared/tx';
import { XLSX_MIME, type FileOut } from '../funds/xlsx';
import { forEachFinding, type RuleOutcome } from './runner';
import { tally, townshipsOf, villageRows, type AreaCount } from './report';
import { RULE_BY_ID, RULES } from './rules';
import { exportInput } from './schemas';
import { SEVERITY_LABEL, SEVERITIES, type Finding } from './types';

const T = {
  rules: { zh: '按规则汇总', en: 'By rule' },
  townships: { zh: '按乡镇', en: 'By township' },
  villages: { zh: '按行政村', en: 'By village' },
  findings: { zh: '问题明细', en: 'Findings' },
  explain: { zh: '规则说明', en: 'Rules' },
  title: { zh: '数据质量检查报告', en: 'Data quality report' },
  ruleId: { zh: '规则编号', en: 'Rule' },
  severity: { zh: '严重程度', en: 'Severity' },
  ruleTitle: { zh: '问题', en: 'Problem' },
  count: { zh: '数量', en: 'Count' },
  township: { zh: '乡镇', en: 'Township' },
  village: { zh: '行政村', en: 'Village' },
  archiveNo: { zh: '户编号', en: 'Archive no.' },
  head: { zh: '户主', en: 'Head' },
  member: { zh: '成员', en: 'Member' },
  voucher: { zh: '凭证', en: 'Voucher' },
  facts: { zh: '详情', en: 'Detail' },
  explanation: { zh: '说明', en: 'Explanation' },
  skipped: { zh: '（未运行：缺少数据表）', en: '(not run: table missing)' },
} as const;

type Writer = ExcelJS.stream.xlsx.WorkbookWriter;

function sheet(wb: Writer, name: string, title: string, header: string[], widths: number[]) {
  const ws = wb.addWorksheet(name.slice(0, 31));
  ws.columns = widths.map((width) => ({ width }));
  ws.addRow([title]).commit();
  const h = ws.addRow(header);
  h.font = { bold: true };
  h.commit();
  return ws;
}

function areaRows(ws: ExcelJS.Worksheet, areas: readonly AreaCount[], ruleIds: readonly string[], village: boolean) {
  for (const a of areas) {
    ws.addRow([
      a.township, ...(village ? [a.village] : []),
      ...SEVERITIES.map((s) => a.bySeverity[s]),
      ...ruleIds.map((id) => a.byRule[id] ?? 0),
    ]).commit();
  }
}

export async function exportQualityReport(ledger: Ledger, actor: Actor, raw: z.input<typeof exportInput>): Promise<FileOut & { findings: number }> {
  const input = exportInput.parse(raw);
  const lang: Lang = input.lang;
  const l = (b: { zh: string; en: string }) => b[lang];
  const findings: Finding[] = [];
  const villages = new Map<number, AreaCount>();
  const outcomes: RuleOutcome[] = forEachFinding(ledger, { scope: input, asOf: input.asOf }, (f) => {
    findings.push(f);
    tally(villages, f);
  });
  const byVillage = villageRows(villages);
  const found = outcomes.filter((o) => o.count > 0).map((o) => o.ruleId);
  const stamp = `${l(T.title)} ${input.asOf ?? today()}`;

  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const wb = new (loadExcel().stream.xlsx.WorkbookWriter)({ stream, useSharedStrings: false, useStyles: true });

  const byRule = sheet(wb, l(T.rules), stamp, [l(T.ruleId), l(T.severity), l(T.ruleTitle), l(T.count)], [34, 10, 44, 10]);
  for (const o of outcomes) {
    const rule = RULE_BY_ID.get(o.ruleId)!;
    byRule.addRow([o.ruleId, l(SEVERITY_LABEL[o.severity]), l(rule.title) + (o.skipped ? l(T.skipped) : ''), o.count]).commit();
  }
  byRule.commit();

  const counts = [...SEVERITIES.map((s) => l(SEVERITY_LABEL[s])), ...found];
  const tw = sheet(wb, l(T.townships), stamp, [l(T.township), ...counts], [16, ...counts.map(() => 10)]);
  areaRows(tw, townshipsOf(byVillage), found, false);
  tw.commit();
  const vw = sheet(wb, l(T.villages), stamp, [l(T.township), l(T.village), ...counts], [16, 16, ...counts.map(() => 10)]);
  areaRows(vw, byVillage, found, true);
  vw.commit();

  const fw = sheet(wb, l(T.findings), stamp,
    [l(T.severity), l(T.ruleId), l(T.ruleTitle), l(T.township), l(T.village), l(T.archiveNo), l(T.head), l(T.member), l(T.voucher), l(T.facts)],
    [8, 32, 36, 12, 12, 18, 10, 10, 14, 28]);
  for (const f of findings) {
    fw.addRow([l(SEVERITY_LABEL[f.severity]), f.ruleId, l(RULE_BY_ID.get(f.ruleId)!.title), f.township, f.village, f.archiveNo, f.headName,
      f.memberName ?? '', f.voucherLabel ?? '', f.facts]).commit();
  }
  fw.commit();

  const ew = sheet(wb, l(T.explain), stamp, [l(T.ruleId), l(T.severity), l(T.ruleTitle), l(T.explanation)], [34, 10, 40, 100]);
  for (const r of RULES) ew.addRow([r.id, l(SEVERITY_LABEL[r.severity]), l(r.title), l(r.explain)]).commit();
  ew.commit();

  const ended = new Promise((resolve) => stream.on('end', resolve));
  await wb.commit();
  stream.end();
  await ended;

  inTransaction(ledger, () => {
    appendAudit(ledger, actor, {
      entity: 'quality', entityId: 'report', action: 'export_xlsx',
      after: { scope: { townshipId: input.townshipId ?? null, villageId: input.villageId ?? null }, findings: findings.length },
    });
  });
  return { fileName: `quality-${today()}.xlsx`, mime: XLSX_MIME, base64: Buffer.concat(chunks).toString('base64'), findings: findings.length };
}
