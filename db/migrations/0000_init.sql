CREATE TABLE `assessments` (
	`id` integer PRIMARY KEY NOT NULL,
	`household_id` integer NOT NULL,
	`year` integer NOT NULL,
	`net_income_fen` integer NOT NULL,
	`people` integer NOT NULL,
	`per_capita_fen` integer NOT NULL,
	`line_fen` integer NOT NULL,
	`checks` text NOT NULL,
	`passed` integer NOT NULL,
	`override_reason` text,
	`assessed_by` integer NOT NULL,
	`assessed_at` text NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "assessments_id_int" CHECK(typeof("id") = 'integer'),
	CONSTRAINT "assessments_household_id_int" CHECK(typeof("household_id") = 'integer'),
	CONSTRAINT "assessments_year_int" CHECK(typeof("year") = 'integer'),
	CONSTRAINT "assessments_net_income_fen_int" CHECK(typeof("net_income_fen") = 'integer'),
	CONSTRAINT "assessments_people_int" CHECK(typeof("people") = 'integer'),
	CONSTRAINT "assessments_per_capita_fen_int" CHECK(typeof("per_capita_fen") = 'integer'),
	CONSTRAINT "assessments_line_fen_int" CHECK(typeof("line_fen") = 'integer'),
	CONSTRAINT "assessments_checks_text" CHECK(typeof("checks") = 'text'),
	CONSTRAINT "assessments_passed_bool" CHECK("passed" IN (0, 1)),
	CONSTRAINT "assessments_override_reason_text" CHECK("override_reason" IS NULL OR typeof("override_reason") = 'text'),
	CONSTRAINT "assessments_assessed_by_int" CHECK(typeof("assessed_by") = 'integer'),
	CONSTRAINT "assessments_assessed_at_text" CHECK(typeof("assessed_at") = 'text')
);
--> statement-breakpoint
CREATE INDEX `assessments_household` ON `assessments` (`household_id`);--> statement-breakpoint
CREATE TABLE `cadres` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`post` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	CONSTRAINT "cadres_id_int" CHECK(typeof("id") = 'integer'),
	CONSTRAINT "cadres_name_text" CHECK(typeof("name") = 'text'),
	CONSTRAINT "cadres_unit_text" CHECK(typeof("unit") = 'text'),
	CONSTRAINT "cadres_post_text" CHECK(typeof("post") = 'text'),
	CONSTRAINT "cadres_phone_text" CHECK(typeof("phone") = 'text')
);
--> statement-breakpoint
CREATE TABLE `county` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`province` text DEFAULT '' NOT NULL,
	`western` integer DEFAULT false NOT NULL,
	`designated_hospital` text DEFAULT '' NOT NULL,
	`paired_hospital` text DEFAULT '' NOT NULL,
	`office_phone` text DEFAULT '' NOT NULL,
	CONSTRAINT "county_id_int" CHECK(typeof("id") = 'integer'),
	CONSTRAINT "county_code_text" CHECK(typeof("code") = 'text'),
	CONSTRAINT "county_name_text" CHECK(typeof("name") = 'text'),
	CONSTRAINT "county_province_text" CHECK(typeof("province") = 'text'),
	CONSTRAINT "county_western_bool" CHECK("western" IN (0, 1)),
	CONSTRAINT "county_designated_hospital_text" CHECK(typeof("designated_hospital") = 'text'),
	CONSTRAINT "county_paired_hospital_text" CHECK(typeof("paired_hospital") = 'text'),
	CONSTRAINT "county_office_phone_text" CHECK(typeof("office_phone") = 'text')
);
--> statement-breakpoint
CREATE TABLE `household_cadres` (
	`id` integer PRIMARY KEY NOT NULL,
	`household_id` integer NOT NULL,
	`cadre_id` integer NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cadre_id`) REFERENCES `cadres`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "household_cadres_id_int" CHECK(typeof("id") = 'integer'),
	CONSTRAINT "household_cadres_household_id_int" CHECK(typeof("household_id") = 'integer'),
	CONSTRAINT "household_cadres_cadre_id_int" CHECK(typeof("cadre_id") = 'integer'),
	CONSTRAINT "household_cadres_from_date_text" CHECK(typeof("from_date") = 'text'),
	CONSTRAINT "household_cadres_to_date_text" CHECK("to_date" IS NULL OR typeof("to_date") = 'text')
);
--> statement-breakpoint
CREATE INDEX `household_cadres_household` ON `household_cadres` (`household_id`);--> statement-breakpoint
CREATE INDEX `household_cadres_cadre` ON `household_cadres` (`cadre_id`);--> statement-breakpoint
CREATE TABLE `households` (
	`id` integer PRIMARY KEY NOT NULL,
	`archive_no` text NOT NULL,
	`village_id` integer NOT NULL,
	`group_name` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`bank_name` text DEFAULT '' NOT NULL,
	`bank_account` text DEFAULT '' NOT NULL,
	`attribute` text NOT NULL,
	`main_cause` text NOT NULL,
	`second_cause` text,
	`third_cause` text,
	`identified_year` integer NOT NULL,
	`relocated` integer DEFAULT false NOT NULL,
	`relocation_type` text,
	`relocation_year` integer,
	`relocation_site` text DEFAULT '' NOT NULL,
	`housing_safety` text DEFAULT 'safe' NOT NULL,
	`housing_renovated_year` integer,
	`safe_water` integer DEFAULT true NOT NULL,
	`family_doctor` text DEFAULT '' NOT NULL,
	`family_doctor_phone` text DEFAULT '' NOT NULL,
	`family_doctor_contract` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'new_identified' NOT NULL,
	`monitoring_type` text,
	`status_since` text NOT NULL,
	`policy_ends_on` text,
	`review_due` text,
	`head_name` text DEFAULT '' NOT NULL,
	`size` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "households_id_int" CHECK(typeof("id") = 'integer'),
	CONSTRAINT "households_archive_no_text" CHECK(typeof("archive_no") = 'text'),
	CONSTRAINT "households_village_id_int" CHECK(typeof("village_id") = 'integer'),
	CONSTRAINT "households_group_name_text" CHECK(typeof("group_name") = 'text'),
	CONSTRAINT "households_address_text" CHECK(typeof("address") = 'text'),
	CONSTRAINT "households_phone_text" CHECK(typeof("phone") = 'text'),
	CONSTRAINT "households_bank_name_text" CHECK(typeof("bank_name") = 'text'),
	CONSTRAINT "households_bank_account_text" CHECK(typeof("bank_account") = 'text'),
	CONSTRAINT "households_attribute_text" CHECK(typeof("attribute") = 'text'),
	CONSTRAINT "households_main_cause_text" CHECK(typeof("main_cause") = 'text'),
	CONSTRAINT "households_second_cause_text" CHECK("second_cause" IS NULL OR typeof("second_cause") = 'text'),
	CONSTRAINT "households_third_cause_text" CHECK("third_cause" IS NULL OR typeof("third_cause") = 'text'),
	CONSTRAINT "households_identified_year_int" CHECK(typeof("identified_year") = 'integer'),
	CONSTRAINT "households_relocated_bool" CHECK("relocated" IN (0, 1)),
	CONSTRAINT "households_relocation_type_text" CHECK("relocation_type" IS NULL OR typeof("relocation_type") = 'text'),
	CONSTRAINT "households_relocation_year_int" CHECK("relocation_year" IS NULL OR typeof("relocation_year") = 'integer'),
	CONSTRAINT "households_relocation_site_text" CHECK(typeof("relocation_site") = 'text'),
	CONSTRAINT "households_housing_safety_text" CHECK(typeof("housing_safety") = 'text'),
	CONSTRAINT "households_housing_renovated_year_int" CHECK("housing_renovated_year" IS NULL OR typeof("housing_renovated_year") = 'integer'),
	CONSTRAINT "households_safe_water_bool" CHECK("safe_water" IN (0, 1)),
	CONSTRAINT "households_family_doctor_text" CHECK(typeof("family_doctor") = 'text'),
	CONSTRAINT "households_family_doctor_phone_text" CHECK(typeof("family_doctor_phone") = 'text'),
	CONSTRAINT "households_family_doctor_contract_text" CHECK(typeof("family_doctor_contract") = 'text'),
	CONSTRAINT "households_status_text" CHECK(typeof("status") = 'text'),
	CONSTRAINT "households_monitoring_type_text" CHECK("monitoring_type" IS NULL OR typeof("monitoring_type") = 'text'),
	CONSTRAINT "households_status_since_text" CHECK(typeof("status_since") = 'text'),
	CONSTRAINT "households_policy_ends_on_text" CHECK("policy_ends_on" IS NULL OR typeof("policy_ends_on") = 'text'),
	CONSTRAINT "households_review_due_text" CHECK("review_due" IS NULL OR typeof("review_due") = 'text'),
	CONSTRAINT "households_head_name_text" CHECK(typeof("head_name") = 'text'),
	CONSTRAINT "households_size_int" CHECK(typeof("size") = 'integer'),
	CONSTRAINT "households_created_at_text" CHECK(typeof("created_at") = 'text'),
	CONSTRAINT "households_updated_at_text" CHECK(typeof("updated_at") = 'text')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `households_archive_no_unique` ON `households` (`archive_no`);--> statement-breakpoint
CREATE INDEX `households_village` ON `households` (`village_id`);--> statement-breakpoint
CREATE INDEX `households_status` ON `households` (`status`);--> statement-breakpoint
CREATE INDEX `households_phone` ON `households` (`phone`);--> statement-breakpoint
CREATE INDEX `households_head_name` ON `households` (`head_name`);--> statement-breakpoint
CREATE TABLE `incomes` (
	`id` integer PRIMARY KEY NOT NULL,
	`household_id` integer NOT NULL,
	`year` integer NOT NULL,
	`item` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "incomes_id_int" CHECK(typeof("id") = 'integer'),
	CONSTRAINT "incomes_household_id_int" CHECK(typeof("household_id") = 'integer'),
	CONSTRAINT "incomes_year_int" CHECK(typeof("year") = 'integer'),
	CONSTRAINT "incomes_item_text" CHECK(typeof("item") = 'text'),
	CONSTRAINT "incomes_amount_fen_int" CHECK(typeof("amount_fen") = 'integer'),
	CONSTRAINT "incomes_note_text" CHECK(typeof("note") = 'text')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `incomes_household_year_item` ON `incomes` (`household_id`,`year`,`item`);--> statement-breakpoint
CREATE TABLE `members` (
	`id` integer PRIMARY KEY NOT NULL,
	`household_id` integer NOT NULL,
	`id_number` text NOT NULL,
	`name` text NOT NULL,
	`name_pinyin` text DEFAULT '' NOT NULL,
	`name_initials` text DEFAULT '' NOT NULL,
	`sex` text NOT NULL,
	`birth_date` text NOT NULL,
	`relation` text NOT NULL,
	`ethnicity` text DEFAULT '01' NOT NULL,
	`education` text,
	`school_status` text,
	`dropout_reason` text,
	`health` text DEFAULT 'healthy' NOT NULL,
	`disability_category` text,
	`disability_grade` text,
	`chronic_certificate` text DEFAULT '' NOT NULL,
	`labour_ability` text,
	`migrant_months` integer DEFAULT 0 NOT NULL,
	`migrant_place` text DEFAULT '' NOT NULL,
	`ins_basic_medical` integer DEFAULT false NOT NULL,
	`ins_critical_illness` integer DEFAULT false NOT NULL,
	`ins_supplementary` integer DEFAULT false NOT NULL,
	`ins_basic_pension` integer DEFAULT false NOT NULL,
	`dibao` integer DEFAULT false NOT NULL,
	`dibao_class` text,
	`left_behind` text,
	`deceased` integer DEFAULT false NOT NULL,
	`deceased_on` text,
	`phone` text DEFAULT '' NOT NULL,
	`removed` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "members_id_int" CHECK(typeof("id") = 'integer'),
	CONSTRAINT "members_household_id_int" CHECK(typeof("household_id") = 'integer'),
	CONSTRAINT "members_id_number_text" CHECK(typeof("id_number") = 'text'),
	CONSTRAINT "members_name_text" CHECK(typeof("name") = 'text'),
	CONSTRAINT "members_name_pinyin_text" CHECK(typeof("name_pinyin") = 'text'),
	CONSTRAINT "members_name_initials_text" CHECK(typeof("name_initials") = 'text'),
	CONSTRAINT "members_sex_text" CHECK(typeof("sex") = 'text'),
	CONSTRAINT "members_birth_date_text" CHECK(typeof("birth_date") = 'text'),
	CONSTRAINT "members_relation_text" CHECK(typeof("relation") = 'text'),
	CONSTRAINT "members_ethnicity_text" CHECK(typeof("ethnicity") = 'text'),
	CONSTRAINT "members_education_text" CHECK("education" IS NULL OR typeof("education") = 'text'),
	CONSTRAINT "members_school_status_text" CHECK("school_status" IS NULL OR typeof("school_status") = 'text'),
	CONSTRAINT "members_dropout_reason_text" CHECK("dropout_reason" IS NULL OR typeof("dropout_reason") = 'text'),
	CONSTRAINT "members_health_text" CHECK(typeof("health") = 'text'),
	CONSTRAINT "members_disability_category_text" CHECK("disability_category" IS NULL OR typeof("disability_category") = 'text'),
	CONSTRAINT "members_disability_grade_text" CHECK("disability_grade" IS NULL OR typeof("disability_grade") = 'text'),
	CONSTRAINT "members_chronic_certificate_text" CHECK(typeof("chronic_certificate") = 'text'),
	CONSTRAINT "members_labour_ability_text" CHECK("labour_ability" IS NULL OR typeof("labour_ability") = 'text'),
	CONSTRAINT "members_migrant_months_int" CHECK(typeof("migrant_months") = 'integer'),
	CONSTRAINT "members_migrant_place_text" CHECK(typeof("migrant_place") = 'text'),
	CONSTRAINT "members_ins_basic_medical_bool" CHECK("ins_basic_medical" IN (0, 1)),
	CONSTRAINT "members_ins_critical_illness_bool" CHECK("ins_critical_illness" IN (0, 1)),
	CONSTRAINT "members_ins_supplementary_bool" CHECK("ins_supplementary" IN (0, 1)),
	CONSTRAINT "members_ins_basic_pension_bool" CHECK("ins_basic_pension" IN (0, 1)),
	CONSTRAINT "members_dibao_bool" CHECK("dibao" IN (0, 1)),
	CONSTRAINT "members_dibao_class_text" CHECK("dibao_class" IS NULL OR typeof("dibao_class") = 'text'),
	CONSTRAINT "members_left_behind_text" CHECK("left_behind" IS NULL OR typeof("left_behind") = 'text'),
	CONSTRAINT "members_deceased_bool" CHECK("deceased" IN (0, 1)),
	CONSTRAINT "members_deceased_on_text" CHECK("deceased_on" IS NULL OR typeof("deceased_on") = 'text'),
	CONSTRAINT "members_phone_text" CHECK(typeof("phone") = 'text'),
	CONSTRAINT "members_removed_bool" CHECK("removed" IN (0, 1))
);
--> statement-breakpoint
CREATE INDEX `members_household` ON `members` (`household_id`);--> statement-breakpoint
CREATE INDEX `members_id_number` ON `members` (`id_number`);--> statement-breakpoint
CREATE INDEX `members_name` ON `members` (`name`);--> statement-breakpoint
CREATE INDEX `members_pinyin` ON `members` (`name_pinyin`);--> statement-breakpoint
CREATE INDEX `members_initials` ON `members` (`name_initials`);--> statement-breakpoint
CREATE INDEX `members_phone` ON `members` (`phone`);--> statement-breakpoint
CREATE INDEX `members_health` ON `members` (`health`);--> statement-breakpoint
CREATE INDEX `members_left_behind` ON `members` (`left_behind`);--> statement-breakpoint
CREATE TABLE `poverty_lines` (
	`year` integer PRIMARY KEY NOT NULL,
	`per_capita_fen` integer NOT NULL,
	CONSTRAINT "poverty_lines_year_int" CHECK(typeof("year") = 'integer'),
	CONSTRAINT "poverty_lines_per_capita_fen_int" CHECK(typeof("per_capita_fen") = 'integer')
);
--> statement-breakpoint
CREATE TABLE `status_events` (
	`id` integer PRIMARY KEY NOT NULL,
	`household_id` integer NOT NULL,
	`type` text NOT NULL,
	`monitoring_type` text,
	`cancel_reason` text,
	`event_date` text NOT NULL,
	`reason` text NOT NULL,
	`evidence` text DEFAULT '' NOT NULL,
	`assessment_id` integer,
	`state` text DEFAULT 'proposed' NOT NULL,
	`proposed_by` integer NOT NULL,
	`proposed_at` text NOT NULL,
	`decided_by` integer,
	`decided_at` text,
	`decision_note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "status_events_id_int" CHECK(typeof("id") = 'integer'),
	CONSTRAINT "status_events_household_id_int" CHECK(typeof("household_id") = 'integer'),
	CONSTRAINT "status_events_type_text" CHECK(typeof("type") = 'text'),
	CONSTRAINT "status_events_monitoring_type_text" CHECK("monitoring_type" IS NULL OR typeof("monitoring_type") = 'text'),
	CONSTRAINT "status_events_cancel_reason_text" CHECK("cancel_reason" IS NULL OR typeof("cancel_reason") = 'text'),
	CONSTRAINT "status_events_event_date_text" CHECK(typeof("event_date") = 'text'),
	CONSTRAINT "status_events_reason_text" CHECK(typeof("reason") = 'text'),
	CONSTRAINT "status_events_evidence_text" CHECK(typeof("evidence") = 'text'),
	CONSTRAINT "status_events_assessment_id_int" CHECK("assessment_id" IS NULL OR typeof("assessment_id") = 'integer'),
	CONSTRAINT "status_events_state_text" CHECK(typeof("state") = 'text'),
	CONSTRAINT "status_events_proposed_by_int" CHECK(typeof("proposed_by") = 'integer'),
	CONSTRAINT "status_events_proposed_at_text" CHECK(typeof("proposed_at") = 'text'),
	CONSTRAINT "status_events_decided_by_int" CHECK("decided_by" IS NULL OR typeof("decided_by") = 'integer'),
	CONSTRAINT "status_events_decided_at_text" CHECK("decided_at" IS NULL OR typeof("decided_at") = 'text'),
	CONSTRAINT "status_events_decision_note_text" CHECK(typeof("decision_note") = 'text')
);
--> statement-breakpoint
CREATE INDEX `status_events_household` ON `status_events` (`household_id`);--> statement-breakpoint
CREATE INDEX `status_events_state` ON `status_events` (`state`);--> statement-breakpoint
CREATE UNIQUE INDEX `status_events_one_open` ON `status_events` (`household_id`) WHERE state = 'proposed';--> statement-breakpoint
CREATE TABLE `support_measures` (
	`id` integer PRIMARY KEY NOT NULL,
	`household_id` integer NOT NULL,
	`year` integer NOT NULL,
	`measure` text NOT NULL,
	`detail` text DEFAULT '' NOT NULL,
	`amount_fen` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "support_measures_id_int" CHECK(typeof("id") = 'integer'),
	CONSTRAINT "support_measures_household_id_int" CHECK(typeof("household_id") = 'integer'),
	CONSTRAINT "support_measures_year_int" CHECK(typeof("year") = 'integer'),
	CONSTRAINT "support_measures_measure_text" CHECK(typeof("measure") = 'text'),
	CONSTRAINT "support_measures_detail_text" CHECK(typeof("detail") = 'text'),
	CONSTRAINT "support_measures_amount_fen_int" CHECK(typeof("amount_fen") = 'integer')
);
--> statement-breakpoint
CREATE INDEX `support_measures_household` ON `support_measures` (`household_id`);--> statement-breakpoint
CREATE TABLE `townships` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	CONSTRAINT "townships_id_int" CHECK(typeof("id") = 'integer'),
	CONSTRAINT "townships_code_text" CHECK(typeof("code") = 'text'),
	CONSTRAINT "townships_name_text" CHECK(typeof("name") = 'text')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `townships_code_unique` ON `townships` (`code`);--> statement-breakpoint
