-- Rules SQL cannot express in the drizzle schema: append-only and posted-is-permanent triggers,
-- and the seeded chart of accounts (docs/FUNDS.md).
--> statement-breakpoint
-- The audit trail is append-only: no row may be changed or removed, not even with raw SQL.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be updated'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be deleted'); END;
--> statement-breakpoint
-- A new audit row must come after every existing one: no INSERT OR REPLACE of an old row (REPLACE
-- deletes without firing DELETE triggers), no back-dating. (An automatic seq reads as -1 here.)
CREATE TRIGGER `audit_log_append_only` BEFORE INSERT ON `audit_log`
WHEN NEW.seq >= 0 AND NEW.seq <= (SELECT coalesce(max(seq), 0) FROM audit_log)
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: rows can only be added at the end'); END;
--> statement-breakpoint
-- Posted vouchers and their lines can never change or disappear, not even through raw SQL:
-- a correction is a reversal voucher. The code refuses the same things first, with bilingual messages;
-- these triggers are the last line of defence.
CREATE TRIGGER `vouchers_posted_no_update` BEFORE UPDATE ON `vouchers` WHEN OLD.`status` = 'posted'
BEGIN SELECT RAISE(ABORT, 'posted voucher is immutable: correct it with a reversal voucher'); END;
--> statement-breakpoint
CREATE TRIGGER `vouchers_posted_no_delete` BEFORE DELETE ON `vouchers` WHEN OLD.`status` = 'posted'
BEGIN SELECT RAISE(ABORT, 'posted voucher cannot be deleted: correct it with a reversal voucher'); END;
--> statement-breakpoint
CREATE TRIGGER `vouchers_no_insert_posted` BEFORE INSERT ON `vouchers` WHEN NEW.`status` = 'posted'
BEGIN SELECT RAISE(ABORT, 'a voucher is posted only after its lines exist'); END;
--> statement-breakpoint
CREATE TRIGGER `voucher_lines_posted_no_insert` BEFORE INSERT ON `voucher_lines`
WHEN (SELECT `status` FROM `vouchers` WHERE `id` = NEW.`voucher_id`) = 'posted'
BEGIN SELECT RAISE(ABORT, 'posted voucher is immutable: lines cannot be added'); END;
--> statement-breakpoint
CREATE TRIGGER `voucher_lines_posted_no_update` BEFORE UPDATE ON `voucher_lines`
WHEN (SELECT `status` FROM `vouchers` WHERE `id` = OLD.`voucher_id`) = 'posted'
  OR (SELECT `status` FROM `vouchers` WHERE `id` = NEW.`voucher_id`) = 'posted'
