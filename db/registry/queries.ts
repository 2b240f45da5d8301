import { z } from 'zod';
import type { Ledger } from '../ledger';
import { notFound } from '../errors';
import { id, isoDate, pageInput, year, zCode, type Page } from '../shared/zod';
import { today } from '../shared/tx';
import { normalizeIdNumber } from '../rules/idNumber';

export const householdQuery = pageInput.extend({
  /** Name, pinyin ("zhangsan") or initials ("zs"), ID number, archive number or phone. */
  q: z.string().trim().max(40).default(''),
  townshipId: id.optional(),
  villageId: id.optional(),
  status: zCode('householdStatus').optional(),
  /** Any of these statuses (e.g. the poor statuses of poverty incidence); combines with `status` by AND. */
  statuses: z.array(zCode('householdStatus')).min(1).optional(),
  attribute: zCode('householdAttribute').optional(),
  mainCause: zCode('povertyCause').optional(),
  labourAbility: zCode('labourAbility').optional(),
  health: zCode('health').optional(),
  leftBehind: zCode('leftBehind').optional(),
  monitoringType: zCode('monitoringType').optional(),
  /** Any monitoring type (true) or none (false). */
  monitored: z.boolean().optional(),
  identifiedYear: year.optional(),
  housingSafety: zCode('housingSafety').optional(),
  safeWater: z.boolean().optional(),
  relocated: z.boolean().optional(),
  /** Households with a member receiving dibao. */
  dibao: z.boolean().optional(),
  schoolStatus: zCode('schoolStatus').optional(),
  cadreId: id.optional(),
  /** Monitored households whose review date has passed. */
  reviewOverdue: z.boolean().optional(),
  /** Exited households whose policies end on or before this date. */
  policyEndsBy: isoDate.optional(),
});
export type HouseholdQuery = z.input<typeof householdQuery>;

export interface HouseholdListRow {
  id: number;
  archiveNo: string;
  headName: string;
  size: number;
  villageId: number;
  village: string;
  township: string;
  attribute: string;
  mainCause: string;
  status: string;
  monitoringType: string | null;
}

/** Upper bound for a prefix range scan, so that indexes serve prefix searches. */
const prefixEnd = (s: string) => `${s}\u{10FFFF}`;

interface Where {
  /** Conditions on households `h` alone (sub-selects included), so they serve with or without HOUSEHOLD_FROM's joins. */
  clauses: string[];
  params: Record<string, unknown>;
  /**
   * The member conditions among the clauses (column and its condition, members still in the
   * household), so that a list filtered by one of them alone can be counted from a covering index.
   */
  memberFilters: string[];
}

/** Household ids matched by the search text, as a sub-select over indexed columns. */
function searchClause(q: string, w: Where): void {
  if (!q) return;
  const idLike = normalizeIdNumber(q);
  w.params.q = q;
  w.params.qEnd = prefixEnd(q);
  if (/^\d{3,17}[\dX]?$/.test(idLike)) {
    w.params.idq = idLike;
    w.params.idqEnd = prefixEnd(idLike);
    w.clauses.push(`(h.id IN (SELECT household_id FROM members WHERE id_number >= @idq AND id_number < @idqEnd)
      OR h.archive_no >= @q AND h.archive_no < @qEnd
      OR h.phone >= @q AND h.phone < @qEnd
      OR h.id IN (SELECT household_id FROM members WHERE phone >= @q AND phone < @qEnd AND phone <> ''))`);
  } else if (/^[a-z]+$/i.test(q)) {
    w.params.py = q.toLowerCase();
    w.params.pyEnd = prefixEnd(q.toLowerCase());
    // UNION ALL: IN (…) needs no duplicate removal, and UNION's merge sort costs more than the lookups.
    w.clauses.push(`h.id IN (SELECT household_id FROM members WHERE name_pinyin >= @py AND name_pinyin < @pyEnd
      UNION ALL SELECT household_id FROM members WHERE name_initials >= @py AND name_initials < @pyEnd)`);
  } else {
    w.clauses.push(`(h.id IN (SELECT household_id FROM members WHERE name >= @q AND name < @qEnd)
      OR h.archive_no >= @q AND h.archive_no < @qEnd)`);
  }
}

