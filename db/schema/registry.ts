import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { typeChecks } from './strict';

const bool = (name: string) => integer(name, { mode: 'boolean' });

/** The one county this ledger belongs to. */
export const county = sqliteTable('county', {
  id: integer('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  province: text('province').notNull().default(''),
  /** Western provinces exit villages and counties below 3% incidence instead of 2%. */
  western: bool('western').notNull().default(false),
  designatedHospital: text('designated_hospital').notNull().default(''),
  pairedHospital: text('paired_hospital').notNull().default(''),
  officePhone: text('office_phone').notNull().default(''),
}, (t) => typeChecks('county', t));

export const townships = sqliteTable('townships', {
  id: integer('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
}, (t) => typeChecks('townships', t));

export const villages = sqliteTable('villages', {
  id: integer('id').primaryKey(),
  code: text('code').notNull().unique(),
  townshipId: integer('township_id').notNull().references(() => townships.id),
  name: text('name').notNull(),
  poorVillage: bool('poor_village').notNull().default(false),
  exitYear: integer('exit_year'),
  ruralPopulation: integer('rural_population').notNull().default(0),
  firstSecretary: text('first_secretary').notNull().default(''),
  firstSecretaryPhone: text('first_secretary_phone').notNull().default(''),
  /** Members of the resident work team (驻村工作队), as the clerk writes them. */
  workTeam: text('work_team').notNull().default(''),
  workTeamUnit: text('work_team_unit').notNull().default(''),
}, (t) => [...typeChecks('villages', t), index('villages_township').on(t.townshipId)]);

export const households = sqliteTable('households', {
  id: integer('id').primaryKey(),
  archiveNo: text('archive_no').notNull().unique(),
  villageId: integer('village_id').notNull().references(() => villages.id),
  groupName: text('group_name').notNull().default(''),
  address: text('address').notNull().default(''),
  phone: text('phone').notNull().default(''),
  bankName: text('bank_name').notNull().default(''),
  bankAccount: text('bank_account').notNull().default(''),
  attribute: text('attribute').notNull(),
  mainCause: text('main_cause').notNull(),
  secondCause: text('second_cause'),
  thirdCause: text('third_cause'),
  identifiedYear: integer('identified_year').notNull(),
  relocated: bool('relocated').notNull().default(false),
  relocationType: text('relocation_type'),
  relocationYear: integer('relocation_year'),
  relocationSite: text('relocation_site').notNull().default(''),
  housingSafety: text('housing_safety').notNull().default('safe'),
  housingRenovatedYear: integer('housing_renovated_year'),
  safeWater: bool('safe_water').notNull().default(true),
  familyDoctor: text('family_doctor').notNull().default(''),
  familyDoctorPhone: text('family_doctor_phone').notNull().default(''),
  familyDoctorContract: text('family_doctor_contract').notNull().default(''),
  /** Derived from status_events (see rules/status.ts); kept here so lists can filter by it. */
  status: text('status').notNull().default('new_identified'),
  monitoringType: text('monitoring_type'),
  statusSince: text('status_since').notNull(),
  /** Exited households keep their policies until this date (grace period). */
  policyEndsOn: text('policy_ends_on'),
  /** Monitored households must be reviewed again by this date. */
  reviewDue: text('review_due'),
  headName: text('head_name').notNull().default(''),
  size: integer('size').notNull().default(0),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
}, (t) => [
  ...typeChecks('households', t),
  index('households_village').on(t.villageId),
  index('households_status').on(t.status),
  index('households_phone').on(t.phone),
  index('households_head_name').on(t.headName),
]);

export const members = sqliteTable('members', {
  id: integer('id').primaryKey(),
  householdId: integer('household_id').notNull().references(() => households.id),
  idNumber: text('id_number').notNull(),
  name: text('name').notNull(),
  /** Full pinyin without tones or spaces ("zhangsan") and initials ("zs"), for clerks' searches. */
  namePinyin: text('name_pinyin').notNull().default(''),
  nameInitials: text('name_initials').notNull().default(''),
  sex: text('sex').notNull(),
  birthDate: text('birth_date').notNull(),
  relation: text('relation').notNull(),
  ethnicity: text('ethnicity').notNull().default('01'),
  education: text('education'),
  schoolStatus: text('school_status'),
  dropoutReason: text('dropout_reason'),
  health: text('health').notNull().default('healthy'),
  disabilityCategory: text('disability_category'),
  disabilityGrade: text('disability_grade'),
  chronicCertificate: text('chronic_certificate').notNull().default(''),
  labourAbility: text('labour_ability'),
  migrantMonths: integer('migrant_months').notNull().default(0),
  migrantPlace: text('migrant_place').notNull().default(''),
  insBasicMedical: bool('ins_basic_medical').notNull().default(false),
  insCriticalIllness: bool('ins_critical_illness').notNull().default(false),
  insSupplementary: bool('ins_supplementary').notNull().default(false),
  insBasicPension: bool('ins_basic_pension').notNull().default(false),
  dibao: bool('dibao').notNull().default(false),
  dibaoClass: text('dibao_class'),
  leftBehind: text('left_behind'),
  deceased: bool('deceased').notNull().default(false),
  deceasedOn: text('deceased_on'),
  phone: text('phone').notNull().default(''),
  /** A member who moved out stays on record but no longer counts in the household. */
  removed: bool('removed').notNull().default(false),
}, (t) => [
  ...typeChecks('members', t),
  index('members_household').on(t.householdId),
  index('members_id_number').on(t.idNumber),
  index('members_name').on(t.name),
  index('members_pinyin').on(t.namePinyin),
  index('members_initials').on(t.nameInitials),
  index('members_phone').on(t.phone),
  index('members_health').on(t.health),
  index('members_left_behind').on(t.leftBehind),
]);

export const cadres = sqliteTable('cadres', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  unit: text('unit').notNull().default(''),
  post: text('post').notNull().default(''),
  phone: text('phone').notNull().default(''),
}, (t) => typeChecks('cadres', t));

export const householdCadres = sqliteTable('household_cadres', {
  id: integer('id').primaryKey(),
  householdId: integer('household_id').notNull().references(() => households.id),
  cadreId: integer('cadre_id').notNull().references(() => cadres.id),
  fromDate: text('from_date').notNull(),
  toDate: text('to_date'),
}, (t) => [
  ...typeChecks('household_cadres', t),
  index('household_cadres_household').on(t.householdId),
  index('household_cadres_cadre').on(t.cadreId),
]);

/**
 * Every change of a household's status. A proposal becomes effective only when a different
 * user approves it; the household's current status is derived from its approved events.
 */
export const statusEvents = sqliteTable('status_events', {
  id: integer('id').primaryKey(),
  householdId: integer('household_id').notNull().references(() => households.id),
  type: text('type').notNull(),
  monitoringType: text('monitoring_type'),
  cancelReason: text('cancel_reason'),
  eventDate: text('event_date').notNull(),
  reason: text('reason').notNull(),
  evidence: text('evidence').notNull().default(''),
  assessmentId: integer('assessment_id'),
  state: text('state').notNull().default('proposed'),
  proposedBy: integer('proposed_by').notNull(),
  proposedAt: text('proposed_at').notNull(),
  decidedBy: integer('decided_by'),
  decidedAt: text('decided_at'),
  /** Why it was rejected (or a note on the approval). */
  decisionNote: text('decision_note').notNull().default(''),
}, (t) => [
  ...typeChecks('status_events', t),
  index('status_events_household').on(t.householdId),
  index('status_events_state').on(t.state),
  // One open proposal per household: the reviewer decides it before the next one is made.
  uniqueIndex('status_events_one_open').on(t.householdId).where(sql`state = 'proposed'`),
]);

export const povertyLines = sqliteTable('poverty_lines', {
  year: integer('year').primaryKey(),
  perCapitaFen: integer('per_capita_fen').notNull(),
}, (t) => typeChecks('poverty_lines', t));

export const incomes = sqliteTable('incomes', {
  id: integer('id').primaryKey(),
  householdId: integer('household_id').notNull().references(() => households.id),
  year: integer('year').notNull(),
  item: text('item').notNull(),
  amountFen: integer('amount_fen').notNull(),
  note: text('note').notNull().default(''),
}, (t) => [...typeChecks('incomes', t), uniqueIndex('incomes_household_year_item').on(t.householdId, t.year, t.item)]);

export const assessments = sqliteTable('assessments', {
  id: integer('id').primaryKey(),
  householdId: integer('household_id').notNull().references(() => households.id),
  year: integer('year').notNull(),
  /** Net income and the living members it was divided by, as they were when assessed. */
  netIncomeFen: integer('net_income_fen').notNull(),
  people: integer('people').notNull(),
  perCapitaFen: integer('per_capita_fen').notNull(),
  lineFen: integer('line_fen').notNull(),
  /** JSON: [{ check, ok, note }] */
  checks: text('checks').notNull(),
  passed: bool('passed').notNull(),
  overrideReason: text('override_reason'),
  assessedBy: integer('assessed_by').notNull(),
  assessedAt: text('assessed_at').notNull(),
}, (t) => [...typeChecks('assessments', t), index('assessments_household').on(t.householdId)]);

export const supportMeasures = sqliteTable('support_measures', {
  id: integer('id').primaryKey(),
  householdId: integer('household_id').notNull().references(() => households.id),
  year: integer('year').notNull(),
  measure: text('measure').notNull(),
  detail: text('detail').notNull().default(''),
  amountFen: integer('amount_fen').notNull().default(0),
}, (t) => [...typeChecks('support_measures', t), index('support_measures_household').on(t.householdId)]);
