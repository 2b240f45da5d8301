/**
 * Writes a checked plan: prepared statements, head and size computed in memory. The caller runs
 * it inside the same transaction as the checks, so the ledger cannot change in between.
 */
import type { Ledger } from '../../ledger';
import { nowIso } from '../../shared/tx';
import { memberRow } from '../households';
import type { PlannedHousehold } from './plan';

const bit = (b: boolean | undefined) => (b ? 1 : 0);

export function writePlan(ledger: Ledger, households: readonly PlannedHousehold[], tick: (done: number) => void): { households: number; members: number } {
  const insertHousehold = ledger.sqlite.prepare(
    `INSERT INTO households (archive_no, village_id, group_name, address, phone, bank_name, bank_account, attribute, main_cause,
       second_cause, third_cause, identified_year, relocated, relocation_type, relocation_year, relocation_site, housing_safety,
       housing_renovated_year, safe_water, family_doctor, family_doctor_phone, family_doctor_contract, status, status_since,
       head_name, size, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new_identified', ?, ?, ?, ?, ?)`,
  );
  const insertMember = ledger.sqlite.prepare(
    `INSERT INTO members (household_id, id_number, name, name_pinyin, name_initials, sex, birth_date, relation, ethnicity, education,
       school_status, dropout_reason, health, disability_category, disability_grade, chronic_certificate, labour_ability,
       migrant_months, migrant_place, ins_basic_medical, ins_critical_illness, ins_supplementary, ins_basic_pension, dibao,
       dibao_class, left_behind, deceased, deceased_on, phone)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const at = nowIso();
  let members = 0;
  for (const h of households) {
    const f = h.fields;
    const head = h.members.find((m) => m.values.relation === 'head')!;
    const size = h.members.filter((m) => !m.values.deceased).length;
    const householdId = insertHousehold.run(
      f.archiveNo, f.villageId, f.groupName, f.address, f.phone, f.bankName, f.bankAccount, f.attribute, f.mainCause,
      f.secondCause ?? null, f.thirdCause ?? null, f.identifiedYear, bit(f.relocated), f.relocationType ?? null, f.relocationYear ?? null,
      f.relocationSite, f.housingSafety, f.housingRenovatedYear ?? null, bit(f.safeWater), f.familyDoctor, f.familyDoctorPhone,
      f.familyDoctorContract, at.slice(0, 10), head.values.name, size, at, at,
    ).lastInsertRowid;
    for (const pm of h.members) {
      const m = memberRow(pm.values, Number(householdId));
      insertMember.run(
        householdId, m.idNumber, m.name, m.namePinyin, m.nameInitials, m.sex, m.birthDate, m.relation, m.ethnicity, m.education,
        m.schoolStatus, m.dropoutReason, m.health, m.disabilityCategory, m.disabilityGrade, m.chronicCertificate, m.labourAbility,
        m.migrantMonths, m.migrantPlace, bit(m.insBasicMedical), bit(m.insCriticalIllness), bit(m.insSupplementary),
        bit(m.insBasicPension), bit(m.dibao), m.dibaoClass, m.leftBehind, bit(m.deceased), m.deceasedOn, m.phone,
      );
      if (++members % 500 === 0) tick(members);
    }
  }
  return { households: households.length, members };
}
