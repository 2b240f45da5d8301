import { eq } from 'drizzle-orm';
import type { Ledger } from '../ledger';
import type { Actor } from '../actor';
import { households, members, villages } from '../schema';
import { appendAudit } from '../audit';
import { LedgerError, invalid, notFound } from '../errors';
import { inTransaction, nowIso } from '../shared/tx';
import { agreesWith, checkIdNumber } from '../rules/idNumber';
import { namePinyin } from './pinyin';
import {
  createHouseholdInput,
  householdFields,
  memberInput,
  type HouseholdFields,
  type MemberValues,
} from './schemas';
import type { z } from 'zod';

type MemberRow = typeof members.$inferInsert;

/** Fills birth date and sex from the ID number, or refuses when the record disagrees with it. */
function memberRow(m: MemberValues, householdId: number, field: string): MemberRow {
  const id = checkIdNumber(m.idNumber);
  if (!id.ok) invalid(`${field}.idNumber`, id.message.en, id.message.zh);
  const birthDate = m.birthDate ?? id.birthDate;
  const sex = m.sex ?? id.sex;
  const disagree = agreesWith(id.id, birthDate, sex);
  if (disagree.includes('birthDate')) {
    invalid(`${field}.birthDate`, `Birth date ${birthDate} disagrees with the ID number (${id.birthDate})`,
      `出生日期 ${birthDate} 与身份证号码（${id.birthDate}）不符`);
  }
  if (disagree.includes('sex')) {
    invalid(`${field}.sex`, 'Sex disagrees with the ID number', '性别与身份证号码不符');
  }
  if (m.dibaoClass && !m.dibao) invalid(`${field}.dibaoClass`, 'A dibao class needs the dibao flag', '填写低保类别须先勾选享受低保');
  if ((m.disabilityCategory || m.disabilityGrade) && m.health !== 'disabled') {
    invalid(`${field}.health`, 'Disability category and grade need health status "disability"', '填写残疾类别和等级时，健康状况应为“残疾”');
  }
  if (m.deceasedOn && !m.deceased) invalid(`${field}.deceased`, 'A date of death needs the deceased flag', '填写死亡日期须同时标记已故');
  const py = namePinyin(m.name);
  return {
    ...m,
    householdId,
    birthDate,
    sex,
    idNumber: id.id,
    namePinyin: py.full,
    nameInitials: py.initials,
    education: m.education ?? null,
    schoolStatus: m.schoolStatus ?? null,
    dropoutReason: m.dropoutReason ?? null,
    disabilityCategory: m.disabilityCategory ?? null,
    disabilityGrade: m.disabilityGrade ?? null,
    labourAbility: m.labourAbility ?? null,
    dibaoClass: m.dibaoClass ?? null,
    leftBehind: m.leftBehind ?? null,
    deceasedOn: m.deceasedOn ?? null,
  };
}

/**
 * The same ID number may be active in only one household in the whole county; the refusal says
 * where it already is so the clerk can resolve it.
 */
function assertIdFree(ledger: Ledger, idNumber: string, field: string, exceptMemberId?: number): void {
  const clash = ledger.sqlite
    .prepare(
      `SELECT m.id, m.name, h.archive_no, v.name AS village
         FROM members m JOIN households h ON h.id = m.household_id JOIN villages v ON v.id = h.village_id
        WHERE m.id_number = ? AND m.removed = 0 AND h.status <> 'cancelled' AND m.id <> ?`,
    )
    .get(idNumber, exceptMemberId ?? -1) as { name: string; archive_no: string; village: string } | undefined;
  if (clash) {
    invalid(field,
      `ID number ${idNumber} is already registered to ${clash.name} in household ${clash.archive_no} (${clash.village})`,
      `身份证号 ${idNumber} 已登记在 ${clash.village} ${clash.archive_no} 户（${clash.name}）`);
  }
}

function checkHouseholdFields(ledger: Ledger, f: Partial<HouseholdFields>, selfId?: number): void {
  if (f.villageId !== undefined && !ledger.db.select({ id: villages.id }).from(villages).where(eq(villages.id, f.villageId)).get()) {
    invalid('villageId', `Village ${f.villageId} does not exist`, `行政村 ${f.villageId} 不存在`);
  }
  if (f.archiveNo !== undefined) {
    const other = ledger.db.select({ id: households.id }).from(households).where(eq(households.archiveNo, f.archiveNo)).get();
    if (other && other.id !== selfId) invalid('archiveNo', `Archive number ${f.archiveNo} is already used`, `户编号 ${f.archiveNo} 已被使用`);
  }
  const causes = [f.mainCause, f.secondCause, f.thirdCause].filter(Boolean);
  if (new Set(causes).size !== causes.length) invalid('secondCause', 'Poverty causes must differ', '致贫原因不能重复');
  if (f.relocationType && f.relocated === false) invalid('relocationType', 'Relocation details need the relocation flag', '填写搬迁信息须先勾选易地搬迁');
}

