CREATE TABLE `assessments` (
	`id` integer PRIMARY KEY NOT NULL,
	`household_id` integer NOT NULL,
	`year` integer NOT NULL,
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
	CONSTRAINT "status_events_decided_at_text" CHECK("decided_at" IS NULL OR typeof("decided_at") = 'text')
);
--> statement-breakpoint
CREATE INDEX `status_events_household` ON `status_events` (`household_id`);--> statement-breakpoint
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
	`work_team` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`township_id`) REFERENCES `townships`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "villages_id_int" CHECK(typeof("id") = 'integer'),
	CONSTRAINT "villages_code_text" CHECK(typeof("code") = 'text'),
	CONSTRAINT "villages_township_id_int" CHECK(typeof("township_id") = 'integer'),
	CONSTRAINT "villages_name_text" CHECK(typeof("name") = 'text'),
	CONSTRAINT "villages_poor_village_bool" CHECK("poor_village" IN (0, 1)),
	CONSTRAINT "villages_exit_year_int" CHECK("exit_year" IS NULL OR typeof("exit_year") = 'integer'),
	CONSTRAINT "villages_rural_population_int" CHECK(typeof("rural_population") = 'integer'),
	CONSTRAINT "villages_first_secretary_text" CHECK(typeof("first_secretary") = 'text'),
	CONSTRAINT "villages_work_team_text" CHECK(typeof("work_team") = 'text')
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
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);