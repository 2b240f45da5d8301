/**
 * Any filtered household list as .xlsx: one row per member in the template's columns (so the file
 * imports back), plus the status columns. Rows stream out through exceljs's writer.
 * Exports carry ID numbers, phones and bank accounts: each file says so on its first line, the
 * numbers are masked for roles that may not see them (db/rules/mask.ts; a masked file does not
 * import back), a digit search is exact for those roles (db/privacySearch.ts), and each export is
 * audited with its filter, row count and what was masked.
 */
import { PassThrough } from 'node:stream';
import { loadExcel } from '../shared/excel';
import { z } from 'zod';
import type { Ledger } from '../ledger';
import type { Actor } from '../actor';
import type { Role } from '../roles';
import { labelOf, type Lang } from '../codes';
import { today } from '../shared/tx';
import { maskFor, type PrivateField } from '../rules/mask';
import { auditExport, maskedFields, personalDataNote } from '../privacyExport';
import { householdWhereFor } from '../privacySearch';
import { HOUSEHOLD_FROM, householdQuery } from './queries';
import { COLUMNS, templateHeader, type ColumnDef } from './import/columns';
import { preExportCheck } from '../quality/preExport';

export const exportQuery = householdQuery.omit({ offset: true, limit: true }).extend({ lang: z.enum(['zh', 'en']).default('zh') });

export interface ExportedFile {
  fileName: string;
  mime: string;
  base64: string;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** SQL for each column, aliased by its key. */
const SELECT: Record<string, string> = {
  archiveNo: 'h.archive_no', township: 't.name', village: 'v.name', villageCode: 'v.code', groupName: 'h.group_name',
  address: 'h.address', phone: 'h.phone', bankName: 'h.bank_name', bankAccount: 'h.bank_account', attribute: 'h.attribute',
  mainCause: 'h.main_cause', secondCause: 'h.second_cause', thirdCause: 'h.third_cause', identifiedYear: 'h.identified_year',
  relocated: 'h.relocated', relocationType: 'h.relocation_type', relocationYear: 'h.relocation_year', relocationSite: 'h.relocation_site',
  housingSafety: 'h.housing_safety', housingRenovatedYear: 'h.housing_renovated_year', safeWater: 'h.safe_water',
  familyDoctor: 'h.family_doctor', familyDoctorPhone: 'h.family_doctor_phone', familyDoctorContract: 'h.family_doctor_contract',
  name: 'm.name', idNumber: 'm.id_number', sex: 'm.sex', birthDate: 'm.birth_date', relation: 'm.relation', ethnicity: 'm.ethnicity',
  education: 'm.education', schoolStatus: 'm.school_status', dropoutReason: 'm.dropout_reason', health: 'm.health',
  disabilityCategory: 'm.disability_category', disabilityGrade: 'm.disability_grade', chronicCertificate: 'm.chronic_certificate',
  labourAbility: 'm.labour_ability', migrantMonths: 'm.migrant_months', migrantPlace: 'm.migrant_place',
  insBasicMedical: 'm.ins_basic_medical', insCriticalIllness: 'm.ins_critical_illness', insSupplementary: 'm.ins_supplementary',
  insBasicPension: 'm.ins_basic_pension', dibao: 'm.dibao', dibaoClass: 'm.dibao_class', leftBehind: 'm.left_behind',
  deceased: 'm.deceased', deceasedOn: 'm.deceased_on', memberPhone: 'm.phone',
};

/** The export's columns that hold private numbers. */
const PRIVATE_COLUMNS: Readonly<Record<string, PrivateField>> = { idNumber: 'idNumber', phone: 'phone', memberPhone: 'phone', bankAccount: 'bankAccount' };
const PRIVATE_FIELDS: readonly PrivateField[] = ['idNumber', 'phone', 'bankAccount'];

function cellFor(c: ColumnDef, v: unknown, lang: Lang, role: Role): string | number | null {
  if (v === null || v === undefined) return null;
  const field = PRIVATE_COLUMNS[c.key];
  if (field) return maskFor(role, field, String(v));
  switch (c.kind.type) {
    case 'code':
      return labelOf(c.kind.list, String(v), lang);
    case 'bool':
      return v === 1 ? (lang === 'zh' ? '是' : 'Yes') : (lang === 'zh' ? '否' : 'No');
    case 'int':
    case 'year':
      return Number(v);
    default:
      return String(v);
  }
}

/** The export also says how many error-severity data-quality findings its township or village has (db/quality). */
export async function exportHouseholds(ledger: Ledger, actor: Actor, raw: z.input<typeof exportQuery>): Promise<ExportedFile & { qualityErrors: number }> {
  const query = exportQuery.parse(raw);
  const w = householdWhereFor(actor.role, { ...query, offset: 0, limit: 1 });
  const masked = maskedFields(actor.role, PRIVATE_FIELDS);
  const where = [...w.clauses, 'm.removed = 0'].join(' AND ');
  const columns = Object.entries(SELECT).map(([key, col]) => `${col} AS ${key}`).join(', ');
  const rows = ledger.sqlite
    .prepare(
      `SELECT ${columns}, h.status AS status, h.monitoring_type AS monitoringType
         ${HOUSEHOLD_FROM} JOIN members m ON m.household_id = h.id
        WHERE ${where} ORDER BY h.archive_no, m.relation <> 'head', m.birth_date, m.id`,
    )
    .iterate(w.params) as IterableIterator<Record<string, unknown>>;

  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const wb = new (loadExcel().stream.xlsx.WorkbookWriter)({ stream, useSharedStrings: false, useStyles: true });
  const ws = wb.addWorksheet(query.lang === 'zh' ? '贫困户名单' : 'Households');
  const lang = query.lang;
  const statusHeader = ['状态\nStatus', '监测类型\nMonitoring'];
  ws.columns = [...COLUMNS.map((c) => ({ width: c.kind.type === 'idNumber' ? 22 : 12 })), { width: 16 }, { width: 16 }];
  const title = `${lang === 'zh' ? '贫困户名单（每位成员一行），导出日期' : 'Household list, one row per member, exported'} ${today()}`;
  ws.addRow([`${title} · ${personalDataNote(lang, masked, true)}`]).commit();
  const header = ws.addRow([...COLUMNS.map((c) => templateHeader(c)), ...statusHeader]);
  header.font = { bold: true };
  header.alignment = { wrapText: true };
  header.commit();

  let members = 0;
  const households = new Set<string>();
  for (const r of rows) {
    const row = ws.addRow([
      ...(COLUMNS as readonly ColumnDef[]).map((c) => cellFor(c, r[c.key], lang, actor.role)),
      labelOf('householdStatus', String(r.status), lang),
      r.monitoringType ? labelOf('monitoringType', String(r.monitoringType), lang) : null,
    ]);
    row.commit();
    members++;
    households.add(String(r.archiveNo));
  }
  ws.commit();
  const ended = new Promise((resolve) => stream.on('end', resolve));
  await wb.commit();
  stream.end();
  await ended;

  const { lang: _lang, ...filter } = query;
  const qualityErrors = preExportCheck(ledger, { townshipId: query.townshipId, villageId: query.villageId }).length;
  auditExport(ledger, actor, {
    entity: 'household', entityId: 'export', action: 'export_xlsx', scope: filter, rows: members,
    fields: PRIVATE_FIELDS, masked, extra: { households: households.size, members, qualityErrors },
  });
  return { fileName: `households-${today()}.xlsx`, mime: XLSX_MIME, base64: Buffer.concat(chunks).toString('base64'), qualityErrors };
}
