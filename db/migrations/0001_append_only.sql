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
