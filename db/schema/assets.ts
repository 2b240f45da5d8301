import { sqliteTable, integer, text, index, uniqueIndex, check, primaryKey, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { codesOf, type CodeListName } from '../codes';
import { typeChecks } from './strict';
import { households, villages } from './registry';
import { projects, voucherLines, vouchers } from './funds';
import { users } from './system';

/** CHECK that a column holds a code of one of db/codes.ts's lists. */
const inList = (name: string, column: string, list: CodeListName) =>
  check(name, sql.raw(`"${column}" IN (${codesOf(list).map((c) => `'${c}'`).join(', ')})`));

/**
 * 扶贫项目资产 (docs/ASSETS.md). Disposal is recorded on the asset itself; a disposed asset takes
 * no new shares or income.
 */
export const assets = sqliteTable('assets', {
  id: integer('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  assetClass: text('asset_class').notNull(),
  category: text('category').notNull(),
  ownership: text('ownership').notNull(),
  operator: text('operator').notNull(),
  /** The cooperative or enterprise that runs it, as written in the contract. */
  operatorName: text('operator_name').notNull().default(''),
  villageId: integer('village_id').references(() => villages.id),
  location: text('location').notNull().default(''),
  /** The project whose funds built it (where the cost lines are looked for first). */
  projectId: integer('project_id').references(() => projects.id),
  builtOn: text('built_on'),
  status: text('status').notNull().default('in_operation'),
  disposedOn: text('disposed_on'),
  disposalMethod: text('disposal_method'),
  disposalProceedsFen: integer('disposal_proceeds_fen'),
  /** The approval document of the disposal (文号). */
  disposalApproval: text('disposal_approval'),
  disposalNote: text('disposal_note').notNull().default(''),
  note: text('note').notNull().default(''),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
}, (t) => [
  ...typeChecks('assets', t),
  inList('assets_class_code', 'asset_class', 'assetClass'),
  inList('assets_category_code', 'category', 'assetCategory'),
  inList('assets_ownership_code', 'ownership', 'assetOwnership'),
  inList('assets_operator_code', 'operator', 'assetOperator'),
  inList('assets_status_code', 'status', 'assetStatus'),
  check('assets_disposal', sql`("status" = 'disposed') = ("disposed_on" IS NOT NULL)
    AND ("disposed_on" IS NULL OR ("disposal_method" IS NOT NULL AND "disposal_proceeds_fen" >= 0 AND "disposal_approval" IS NOT NULL))`),
  index('assets_village').on(t.villageId),
  index('assets_project').on(t.projectId),
]);

/** What an asset cost: the posted investment lines that built it (a line builds one asset). */
export const assetCostLines = sqliteTable('asset_cost_lines', {
  voucherLineId: integer('voucher_line_id').primaryKey().references(() => voucherLines.id),
  assetId: integer('asset_id').notNull().references(() => assets.id),
  linkedBy: integer('linked_by').notNull().references(() => users.id),
  linkedAt: text('linked_at').notNull(),
}, (t) => [...typeChecks('asset_cost_lines', t), index('asset_cost_lines_asset').on(t.assetId)]);

export const assetInspections = sqliteTable('asset_inspections', {
  id: integer('id').primaryKey(),
  assetId: integer('asset_id').notNull().references(() => assets.id),
  inspectedOn: text('inspected_on').notNull(),
  inspector: text('inspector').notNull(),
  findings: text('findings').notNull(),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: text('created_at').notNull(),
}, (t) => [...typeChecks('asset_inspections', t), index('asset_inspections_asset').on(t.assetId, t.inspectedOn)]);

/**
 * 折股量化: income rights of an asset held by a household or a village collective, in whole units
 * with a weight. Effective from `from_date` to `to_date` (inclusive); a withdrawn share stops
 * counting on `withdrawn_on` and may pass to the collective (`successor_id`).
 */
export const assetShares = sqliteTable('asset_shares', {
  id: integer('id').primaryKey(),
  assetId: integer('asset_id').notNull().references(() => assets.id),
  /** Per asset 1, 2, 3 …; the certificate number is GQ-<asset code>-<seq padded to 4>. */
  seq: integer('seq').notNull(),
  certificateNo: text('certificate_no').notNull().unique(),
  holderType: text('holder_type').notNull(),
  householdId: integer('household_id').references(() => households.id),
  /** The collective's village, or the household's village when the share was issued. */
  villageId: integer('village_id').notNull().references(() => villages.id),
  units: integer('units').notNull(),
  weight: integer('weight').notNull(),
  fromDate: text('from_date').notNull(),
  toDate: text('to_date'),
  withdrawnOn: text('withdrawn_on'),
  withdrawReason: text('withdraw_reason'),
  successorId: integer('successor_id').references((): AnySQLiteColumn => assetShares.id),
  note: text('note').notNull().default(''),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: text('created_at').notNull(),
}, (t) => [
  ...typeChecks('asset_shares', t),
  check('asset_shares_holder_type_code', sql`"holder_type" IN ('household', 'village')`),
  check('asset_shares_holder', sql`("holder_type" = 'household') = ("household_id" IS NOT NULL)`),
  check('asset_shares_units_positive', sql`"units" > 0 AND "units" <= 1000000`),
  check('asset_shares_weight_positive', sql`"weight" > 0 AND "weight" <= 100`),
  check('asset_shares_dates', sql`("to_date" IS NULL OR "to_date" >= "from_date") AND ("withdrawn_on" IS NULL OR "withdrawn_on" >= "from_date")`),
  check('asset_shares_withdrawal', sql`("withdrawn_on" IS NULL) = ("withdraw_reason" IS NULL)`),
  uniqueIndex('asset_shares_asset_seq').on(t.assetId, t.seq),
  index('asset_shares_household').on(t.householdId),
  index('asset_shares_village').on(t.villageId),
]);

/**
 * Income an asset earned, as received: gross less land rent, taxes and insurance, and operation
 * and maintenance gives the distributable income. Posted to the fund ledger when recorded.
 */
export const assetIncomes = sqliteTable('asset_incomes', {
  id: integer('id').primaryKey(),
  assetId: integer('asset_id').notNull().references(() => assets.id),
  receivedOn: text('received_on').notNull(),
  /** What the income is for, e.g. "2026年第一季度发电收益". */
  period: text('period').notNull().default(''),
  grossFen: integer('gross_fen').notNull(),
  landRentFen: integer('land_rent_fen').notNull().default(0),
  taxInsuranceFen: integer('tax_insurance_fen').notNull().default(0),
  maintenanceFen: integer('maintenance_fen').notNull().default(0),
  distributableFen: integer('distributable_fen').notNull(),
  voucherId: integer('voucher_id').notNull().references(() => vouchers.id),
  note: text('note').notNull().default(''),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: text('created_at').notNull(),
}, (t) => [
  ...typeChecks('asset_incomes', t),
  check('asset_incomes_amounts', sql`"gross_fen" > 0 AND "land_rent_fen" >= 0 AND "tax_insurance_fen" >= 0 AND "maintenance_fen" >= 0`),
  check('asset_incomes_distributable', sql`"distributable_fen" = "gross_fen" - "land_rent_fen" - "tax_insurance_fen" - "maintenance_fen" AND "distributable_fen" >= 0`),
  index('asset_incomes_asset').on(t.assetId, t.receivedOn),
]);

/**
 * 收益分配方案. draft → approved (by someone other than the preparer) → paid → reversing →
 * reversed; a draft or approved plan may be cancelled. Percentages are basis points.
 */
export const distributionPlans = sqliteTable('distribution_plans', {
  id: integer('id').primaryKey(),
  assetId: integer('asset_id').notNull().references(() => assets.id),
  title: text('title').notNull(),
  asOf: text('as_of').notNull(),
  postBp: integer('post_bp').notNull(),
  worksBp: integer('works_bp').notNull(),
  exitedRule: text('exited_rule').notNull(),
  status: text('status').notNull().default('draft'),
  totalFen: integer('total_fen').notNull(),
  postFen: integer('post_fen').notNull(),
  worksFen: integer('works_fen').notNull(),
  sharesFen: integer('shares_fen').notNull(),
  /** SHA-256 of the allocations as prepared: what the approver approved. */
  digest: text('digest').notNull(),
  preparedBy: integer('prepared_by').notNull().references(() => users.id),
  preparedAt: text('prepared_at').notNull(),
  approvedBy: integer('approved_by').references(() => users.id),
  approvedAt: text('approved_at'),
  payDate: text('pay_date'),
  paidBy: integer('paid_by').references(() => users.id),
  paidAt: text('paid_at'),
  reversalDate: text('reversal_date'),
  reversalReason: text('reversal_reason'),
  reversalRequestedBy: integer('reversal_requested_by').references(() => users.id),
  reversedBy: integer('reversed_by').references(() => users.id),
  reversedAt: text('reversed_at'),
  cancelledBy: integer('cancelled_by').references(() => users.id),
  cancelledAt: text('cancelled_at'),
}, (t) => [
  ...typeChecks('distribution_plans', t),
  check('distribution_plans_status_code', sql`"status" IN ('draft', 'approved', 'paid', 'reversing', 'reversed', 'cancelled')`),
  check('distribution_plans_exited_rule_code', sql`"exited_rule" IN ('include', 'exclude', 'only-with-policy')`),
  check('distribution_plans_split', sql`"post_bp" >= 0 AND "works_bp" >= 0 AND "post_bp" + "works_bp" <= 10000`),
  check('distribution_plans_parts', sql`"total_fen" > 0 AND "post_fen" >= 0 AND "works_fen" >= 0 AND "shares_fen" >= 0 AND "total_fen" = "post_fen" + "works_fen" + "shares_fen"`),
  check('distribution_plans_maker_checker', sql`"approved_by" IS NULL OR "approved_by" <> "prepared_by"`),
  check('distribution_plans_reversal_checker', sql`"reversed_by" IS NULL OR "reversed_by" <> "reversal_requested_by"`),
  index('distribution_plans_asset').on(t.assetId, t.status),
]);

/** The incomes a plan distributes. An income is in at most one plan that is not cancelled or reversed (checked in code). */
export const distributionPlanIncomes = sqliteTable('distribution_plan_incomes', {
  planId: integer('plan_id').notNull().references(() => distributionPlans.id),
  incomeId: integer('income_id').notNull().references(() => assetIncomes.id),
}, (t) => [
  ...typeChecks('distribution_plan_incomes', t),
  primaryKey({ columns: [t.planId, t.incomeId] }),
  index('distribution_plan_incomes_income').on(t.incomeId),
]);

/** Households holding the public-welfare posts a plan pays wages to, with their weights (e.g. months). */
export const distributionPostHolders = sqliteTable('distribution_post_holders', {
  planId: integer('plan_id').notNull().references(() => distributionPlans.id),
  householdId: integer('household_id').notNull().references(() => households.id),
  weight: integer('weight').notNull(),
}, (t) => [
  ...typeChecks('distribution_post_holders', t),
  primaryKey({ columns: [t.planId, t.householdId] }),
  check('distribution_post_holders_weight', sql`"weight" > 0`),
]);

/**
 * One part of a plan: a dividend to a household or village collective, a post wage, or village
 * public works. Shareholders left out by the eligibility rules are kept with amount 0 and the reason.
 */
export const distributionAllocations = sqliteTable('distribution_allocations', {
  id: integer('id').primaryKey(),
  planId: integer('plan_id').notNull().references(() => distributionPlans.id),
  kind: text('kind').notNull(),
  householdId: integer('household_id').references(() => households.id),
  villageId: integer('village_id').notNull().references(() => villages.id),
  /** Σ units × weight for dividends, the post weight, or the village's share weight for works. */
  weight: integer('weight').notNull(),
  amountFen: integer('amount_fen').notNull(),
  excluded: text('excluded'),
}, (t) => [
  ...typeChecks('distribution_allocations', t),
  check('distribution_allocations_kind_code', sql`"kind" IN ('dividend', 'post', 'works')`),
  check('distribution_allocations_excluded_code', sql`"excluded" IS NULL OR ("excluded" IN ('cancelled', 'deceased', 'exited') AND "amount_fen" = 0)`),
  check('distribution_allocations_amount', sql`"amount_fen" >= 0 AND "weight" >= 0`),
  check('distribution_allocations_holder', sql`"kind" = 'dividend' OR ("kind" = 'post') = ("household_id" IS NOT NULL)`),
  index('distribution_allocations_plan').on(t.planId, t.kind),
  index('distribution_allocations_household').on(t.householdId),
]);

/** The vouchers that paid a plan and those that reversed the payment. */
export const distributionVouchers = sqliteTable('distribution_vouchers', {
  voucherId: integer('voucher_id').primaryKey().references(() => vouchers.id),
  planId: integer('plan_id').notNull().references(() => distributionPlans.id),
  role: text('role').notNull(),
}, (t) => [
  ...typeChecks('distribution_vouchers', t),
  check('distribution_vouchers_role_code', sql`"role" IN ('pay', 'reversal')`),
  index('distribution_vouchers_plan').on(t.planId),
]);
