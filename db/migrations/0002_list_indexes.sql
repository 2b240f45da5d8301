-- Indexes for the filtered household list pages and the dashboard alerts (docs/PERFORMANCE.md, items 1 and 6).
-- Township + status: the households of the township's villages, counted from the index alone.
CREATE INDEX `households_village_status` ON `households` (`village_id`, `status`);--> statement-breakpoint
-- Monitored households (monitoring_type IS NOT NULL), in list order.
CREATE INDEX `households_monitored` ON `households` (`archive_no`) WHERE `monitoring_type` IS NOT NULL;--> statement-breakpoint
-- Member filters: households with a matching member still in the household, probed per household
-- and counted from the index alone. Full (not partial on removed = 0) so that the planner never
-- prefers them for unrelated scans of members.
CREATE INDEX `members_health_household` ON `members` (`health`, `removed`, `household_id`);--> statement-breakpoint
CREATE INDEX `members_school_household` ON `members` (`school_status`, `removed`, `household_id`);--> statement-breakpoint
CREATE INDEX `members_labour_household` ON `members` (`labour_ability`, `removed`, `household_id`);--> statement-breakpoint
CREATE INDEX `members_left_behind_household` ON `members` (`left_behind`, `removed`, `household_id`);--> statement-breakpoint
CREATE INDEX `members_dibao_household` ON `members` (`household_id`) WHERE `dibao` = 1 AND `removed` = 0;--> statement-breakpoint
-- Dashboard alerts (db/dashboard/alerts.ts), each WHERE written as the alert's query writes it:
-- households with a deceased or removed member (the only ones "paid after death" can name),
CREATE INDEX `members_gone_household` ON `members` (`household_id`) WHERE `deceased` = 1 OR `removed` = 1;--> statement-breakpoint
-- living members without basic medical insurance,
CREATE INDEX `members_uninsured_household` ON `members` (`household_id`) WHERE `ins_basic_medical` = 0 AND `deceased` = 0 AND `removed` = 0;--> statement-breakpoint
-- living members not in school, by birth date (school age is a birth-date window; the alert names it with INDEXED BY),
CREATE INDEX `members_out_of_school` ON `members` (`birth_date`) WHERE `deceased` = 0 AND `removed` = 0 AND (`school_status` IS NULL OR `school_status` IN ('dropped_out', 'not_in_school'));--> statement-breakpoint
-- unsafe housing not renovated, and no safe drinking water.
CREATE INDEX `households_unsafe_housing` ON `households` (`village_id`) WHERE `housing_safety` IN ('c', 'd') AND `housing_renovated_year` IS NULL;--> statement-breakpoint
CREATE INDEX `households_no_safe_water` ON `households` (`village_id`) WHERE `safe_water` = 0;