/**
 * Households with a member (still in the household) matching `condition`. EXISTS, not IN: the list
 * walks households in archive-number order and stops after a page, probing the partial indexes of
 * migration 0002 (members(column, household_id) WHERE removed = 0, members(household_id) WHERE
 * dibao = 1 AND removed = 0); `removed = 0` is written out so that those indexes apply.
 */
function memberFilter(condition: string, w: Where): void {
  w.memberFilters.push(condition);
  w.clauses.push(`EXISTS (SELECT 1 FROM members mf WHERE mf.household_id = h.id AND mf.${condition} AND mf.removed = 0)`);
}

function memberEquals(column: string, value: string | undefined, w: Where): void {
  if (value === undefined) return;
  w.params[column] = value;
  memberFilter(`${column} = @${column}`, w);
}

export function buildHouseholdWhere(query: z.output<typeof householdQuery>): Where {
  const w: Where = { clauses: [], params: {}, memberFilters: [] };
  searchClause(query.q, w);
  for (const [key, column] of [
    ['villageId', 'h.village_id'],
    ['status', 'h.status'],
    ['attribute', 'h.attribute'],
    ['mainCause', 'h.main_cause'],
    ['monitoringType', 'h.monitoring_type'],
    ['identifiedYear', 'h.identified_year'],
    ['housingSafety', 'h.housing_safety'],
  ] as const) {
    const value = query[key];
    if (value === undefined) continue;
    w.params[key] = value;
    w.clauses.push(`${column} = @${key}`);
  }
  if (query.townshipId !== undefined) {
    // The township's villages as a list, so households(village_id, status) serves township + status.
    w.params.townshipId = query.townshipId;
    w.clauses.push('h.village_id IN (SELECT id FROM villages WHERE township_id = @townshipId)');
  }
  if (query.statuses) {
    const names = query.statuses.map((s, i) => {
      w.params[`statuses${i}`] = s;
      return `@statuses${i}`;
    });
    w.clauses.push(`h.status IN (${names.join(', ')})`);
  }
  memberEquals('labour_ability', query.labourAbility, w);
  memberEquals('health', query.health, w);
  memberEquals('left_behind', query.leftBehind, w);
  memberEquals('school_status', query.schoolStatus, w);
  if (query.dibao) memberFilter('dibao = 1', w);
  for (const [key, column] of [['safeWater', 'h.safe_water'], ['relocated', 'h.relocated']] as const) {
    const value = query[key];
    if (value === undefined) continue;
    w.params[key] = value ? 1 : 0;
    w.clauses.push(`${column} = @${key}`);
  }
  if (query.monitored !== undefined) w.clauses.push(`h.monitoring_type IS ${query.monitored ? 'NOT ' : ''}NULL`);
  if (query.cadreId !== undefined) {
    w.params.cadreId = query.cadreId;
    w.clauses.push('h.id IN (SELECT household_id FROM household_cadres WHERE cadre_id = @cadreId AND to_date IS NULL)');
  }
  if (query.reviewOverdue) {
    w.params.today = today();
    w.clauses.push('h.review_due < @today');
  }
  if (query.policyEndsBy) {
    w.params.policyEndsBy = query.policyEndsBy;
    w.clauses.push(`h.status = 'exited' AND h.policy_ends_on <= @policyEndsBy`);
  }
  return w;
}

export const HOUSEHOLD_FROM = `FROM households h JOIN villages v ON v.id = h.village_id JOIN townships t ON t.id = v.township_id`;

/**
 * How many households a filter selects. Every household has a village and every village a township
 * (foreign keys), so the count needs neither join; a filter on one member column alone counts the
 * distinct households of that column's covering index.
 */
function countHouseholds(ledger: Ledger, w: Where): number {
  const [only] = w.memberFilters;
  const sql = w.memberFilters.length === 1 && w.clauses.length === 1
    ? `SELECT count(DISTINCT household_id) FROM members WHERE ${only} AND removed = 0`
    : `SELECT count(*) FROM households h ${w.clauses.length ? `WHERE ${w.clauses.join(' AND ')}` : ''}`;
  return ledger.sqlite.prepare(sql).pluck().get(w.params) as number;
}