/** Recomputes the cached head name and size shown in lists. */
function refreshHouseholdSummary(ledger: Ledger, householdId: number): void {
  ledger.sqlite
    .prepare(
      `UPDATE households SET
         head_name = COALESCE((SELECT name FROM members WHERE household_id = @id AND relation = 'head' AND removed = 0 LIMIT 1), ''),
         size = (SELECT count(*) FROM members WHERE household_id = @id AND removed = 0 AND deceased = 0)
       WHERE id = @id`,
    )
    .run({ id: householdId });
}

function assertOneHead(ledger: Ledger, householdId: number): void {
  const heads = ledger.sqlite
    .prepare(`SELECT count(*) FROM members WHERE household_id = ? AND relation = 'head' AND removed = 0`)
    .pluck()
    .get(householdId) as number;
  if (heads !== 1) {
    invalid('members', `A household must have exactly one head (found ${heads})`, `每户必须有且只有一位户主（现有 ${heads} 位）`);
  }
}

export function createHousehold(ledger: Ledger, actor: Actor, raw: z.input<typeof createHouseholdInput>): { id: number } {
  const input = createHouseholdInput.parse(raw);
  const { members: memberInputs, ...fields } = input;
  return inTransaction(ledger, () => {
    checkHouseholdFields(ledger, fields);
    const seen = new Map<string, number>();
    memberInputs.forEach((m, i) => {
      const prev = seen.get(m.idNumber);
      if (prev !== undefined) invalid(`members.${i}.idNumber`, `Same ID number as member ${prev + 1}`, `与第 ${prev + 1} 位成员身份证号重复`);
      seen.set(m.idNumber, i);
      assertIdFree(ledger, m.idNumber, `members.${i}.idNumber`);
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
    const rows = memberInputs.map((m, i) => memberRow(m, hh.id, `members.${i}`));
    for (const row of rows) ledger.db.insert(members).values(row).run();
    assertOneHead(ledger, hh.id);
    refreshHouseholdSummary(ledger, hh.id);
    appendAudit(ledger, actor, { entity: 'household', entityId: hh.id, action: 'create', after: { ...fields, members: rows } });
    return { id: hh.id };
  });
}

function loadHousehold(ledger: Ledger, householdId: number) {
  const row = ledger.db.select().from(households).where(eq(households.id, householdId)).get();
  if (!row) notFound('Household', '户', householdId);
  return row;
}

export function updateHousehold(ledger: Ledger, actor: Actor, householdId: number, raw: unknown): void {
  const fields = householdFields.partial().parse(raw);
  inTransaction(ledger, () => {
    const before = loadHousehold(ledger, householdId);
    checkHouseholdFields(ledger, { ...before, ...fields } as Partial<HouseholdFields>, householdId);
    ledger.db.update(households).set({ ...fields, updatedAt: nowIso() }).where(eq(households.id, householdId)).run();
    appendAudit(ledger, actor, { entity: 'household', entityId: householdId, action: 'update', before, after: fields });
  });
}

export function addMember(ledger: Ledger, actor: Actor, householdId: number, raw: unknown): { id: number } {
  const m = memberInput.parse(raw);
  return inTransaction(ledger, () => {
    loadHousehold(ledger, householdId);
    assertIdFree(ledger, m.idNumber, 'member.idNumber');
    const row = memberRow(m, householdId, 'member');
    const created = ledger.db.insert(members).values(row).returning({ id: members.id }).get();
    assertOneHead(ledger, householdId);
    refreshHouseholdSummary(ledger, householdId);
    appendAudit(ledger, actor, { entity: 'member', entityId: created.id, action: 'create', after: row });
    return created;
  });
}

export function updateMember(ledger: Ledger, actor: Actor, memberId: number, raw: unknown): void {
  const m = memberInput.parse(raw);
  inTransaction(ledger, () => {
    const before = ledger.db.select().from(members).where(eq(members.id, memberId)).get();
    if (!before) notFound('Member', '成员', memberId);
    assertIdFree(ledger, m.idNumber, 'idNumber', memberId);
    const row = memberRow(m, before.householdId, 'member');
    ledger.db.update(members).set(row).where(eq(members.id, memberId)).run();
    assertOneHead(ledger, before.householdId);
    refreshHouseholdSummary(ledger, before.householdId);
    appendAudit(ledger, actor, { entity: 'member', entityId: memberId, action: 'update', before, after: row });
  });
}

/** A member who leaves the household stays on record, marked removed, so history is kept. */
export function removeMember(ledger: Ledger, actor: Actor, memberId: number, reason: string): void {
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

export { refreshHouseholdSummary };