CREATE TABLE `villages` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`township_id` integer NOT NULL,
	`name` text NOT NULL,
	`poor_village` integer DEFAULT false NOT NULL,
	`exit_year` integer,
	`rural_population` integer DEFAULT 0 NOT NULL,
	`first_secretary` text DEFAULT '' NOT NULL,
	`first_secretary_phone` text DEFAULT '' NOT NULL,
	`work_team` text DEFAULT '' NOT NULL,
	`work_team_unit` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`township_id`) REFERENCES `townships`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "villages_id_int" CHECK(typeof("id") = 'integer'),
	CONSTRAINT "villages_code_text" CHECK(typeof("code") = 'text'),
	CONSTRAINT "villages_township_id_int" CHECK(typeof("township_id") = 'integer'),
	CONSTRAINT "villages_name_text" CHECK(typeof("name") = 'text'),
	CONSTRAINT "villages_poor_village_bool" CHECK("poor_village" IN (0, 1)),
	CONSTRAINT "villages_exit_year_int" CHECK("exit_year" IS NULL OR typeof("exit_year") = 'integer'),
	CONSTRAINT "villages_rural_population_int" CHECK(typeof("rural_population") = 'integer'),
	CONSTRAINT "villages_first_secretary_text" CHECK(typeof("first_secretary") = 'text'),
	CONSTRAINT "villages_first_secretary_phone_text" CHECK(typeof("first_secretary_phone") = 'text'),
	CONSTRAINT "villages_work_team_text" CHECK(typeof("work_team") = 'text'),
	CONSTRAINT "villages_work_team_unit_text" CHECK(typeof("work_team_unit") = 'text')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `villages_code_unique` ON `villages` (`code`);--> statement-breakpoint