export function listHouseholds(ledger: Ledger, raw: HouseholdQuery): Page<HouseholdListRow> {
  const query = householdQuery.parse(raw);
  const w = buildHouseholdWhere(query);
  const where = w.clauses.length ? `WHERE ${w.clauses.join(' AND ')}` : '';
  const total = countHouseholds(ledger, w);
  // The page's ids first (an index walk in archive-number order that stops after the page), then
  // only those households joined to their village and township. CROSS JOIN keeps that order: with
  // LIMIT a parameter the planner cannot tell the page is small and would rather walk every
  // household to spare the final 20-row sort.
  const rows = ledger.sqlite
    .prepare(
      `SELECT h.id, h.archive_no AS archiveNo, h.head_name AS headName, h.size, h.village_id AS villageId,
              v.name AS village, t.name AS township, h.attribute, h.main_cause AS mainCause, h.status,
              h.monitoring_type AS monitoringType
         FROM (SELECT h.id FROM households h ${where} ORDER BY h.archive_no LIMIT @limit OFFSET @offset) p
         CROSS JOIN households h ON h.id = p.id CROSS JOIN villages v ON v.id = h.village_id CROSS JOIN townships t ON t.id = v.township_id
        ORDER BY h.archive_no`,
    )
    .all({ ...w.params, limit: query.limit, offset: query.offset }) as HouseholdListRow[];
  return { rows, total, offset: query.offset, limit: query.limit };
}

export interface TownshipRow {
  id: number;
  code: string;
  name: string;
}

export function listTownships(ledger: Ledger): TownshipRow[] {
  return ledger.sqlite.prepare('SELECT id, code, name FROM townships ORDER BY code').all() as TownshipRow[];
}

export const villageQuery = pageInput.extend({ q: z.string().trim().max(40).default(''), townshipId: id.optional() });

export interface VillageListRow {
  id: number;
  code: string;
  name: string;
  townshipId: number;
  township: string;
  poorVillage: boolean;
  exitYear: number | null;
  ruralPopulation: number;
  firstSecretary: string;
  firstSecretaryPhone: string;
  workTeam: string;
  workTeamUnit: string;
  households: number;
  people: number;
}

export function listVillages(ledger: Ledger, raw: z.input<typeof villageQuery>): Page<VillageListRow> {
  const query = villageQuery.parse(raw);
  const clauses: string[] = [];
  const params: Record<string, unknown> = { limit: query.limit, offset: query.offset };
  if (query.q) {
    clauses.push('(v.name LIKE @like OR v.code LIKE @like)');
    params.like = `%${query.q}%`;
  }
  if (query.townshipId) {
    clauses.push('v.township_id = @townshipId');
    params.townshipId = query.townshipId;
  }
  const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  const total = ledger.sqlite.prepare(`SELECT count(*) FROM villages v ${where}`).pluck().get(params) as number;
  const rows = ledger.sqlite
    .prepare(
      `SELECT v.id, v.code, v.name, v.township_id AS townshipId, t.name AS township, v.poor_village AS poorVillage,
              v.exit_year AS exitYear, v.rural_population AS ruralPopulation, v.first_secretary AS firstSecretary,
              v.first_secretary_phone AS firstSecretaryPhone, v.work_team AS workTeam, v.work_team_unit AS workTeamUnit,
              (SELECT count(*) FROM households h WHERE h.village_id = v.id AND h.status <> 'cancelled') AS households,
              (SELECT coalesce(sum(size), 0) FROM households h WHERE h.village_id = v.id AND h.status <> 'cancelled') AS people
         FROM villages v JOIN townships t ON t.id = v.township_id ${where}
        ORDER BY v.code LIMIT @limit OFFSET @offset`,
    )
    .all(params) as (Omit<VillageListRow, 'poorVillage'> & { poorVillage: number })[];
  return { rows: rows.map((r) => ({ ...r, poorVillage: r.poorVillage === 1 })), total, offset: query.offset, limit: query.limit };
}

const memberColumns = `id, household_id AS householdId, id_number AS idNumber, name, sex, birth_date AS birthDate, relation,
  ethnicity, education, school_status AS schoolStatus, dropout_reason AS dropoutReason, health,
  disability_category AS disabilityCategory, disability_grade AS disabilityGrade, chronic_certificate AS chronicCertificate,
  labour_ability AS labourAbility, migrant_months AS migrantMonths, migrant_place AS migrantPlace,
  ins_basic_medical AS insBasicMedical, ins_critical_illness AS insCriticalIllness, ins_supplementary AS insSupplementary,
  ins_basic_pension AS insBasicPension, dibao, dibao_class AS dibaoClass, left_behind AS leftBehind, deceased,
  deceased_on AS deceasedOn, phone, removed`;

