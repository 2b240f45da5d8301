CREATE TABLE `fund_source_balances` (
	`source_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	`period` text NOT NULL,
	`debit_fen` integer NOT NULL,
	`credit_fen` integer NOT NULL,
	PRIMARY KEY(`source_id`, `account_id`, `period`),
	FOREIGN KEY (`source_id`) REFERENCES `fund_sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `fund_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "fund_source_balances_source_id_int" CHECK(typeof("source_id") = 'integer'),
	CONSTRAINT "fund_source_balances_account_id_int" CHECK(typeof("account_id") = 'integer'),
	CONSTRAINT "fund_source_balances_period_text" CHECK(typeof("period") = 'text'),
	CONSTRAINT "fund_source_balances_debit_fen_int" CHECK(typeof("debit_fen") = 'integer'),
	CONSTRAINT "fund_source_balances_credit_fen_int" CHECK(typeof("credit_fen") = 'integer')
);

--> statement-breakpoint
-- Per-source turnover (docs/FUNDS.md §5), kept in the posting transaction like fund_balances: each
-- posted line that carries a source adds to its (source, account, month) row.
CREATE TRIGGER `vouchers_post_source_balances` AFTER UPDATE OF `status` ON `vouchers`
WHEN NEW.`status` = 'posted' AND OLD.`status` <> 'posted'
BEGIN
  INSERT INTO `fund_source_balances` (`source_id`, `account_id`, `period`, `debit_fen`, `credit_fen`)
  SELECT `source_id`, `account_id`, substr(NEW.`date`, 1, 7), sum(`debit_fen`), sum(`credit_fen`)
    FROM `voucher_lines` WHERE `voucher_id` = NEW.`id` AND `source_id` IS NOT NULL GROUP BY `source_id`, `account_id`
  ON CONFLICT (`source_id`, `account_id`, `period`) DO UPDATE
    SET `debit_fen` = `debit_fen` + excluded.`debit_fen`, `credit_fen` = `credit_fen` + excluded.`credit_fen`;
END;
--> statement-breakpoint
-- Postings only ever add to the turnover.
CREATE TRIGGER `fund_source_balances_no_delete` BEFORE DELETE ON `fund_source_balances`
BEGIN SELECT RAISE(ABORT, 'fund_source_balances rows cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `fund_source_balances_only_grow` BEFORE UPDATE ON `fund_source_balances`
WHEN NEW.`debit_fen` < OLD.`debit_fen` OR NEW.`credit_fen` < OLD.`credit_fen`
  OR NEW.`source_id` IS NOT OLD.`source_id` OR NEW.`account_id` IS NOT OLD.`account_id` OR NEW.`period` IS NOT OLD.`period`
BEGIN SELECT RAISE(ABORT, 'fund_source_balances only grow by posting'); END;
--> statement-breakpoint
-- A ledger that already has posted vouchers starts with their turnover.
INSERT INTO `fund_source_balances` (`source_id`, `account_id`, `period`, `debit_fen`, `credit_fen`)
SELECT l.`source_id`, l.`account_id`, substr(v.`date`, 1, 7), sum(l.`debit_fen`), sum(l.`credit_fen`)
  FROM `voucher_lines` l JOIN `vouchers` v ON v.`id` = l.`voucher_id` AND v.`status` = 'posted'
 WHERE l.`source_id` IS NOT NULL
 GROUP BY l.`source_id`, l.`account_id`, substr(v.`date`, 1, 7);
