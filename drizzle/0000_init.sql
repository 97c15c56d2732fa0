CREATE TABLE `commitment_categories` (
	`commitment_id` integer NOT NULL,
	`category` text NOT NULL,
	PRIMARY KEY(`commitment_id`, `category`),
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `commitment_categories_category_idx` ON `commitment_categories` (`category`,`commitment_id`);--> statement-breakpoint
CREATE TABLE `commitment_sources` (
	`commitment_id` integer NOT NULL,
	`source_id` integer NOT NULL,
	PRIMARY KEY(`commitment_id`, `source_id`),
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `commitment_sources_source_idx` ON `commitment_sources` (`source_id`);--> statement-breakpoint
CREATE TABLE `commitment_states` (
	`commitment_id` integer NOT NULL,
	`state_code` text NOT NULL,
	PRIMARY KEY(`commitment_id`, `state_code`),
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "commitment_states_code_format" CHECK("commitment_states"."state_code" glob 'IN-[A-Z][A-Z]')
);
--> statement-breakpoint
CREATE INDEX `commitment_states_state_idx` ON `commitment_states` (`state_code`,`commitment_id`);--> statement-breakpoint
CREATE TABLE `commitments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`metric` text NOT NULL,
	`unit` text NOT NULL,
	`direction` text NOT NULL,
	`baseline_value` real NOT NULL,
	`baseline_date` text NOT NULL,
	`target_value` real NOT NULL,
	`due_on` text,
	`deadline_precision` text,
	`scheme` text,
	`evidence_grade` text NOT NULL,
	`announced_on` text,
	`superseded_by_id` integer,
	`withdrawn_on` text,
	`withdrawn_reason` text,
	`synthetic` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`superseded_by_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "commitments_metric_check" CHECK("commitments"."metric" in ('local_sourcing_share', 'local_production_increase', 'local_value_addition', 'investment', 'jobs', 'units_produced', 'exports', 'facility_milestone')),
	CONSTRAINT "commitments_unit_check" CHECK("commitments"."unit" in ('percent', 'INR', 'USD', 'count', 'yes_no')),
	CONSTRAINT "commitments_direction_check" CHECK("commitments"."direction" in ('increase', 'decrease')),
	CONSTRAINT "commitments_scheme_check" CHECK("commitments"."scheme" is null or "commitments"."scheme" in ('make_in_india', 'pli_electronics', 'pli_it_hardware', 'pmp', 'other')),
	CONSTRAINT "commitments_evidence_check" CHECK("commitments"."evidence_grade" in ('in_talks', 'announced', 'agreement_or_land', 'regulatory_filing', 'verified_outcome')),
	CONSTRAINT "commitments_precision_check" CHECK(("commitments"."due_on" is null and "commitments"."deadline_precision" is null) or ("commitments"."due_on" is not null and "commitments"."deadline_precision" is not null and "commitments"."deadline_precision" in ('day', 'month', 'quarter', 'year'))),
	CONSTRAINT "commitments_due_on_date" CHECK("commitments"."due_on" is null or coalesce("commitments"."due_on" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' and date("commitments"."due_on") = "commitments"."due_on", 0)),
	CONSTRAINT "commitments_baseline_date" CHECK("commitments"."baseline_date" is null or coalesce("commitments"."baseline_date" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' and date("commitments"."baseline_date") = "commitments"."baseline_date", 0)),
	CONSTRAINT "commitments_announced_on_date" CHECK("commitments"."announced_on" is null or coalesce("commitments"."announced_on" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' and date("commitments"."announced_on") = "commitments"."announced_on", 0)),
	CONSTRAINT "commitments_withdrawn_on_date" CHECK("commitments"."withdrawn_on" is null or coalesce("commitments"."withdrawn_on" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' and date("commitments"."withdrawn_on") = "commitments"."withdrawn_on", 0)),
	CONSTRAINT "commitments_due_after_baseline" CHECK("commitments"."due_on" is null or "commitments"."due_on" >= "commitments"."baseline_date"),
	CONSTRAINT "commitments_not_self_superseded" CHECK("commitments"."superseded_by_id" is null or "commitments"."superseded_by_id" <> "commitments"."id")
);
--> statement-breakpoint
CREATE INDEX `commitments_company_idx` ON `commitments` (`company_id`);--> statement-breakpoint
CREATE INDEX `commitments_due_on_idx` ON `commitments` (`due_on`);--> statement-breakpoint
CREATE INDEX `commitments_scheme_idx` ON `commitments` (`scheme`);--> statement-breakpoint
CREATE INDEX `commitments_evidence_idx` ON `commitments` (`evidence_grade`);--> statement-breakpoint
CREATE INDEX `commitments_superseded_idx` ON `commitments` (`superseded_by_id`);--> statement-breakpoint
CREATE TABLE `companies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`hq_country` text NOT NULL,
	`website` text,
	`description` text,
	`withdrawn_on` text,
	`withdrawn_reason` text,
	`synthetic` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "companies_kind_check" CHECK("companies"."kind" in ('brand', 'contract_manufacturer', 'supplier', 'other')),
	CONSTRAINT "companies_slug_format" CHECK("companies"."slug" not glob '*[^a-z0-9-]*' and length("companies"."slug") between 1 and 80),
	CONSTRAINT "companies_hq_country_format" CHECK("companies"."hq_country" glob '[A-Z][A-Z]'),
	CONSTRAINT "companies_withdrawn_on_date" CHECK("companies"."withdrawn_on" is null or coalesce("companies"."withdrawn_on" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' and date("companies"."withdrawn_on") = "companies"."withdrawn_on", 0))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `companies_slug_unique` ON `companies` (`slug`);--> statement-breakpoint
CREATE INDEX `companies_name_idx` ON `companies` (`name`);--> statement-breakpoint
CREATE TABLE `company_sources` (
	`company_id` integer NOT NULL,
	`source_id` integer NOT NULL,
	PRIMARY KEY(`company_id`, `source_id`),
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `company_sources_source_idx` ON `company_sources` (`source_id`);--> statement-breakpoint
CREATE TABLE `facilities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`operator_company_id` integer NOT NULL,
	`name` text NOT NULL,
	`city` text,
	`state_code` text NOT NULL,
	`stage` text NOT NULL,
	`investment_amount` real,
	`investment_currency` text,
	`announced_on` text,
	`withdrawn_on` text,
	`withdrawn_reason` text,
	`synthetic` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`operator_company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "facilities_stage_check" CHECK("facilities"."stage" in ('announced', 'land_acquired', 'under_construction', 'operational', 'closed')),
	CONSTRAINT "facilities_state_code_format" CHECK("facilities"."state_code" glob 'IN-[A-Z][A-Z]'),
	CONSTRAINT "facilities_investment_pair" CHECK(("facilities"."investment_amount" is null) = ("facilities"."investment_currency" is null) and ("facilities"."investment_amount" is null or "facilities"."investment_amount" >= 0)),
	CONSTRAINT "facilities_announced_on_date" CHECK("facilities"."announced_on" is null or coalesce("facilities"."announced_on" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' and date("facilities"."announced_on") = "facilities"."announced_on", 0)),
	CONSTRAINT "facilities_withdrawn_on_date" CHECK("facilities"."withdrawn_on" is null or coalesce("facilities"."withdrawn_on" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' and date("facilities"."withdrawn_on") = "facilities"."withdrawn_on", 0))
);
--> statement-breakpoint
CREATE INDEX `facilities_operator_idx` ON `facilities` (`operator_company_id`);--> statement-breakpoint
CREATE INDEX `facilities_state_idx` ON `facilities` (`state_code`);--> statement-breakpoint
CREATE TABLE `facility_sources` (
	`facility_id` integer NOT NULL,
	`source_id` integer NOT NULL,
	PRIMARY KEY(`facility_id`, `source_id`),
	FOREIGN KEY (`facility_id`) REFERENCES `facilities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `facility_sources_source_idx` ON `facility_sources` (`source_id`);--> statement-breakpoint
CREATE TABLE `partnership_sources` (
	`partnership_id` integer NOT NULL,
	`source_id` integer NOT NULL,
	PRIMARY KEY(`partnership_id`, `source_id`),
	FOREIGN KEY (`partnership_id`) REFERENCES `partnerships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `partnership_sources_source_idx` ON `partnership_sources` (`source_id`);--> statement-breakpoint
CREATE TABLE `partnerships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`brand_company_id` integer NOT NULL,
	`partner_company_id` integer NOT NULL,
	`product_categories` text DEFAULT '[]' NOT NULL,
	`facility_id` integer,
	`announced_on` text,
	`stage` text NOT NULL,
	`withdrawn_on` text,
	`withdrawn_reason` text,
	`synthetic` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`brand_company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`facility_id`) REFERENCES `facilities`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "partnerships_distinct_companies" CHECK("partnerships"."brand_company_id" <> "partnerships"."partner_company_id"),
	CONSTRAINT "partnerships_stage_check" CHECK("partnerships"."stage" in ('announced', 'agreement_signed', 'operational', 'ended')),
	CONSTRAINT "partnerships_categories_json" CHECK(json_valid("partnerships"."product_categories")),
	CONSTRAINT "partnerships_announced_on_date" CHECK("partnerships"."announced_on" is null or coalesce("partnerships"."announced_on" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' and date("partnerships"."announced_on") = "partnerships"."announced_on", 0)),
	CONSTRAINT "partnerships_withdrawn_on_date" CHECK("partnerships"."withdrawn_on" is null or coalesce("partnerships"."withdrawn_on" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' and date("partnerships"."withdrawn_on") = "partnerships"."withdrawn_on", 0))
);
--> statement-breakpoint
CREATE INDEX `partnerships_brand_idx` ON `partnerships` (`brand_company_id`);--> statement-breakpoint
CREATE INDEX `partnerships_partner_idx` ON `partnerships` (`partner_company_id`);--> statement-breakpoint
CREATE TABLE `progress_update_sources` (
	`progress_update_id` integer NOT NULL,
	`source_id` integer NOT NULL,
	PRIMARY KEY(`progress_update_id`, `source_id`),
	FOREIGN KEY (`progress_update_id`) REFERENCES `progress_updates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `progress_update_sources_source_idx` ON `progress_update_sources` (`source_id`);--> statement-breakpoint
CREATE TABLE `progress_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`commitment_id` integer NOT NULL,
	`as_of` text NOT NULL,
	`value` real NOT NULL,
	`note` text,
	`withdrawn_on` text,
	`withdrawn_reason` text,
	`synthetic` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "progress_as_of_date" CHECK("progress_updates"."as_of" is null or coalesce("progress_updates"."as_of" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' and date("progress_updates"."as_of") = "progress_updates"."as_of", 0)),
	CONSTRAINT "progress_withdrawn_on_date" CHECK("progress_updates"."withdrawn_on" is null or coalesce("progress_updates"."withdrawn_on" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' and date("progress_updates"."withdrawn_on") = "progress_updates"."withdrawn_on", 0))
);
--> statement-breakpoint
CREATE INDEX `progress_commitment_as_of_idx` ON `progress_updates` (`commitment_id`,`as_of`);--> statement-breakpoint
CREATE TABLE `revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_type` text NOT NULL,
	`record_id` integer NOT NULL,
	`before` text,
	`after` text NOT NULL,
	`actor_id` text,
	`submission_id` integer,
	`summary` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "revisions_record_type_check" CHECK("revisions"."record_type" in ('company', 'facility', 'partnership', 'commitment', 'progress_update'))
);
--> statement-breakpoint
CREATE INDEX `revisions_record_idx` ON `revisions` (`record_type`,`record_id`,`id`);--> statement-breakpoint
CREATE INDEX `revisions_created_idx` ON `revisions` (`created_at`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`token` text NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`ip_address` text,
	`user_agent` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_token_unique` ON `sessions` (`token`);--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text NOT NULL,
	`title` text NOT NULL,
	`publisher` text NOT NULL,
	`kind` text NOT NULL,
	`published_on` text,
	`excerpt` text,
	`accessed_on` text,
	`synthetic` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "sources_url_scheme" CHECK("sources"."url" like 'http://%' or "sources"."url" like 'https://%'),
	CONSTRAINT "sources_kind_check" CHECK("sources"."kind" in ('news', 'press_release', 'social_post', 'filing', 'government', 'other')),
	CONSTRAINT "sources_published_on_date" CHECK("sources"."published_on" is null or coalesce("sources"."published_on" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' and date("sources"."published_on") = "sources"."published_on", 0)),
	CONSTRAINT "sources_accessed_on_date" CHECK("sources"."accessed_on" is null or coalesce("sources"."accessed_on" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' and date("sources"."accessed_on") = "sources"."accessed_on", 0))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sources_url_unique` ON `sources` (`url`);--> statement-breakpoint
CREATE TABLE `submissions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_type` text NOT NULL,
	`action` text NOT NULL,
	`target_id` integer,
	`payload` text NOT NULL,
	`base_revision_id` integer,
	`state` text DEFAULT 'pending' NOT NULL,
	`submitted_by_id` text NOT NULL,
	`reviewer_id` text,
	`decision_reason` text,
	`decided_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`submitted_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "submissions_record_type_check" CHECK("submissions"."record_type" in ('company', 'facility', 'partnership', 'commitment', 'progress_update')),
	CONSTRAINT "submissions_action_check" CHECK("submissions"."action" in ('create', 'change', 'withdraw')),
	CONSTRAINT "submissions_state_check" CHECK("submissions"."state" in ('pending', 'approved', 'rejected', 'changes_requested', 'withdrawn')),
	CONSTRAINT "submissions_payload_json" CHECK(json_valid("submissions"."payload")),
	CONSTRAINT "submissions_target_needed" CHECK("submissions"."action" = 'create' or "submissions"."target_id" is not null),
	CONSTRAINT "submissions_reason_needed" CHECK("submissions"."state" not in ('rejected', 'changes_requested') or length(trim(coalesce("submissions"."decision_reason", ''))) > 0)
);
--> statement-breakpoint
CREATE INDEX `submissions_state_created_idx` ON `submissions` (`state`,`created_at`);--> statement-breakpoint
CREATE INDEX `submissions_submitter_idx` ON `submissions` (`submitted_by_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`email_verified` integer DEFAULT false NOT NULL,
	`image` text,
	`role` text DEFAULT 'contributor' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "users_role_check" CHECK("users"."role" in ('contributor', 'reviewer', 'admin'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);