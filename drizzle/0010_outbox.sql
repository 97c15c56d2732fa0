CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`recipient` text NOT NULL,
	`subject` text NOT NULL,
	`text_body` text NOT NULL,
	`html_body` text NOT NULL,
	`headers` text DEFAULT '{}' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`state` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`lease_owner` text,
	`lease_until` text,
	`last_error` text,
	`sent_at` text,
	CONSTRAINT "outbox_kind_check" CHECK("outbox"."kind" in ('submission_approved', 'submission_rejected', 'submission_changes_requested', 'submission_sent_back')),
	CONSTRAINT "outbox_state_check" CHECK("outbox"."state" in ('queued', 'sending', 'sent', 'failed')),
	CONSTRAINT "outbox_headers_json" CHECK(json_valid("outbox"."headers")),
	CONSTRAINT "outbox_attempts_not_negative" CHECK("outbox"."attempts" >= 0),
	CONSTRAINT "outbox_lease_whole" CHECK(("outbox"."state" = 'sending') = ("outbox"."lease_owner" is not null and "outbox"."lease_until" is not null)),
	CONSTRAINT "outbox_sent_at" CHECK(("outbox"."state" = 'sent') = ("outbox"."sent_at" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_dedupe_unique` ON `outbox` (`kind`,`dedupe_key`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`state`,`next_attempt_at`);