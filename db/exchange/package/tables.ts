/**
 * What a data package holds: the tables of the registry, the funds and the assets, and for a
 * village package the rows that belong to the village (docs/PACKAGE.md "Scope"). Users, the audit
 * trail, settings (they hold the signing key) and the print register are never packaged.
 */
export const PARTS = ['registry', 'funds', 'assets'] as const;
export type Part = (typeof PARTS)[number];

export interface TableSpec {
  table: string;
  part: Part;
  /** WHERE clause for a village package (@villageId); absent: every row (shared reference data). */
  village?: string;
  /** Left out of village packages (county-wide figures that cannot be split by village). */
  countyOnly?: boolean;
}

/** Households of the village. */
const HH = `SELECT id FROM households WHERE village_id = @villageId`;
/** Projects in the village or benefiting its households. */
const PROJECTS = `SELECT project_id FROM project_villages WHERE village_id = @villageId
  UNION SELECT project_id FROM project_households WHERE household_id IN (${HH})`;
/** Assets in the village or with shares held there. */
const ASSETS = `SELECT id FROM assets WHERE village_id = @villageId
  UNION SELECT asset_id FROM asset_shares WHERE village_id = @villageId`;
/** Vouchers with a line for the village, its households, projects or assets (every line of them is packaged, so each voucher balances). */
const VOUCHERS = `SELECT voucher_id FROM voucher_lines WHERE village_id = @villageId OR household_id IN (${HH})
  OR project_id IN (${PROJECTS}) OR asset_id IN (${ASSETS})`;
const PLANS = `SELECT id FROM distribution_plans WHERE asset_id IN (${ASSETS})`;
const inHH = `household_id IN (${HH})`;

export const TABLES: readonly TableSpec[] = [
  { table: 'county', part: 'registry' },
  { table: 'townships', part: 'registry', village: `id = (SELECT township_id FROM villages WHERE id = @villageId)` },
  { table: 'villages', part: 'registry', village: `id = @villageId` },
  { table: 'households', part: 'registry', village: `village_id = @villageId` },
  { table: 'members', part: 'registry', village: inHH },
  { table: 'cadres', part: 'registry', village: `id IN (SELECT cadre_id FROM household_cadres WHERE ${inHH})` },
  { table: 'household_cadres', part: 'registry', village: inHH },
  { table: 'status_events', part: 'registry', village: inHH },
  { table: 'poverty_lines', part: 'registry' },
  { table: 'incomes', part: 'registry', village: inHH },
  { table: 'assessments', part: 'registry', village: inHH },
  { table: 'support_measures', part: 'registry', village: inHH },

  { table: 'fund_accounts', part: 'funds' },
  { table: 'fund_sources', part: 'funds', village: `id IN (SELECT source_id FROM fund_allocations WHERE project_id IN (${PROJECTS}))
      OR id IN (SELECT source_id FROM voucher_lines WHERE voucher_id IN (${VOUCHERS}))` },
  { table: 'projects', part: 'funds', village: `id IN (${PROJECTS})` },
  { table: 'project_villages', part: 'funds', village: `village_id = @villageId` },
  { table: 'project_households', part: 'funds', village: inHH },
  { table: 'fund_allocations', part: 'funds', village: `project_id IN (${PROJECTS})` },
  { table: 'vouchers', part: 'funds', village: `id IN (${VOUCHERS})` },
  { table: 'voucher_lines', part: 'funds', village: `voucher_id IN (${VOUCHERS})` },
  { table: 'fund_periods', part: 'funds' },
  { table: 'fund_balances', part: 'funds', countyOnly: true },

  { table: 'assets', part: 'assets', village: `id IN (${ASSETS})` },
  { table: 'asset_cost_lines', part: 'assets', village: `asset_id IN (${ASSETS})` },
  { table: 'asset_inspections', part: 'assets', village: `asset_id IN (${ASSETS})` },
  { table: 'asset_shares', part: 'assets', village: `village_id = @villageId` },
  { table: 'asset_incomes', part: 'assets', village: `asset_id IN (${ASSETS})` },
  { table: 'distribution_plans', part: 'assets', village: `id IN (${PLANS})` },
  { table: 'distribution_plan_incomes', part: 'assets', village: `plan_id IN (${PLANS})` },
  { table: 'distribution_post_holders', part: 'assets', village: inHH },
  { table: 'distribution_allocations', part: 'assets', village: `village_id = @villageId` },
  { table: 'distribution_vouchers', part: 'assets', village: `plan_id IN (${PLANS})` },
];

/** The path of a table's data file inside the package. */
export const dataPath = (spec: TableSpec) => `data/${spec.part}/${spec.table}.jsonl`;
