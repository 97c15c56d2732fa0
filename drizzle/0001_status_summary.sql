CREATE TABLE `commitment_status` (
	`commitment_id` integer PRIMARY KEY NOT NULL,
	`company_id` integer NOT NULL,
	`is_current` integer NOT NULL,
	`scheme` text,
	`evidence_grade` text NOT NULL,
	`due_on` text,
	`announced_on` text,
	`categories` text,
	`status` text,
	`latest_as_of` text,
	`latest_value` real,
	`percent_of_way` real,
	`stale` integer DEFAULT false NOT NULL,
	`computed_for` text,
	`valid_until` text DEFAULT '0000-00-00' NOT NULL,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "commitment_status_status_check" CHECK("commitment_status"."status" is null or "commitment_status"."status" in ('achieved', 'missed', 'overdue_unverified', 'on_track', 'behind', 'no_data', 'undated', 'withdrawn')),
	CONSTRAINT "commitment_status_valid_until_date" CHECK("commitment_status"."valid_until" = '0000-00-00' or ("commitment_status"."valid_until" is null or coalesce("commitment_status"."valid_until" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' and date("commitment_status"."valid_until") = "commitment_status"."valid_until", 0))),
	CONSTRAINT "commitment_status_computed_for_date" CHECK("commitment_status"."computed_for" is null or coalesce("commitment_status"."computed_for" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' and date("commitment_status"."computed_for") = "commitment_status"."computed_for", 0))
);
--> statement-breakpoint
CREATE INDEX `commitment_status_valid_until_idx` ON `commitment_status` (`valid_until`);--> statement-breakpoint
CREATE INDEX `commitment_status_computed_for_idx` ON `commitment_status` (`computed_for`);--> statement-breakpoint
CREATE INDEX `commitment_status_status_idx` ON `commitment_status` (`is_current`,`status`);--> statement-breakpoint
CREATE INDEX `commitment_status_company_idx` ON `commitment_status` (`is_current`,`company_id`);--> statement-breakpoint
CREATE INDEX `commitment_status_scheme_idx` ON `commitment_status` (`is_current`,`scheme`);--> statement-breakpoint
CREATE INDEX `commitment_status_evidence_idx` ON `commitment_status` (`is_current`,`evidence_grade`);--> statement-breakpoint
CREATE INDEX `commitment_status_due_on_idx` ON `commitment_status` (`is_current`,`due_on`,`status`);--> statement-breakpoint
CREATE INDEX `commitment_status_announced_idx` ON `commitment_status` (`is_current`,`announced_on`);--> statement-breakpoint
CREATE INDEX `commitment_status_categories_idx` ON `commitment_status` (`is_current`,`categories`,`status`);--> statement-breakpoint
CREATE INDEX `commitments_title_idx` ON `commitments` (`title`,`id`);