/**
 * The members of a generated ledger as an .xlsx roster in the import template's columns (one row
 * per member, household columns repeated, codes as their Chinese labels), written with exceljs's
 * streaming writer with shared strings, the way Excel and WPS store such files. Cached beside the
 * ledger it came from.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import Database from 'better-sqlite3';
import { labelOf, type CodeListName } from '../../../db/codes';

/** The import columns (db/registry/import/columns.ts COLUMNS), as far as this writer needs them. */
export interface RosterColumn {
  key: string;
  kind: { type: string; list?: string };
}

/** SQL for each column key (as db/registry/export.ts selects them). */
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

function cell(c: RosterColumn, v: unknown): string | number | null {
  if (v === null || v === undefined || v === '') return null;
  switch (c.kind.type) {
    case 'code':
      return labelOf(c.kind.list as CodeListName, String(v), 'zh');
    case 'bool':
      return v === 1 ? '是' : '否';
    case 'int':
    case 'year':
      return Number(v);
    default:
      return String(v);
  }
}

/** Writes the roster (if not there yet); returns the number of member rows. */
export async function writeRoster(ledgerFile: string, xlsxFile: string, columns: readonly RosterColumn[], header: (c: RosterColumn) => string): Promise<number> {
  const countFile = `${xlsxFile}.rows`;
  if (fs.existsSync(xlsxFile) && fs.existsSync(countFile)) return Number(fs.readFileSync(countFile, 'utf8'));
  const db = new Database(ledgerFile, { readonly: true, fileMustExist: true });
  const partial = `${xlsxFile}.partial`;
  let rows = 0;
  try {
    const known = columns.filter((c) => SELECT[c.key]);
    const stmt = db.prepare(
      `SELECT ${known.map((c) => `${SELECT[c.key]} AS ${c.key}`).join(', ')}
         FROM households h JOIN villages v ON v.id = h.village_id JOIN townships t ON t.id = v.township_id JOIN members m ON m.household_id = h.id
        WHERE m.removed = 0 ORDER BY h.archive_no, m.relation <> 'head', m.birth_date, m.id`,
    );
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: partial, useSharedStrings: true, useStyles: false });
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['示范县建档立卡户家庭成员花名册（基准测试用合成数据）']).commit();
    ws.addRow(columns.map((c) => header(c))).commit();
    for (const r of stmt.iterate() as IterableIterator<Record<string, unknown>>) {
      ws.addRow(columns.map((c) => (SELECT[c.key] ? cell(c, r[c.key]) : null))).commit();
      rows++;
    }
    ws.commit();
    await wb.commit();
  } finally {
    db.close();
  }
  fs.renameSync(partial, xlsxFile);
  fs.writeFileSync(countFile, String(rows));
  return rows;
}
