import { sqliteTable, integer, text, index, uniqueIndex, check, primaryKey, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { typeChecks } from './strict';
import { households, villages } from './registry';

const bool = (name: string) => integer(name, { mode: 'boolean' });

/**
 * Chart of accounts of the special funds (docs/FUNDS.md). Codes are hierarchical (5001, 5001.01);
 * only active accounts without children take entries. `fund_role` marks what an entry means for
 * the fund it carries: 'receipt' (money received from a source) or 'use' (money spent from it).
 */
export const fundAccounts = sqliteTable('fund_accounts', {
  id: integer('id').primaryKey(),
  code: text('code').notNull().unique(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  parentId: integer('parent_id').references((): AnySQLiteColumn => fundAccounts.id),
  type: text('type').notNull(),
  normalSide: text('normal_side').notNull(),
  fundRole: text('fund_role'),
  /** Comma-separated line dimensions every entry on this account must carry ('source,project'). */
  requiredDims: text('required_dims').notNull().default(''),
  system: bool('system').notNull().default(false),
  active: bool('active').notNull().default(true),
  createdAt: text('created_at').notNull(),
}, (t) => [
  ...typeChecks('fund_accounts', t),
  check('fund_accounts_type_code', sql`"type" IN ('asset', 'liability', 'net_asset', 'income', 'expense')`),
  check('fund_accounts_normal_side_code', sql`"normal_side" IN ('debit', 'credit')`),
  check('fund_accounts_fund_role_code', sql`"fund_role" IS NULL OR "fund_role" IN ('receipt', 'use')`),
  index('fund_accounts_parent').on(t.parentId),
]);

/** A fund allocated to the county by a higher level (or donated), as written in its document (文号). */
export const fundSources = sqliteTable('fund_sources', {
  id: integer('id').primaryKey(),
  level: text('level').notNull(),
  type: text('type').notNull(),
  year: integer('year').notNull(),
  docNo: text('doc_no').notNull(),
  title: text('title').notNull(),
  amountFen: integer('amount_fen').notNull(),
  issuedOn: text('issued_on'),
  note: text('note').notNull().default(''),
  createdBy: integer('created_by').notNull(),
  createdAt: text('created_at').notNull(),
}, (t) => [
  ...typeChecks('fund_sources', t),
  check('fund_sources_amount_positive', sql`"amount_fen" > 0`),
  uniqueIndex('fund_sources_doc').on(t.docNo, t.level, t.type),
  index('fund_sources_year').on(t.year),
]);

/** 项目库. */
export const projects = sqliteTable('projects', {
  id: integer('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  type: text('type').notNull(),
  year: integer('year').notNull(),
  budgetFen: integer('budget_fen').notNull(),
  /** Where the work is, as a notice prints it (建设地点). */
  site: text('site').notNull().default(''),
  /** What is built or paid for (建设内容). */
  content: text('content').notNull().default(''),
  implementer: text('implementer').notNull().default(''),
  responsible: text('responsible').notNull().default(''),
  plannedStart: text('planned_start'),
  plannedEnd: text('planned_end'),
  status: text('status').notNull().default('planned'),
  acceptedOn: text('accepted_on'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
}, (t) => [
  ...typeChecks('projects', t),
  check('projects_budget_non_negative', sql`"budget_fen" >= 0`),
  check('projects_acceptance', sql`("status" = 'accepted') = ("accepted_on" IS NOT NULL)`),
  check('projects_schedule', sql`"planned_start" IS NULL OR "planned_end" IS NULL OR "planned_end" >= "planned_start"`),
  index('projects_year').on(t.year),
]);

export const projectVillages = sqliteTable('project_villages', {
  projectId: integer('project_id').notNull().references(() => projects.id),
  villageId: integer('village_id').notNull().references(() => villages.id),
}, (t) => [
  ...typeChecks('project_villages', t),
  primaryKey({ columns: [t.projectId, t.villageId] }),
  index('project_villages_village').on(t.villageId),
]);

/** Households that benefit from a project. */
export const projectHouseholds = sqliteTable('project_households', {
  projectId: integer('project_id').notNull().references(() => projects.id),
  householdId: integer('household_id').notNull().references(() => households.id),
}, (t) => [
  ...typeChecks('project_households', t),
  primaryKey({ columns: [t.projectId, t.householdId] }),
  index('project_households_household').on(t.householdId),
]);

/**
 * The county's allocation of a source to a project (资金分配). Rows are only ever added; a
 * reduction (调减) is a negative row, so the history of every decision stays visible.
 */
export const fundAllocations = sqliteTable('fund_allocations', {
  id: integer('id').primaryKey(),
  sourceId: integer('source_id').notNull().references(() => fundSources.id),
  projectId: integer('project_id').notNull().references(() => projects.id),
  amountFen: integer('amount_fen').notNull(),
  docNo: text('doc_no').notNull().default(''),
  allocatedOn: text('allocated_on').notNull(),
  note: text('note').notNull().default(''),
  createdBy: integer('created_by').notNull(),
  createdAt: text('created_at').notNull(),
}, (t) => [
  ...typeChecks('fund_allocations', t),
  check('fund_allocations_amount_non_zero', sql`"amount_fen" <> 0`),
  index('fund_allocations_source_project').on(t.sourceId, t.projectId),
  index('fund_allocations_project').on(t.projectId),
]);

/**
 * 记账凭证. Numbers are given at posting, per year, without gaps. Posted rows are immutable
 * (triggers in the funds_posted_immutable migration). `origin` 'system' marks vouchers posted by
 * another domain (asset income, distributions) whose approval happened there.
 */
export const vouchers = sqliteTable('vouchers', {
  id: integer('id').primaryKey(),
  year: integer('year').notNull(),
  number: integer('number'),
  date: text('date').notNull(),
  memo: text('memo').notNull(),
  attachments: integer('attachments').notNull().default(0),
  status: text('status').notNull().default('draft'),
  origin: text('origin').notNull().default('manual'),
  originRef: text('origin_ref'),
  reversesId: integer('reverses_id').references((): AnySQLiteColumn => vouchers.id),
  preparedBy: integer('prepared_by').notNull(),
  preparedAt: text('prepared_at').notNull(),
  reviewedBy: integer('reviewed_by'),
  reviewedAt: text('reviewed_at'),
  postedBy: integer('posted_by'),
  postedAt: text('posted_at'),
}, (t) => [
  ...typeChecks('vouchers', t),
  check('vouchers_status_code', sql`"status" IN ('draft', 'reviewed', 'posted')`),
  check('vouchers_origin_code', sql`"origin" IN ('manual', 'reversal', 'system')`),
  check('vouchers_year_of_date', sql`"year" = CAST(substr("date", 1, 4) AS INTEGER)`),
  check('vouchers_number_when_posted', sql`("status" = 'posted') = ("number" IS NOT NULL) AND ("status" = 'posted') = ("posted_by" IS NOT NULL)`),
  check('vouchers_maker_checker', sql`"reviewed_by" IS NULL OR "reviewed_by" <> "prepared_by"`),
  check('vouchers_reviewed', sql`CASE "status" WHEN 'draft' THEN "reviewed_by" IS NULL WHEN 'reviewed' THEN "reviewed_by" IS NOT NULL ELSE "reviewed_by" IS NOT NULL OR "origin" = 'system' END`),
  uniqueIndex('vouchers_year_number').on(t.year, t.number),
  uniqueIndex('vouchers_reverses').on(t.reversesId),
  index('vouchers_status_date').on(t.status, t.date),
  index('vouchers_date').on(t.date),
]);

/** One line of a voucher: an amount on one side of one account, with its dimensions. */
export const voucherLines = sqliteTable('voucher_lines', {
  id: integer('id').primaryKey(),
  voucherId: integer('voucher_id').notNull().references(() => vouchers.id),
  lineNo: integer('line_no').notNull(),
  accountId: integer('account_id').notNull().references(() => fundAccounts.id),
  summary: text('summary').notNull().default(''),
  debitFen: integer('debit_fen').notNull().default(0),
  creditFen: integer('credit_fen').notNull().default(0),
  sourceId: integer('source_id').references(() => fundSources.id),
  projectId: integer('project_id').references(() => projects.id),
  villageId: integer('village_id').references(() => villages.id),
  householdId: integer('household_id').references(() => households.id),
  /** The asset the money built or earned from; the assets table arrives with the assets issue. */
  assetId: integer('asset_id'),
}, (t) => [
  ...typeChecks('voucher_lines', t),
  check('voucher_lines_one_side', sql`("debit_fen" > 0 AND "credit_fen" = 0) OR ("debit_fen" = 0 AND "credit_fen" > 0)`),
  uniqueIndex('voucher_lines_voucher_line').on(t.voucherId, t.lineNo),
  index('voucher_lines_account').on(t.accountId),
  index('voucher_lines_source_project').on(t.sourceId, t.projectId),
  index('voucher_lines_project').on(t.projectId),
  index('voucher_lines_village').on(t.villageId),
  index('voucher_lines_household').on(t.householdId),
  index('voucher_lines_asset').on(t.assetId),
]);

/**
 * Debit and credit turnover per account per month of posted vouchers, maintained by a trigger
 * when a voucher is posted, so the trial balance never scans the lines.
 */
export const fundBalances = sqliteTable('fund_balances', {
  accountId: integer('account_id').notNull().references(() => fundAccounts.id),
  period: text('period').notNull(),
  debitFen: integer('debit_fen').notNull(),
  creditFen: integer('credit_fen').notNull(),
}, (t) => [...typeChecks('fund_balances', t), primaryKey({ columns: [t.accountId, t.period] })]);

/**
 * Debit and credit turnover per fund source, account and month of posted vouchers (lines that carry
 * a source), maintained by the posting trigger beside fund_balances (migration 0003_source_turnover),
 * so source execution reads a few hundred rows instead of summing every line.
 */
export const fundSourceBalances = sqliteTable('fund_source_balances', {
  sourceId: integer('source_id').notNull().references(() => fundSources.id),
  accountId: integer('account_id').notNull().references(() => fundAccounts.id),
  period: text('period').notNull(),
  debitFen: integer('debit_fen').notNull(),
  creditFen: integer('credit_fen').notNull(),
}, (t) => [...typeChecks('fund_source_balances', t), primaryKey({ columns: [t.sourceId, t.accountId, t.period] })]);

/** A closed month ('2026-03'): no voucher dated in it can be posted. */
export const fundPeriods = sqliteTable('fund_periods', {
  period: text('period').primaryKey(),
  closedBy: integer('closed_by').notNull(),
  closedAt: text('closed_at').notNull(),
}, (t) => [
  ...typeChecks('fund_periods', t),
  check('fund_periods_period_form', sql`"period" GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'`),
]);
