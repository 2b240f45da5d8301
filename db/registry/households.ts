import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ledger } from '../ledger';
import type { Actor } from '../actor';
import { households, members, villages } from '../schema';
import { appendAudit } from '../audit';
import { LedgerError, invalid, notFound } from '../errors';
import { inTransaction, nowIso } from '../shared/tx';
import { namePinyin } from './pinyin';
import { householdProblems, memberProblems, throwFirst } from './checks';
import {
  addMemberInput,
  changeHeadInput,
  createHouseholdInput,
  memberInput,
  removeMemberInput,
  updateHouseholdInput,
  updateMemberInput,
  type HouseholdFields,
  type MemberValues,
} from './schemas';

type MemberRow = typeof members.$inferInsert;

/**
 * The row to store: birth date and sex come from the ID number when not given, names get their
 * pinyin. Every column is named (no object spread): members parsed with different optional
 * fields have different shapes, and spreading them was the slowest step of a large import.
 */
export function memberRow(m: MemberValues, householdId: number): MemberRow {
  // memberInput already normalised and checked the ID number; birth date and sex are read from it.
  const id = m.idNumber;
  const py = namePinyin(m.name);
  return {
    householdId,
    idNumber: id,
    name: m.name,
    namePinyin: py.full,
    nameInitials: py.initials,
    sex: m.sex ?? (Number(id[16]) % 2 === 1 ? 'M' : 'F'),
    birthDate: m.birthDate ?? `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    relation: m.relation,
    ethnicity: m.ethnicity,
    education: m.education ?? null,
    schoolStatus: m.schoolStatus ?? null,
    dropoutReason: m.dropoutReason ?? null,
    health: m.health,
    disabilityCategory: m.disabilityCategory ?? null,
    disabilityGrade: m.disabilityGrade ?? null,
    chronicCertificate: m.chronicCertificate,
    labourAbility: m.labourAbility ?? null,
    migrantMonths: m.migrantMonths,
    migrantPlace: m.migrantPlace,
    insBasicMedical: m.insBasicMedical,
    insCriticalIllness: m.insCriticalIllness,
    insSupplementary: m.insSupplementary,
    insBasicPension: m.insBasicPension,
    dibao: m.dibao,
    dibaoClass: m.dibaoClass ?? null,
    leftBehind: m.leftBehind ?? null,
    deceased: m.deceased,
    deceasedOn: m.deceasedOn ?? null,
    phone: m.phone,
  };
}

export interface IdClash {
  name: string;
  archiveNo: string;
  village: string;
}

/** Where an ID number is already active (not removed, household not cancelled), if anywhere. */
export function findIdClash(ledger: Ledger, idNumber: string, exceptMemberId = -1): IdClash | undefined {
  return ledger.sqlite
    .prepare(
      `SELECT m.name, h.archive_no AS archiveNo, v.name AS village
         FROM members m JOIN households h ON h.id = m.household_id JOIN villages v ON v.id = h.village_id
        WHERE m.id_number = ? AND m.removed = 0 AND h.status <> 'cancelled' AND m.id <> ?`,
    )
    .get(idNumber, exceptMemberId) as IdClash | undefined;
}

export const clashMessage = (idNumber: string, c: IdClash) => ({
  en: `ID number ${idNumber} is already registered to ${c.name} in household ${c.archiveNo} (${c.village})`,
  zh: `身份证号 ${idNumber} 已登记在 ${c.village} ${c.archiveNo} 户（${c.name}）`,
});

/**
 * The same ID number may be active in only one household in the whole county; the refusal says
 * where it already is so the clerk can resolve it.
 */
function assertIdFree(ledger: Ledger, idNumber: string, field: string, exceptMemberId?: number): void {
  const clash = findIdClash(ledger, idNumber, exceptMemberId);
  if (clash) {
    const msg = clashMessage(idNumber, clash);
    invalid(field, msg.en, msg.zh);
  }
}

function checkMember(ledger: Ledger, m: MemberValues, prefix: string, exceptMemberId?: number): void {
  throwFirst(memberProblems(m), prefix);
  assertIdFree(ledger, m.idNumber, `${prefix}.idNumber`, exceptMemberId);
}

function checkHouseholdFields(ledger: Ledger, f: Partial<HouseholdFields>, prefix: string, selfId?: number): void {
  const at = (field: string) => (prefix ? `${prefix}.${field}` : field);
  if (f.villageId !== undefined && !ledger.db.select({ id: villages.id }).from(villages).where(eq(villages.id, f.villageId)).get()) {
    invalid(at('villageId'), `Village ${f.villageId} does not exist`, `行政村 ${f.villageId} 不存在`);
  }
  if (f.archiveNo !== undefined) {
    const other = ledger.db.select({ id: households.id }).from(households).where(eq(households.archiveNo, f.archiveNo)).get();
    if (other && other.id !== selfId) invalid(at('archiveNo'), `Archive number ${f.archiveNo} is already used`, `户编号 ${f.archiveNo} 已被使用`);
  }
  throwFirst(householdProblems(f), prefix);
}

/** Recomputes the cached head name and size shown in lists. */
export function refreshHouseholdSummary(ledger: Ledger, householdId: number): void {
  ledger.sqlite
    .prepare(
      `UPDATE households SET
         head_name = COALESCE((SELECT name FROM members WHERE household_id = @id AND relation = 'head' AND removed = 0 LIMIT 1), ''),
         size = (SELECT count(*) FROM members WHERE household_id = @id AND removed = 0 AND deceased = 0)
       WHERE id = @id`,
    )
    .run({ id: householdId });
}

function assertOneHead(ledger: Ledger, householdId: number, field: string): void {
  const heads = ledger.sqlite
    .prepare(`SELECT count(*) FROM members WHERE household_id = ? AND relation = 'head' AND removed = 0`)
    .pluck()
    .get(householdId) as number;
  if (heads !== 1) {
    invalid(field, `A household must have exactly one head (found ${heads})`, `每户必须有且只有一位户主（现有 ${heads} 位）`);
  }
}

export function createHousehold(ledger: Ledger, actor: Actor, raw: z.input<typeof createHouseholdInput>): { id: number } {
  const input = createHouseholdInput.parse(raw);
  const { members: memberInputs, ...fields } = input;
  return inTransaction(ledger, () => {
    checkHouseholdFields(ledger, fields, '');
    const seen = new Map<string, number>();
    memberInputs.forEach((m, i) => {
      const prev = seen.get(m.idNumber);
      if (prev !== undefined) invalid(`members.${i}.idNumber`, `Same ID number as member ${prev + 1}`, `与第 ${prev + 1} 位成员身份证号重复`);
      seen.set(m.idNumber, i);
      checkMember(ledger, m, `members.${i}`);
    });
    const at = nowIso();
    const hh = ledger.db
      .insert(households)
      .values({
        ...fields,
        secondCause: fields.secondCause ?? null,
        thirdCause: fields.thirdCause ?? null,
        relocationType: fields.relocationType ?? null,
        relocationYear: fields.relocationYear ?? null,
        housingRenovatedYear: fields.housingRenovatedYear ?? null,
        status: 'new_identified',
        statusSince: at.slice(0, 10),
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: households.id })
      .get();
    const rows = memberInputs.map((m) => memberRow(m, hh.id));
    for (const row of rows) ledger.db.insert(members).values(row).run();
    assertOneHead(ledger, hh.id, 'members');
    refreshHouseholdSummary(ledger, hh.id);
    appendAudit(ledger, actor, { entity: 'household', entityId: hh.id, action: 'create', after: { ...fields, members: rows } });
    return { id: hh.id };
  });
}

export function loadHousehold(ledger: Ledger, householdId: number) {
  const row = ledger.db.select().from(households).where(eq(households.id, householdId)).get();
  if (!row) notFound('Household', '户', householdId);
  return row;
}

/** Changes only the fields named; the merged record is checked as a whole. */
export function updateHousehold(ledger: Ledger, actor: Actor, raw: z.input<typeof updateHouseholdInput>): void {
  const { householdId, fields } = updateHouseholdInput.parse(raw);
  inTransaction(ledger, () => {
    const before = loadHousehold(ledger, householdId);
    checkHouseholdFields(ledger, { ...before, ...fields } as Partial<HouseholdFields>, 'fields', householdId);
    ledger.db.update(households).set({ ...fields, updatedAt: nowIso() }).where(eq(households.id, householdId)).run();
    appendAudit(ledger, actor, { entity: 'household', entityId: householdId, action: 'update', before, after: fields });
  });
}

export function addMember(ledger: Ledger, actor: Actor, raw: z.input<typeof addMemberInput>): { id: number } {
  const { householdId, member: m } = addMemberInput.parse(raw);
  return inTransaction(ledger, () => {
    loadHousehold(ledger, householdId);
    checkMember(ledger, m, 'member');
    const row = memberRow(m, householdId);
    const created = ledger.db.insert(members).values(row).returning({ id: members.id }).get();
    assertOneHead(ledger, householdId, 'member.relation');
    refreshHouseholdSummary(ledger, householdId);
    appendAudit(ledger, actor, { entity: 'member', entityId: created.id, action: 'create', after: row });
    return created;
  });
}

const memberKeys = Object.keys(memberInput.shape) as (keyof MemberValues)[];

/** Changes only the fields named; the merged record is checked as a whole, as on registration. */
export function updateMember(ledger: Ledger, actor: Actor, raw: z.input<typeof updateMemberInput>): void {
  const { memberId, fields } = updateMemberInput.parse(raw);
  inTransaction(ledger, () => {
    const before = ledger.db.select().from(members).where(eq(members.id, memberId)).get();
    if (!before) notFound('Member', '成员', memberId);
    const current = Object.fromEntries(memberKeys.map((k) => [k, before[k as keyof typeof before]])) as MemberValues;
    const merged = { ...current, ...fields } as MemberValues;
    // A new ID number brings its own birth date and sex unless the patch gives them.
    if (fields.idNumber && fields.idNumber !== before.idNumber) {
      if (fields.birthDate === undefined) merged.birthDate = undefined;
      if (fields.sex === undefined) merged.sex = undefined;
    }
    checkMember(ledger, merged, 'fields', memberId);
    const row = memberRow(merged, before.householdId);
    ledger.db.update(members).set(row).where(eq(members.id, memberId)).run();
    assertOneHead(ledger, before.householdId, 'fields.relation');
    refreshHouseholdSummary(ledger, before.householdId);
    appendAudit(ledger, actor, { entity: 'member', entityId: memberId, action: 'update', before, after: fields });
  });
}

/** A member who leaves the household stays on record, marked removed, so history is kept. */
export function removeMember(ledger: Ledger, actor: Actor, raw: z.input<typeof removeMemberInput>): void {
  const { memberId, reason } = removeMemberInput.parse(raw);
  inTransaction(ledger, () => {
    const before = ledger.db.select().from(members).where(eq(members.id, memberId)).get();
    if (!before) notFound('Member', '成员', memberId);
    if (before.relation === 'head') {
      throw new LedgerError('RULE', {
        en: 'The head cannot be removed; make another member the head first',
        zh: '不能移除户主，请先将其他成员设为户主',
      }, { field: 'relation' });
    }
    ledger.db.update(members).set({ removed: true }).where(eq(members.id, memberId)).run();
    refreshHouseholdSummary(ledger, before.householdId);
    appendAudit(ledger, actor, { entity: 'member', entityId: memberId, action: 'remove', before, after: { removed: true, reason } });
  });
}

/**
 * Makes another member the head (for instance after the head died) and gives the former head the
 * relation the clerk chose, in one step so the household never has zero or two heads.
 */
export function changeHead(ledger: Ledger, actor: Actor, raw: z.input<typeof changeHeadInput>): void {
  const { memberId, formerHeadRelation } = changeHeadInput.parse(raw);
  inTransaction(ledger, () => {
    const next = ledger.db.select().from(members).where(eq(members.id, memberId)).get();
    if (!next) notFound('Member', '成员', memberId);
    if (next.removed || next.deceased) invalid('memberId', 'A member who died or moved out cannot become the head', '已故或已迁出的成员不能成为户主');
    const former = ledger.sqlite
      .prepare(`SELECT id, relation FROM members WHERE household_id = ? AND relation = 'head' AND removed = 0`)
      .get(next.householdId) as { id: number } | undefined;
    if (former?.id === memberId) return;
    if (former) ledger.db.update(members).set({ relation: formerHeadRelation }).where(eq(members.id, former.id)).run();
    ledger.db.update(members).set({ relation: 'head' }).where(eq(members.id, memberId)).run();
    refreshHouseholdSummary(ledger, next.householdId);
    appendAudit(ledger, actor, {
      entity: 'household', entityId: next.householdId, action: 'change_head',
      before: { headMemberId: former?.id ?? null }, after: { headMemberId: memberId, formerHeadRelation },
    });
  });
}