BEGIN SELECT RAISE(ABORT, 'posted voucher is immutable: lines cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER `voucher_lines_posted_no_delete` BEFORE DELETE ON `voucher_lines`
WHEN (SELECT `status` FROM `vouchers` WHERE `id` = OLD.`voucher_id`) = 'posted'
BEGIN SELECT RAISE(ABORT, 'posted voucher is immutable: lines cannot be deleted'); END;
--> statement-breakpoint
-- Posting: the voucher balances, its month is open, and its number follows the last one of its year.
CREATE TRIGGER `vouchers_post_guard` BEFORE UPDATE OF `status` ON `vouchers`
WHEN NEW.`status` = 'posted' AND OLD.`status` <> 'posted'
BEGIN
  SELECT RAISE(ABORT, 'voucher does not balance or has no lines')
   WHERE (SELECT coalesce(sum(`debit_fen`) - sum(`credit_fen`), 1) FROM `voucher_lines` WHERE `voucher_id` = NEW.`id`) <> 0;
  SELECT RAISE(ABORT, 'the period of this voucher is closed')
   WHERE EXISTS (SELECT 1 FROM `fund_periods` WHERE `period` = substr(NEW.`date`, 1, 7));
  SELECT RAISE(ABORT, 'voucher numbers must be continuous within the year')
   WHERE NEW.`number` IS NOT (SELECT coalesce(max(`number`), 0) + 1 FROM `vouchers` WHERE `year` = NEW.`year` AND `status` = 'posted');
END;
--> statement-breakpoint
-- The per-account, per-month turnover the trial balance reads, kept in the posting transaction.
CREATE TRIGGER `vouchers_post_balances` AFTER UPDATE OF `status` ON `vouchers`
WHEN NEW.`status` = 'posted' AND OLD.`status` <> 'posted'
BEGIN
  INSERT INTO `fund_balances` (`account_id`, `period`, `debit_fen`, `credit_fen`)
  SELECT `account_id`, substr(NEW.`date`, 1, 7), sum(`debit_fen`), sum(`credit_fen`)
    FROM `voucher_lines` WHERE `voucher_id` = NEW.`id` GROUP BY `account_id`
  ON CONFLICT (`account_id`, `period`) DO UPDATE
    SET `debit_fen` = `debit_fen` + excluded.`debit_fen`, `credit_fen` = `credit_fen` + excluded.`credit_fen`;
END;
--> statement-breakpoint
-- Postings only ever add to the turnover.
CREATE TRIGGER `fund_balances_no_delete` BEFORE DELETE ON `fund_balances`
BEGIN SELECT RAISE(ABORT, 'fund_balances rows cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `fund_balances_only_grow` BEFORE UPDATE ON `fund_balances`
WHEN NEW.`debit_fen` < OLD.`debit_fen` OR NEW.`credit_fen` < OLD.`credit_fen`
  OR NEW.`account_id` IS NOT OLD.`account_id` OR NEW.`period` IS NOT OLD.`period`
BEGIN SELECT RAISE(ABORT, 'fund_balances only grow by posting'); END;
--> statement-breakpoint
-- The seeded chart of accounts for special funds (docs/FUNDS.md). System accounts; users add sub-accounts.
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('1001', '扶贫资金专户存款', 'Special fund bank account', NULL, 'asset', 'debit', NULL, '', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('1201', '拨付实施单位资金', 'Funds transferred to implementing units', NULL, 'asset', 'debit', 'use', 'source,project', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('1501', '扶贫项目资产', 'Poverty-alleviation project assets', NULL, 'asset', 'debit', 'use', 'source', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('1501.01', '经营性资产', 'Business assets', (SELECT id FROM fund_accounts WHERE code = '1501'), 'asset', 'debit', 'use', 'source', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('1501.02', '公益性资产', 'Public-welfare assets', (SELECT id FROM fund_accounts WHERE code = '1501'), 'asset', 'debit', 'use', 'source', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('1501.03', '到户类资产', 'Household assets', (SELECT id FROM fund_accounts WHERE code = '1501'), 'asset', 'debit', 'use', 'source', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('2001', '应付项目款', 'Payables to project implementers', NULL, 'liability', 'credit', NULL, 'project', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('2101', '应付资产收益分配款', 'Asset income payable to beneficiaries', NULL, 'liability', 'credit', NULL, '', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('2201', '其他应付款', 'Other payables', NULL, 'liability', 'credit', NULL, '', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('3001', '累计结余', 'Accumulated balance', NULL, 'net_asset', 'credit', NULL, '', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('4001', '财政专项扶贫资金收入', 'Special poverty-alleviation fund receipts', NULL, 'income', 'credit', 'receipt', 'source', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('4001.01', '中央财政专项扶贫资金', 'Central special funds', (SELECT id FROM fund_accounts WHERE code = '4001'), 'income', 'credit', 'receipt', 'source', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('4001.02', '省级财政专项扶贫资金', 'Provincial special funds', (SELECT id FROM fund_accounts WHERE code = '4001'), 'income', 'credit', 'receipt', 'source', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('4001.03', '市级财政专项扶贫资金', 'City special funds', (SELECT id FROM fund_accounts WHERE code = '4001'), 'income', 'credit', 'receipt', 'source', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('4001.04', '县级财政专项扶贫资金', 'County special funds', (SELECT id FROM fund_accounts WHERE code = '4001'), 'income', 'credit', 'receipt', 'source', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('4002', '统筹整合涉农资金收入', 'Integrated agriculture-related fund receipts', NULL, 'income', 'credit', 'receipt', 'source', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('4003', '东西部协作资金收入', 'East–West collaboration fund receipts', NULL, 'income', 'credit', 'receipt', 'source', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('4004', '社会捐赠收入', 'Donation receipts', NULL, 'income', 'credit', 'receipt', 'source', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('4101', '资产收益收入', 'Asset income', NULL, 'income', 'credit', NULL, '', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('4201', '利息收入', 'Interest income', NULL, 'income', 'credit', NULL, '', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('5001', '项目支出', 'Project spending', NULL, 'expense', 'debit', 'use', 'source,project', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('5001.01', '产业发展', 'Industry development', (SELECT id FROM fund_accounts WHERE code = '5001'), 'expense', 'debit', 'use', 'source,project', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('5001.02', '基础设施', 'Infrastructure', (SELECT id FROM fund_accounts WHERE code = '5001'), 'expense', 'debit', 'use', 'source,project', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('5001.03', '就业扶贫', 'Employment support', (SELECT id FROM fund_accounts WHERE code = '5001'), 'expense', 'debit', 'use', 'source,project', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('5001.04', '教育扶贫', 'Education support', (SELECT id FROM fund_accounts WHERE code = '5001'), 'expense', 'debit', 'use', 'source,project', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('5001.05', '健康扶贫', 'Health support', (SELECT id FROM fund_accounts WHERE code = '5001'), 'expense', 'debit', 'use', 'source,project', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('5001.06', '危房改造', 'Dilapidated-housing renovation', (SELECT id FROM fund_accounts WHERE code = '5001'), 'expense', 'debit', 'use', 'source,project', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('5001.07', '易地扶贫搬迁', 'Poverty-alleviation relocation', (SELECT id FROM fund_accounts WHERE code = '5001'), 'expense', 'debit', 'use', 'source,project', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('5001.08', '饮水安全', 'Safe drinking water', (SELECT id FROM fund_accounts WHERE code = '5001'), 'expense', 'debit', 'use', 'source,project', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('5001.09', '金融扶贫', 'Financial support', (SELECT id FROM fund_accounts WHERE code = '5001'), 'expense', 'debit', 'use', 'source,project', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('5001.10', '其他项目', 'Other projects', (SELECT id FROM fund_accounts WHERE code = '5001'), 'expense', 'debit', 'use', 'source,project', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('5002', '直接补助到户', 'Direct payments to households', NULL, 'expense', 'debit', 'use', 'source,household', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('5002.01', '产业奖补', 'Industry grants to households', (SELECT id FROM fund_accounts WHERE code = '5002'), 'expense', 'debit', 'use', 'source,household', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('5002.02', '教育资助', 'Education aid', (SELECT id FROM fund_accounts WHERE code = '5002'), 'expense', 'debit', 'use', 'source,household', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('5002.03', '医疗救助', 'Medical aid', (SELECT id FROM fund_accounts WHERE code = '5002'), 'expense', 'debit', 'use', 'source,household', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('5002.04', '危房改造补助', 'Housing renovation aid', (SELECT id FROM fund_accounts WHERE code = '5002'), 'expense', 'debit', 'use', 'source,household', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('5002.05', '就业补贴', 'Employment subsidies', (SELECT id FROM fund_accounts WHERE code = '5002'), 'expense', 'debit', 'use', 'source,household', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('5002.06', '小额信贷贴息', 'Microcredit interest subsidies', (SELECT id FROM fund_accounts WHERE code = '5002'), 'expense', 'debit', 'use', 'source,household', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('5002.07', '其他到户补助', 'Other household payments', (SELECT id FROM fund_accounts WHERE code = '5002'), 'expense', 'debit', 'use', 'source,household', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('5101', '资产收益分配', 'Asset income distribution', NULL, 'expense', 'debit', NULL, '', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('5101.01', '分红到户', 'Dividends to households', (SELECT id FROM fund_accounts WHERE code = '5101'), 'expense', 'debit', NULL, 'household', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('5101.02', '公益岗位工资及救助', 'Public-welfare post wages and relief', (SELECT id FROM fund_accounts WHERE code = '5101'), 'expense', 'debit', NULL, 'household', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('5101.03', '村级公益事业', 'Village public works', (SELECT id FROM fund_accounts WHERE code = '5101'), 'expense', 'debit', NULL, 'village', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('5201', '资产运营成本', 'Asset operating costs', NULL, 'expense', 'debit', NULL, '', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('5201.01', '土地租金', 'Land rent', (SELECT id FROM fund_accounts WHERE code = '5201'), 'expense', 'debit', NULL, '', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('5201.02', '税费及保险', 'Taxes and insurance', (SELECT id FROM fund_accounts WHERE code = '5201'), 'expense', 'debit', NULL, '', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('5201.03', '运营维护', 'Operation and maintenance', (SELECT id FROM fund_accounts WHERE code = '5201'), 'expense', 'debit', NULL, '', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO fund_accounts (code, name_zh, name_en, parent_id, type, normal_side, fund_role, required_dims, system, active, created_at) VALUES ('5901', '其他支出', 'Other expenses', NULL, 'expense', 'debit', NULL, '', 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
-- The print register is append-only: a reprint is a new row linked to the first print, never an
-- edit. The code never updates or deletes a row; these triggers are the last line of defence.
CREATE TRIGGER `print_register_no_update` BEFORE UPDATE ON `print_register`
BEGIN SELECT RAISE(ABORT, 'print_register is append-only: rows cannot be updated'); END;
--> statement-breakpoint
CREATE TRIGGER `print_register_no_delete` BEFORE DELETE ON `print_register`
BEGIN SELECT RAISE(ABORT, 'print_register is append-only: rows cannot be deleted'); END;
--> statement-breakpoint
-- Asset income and distributions (docs/ASSETS.md): what was recorded, prepared, approved and paid
-- never changes; corrections are reversals or a new plan. The code refuses the same things first with
-- bilingual messages; these triggers are the last line of defence. There are no INSERT triggers on
-- the large tables, so a plan for tens of thousands of shareholders stays fast to write.
CREATE TRIGGER `asset_incomes_no_update` BEFORE UPDATE ON `asset_incomes`
BEGIN SELECT RAISE(ABORT, 'asset income is posted and cannot change'); END;
--> statement-breakpoint
CREATE TRIGGER `asset_incomes_no_delete` BEFORE DELETE ON `asset_incomes`
BEGIN SELECT RAISE(ABORT, 'asset income is posted and cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `distribution_allocations_no_update` BEFORE UPDATE ON `distribution_allocations`
BEGIN SELECT RAISE(ABORT, 'distribution allocations cannot change: prepare a new plan'); END;
--> statement-breakpoint
CREATE TRIGGER `distribution_allocations_no_delete` BEFORE DELETE ON `distribution_allocations`
BEGIN SELECT RAISE(ABORT, 'distribution allocations cannot be deleted: cancel the plan'); END;
--> statement-breakpoint
CREATE TRIGGER `distribution_plan_incomes_no_update` BEFORE UPDATE ON `distribution_plan_incomes`
BEGIN SELECT RAISE(ABORT, 'the incomes of a plan cannot change'); END;
--> statement-breakpoint
CREATE TRIGGER `distribution_plan_incomes_no_delete` BEFORE DELETE ON `distribution_plan_incomes`
BEGIN SELECT RAISE(ABORT, 'the incomes of a plan cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `distribution_post_holders_no_update` BEFORE UPDATE ON `distribution_post_holders`
BEGIN SELECT RAISE(ABORT, 'the post holders of a plan cannot change'); END;
--> statement-breakpoint
CREATE TRIGGER `distribution_post_holders_no_delete` BEFORE DELETE ON `distribution_post_holders`
BEGIN SELECT RAISE(ABORT, 'the post holders of a plan cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `distribution_vouchers_no_update` BEFORE UPDATE ON `distribution_vouchers`
BEGIN SELECT RAISE(ABORT, 'distribution vouchers cannot change'); END;
--> statement-breakpoint
CREATE TRIGGER `distribution_vouchers_no_delete` BEFORE DELETE ON `distribution_vouchers`
BEGIN SELECT RAISE(ABORT, 'distribution vouchers cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `distribution_plans_no_delete` BEFORE DELETE ON `distribution_plans`
BEGIN SELECT RAISE(ABORT, 'distribution plans are never deleted: cancel or reverse them'); END;
--> statement-breakpoint
-- Only the status moves, along draft → approved → paid → reversing → reversed (or back to paid
-- when a reversal request is withdrawn), draft/approved → cancelled; the prepared figures never change.
CREATE TRIGGER `distribution_plans_guard` BEFORE UPDATE ON `distribution_plans`
WHEN NEW.`total_fen` IS NOT OLD.`total_fen` OR NEW.`post_fen` IS NOT OLD.`post_fen` OR NEW.`works_fen` IS NOT OLD.`works_fen`
  OR NEW.`shares_fen` IS NOT OLD.`shares_fen` OR NEW.`digest` IS NOT OLD.`digest` OR NEW.`asset_id` IS NOT OLD.`asset_id`
  OR NEW.`prepared_by` IS NOT OLD.`prepared_by` OR NEW.`as_of` IS NOT OLD.`as_of`
  OR (NEW.`status` IS NOT OLD.`status` AND (OLD.`status` || '>' || NEW.`status`) NOT IN
      ('draft>approved', 'draft>cancelled', 'approved>cancelled', 'approved>paid', 'paid>reversing', 'reversing>paid', 'reversing>reversed'))
BEGIN SELECT RAISE(ABORT, 'a distribution plan moves only along its status flow and its figures never change'); END;
