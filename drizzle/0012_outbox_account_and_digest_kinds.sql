PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_outbox` (
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
	CONSTRAINT "outbox_kind_check" CHECK("__new_outbox"."kind" in ('submission_approved', 'submission_rejected', 'submission_changes_requested', 'submission_sent_back', 'password_reset', 'email_verification', 'deadline_digest', 'watch_digest')),
	CONSTRAINT "outbox_state_check" CHECK("__new_outbox"."state" in ('queued', 'sending', 'sent', 'failed')),
	CONSTRAINT "outbox_headers_json" CHECK(json_valid("__new_outbox"."headers")),
	CONSTRAINT "outbox_attempts_not_negative" CHECK("__new_outbox"."attempts" >= 0),
	CONSTRAINT "outbox_lease_whole" CHECK(("__new_outbox"."state" = 'sending') = ("__new_outbox"."lease_owner" is not null and "__new_outbox"."lease_until" is not null)),
	CONSTRAINT "outbox_sent_at" CHECK(("__new_outbox"."state" = 'sent') = ("__new_outbox"."sent_at" is not null))
);
--> statement-breakpoint
INSERT INTO `__new_outbox`("id", "kind", "dedupe_key", "recipient", "subject", "text_body", "html_body", "headers", "created_at", "state", "attempts", "next_attempt_at", "lease_owner", "lease_until", "last_error", "sent_at") SELECT "id", "kind", "dedupe_key", "recipient", "subject", "text_body", "html_body", "headers", "created_at", "state", "attempts", "next_attempt_at", "lease_owner", "lease_until", "last_error", "sent_at" FROM `outbox`;--> statement-breakpoint
DROP TABLE `outbox`;--> statement-breakpoint
ALTER TABLE `__new_outbox` RENAME TO `outbox`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_dedupe_unique` ON `outbox` (`kind`,`dedupe_key`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`state`,`next_attempt_at`);