CREATE INDEX `villages_township` ON `villages` (`township_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`user_id` integer NOT NULL,
	`user_name` text NOT NULL,
	`method` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`action` text NOT NULL,
	`before` text,
	`after` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	CONSTRAINT "audit_log_seq_int" CHECK(typeof("seq") = 'integer'),
	CONSTRAINT "audit_log_at_text" CHECK(typeof("at") = 'text'),
	CONSTRAINT "audit_log_user_id_int" CHECK(typeof("user_id") = 'integer'),
	CONSTRAINT "audit_log_user_name_text" CHECK(typeof("user_name") = 'text'),
	CONSTRAINT "audit_log_method_text" CHECK(typeof("method") = 'text'),
	CONSTRAINT "audit_log_entity_text" CHECK(typeof("entity") = 'text'),
	CONSTRAINT "audit_log_entity_id_text" CHECK(typeof("entity_id") = 'text'),
	CONSTRAINT "audit_log_action_text" CHECK(typeof("action") = 'text'),
	CONSTRAINT "audit_log_before_text" CHECK("before" IS NULL OR typeof("before") = 'text'),
	CONSTRAINT "audit_log_after_text" CHECK("after" IS NULL OR typeof("after") = 'text'),
	CONSTRAINT "audit_log_prev_hash_text" CHECK(typeof("prev_hash") = 'text'),
	CONSTRAINT "audit_log_hash_text" CHECK(typeof("hash") = 'text')
);
--> statement-breakpoint
CREATE INDEX `audit_entity` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_user` ON `audit_log` (`user_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	CONSTRAINT "settings_key_text" CHECK(typeof("key") = 'text'),
	CONSTRAINT "settings_value_text" CHECK(typeof("value") = 'text')
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	CONSTRAINT "users_id_int" CHECK(typeof("id") = 'integer'),
	CONSTRAINT "users_username_text" CHECK(typeof("username") = 'text'),
	CONSTRAINT "users_display_name_text" CHECK(typeof("display_name") = 'text'),
	CONSTRAINT "users_role_text" CHECK(typeof("role") = 'text'),
	CONSTRAINT "users_password_hash_text" CHECK(typeof("password_hash") = 'text'),
	CONSTRAINT "users_failed_attempts_int" CHECK(typeof("failed_attempts") = 'integer'),
	CONSTRAINT "users_locked_until_text" CHECK("locked_until" IS NULL OR typeof("locked_until") = 'text'),
	CONSTRAINT "users_active_bool" CHECK("active" IN (0, 1)),
	CONSTRAINT "users_created_at_text" CHECK(typeof("created_at") = 'text')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `fund_accounts` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`parent_id` integer,
	`type` text NOT NULL,
	`normal_side` text NOT NULL,
	`fund_role` text,
	`required_dims` text DEFAULT '' NOT NULL,
	`system` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `fund_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "fund_accounts_id_int" CHECK(typeof("id") = 'integer'),
	CONSTRAINT "fund_accounts_code_text" CHECK(typeof("code") = 'text'),
	CONSTRAINT "fund_accounts_name_zh_text" CHECK(typeof("name_zh") = 'text'),
	CONSTRAINT "fund_accounts_name_en_text" CHECK(typeof("name_en") = 'text'),
	CONSTRAINT "fund_accounts_parent_id_int" CHECK("parent_id" IS NULL OR typeof("parent_id") = 'integer'),
	CONSTRAINT "fund_accounts_type_text" CHECK(typeof("type") = 'text'),
	CONSTRAINT "fund_accounts_normal_side_text" CHECK(typeof("normal_side") = 'text'),
	CONSTRAINT "fund_accounts_fund_role_text" CHECK("fund_role" IS NULL OR typeof("fund_role") = 'text'),
	CONSTRAINT "fund_accounts_required_dims_text" CHECK(typeof("required_dims") = 'text'),
	CONSTRAINT "fund_accounts_system_bool" CHECK("system" IN (0, 1)),
	CONSTRAINT "fund_accounts_active_bool" CHECK("active" IN (0, 1)),
	CONSTRAINT "fund_accounts_created_at_text" CHECK(typeof("created_at") = 'text'),
	CONSTRAINT "fund_accounts_type_code" CHECK("type" IN ('asset', 'liability', 'net_asset', 'income', 'expense')),
	CONSTRAINT "fund_accounts_normal_side_code" CHECK("normal_side" IN ('debit', 'credit')),
	CONSTRAINT "fund_accounts_fund_role_code" CHECK("fund_role" IS NULL OR "fund_role" IN ('receipt', 'use'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fund_accounts_code_unique` ON `fund_accounts` (`code`);--> statement-breakpoint
CREATE INDEX `fund_accounts_parent` ON `fund_accounts` (`parent_id`);--> statement-breakpoint
CREATE TABLE `fund_allocations` (
	`id` integer PRIMARY KEY NOT NULL,
	`source_id` integer NOT NULL,
	`project_id` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`doc_no` text DEFAULT '' NOT NULL,
	`allocated_on` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `fund_sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "fund_allocations_id_int" CHECK(typeof("id") = 'integer'),
	CONSTRAINT "fund_allocations_source_id_int" CHECK(typeof("source_id") = 'integer'),
	CONSTRAINT "fund_allocations_project_id_int" CHECK(typeof("project_id") = 'integer'),
	CONSTRAINT "fund_allocations_amount_fen_int" CHECK(typeof("amount_fen") = 'integer'),
	CONSTRAINT "fund_allocations_doc_no_text" CHECK(typeof("doc_no") = 'text'),
	CONSTRAINT "fund_allocations_allocated_on_text" CHECK(typeof("allocated_on") = 'text'),
	CONSTRAINT "fund_allocations_note_text" CHECK(typeof("note") = 'text'),
	CONSTRAINT "fund_allocations_created_by_int" CHECK(typeof("created_by") = 'integer'),
	CONSTRAINT "fund_allocations_created_at_text" CHECK(typeof("created_at") = 'text'),
	CONSTRAINT "fund_allocations_amount_non_zero" CHECK("amount_fen" <> 0)
);
--> statement-breakpoint
CREATE INDEX `fund_allocations_source_project` ON `fund_allocations` (`source_id`,`project_id`);--> statement-breakpoint
CREATE INDEX `fund_allocations_project` ON `fund_allocations` (`project_id`);--> statement-breakpoint
CREATE TABLE `fund_balances` (
	`account_id` integer NOT NULL,
	`period` text NOT NULL,
	`debit_fen` integer NOT NULL,
	`credit_fen` integer NOT NULL,
	PRIMARY KEY(`account_id`, `period`),
	FOREIGN KEY (`account_id`) REFERENCES `fund_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "fund_balances_account_id_int" CHECK(typeof("account_id") = 'integer'),
	CONSTRAINT "fund_balances_period_text" CHECK(typeof("period") = 'text'),
	CONSTRAINT "fund_balances_debit_fen_int" CHECK(typeof("debit_fen") = 'integer'),
	CONSTRAINT "fund_balances_credit_fen_int" CHECK(typeof("credit_fen") = 'integer')
);
--> statement-breakpoint
CREATE TABLE `fund_periods` (
	`period` text PRIMARY KEY NOT NULL,
	`closed_by` integer NOT NULL,
	`closed_at` text NOT NULL,
	CONSTRAINT "fund_periods_period_text" CHECK(typeof("period") = 'text'),
	CONSTRAINT "fund_periods_closed_by_int" CHECK(typeof("closed_by") = 'integer'),
	CONSTRAINT "fund_periods_closed_at_text" CHECK(typeof("closed_at") = 'text'),
	CONSTRAINT "fund_periods_period_form" CHECK("period" GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]')
);
--> statement-breakpoint
CREATE TABLE `fund_sources` (
	`id` integer PRIMARY KEY NOT NULL,
	`level` text NOT NULL,
	`type` text NOT NULL,
	`year` integer NOT NULL,
	`doc_no` text NOT NULL,
	`title` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`issued_on` text,
	`note` text DEFAULT '' NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	CONSTRAINT "fund_sources_id_int" CHECK(typeof("id") = 'integer'),
	CONSTRAINT "fund_sources_level_text" CHECK(typeof("level") = 'text'),
	CONSTRAINT "fund_sources_type_text" CHECK(typeof("type") = 'text'),
	CONSTRAINT "fund_sources_year_int" CHECK(typeof("year") = 'integer'),
	CONSTRAINT "fund_sources_doc_no_text" CHECK(typeof("doc_no") = 'text'),
	CONSTRAINT "fund_sources_title_text" CHECK(typeof("title") = 'text'),
	CONSTRAINT "fund_sources_amount_fen_int" CHECK(typeof("amount_fen") = 'integer'),
	CONSTRAINT "fund_sources_issued_on_text" CHECK("issued_on" IS NULL OR typeof("issued_on") = 'text'),
	CONSTRAINT "fund_sources_note_text" CHECK(typeof("note") = 'text'),
	CONSTRAINT "fund_sources_created_by_int" CHECK(typeof("created_by") = 'integer'),
	CONSTRAINT "fund_sources_created_at_text" CHECK(typeof("created_at") = 'text'),
	CONSTRAINT "fund_sources_amount_positive" CHECK("amount_fen" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fund_sources_doc` ON `fund_sources` (`doc_no`,`level`,`type`);--> statement-breakpoint
CREATE INDEX `fund_sources_year` ON `fund_sources` (`year`);--> statement-breakpoint
CREATE TABLE `project_households` (
	`project_id` integer NOT NULL,
	`household_id` integer NOT NULL,
	PRIMARY KEY(`project_id`, `household_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "project_households_project_id_int" CHECK(typeof("project_id") = 'integer'),
	CONSTRAINT "project_households_household_id_int" CHECK(typeof("household_id") = 'integer')
);
--> statement-breakpoint
CREATE INDEX `project_households_household` ON `project_households` (`household_id`);--> statement-breakpoint
CREATE TABLE `project_villages` (
	`project_id` integer NOT NULL,
	`village_id` integer NOT NULL,
	PRIMARY KEY(`project_id`, `village_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "project_villages_project_id_int" CHECK(typeof("project_id") = 'integer'),
	CONSTRAINT "project_villages_village_id_int" CHECK(typeof("village_id") = 'integer')
);
--> statement-breakpoint
CREATE INDEX `project_villages_village` ON `project_villages` (`village_id`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`year` integer NOT NULL,
	`budget_fen` integer NOT NULL,
	`site` text DEFAULT '' NOT NULL,
	`content` text DEFAULT '' NOT NULL,
	`implementer` text DEFAULT '' NOT NULL,
	`responsible` text DEFAULT '' NOT NULL,
	`planned_start` text,
	`planned_end` text,
	`status` text DEFAULT 'planned' NOT NULL,
	`accepted_on` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "projects_id_int" CHECK(typeof("id") = 'integer'),
	CONSTRAINT "projects_code_text" CHECK(typeof("code") = 'text'),
	CONSTRAINT "projects_name_text" CHECK(typeof("name") = 'text'),
	CONSTRAINT "projects_type_text" CHECK(typeof("type") = 'text'),
	CONSTRAINT "projects_year_int" CHECK(typeof("year") = 'integer'),
	CONSTRAINT "projects_budget_fen_int" CHECK(typeof("budget_fen") = 'integer'),
	CONSTRAINT "projects_site_text" CHECK(typeof("site") = 'text'),
	CONSTRAINT "projects_content_text" CHECK(typeof("content") = 'text'),
	CONSTRAINT "projects_implementer_text" CHECK(typeof("implementer") = 'text'),
	CONSTRAINT "projects_responsible_text" CHECK(typeof("responsible") = 'text'),
	CONSTRAINT "projects_planned_start_text" CHECK("planned_start" IS NULL OR typeof("planned_start") = 'text'),
	CONSTRAINT "projects_planned_end_text" CHECK("planned_end" IS NULL OR typeof("planned_end") = 'text'),
	CONSTRAINT "projects_status_text" CHECK(typeof("status") = 'text'),
	CONSTRAINT "projects_accepted_on_text" CHECK("accepted_on" IS NULL OR typeof("accepted_on") = 'text'),
	CONSTRAINT "projects_created_at_text" CHECK(typeof("created_at") = 'text'),
	CONSTRAINT "projects_updated_at_text" CHECK(typeof("updated_at") = 'text'),
	CONSTRAINT "projects_budget_non_negative" CHECK("budget_fen" >= 0),
	CONSTRAINT "projects_acceptance" CHECK(("status" = 'accepted') = ("accepted_on" IS NOT NULL)),
	CONSTRAINT "projects_schedule" CHECK("planned_start" IS NULL OR "planned_end" IS NULL OR "planned_end" >= "planned_start")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `projects_code_unique` ON `projects` (`code`);--> statement-breakpoint
CREATE INDEX `projects_year` ON `projects` (`year`);--> statement-breakpoint
CREATE TABLE `voucher_lines` (
	`id` integer PRIMARY KEY NOT NULL,
	`voucher_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`account_id` integer NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`debit_fen` integer DEFAULT 0 NOT NULL,
	`credit_fen` integer DEFAULT 0 NOT NULL,
	`source_id` integer,
	`project_id` integer,
	`village_id` integer,
	`household_id` integer,
	`asset_id` integer,
	FOREIGN KEY (`voucher_id`) REFERENCES `vouchers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `fund_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `fund_sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "voucher_lines_id_int" CHECK(typeof("id") = 'integer'),
	CONSTRAINT "voucher_lines_voucher_id_int" CHECK(typeof("voucher_id") = 'integer'),
	CONSTRAINT "voucher_lines_line_no_int" CHECK(typeof("line_no") = 'integer'),
	CONSTRAINT "voucher_lines_account_id_int" CHECK(typeof("account_id") = 'integer'),
	CONSTRAINT "voucher_lines_summary_text" CHECK(typeof("summary") = 'text'),
	CONSTRAINT "voucher_lines_debit_fen_int" CHECK(typeof("debit_fen") = 'integer'),
	CONSTRAINT "voucher_lines_credit_fen_int" CHECK(typeof("credit_fen") = 'integer'),
	CONSTRAINT "voucher_lines_source_id_int" CHECK("source_id" IS NULL OR typeof("source_id") = 'integer'),
	CONSTRAINT "voucher_lines_project_id_int" CHECK("project_id" IS NULL OR typeof("project_id") = 'integer'),
	CONSTRAINT "voucher_lines_village_id_int" CHECK("village_id" IS NULL OR typeof("village_id") = 'integer'),
	CONSTRAINT "voucher_lines_household_id_int" CHECK("household_id" IS NULL OR typeof("household_id") = 'integer'),
	CONSTRAINT "voucher_lines_asset_id_int" CHECK("asset_id" IS NULL OR typeof("asset_id") = 'integer'),
	CONSTRAINT "voucher_lines_one_side" CHECK(("debit_fen" > 0 AND "credit_fen" = 0) OR ("debit_fen" = 0 AND "credit_fen" > 0))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `voucher_lines_voucher_line` ON `voucher_lines` (`voucher_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `voucher_lines_account` ON `voucher_lines` (`account_id`);--> statement-breakpoint
CREATE INDEX `voucher_lines_source_project` ON `voucher_lines` (`source_id`,`project_id`);--> statement-breakpoint
CREATE INDEX `voucher_lines_project` ON `voucher_lines` (`project_id`);--> statement-breakpoint
CREATE INDEX `voucher_lines_village` ON `voucher_lines` (`village_id`);--> statement-breakpoint
CREATE INDEX `voucher_lines_household` ON `voucher_lines` (`household_id`);--> statement-breakpoint
CREATE INDEX `voucher_lines_asset` ON `voucher_lines` (`asset_id`);--> statement-breakpoint
CREATE TABLE `vouchers` (
	`id` integer PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`number` integer,
	`date` text NOT NULL,
	`memo` text NOT NULL,
	`attachments` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`origin` text DEFAULT 'manual' NOT NULL,
	`origin_ref` text,
	`reverses_id` integer,
	`prepared_by` integer NOT NULL,
	`prepared_at` text NOT NULL,
	`reviewed_by` integer,
	`reviewed_at` text,
	`posted_by` integer,
	`posted_at` text,
	FOREIGN KEY (`reverses_id`) REFERENCES `vouchers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "vouchers_id_int" CHECK(typeof("id") = 'integer'),
	CONSTRAINT "vouchers_year_int" CHECK(typeof("year") = 'integer'),
	CONSTRAINT "vouchers_number_int" CHECK("number" IS NULL OR typeof("number") = 'integer'),
	CONSTRAINT "vouchers_date_text" CHECK(typeof("date") = 'text'),
	CONSTRAINT "vouchers_memo_text" CHECK(typeof("memo") = 'text'),
	CONSTRAINT "vouchers_attachments_int" CHECK(typeof("attachments") = 'integer'),
	CONSTRAINT "vouchers_status_text" CHECK(typeof("status") = 'text'),
	CONSTRAINT "vouchers_origin_text" CHECK(typeof("origin") = 'text'),
	CONSTRAINT "vouchers_origin_ref_text" CHECK("origin_ref" IS NULL OR typeof("origin_ref") = 'text'),
	CONSTRAINT "vouchers_reverses_id_int" CHECK("reverses_id" IS NULL OR typeof("reverses_id") = 'integer'),
	CONSTRAINT "vouchers_prepared_by_int" CHECK(typeof("prepared_by") = 'integer'),
	CONSTRAINT "vouchers_prepared_at_text" CHECK(typeof("prepared_at") = 'text'),
	CONSTRAINT "vouchers_reviewed_by_int" CHECK("reviewed_by" IS NULL OR typeof("reviewed_by") = 'integer'),
	CONSTRAINT "vouchers_reviewed_at_text" CHECK("reviewed_at" IS NULL OR typeof("reviewed_at") = 'text'),
	CONSTRAINT "vouchers_posted_by_int" CHECK("posted_by" IS NULL OR typeof("posted_by") = 'integer'),
	CONSTRAINT "vouchers_posted_at_text" CHECK("posted_at" IS NULL OR typeof("posted_at") = 'text'),
	CONSTRAINT "vouchers_status_code" CHECK("status" IN ('draft', 'reviewed', 'posted')),
	CONSTRAINT "vouchers_origin_code" CHECK("origin" IN ('manual', 'reversal', 'system')),
	CONSTRAINT "vouchers_year_of_date" CHECK("year" = CAST(substr("date", 1, 4) AS INTEGER)),
	CONSTRAINT "vouchers_number_when_posted" CHECK(("status" = 'posted') = ("number" IS NOT NULL) AND ("status" = 'posted') = ("posted_by" IS NOT NULL)),
	CONSTRAINT "vouchers_maker_checker" CHECK("reviewed_by" IS NULL OR "reviewed_by" <> "prepared_by"),
	CONSTRAINT "vouchers_reviewed" CHECK(CASE "status" WHEN 'draft' THEN "reviewed_by" IS NULL WHEN 'reviewed' THEN "reviewed_by" IS NOT NULL ELSE "reviewed_by" IS NOT NULL OR "origin" = 'system' END)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vouchers_year_number` ON `vouchers` (`year`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `vouchers_reverses` ON `vouchers` (`reverses_id`);--> statement-breakpoint
CREATE INDEX `vouchers_status_date` ON `vouchers` (`status`,`date`);--> statement-breakpoint
CREATE INDEX `vouchers_date` ON `vouchers` (`date`);--> statement-breakpoint
CREATE TABLE `print_register` (
	`id` integer PRIMARY KEY NOT NULL,
	`serial` text NOT NULL,
	`doc_type` text NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`subject_key` text NOT NULL,
	`ref` text NOT NULL,
	`household_id` integer,
	`village_id` integer,
	`certificate_no` text,
	`notice_kind` text,
	`lang` text NOT NULL,
	`layout` text NOT NULL,
	`printed_by` integer NOT NULL,
	`printed_at` text NOT NULL,
	`reprint_of` integer,
	`reprint_count` integer DEFAULT 0 NOT NULL,
	`file_name` text NOT NULL,
	`file_sha256` text NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`printed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reprint_of`) REFERENCES `print_register`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "print_register_id_int" CHECK(typeof("id") = 'integer'),
	CONSTRAINT "print_register_serial_text" CHECK(typeof("serial") = 'text'),
	CONSTRAINT "print_register_doc_type_text" CHECK(typeof("doc_type") = 'text'),
	CONSTRAINT "print_register_year_int" CHECK(typeof("year") = 'integer'),
	CONSTRAINT "print_register_seq_int" CHECK(typeof("seq") = 'integer'),
	CONSTRAINT "print_register_subject_key_text" CHECK(typeof("subject_key") = 'text'),
	CONSTRAINT "print_register_ref_text" CHECK(typeof("ref") = 'text'),
	CONSTRAINT "print_register_household_id_int" CHECK("household_id" IS NULL OR typeof("household_id") = 'integer'),
	CONSTRAINT "print_register_village_id_int" CHECK("village_id" IS NULL OR typeof("village_id") = 'integer'),
	CONSTRAINT "print_register_certificate_no_text" CHECK("certificate_no" IS NULL OR typeof("certificate_no") = 'text'),
	CONSTRAINT "print_register_notice_kind_text" CHECK("notice_kind" IS NULL OR typeof("notice_kind") = 'text'),
	CONSTRAINT "print_register_lang_text" CHECK(typeof("lang") = 'text'),
	CONSTRAINT "print_register_layout_text" CHECK(typeof("layout") = 'text'),
	CONSTRAINT "print_register_printed_by_int" CHECK(typeof("printed_by") = 'integer'),
	CONSTRAINT "print_register_printed_at_text" CHECK(typeof("printed_at") = 'text'),
	CONSTRAINT "print_register_reprint_of_int" CHECK("reprint_of" IS NULL OR typeof("reprint_of") = 'integer'),
	CONSTRAINT "print_register_reprint_count_int" CHECK(typeof("reprint_count") = 'integer'),
	CONSTRAINT "print_register_file_name_text" CHECK(typeof("file_name") = 'text'),
	CONSTRAINT "print_register_file_sha256_text" CHECK(typeof("file_sha256") = 'text'),
	CONSTRAINT "print_register_doc_type_code" CHECK("doc_type" IN ('assistance_card', 'health_card', 'share_certificate', 'notice')),
	CONSTRAINT "print_register_lang_code" CHECK("lang" IN ('zh', 'en')),
	CONSTRAINT "print_register_layout_code" CHECK("layout" IN ('a4', 'cards')),
	CONSTRAINT "print_register_seq_positive" CHECK("seq" > 0),
	CONSTRAINT "print_register_reprint" CHECK(("reprint_of" IS NULL) = ("reprint_count" = 0))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `print_register_serial_unique` ON `print_register` (`serial`);--> statement-breakpoint
CREATE UNIQUE INDEX `print_register_type_year_seq` ON `print_register` (`doc_type`,`year`,`seq`);--> statement-breakpoint
CREATE INDEX `print_register_subject` ON `print_register` (`doc_type`,`subject_key`,`year`);--> statement-breakpoint
CREATE INDEX `print_register_household` ON `print_register` (`household_id`);--> statement-breakpoint
CREATE INDEX `print_register_village` ON `print_register` (`village_id`);--> statement-breakpoint
CREATE INDEX `print_register_printed_at` ON `print_register` (`printed_at`);--> statement-breakpoint
CREATE TABLE `asset_cost_lines` (
	`voucher_line_id` integer PRIMARY KEY NOT NULL,
	`asset_id` integer NOT NULL,
	`linked_by` integer NOT NULL,
	`linked_at` text NOT NULL,
	FOREIGN KEY (`voucher_line_id`) REFERENCES `voucher_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`asset_id`) REFERENCES `assets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`linked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "asset_cost_lines_voucher_line_id_int" CHECK(typeof("voucher_line_id") = 'integer'),
	CONSTRAINT "asset_cost_lines_asset_id_int" CHECK(typeof("asset_id") = 'integer'),
	CONSTRAINT "asset_cost_lines_linked_by_int" CHECK(typeof("linked_by") = 'integer'),
	CONSTRAINT "asset_cost_lines_linked_at_text" CHECK(typeof("linked_at") = 'text')
);
--> statement-breakpoint
CREATE INDEX `asset_cost_lines_asset` ON `asset_cost_lines` (`asset_id`);--> statement-breakpoint
CREATE TABLE `asset_incomes` (
	`id` integer PRIMARY KEY NOT NULL,
	`asset_id` integer NOT NULL,
	`received_on` text NOT NULL,
	`period` text DEFAULT '' NOT NULL,
	`gross_fen` integer NOT NULL,
	`land_rent_fen` integer DEFAULT 0 NOT NULL,
	`tax_insurance_fen` integer DEFAULT 0 NOT NULL,
	`maintenance_fen` integer DEFAULT 0 NOT NULL,
	`distributable_fen` integer NOT NULL,
	`voucher_id` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`asset_id`) REFERENCES `assets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`voucher_id`) REFERENCES `vouchers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "asset_incomes_id_int" CHECK(typeof("id") = 'integer'),
	CONSTRAINT "asset_incomes_asset_id_int" CHECK(typeof("asset_id") = 'integer'),
	CONSTRAINT "asset_incomes_received_on_text" CHECK(typeof("received_on") = 'text'),
	CONSTRAINT "asset_incomes_period_text" CHECK(typeof("period") = 'text'),
	CONSTRAINT "asset_incomes_gross_fen_int" CHECK(typeof("gross_fen") = 'integer'),
	CONSTRAINT "asset_incomes_land_rent_fen_int" CHECK(typeof("land_rent_fen") = 'integer'),
	CONSTRAINT "asset_incomes_tax_insurance_fen_int" CHECK(typeof("tax_insurance_fen") = 'integer'),
	CONSTRAINT "asset_incomes_maintenance_fen_int" CHECK(typeof("maintenance_fen") = 'integer'),
	CONSTRAINT "asset_incomes_distributable_fen_int" CHECK(typeof("distributable_fen") = 'integer'),
	CONSTRAINT "asset_incomes_voucher_id_int" CHECK(typeof("voucher_id") = 'integer'),
	CONSTRAINT "asset_incomes_note_text" CHECK(typeof("note") = 'text'),
	CONSTRAINT "asset_incomes_created_by_int" CHECK(typeof("created_by") = 'integer'),
	CONSTRAINT "asset_incomes_created_at_text" CHECK(typeof("created_at") = 'text'),
	CONSTRAINT "asset_incomes_amounts" CHECK("gross_fen" > 0 AND "land_rent_fen" >= 0 AND "tax_insurance_fen" >= 0 AND "maintenance_fen" >= 0),
	CONSTRAINT "asset_incomes_distributable" CHECK("distributable_fen" = "gross_fen" - "land_rent_fen" - "tax_insurance_fen" - "maintenance_fen" AND "distributable_fen" >= 0)
);
--> statement-breakpoint
CREATE INDEX `asset_incomes_asset` ON `asset_incomes` (`asset_id`,`received_on`);--> statement-breakpoint
CREATE TABLE `asset_inspections` (
	`id` integer PRIMARY KEY NOT NULL,
	`asset_id` integer NOT NULL,
	`inspected_on` text NOT NULL,
	`inspector` text NOT NULL,
	`findings` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`asset_id`) REFERENCES `assets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "asset_inspections_id_int" CHECK(typeof("id") = 'integer'),
	CONSTRAINT "asset_inspections_asset_id_int" CHECK(typeof("asset_id") = 'integer'),
	CONSTRAINT "asset_inspections_inspected_on_text" CHECK(typeof("inspected_on") = 'text'),
	CONSTRAINT "asset_inspections_inspector_text" CHECK(typeof("inspector") = 'text'),
	CONSTRAINT "asset_inspections_findings_text" CHECK(typeof("findings") = 'text'),
	CONSTRAINT "asset_inspections_created_by_int" CHECK(typeof("created_by") = 'integer'),
	CONSTRAINT "asset_inspections_created_at_text" CHECK(typeof("created_at") = 'text')
);
--> statement-breakpoint
CREATE INDEX `asset_inspections_asset` ON `asset_inspections` (`asset_id`,`inspected_on`);--> statement-breakpoint
CREATE TABLE `asset_shares` (
	`id` integer PRIMARY KEY NOT NULL,
	`asset_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`certificate_no` text NOT NULL,
	`holder_type` text NOT NULL,
	`household_id` integer,
	`village_id` integer NOT NULL,
	`units` integer NOT NULL,
	`weight` integer NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text,
	`withdrawn_on` text,
	`withdraw_reason` text,
	`successor_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`asset_id`) REFERENCES `assets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`successor_id`) REFERENCES `asset_shares`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "asset_shares_id_int" CHECK(typeof("id") = 'integer'),
	CONSTRAINT "asset_shares_asset_id_int" CHECK(typeof("asset_id") = 'integer'),
	CONSTRAINT "asset_shares_seq_int" CHECK(typeof("seq") = 'integer'),
	CONSTRAINT "asset_shares_certificate_no_text" CHECK(typeof("certificate_no") = 'text'),
	CONSTRAINT "asset_shares_holder_type_text" CHECK(typeof("holder_type") = 'text'),
	CONSTRAINT "asset_shares_household_id_int" CHECK("household_id" IS NULL OR typeof("household_id") = 'integer'),
	CONSTRAINT "asset_shares_village_id_int" CHECK(typeof("village_id") = 'integer'),
	CONSTRAINT "asset_shares_units_int" CHECK(typeof("units") = 'integer'),
	CONSTRAINT "asset_shares_weight_int" CHECK(typeof("weight") = 'integer'),
	CONSTRAINT "asset_shares_from_date_text" CHECK(typeof("from_date") = 'text'),
	CONSTRAINT "asset_shares_to_date_text" CHECK("to_date" IS NULL OR typeof("to_date") = 'text'),
	CONSTRAINT "asset_shares_withdrawn_on_text" CHECK("withdrawn_on" IS NULL OR typeof("withdrawn_on") = 'text'),
	CONSTRAINT "asset_shares_withdraw_reason_text" CHECK("withdraw_reason" IS NULL OR typeof("withdraw_reason") = 'text'),
	CONSTRAINT "asset_shares_successor_id_int" CHECK("successor_id" IS NULL OR typeof("successor_id") = 'integer'),
	CONSTRAINT "asset_shares_note_text" CHECK(typeof("note") = 'text'),
	CONSTRAINT "asset_shares_created_by_int" CHECK(typeof("created_by") = 'integer'),
	CONSTRAINT "asset_shares_created_at_text" CHECK(typeof("created_at") = 'text'),
	CONSTRAINT "asset_shares_holder_type_code" CHECK("holder_type" IN ('household', 'village')),
	CONSTRAINT "asset_shares_holder" CHECK(("holder_type" = 'household') = ("household_id" IS NOT NULL)),
	CONSTRAINT "asset_shares_units_positive" CHECK("units" > 0 AND "units" <= 1000000),
	CONSTRAINT "asset_shares_weight_positive" CHECK("weight" > 0 AND "weight" <= 100),
	CONSTRAINT "asset_shares_dates" CHECK(("to_date" IS NULL OR "to_date" >= "from_date") AND ("withdrawn_on" IS NULL OR "withdrawn_on" >= "from_date")),
	CONSTRAINT "asset_shares_withdrawal" CHECK(("withdrawn_on" IS NULL) = ("withdraw_reason" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `asset_shares_certificate_no_unique` ON `asset_shares` (`certificate_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `asset_shares_asset_seq` ON `asset_shares` (`asset_id`,`seq`);--> statement-breakpoint
CREATE INDEX `asset_shares_household` ON `asset_shares` (`household_id`);--> statement-breakpoint
CREATE INDEX `asset_shares_village` ON `asset_shares` (`village_id`);--> statement-breakpoint
CREATE TABLE `assets` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`asset_class` text NOT NULL,
	`category` text NOT NULL,
	`ownership` text NOT NULL,
	`operator` text NOT NULL,
	`operator_name` text DEFAULT '' NOT NULL,
	`village_id` integer,
	`location` text DEFAULT '' NOT NULL,
	`project_id` integer,
	`built_on` text,
	`status` text DEFAULT 'in_operation' NOT NULL,
	`disposed_on` text,
	`disposal_method` text,
	`disposal_proceeds_fen` integer,
	`disposal_approval` text,
	`disposal_note` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "assets_id_int" CHECK(typeof("id") = 'integer'),
	CONSTRAINT "assets_code_text" CHECK(typeof("code") = 'text'),
	CONSTRAINT "assets_name_text" CHECK(typeof("name") = 'text'),
	CONSTRAINT "assets_asset_class_text" CHECK(typeof("asset_class") = 'text'),
	CONSTRAINT "assets_category_text" CHECK(typeof("category") = 'text'),
	CONSTRAINT "assets_ownership_text" CHECK(typeof("ownership") = 'text'),
	CONSTRAINT "assets_operator_text" CHECK(typeof("operator") = 'text'),
	CONSTRAINT "assets_operator_name_text" CHECK(typeof("operator_name") = 'text'),
	CONSTRAINT "assets_village_id_int" CHECK("village_id" IS NULL OR typeof("village_id") = 'integer'),
	CONSTRAINT "assets_location_text" CHECK(typeof("location") = 'text'),
	CONSTRAINT "assets_project_id_int" CHECK("project_id" IS NULL OR typeof("project_id") = 'integer'),
	CONSTRAINT "assets_built_on_text" CHECK("built_on" IS NULL OR typeof("built_on") = 'text'),
	CONSTRAINT "assets_status_text" CHECK(typeof("status") = 'text'),
	CONSTRAINT "assets_disposed_on_text" CHECK("disposed_on" IS NULL OR typeof("disposed_on") = 'text'),
	CONSTRAINT "assets_disposal_method_text" CHECK("disposal_method" IS NULL OR typeof("disposal_method") = 'text'),
	CONSTRAINT "assets_disposal_proceeds_fen_int" CHECK("disposal_proceeds_fen" IS NULL OR typeof("disposal_proceeds_fen") = 'integer'),
	CONSTRAINT "assets_disposal_approval_text" CHECK("disposal_approval" IS NULL OR typeof("disposal_approval") = 'text'),
	CONSTRAINT "assets_disposal_note_text" CHECK(typeof("disposal_note") = 'text'),
	CONSTRAINT "assets_note_text" CHECK(typeof("note") = 'text'),
	CONSTRAINT "assets_created_by_int" CHECK(typeof("created_by") = 'integer'),
	CONSTRAINT "assets_created_at_text" CHECK(typeof("created_at") = 'text'),
	CONSTRAINT "assets_updated_at_text" CHECK(typeof("updated_at") = 'text'),
	CONSTRAINT "assets_class_code" CHECK("asset_class" IN ('business', 'public_welfare', 'household')),
	CONSTRAINT "assets_category_code" CHECK("category" IN ('photovoltaic', 'facility_agriculture', 'aquaculture', 'hydropower', 'rural_tourism', 'livestock', 'land_trusteeship', 'road', 'water_supply', 'other')),
	CONSTRAINT "assets_ownership_code" CHECK("ownership" IN ('county', 'township', 'village_collective', 'household')),
	CONSTRAINT "assets_operator_code" CHECK("operator" IN ('collective', 'cooperative', 'enterprise')),
	CONSTRAINT "assets_status_code" CHECK("status" IN ('in_operation', 'idle', 'disposed')),
	CONSTRAINT "assets_disposal" CHECK(("status" = 'disposed') = ("disposed_on" IS NOT NULL)
    AND ("disposed_on" IS NULL OR ("disposal_method" IS NOT NULL AND "disposal_proceeds_fen" >= 0 AND "disposal_approval" IS NOT NULL)))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assets_code_unique` ON `assets` (`code`);--> statement-breakpoint
CREATE INDEX `assets_village` ON `assets` (`village_id`);--> statement-breakpoint
CREATE INDEX `assets_project` ON `assets` (`project_id`);--> statement-breakpoint
CREATE TABLE `distribution_allocations` (
	`id` integer PRIMARY KEY NOT NULL,
	`plan_id` integer NOT NULL,
	`kind` text NOT NULL,
	`household_id` integer,
	`village_id` integer NOT NULL,
	`weight` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`excluded` text,
	FOREIGN KEY (`plan_id`) REFERENCES `distribution_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "distribution_allocations_id_int" CHECK(typeof("id") = 'integer'),
	CONSTRAINT "distribution_allocations_plan_id_int" CHECK(typeof("plan_id") = 'integer'),
	CONSTRAINT "distribution_allocations_kind_text" CHECK(typeof("kind") = 'text'),
	CONSTRAINT "distribution_allocations_household_id_int" CHECK("household_id" IS NULL OR typeof("household_id") = 'integer'),
	CONSTRAINT "distribution_allocations_village_id_int" CHECK(typeof("village_id") = 'integer'),
	CONSTRAINT "distribution_allocations_weight_int" CHECK(typeof("weight") = 'integer'),
	CONSTRAINT "distribution_allocations_amount_fen_int" CHECK(typeof("amount_fen") = 'integer'),
	CONSTRAINT "distribution_allocations_excluded_text" CHECK("excluded" IS NULL OR typeof("excluded") = 'text'),
	CONSTRAINT "distribution_allocations_kind_code" CHECK("kind" IN ('dividend', 'post', 'works')),
	CONSTRAINT "distribution_allocations_excluded_code" CHECK("excluded" IS NULL OR ("excluded" IN ('cancelled', 'deceased', 'exited') AND "amount_fen" = 0)),
	CONSTRAINT "distribution_allocations_amount" CHECK("amount_fen" >= 0 AND "weight" >= 0),
	CONSTRAINT "distribution_allocations_holder" CHECK("kind" = 'dividend' OR ("kind" = 'post') = ("household_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `distribution_allocations_plan` ON `distribution_allocations` (`plan_id`,`kind`);--> statement-breakpoint
CREATE INDEX `distribution_allocations_household` ON `distribution_allocations` (`household_id`);--> statement-breakpoint
CREATE TABLE `distribution_plan_incomes` (
	`plan_id` integer NOT NULL,
	`income_id` integer NOT NULL,
	PRIMARY KEY(`plan_id`, `income_id`),
	FOREIGN KEY (`plan_id`) REFERENCES `distribution_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`income_id`) REFERENCES `asset_incomes`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "distribution_plan_incomes_plan_id_int" CHECK(typeof("plan_id") = 'integer'),
	CONSTRAINT "distribution_plan_incomes_income_id_int" CHECK(typeof("income_id") = 'integer')
);
--> statement-breakpoint
CREATE INDEX `distribution_plan_incomes_income` ON `distribution_plan_incomes` (`income_id`);--> statement-breakpoint
CREATE TABLE `distribution_plans` (
	`id` integer PRIMARY KEY NOT NULL,
	`asset_id` integer NOT NULL,
	`title` text NOT NULL,
	`as_of` text NOT NULL,
	`post_bp` integer NOT NULL,
	`works_bp` integer NOT NULL,
	`exited_rule` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`total_fen` integer NOT NULL,
	`post_fen` integer NOT NULL,
	`works_fen` integer NOT NULL,
	`shares_fen` integer NOT NULL,
	`digest` text NOT NULL,
	`prepared_by` integer NOT NULL,
	`prepared_at` text NOT NULL,
	`approved_by` integer,
	`approved_at` text,
	`pay_date` text,
	`paid_by` integer,
	`paid_at` text,
	`reversal_date` text,
	`reversal_reason` text,
	`reversal_requested_by` integer,
	`reversed_by` integer,
	`reversed_at` text,
	`cancelled_by` integer,
	`cancelled_at` text,
	FOREIGN KEY (`asset_id`) REFERENCES `assets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`prepared_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`paid_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reversal_requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reversed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cancelled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "distribution_plans_id_int" CHECK(typeof("id") = 'integer'),
	CONSTRAINT "distribution_plans_asset_id_int" CHECK(typeof("asset_id") = 'integer'),
	CONSTRAINT "distribution_plans_title_text" CHECK(typeof("title") = 'text'),
	CONSTRAINT "distribution_plans_as_of_text" CHECK(typeof("as_of") = 'text'),
	CONSTRAINT "distribution_plans_post_bp_int" CHECK(typeof("post_bp") = 'integer'),
	CONSTRAINT "distribution_plans_works_bp_int" CHECK(typeof("works_bp") = 'integer'),
	CONSTRAINT "distribution_plans_exited_rule_text" CHECK(typeof("exited_rule") = 'text'),
	CONSTRAINT "distribution_plans_status_text" CHECK(typeof("status") = 'text'),
	CONSTRAINT "distribution_plans_total_fen_int" CHECK(typeof("total_fen") = 'integer'),
	CONSTRAINT "distribution_plans_post_fen_int" CHECK(typeof("post_fen") = 'integer'),
	CONSTRAINT "distribution_plans_works_fen_int" CHECK(typeof("works_fen") = 'integer'),
	CONSTRAINT "distribution_plans_shares_fen_int" CHECK(typeof("shares_fen") = 'integer'),
	CONSTRAINT "distribution_plans_digest_text" CHECK(typeof("digest") = 'text'),
	CONSTRAINT "distribution_plans_prepared_by_int" CHECK(typeof("prepared_by") = 'integer'),
	CONSTRAINT "distribution_plans_prepared_at_text" CHECK(typeof("prepared_at") = 'text'),
	CONSTRAINT "distribution_plans_approved_by_int" CHECK("approved_by" IS NULL OR typeof("approved_by") = 'integer'),
	CONSTRAINT "distribution_plans_approved_at_text" CHECK("approved_at" IS NULL OR typeof("approved_at") = 'text'),
	CONSTRAINT "distribution_plans_pay_date_text" CHECK("pay_date" IS NULL OR typeof("pay_date") = 'text'),
	CONSTRAINT "distribution_plans_paid_by_int" CHECK("paid_by" IS NULL OR typeof("paid_by") = 'integer'),
	CONSTRAINT "distribution_plans_paid_at_text" CHECK("paid_at" IS NULL OR typeof("paid_at") = 'text'),
	CONSTRAINT "distribution_plans_reversal_date_text" CHECK("reversal_date" IS NULL OR typeof("reversal_date") = 'text'),
	CONSTRAINT "distribution_plans_reversal_reason_text" CHECK("reversal_reason" IS NULL OR typeof("reversal_reason") = 'text'),
	CONSTRAINT "distribution_plans_reversal_requested_by_int" CHECK("reversal_requested_by" IS NULL OR typeof("reversal_requested_by") = 'integer'),
	CONSTRAINT "distribution_plans_reversed_by_int" CHECK("reversed_by" IS NULL OR typeof("reversed_by") = 'integer'),
	CONSTRAINT "distribution_plans_reversed_at_text" CHECK("reversed_at" IS NULL OR typeof("reversed_at") = 'text'),
	CONSTRAINT "distribution_plans_cancelled_by_int" CHECK("cancelled_by" IS NULL OR typeof("cancelled_by") = 'integer'),
	CONSTRAINT "distribution_plans_cancelled_at_text" CHECK("cancelled_at" IS NULL OR typeof("cancelled_at") = 'text'),
	CONSTRAINT "distribution_plans_status_code" CHECK("status" IN ('draft', 'approved', 'paid', 'reversing', 'reversed', 'cancelled')),
	CONSTRAINT "distribution_plans_exited_rule_code" CHECK("exited_rule" IN ('include', 'exclude', 'only-with-policy')),
	CONSTRAINT "distribution_plans_split" CHECK("post_bp" >= 0 AND "works_bp" >= 0 AND "post_bp" + "works_bp" <= 10000),
	CONSTRAINT "distribution_plans_parts" CHECK("total_fen" > 0 AND "post_fen" >= 0 AND "works_fen" >= 0 AND "shares_fen" >= 0 AND "total_fen" = "post_fen" + "works_fen" + "shares_fen"),
	CONSTRAINT "distribution_plans_maker_checker" CHECK("approved_by" IS NULL OR "approved_by" <> "prepared_by"),
	CONSTRAINT "distribution_plans_reversal_checker" CHECK("reversed_by" IS NULL OR "reversed_by" <> "reversal_requested_by")
);
--> statement-breakpoint
CREATE INDEX `distribution_plans_asset` ON `distribution_plans` (`asset_id`,`status`);--> statement-breakpoint
CREATE TABLE `distribution_post_holders` (
	`plan_id` integer NOT NULL,
	`household_id` integer NOT NULL,
	`weight` integer NOT NULL,
	PRIMARY KEY(`plan_id`, `household_id`),
	FOREIGN KEY (`plan_id`) REFERENCES `distribution_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "distribution_post_holders_plan_id_int" CHECK(typeof("plan_id") = 'integer'),
	CONSTRAINT "distribution_post_holders_household_id_int" CHECK(typeof("household_id") = 'integer'),
	CONSTRAINT "distribution_post_holders_weight_int" CHECK(typeof("weight") = 'integer'),
	CONSTRAINT "distribution_post_holders_weight" CHECK("weight" > 0)
);
--> statement-breakpoint
CREATE TABLE `distribution_vouchers` (
	`voucher_id` integer PRIMARY KEY NOT NULL,
	`plan_id` integer NOT NULL,
	`role` text NOT NULL,
	FOREIGN KEY (`voucher_id`) REFERENCES `vouchers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_id`) REFERENCES `distribution_plans`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "distribution_vouchers_voucher_id_int" CHECK(typeof("voucher_id") = 'integer'),
	CONSTRAINT "distribution_vouchers_plan_id_int" CHECK(typeof("plan_id") = 'integer'),
	CONSTRAINT "distribution_vouchers_role_text" CHECK(typeof("role") = 'text'),
	CONSTRAINT "distribution_vouchers_role_code" CHECK("role" IN ('pay', 'reversal'))
);
--> statement-breakpoint
CREATE INDEX `distribution_vouchers_plan` ON `distribution_vouchers` (`plan_id`);