const memberBooleans = ['insBasicMedical', 'insCriticalIllness', 'insSupplementary', 'insBasicPension', 'dibao', 'deceased', 'removed'] as const;

export interface MemberView {
  id: number;
  householdId: number;
  idNumber: string;
  name: string;
  sex: string;
  birthDate: string;
  relation: string;
  ethnicity: string;
  education: string | null;
  schoolStatus: string | null;
  dropoutReason: string | null;
  health: string;
  disabilityCategory: string | null;
  disabilityGrade: string | null;
  chronicCertificate: string;
  labourAbility: string | null;
  migrantMonths: number;
  migrantPlace: string;
  insBasicMedical: boolean;
  insCriticalIllness: boolean;
  insSupplementary: boolean;
  insBasicPension: boolean;
  dibao: boolean;
  dibaoClass: string | null;
  leftBehind: string | null;
  deceased: boolean;
  deceasedOn: string | null;
  phone: string;
  removed: boolean;
}

function toMemberView(row: Record<string, unknown>): MemberView {
  const out = { ...row } as Record<string, unknown>;
  for (const key of memberBooleans) out[key] = row[key] === 1;
  return out as unknown as MemberView;
}

export function getHousehold(ledger: Ledger, householdId: number) {
  const household = ledger.sqlite
    .prepare(
      `SELECT h.*, v.name AS village, v.code AS village_code, t.name AS township, t.id AS township_id
         FROM households h JOIN villages v ON v.id = h.village_id JOIN townships t ON t.id = v.township_id
        WHERE h.id = ?`,
    )
    .get(householdId) as Record<string, unknown> | undefined;
  if (!household) notFound('Household', '户', householdId);
  const memberRows = ledger.sqlite
    .prepare(`SELECT ${memberColumns} FROM members WHERE household_id = ? ORDER BY relation <> 'head', birth_date`)
    .all(householdId) as Record<string, unknown>[];
  return { household: camelHousehold(household), members: memberRows.map(toMemberView) };
}

function camelHousehold(r: Record<string, unknown>) {
  return {
    id: r.id as number,
    archiveNo: r.archive_no as string,
    villageId: r.village_id as number,
    village: r.village as string,
    villageCode: r.village_code as string,
    townshipId: r.township_id as number,
    township: r.township as string,
    groupName: r.group_name as string,
    address: r.address as string,
    phone: r.phone as string,
    bankName: r.bank_name as string,
    bankAccount: r.bank_account as string,
    attribute: r.attribute as string,
    mainCause: r.main_cause as string,
    secondCause: r.second_cause as string | null,
    thirdCause: r.third_cause as string | null,
    identifiedYear: r.identified_year as number,
    relocated: r.relocated === 1,
    relocationType: r.relocation_type as string | null,
    relocationYear: r.relocation_year as number | null,
    relocationSite: r.relocation_site as string,
    housingSafety: r.housing_safety as string,
    housingRenovatedYear: r.housing_renovated_year as number | null,
    safeWater: r.safe_water === 1,
    familyDoctor: r.family_doctor as string,
    familyDoctorPhone: r.family_doctor_phone as string,
    familyDoctorContract: r.family_doctor_contract as string,
    status: r.status as string,
    monitoringType: r.monitoring_type as string | null,
    statusSince: r.status_since as string,
    policyEndsOn: r.policy_ends_on as string | null,
    reviewDue: r.review_due as string | null,
    headName: r.head_name as string,
    size: r.size as number,
  };
}
export type HouseholdView = ReturnType<typeof camelHousehold>;

export interface VillageOption {
  id: number;
  name: string;
  townshipId: number;
}

/** Every village, lightly, for pickers and filters. */
export function villageOptions(ledger: Ledger): VillageOption[] {
  return ledger.sqlite.prepare('SELECT id, name, township_id AS townshipId FROM villages ORDER BY code').all() as VillageOption[];
}
