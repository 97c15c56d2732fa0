CREATE TABLE `source_captures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` integer NOT NULL,
	`cause` text NOT NULL,
	`requested_by_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`state` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`lease_owner` text,
	`lease_until` text,
	`fetched_at` text,
	`status` integer,
	`final_url` text,
	`content_type` text,
	`sha256` text,
	`body_bytes` integer,
	`warc_file` text,
	`failure_code` text,
	`failure_reason` text,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "source_captures_state_check" CHECK("source_captures"."state" in ('queued', 'fetching', 'archived', 'failed')),
	CONSTRAINT "source_captures_cause_check" CHECK("source_captures"."cause" in ('published', 'requested')),
	CONSTRAINT "source_captures_failure_code_check" CHECK("source_captures"."failure_code" is null or "source_captures"."failure_code" in ('refused', 'dns', 'network', 'timeout', 'too_large', 'too_many_redirects', 'robots', 'http_status', 'bad_url')),
	CONSTRAINT "source_captures_attempts_not_negative" CHECK("source_captures"."attempts" >= 0),
	CONSTRAINT "source_captures_lease_whole" CHECK(("source_captures"."state" = 'fetching') = ("source_captures"."lease_owner" is not null and "source_captures"."lease_until" is not null)),
	CONSTRAINT "source_captures_archived_whole" CHECK(("source_captures"."state" = 'archived') = ("source_captures"."sha256" is not null and "source_captures"."warc_file" is not null and "source_captures"."fetched_at" is not null)),
	CONSTRAINT "source_captures_sha256_format" CHECK("source_captures"."sha256" is null or (length("source_captures"."sha256") = 64 and "source_captures"."sha256" not glob '*[^0-9a-f]*'))
);
--> statement-breakpoint
CREATE INDEX `source_captures_due_idx` ON `source_captures` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `source_captures_source_idx` ON `source_captures` (`source_id`,`state`,`id`);--> statement-breakpoint
CREATE TABLE `source_checks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` integer NOT NULL,
	`checked_at` text NOT NULL,
	`outcome` text NOT NULL,
	`status` integer,
	`sha256` text,
	`compared_capture_id` integer,
	`failure_code` text,
	`reason` text,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`compared_capture_id`) REFERENCES `source_captures`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "source_checks_outcome_check" CHECK("source_checks"."outcome" in ('ok', 'changed', 'unreachable')),
	CONSTRAINT "source_checks_failure_code_check" CHECK("source_checks"."failure_code" is null or "source_checks"."failure_code" in ('refused', 'dns', 'network', 'timeout', 'too_large', 'too_many_redirects', 'robots', 'http_status', 'bad_url'))
);
--> statement-breakpoint
CREATE INDEX `source_checks_source_idx` ON `source_checks` (`source_id`,`id`);--> statement-breakpoint
CREATE INDEX `source_checks_outcome_idx` ON `source_checks` (`outcome`,`source_id`);