CREATE TABLE `digest_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`frequency` text NOT NULL,
	`period` text NOT NULL,
	`ran_at` text NOT NULL,
	`through_revision_id` integer,
	`outbox_id` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`outbox_id`) REFERENCES `outbox`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "digest_runs_kind_check" CHECK("digest_runs"."kind" in ('deadline_digest', 'watch_digest')),
	CONSTRAINT "digest_runs_frequency_check" CHECK("digest_runs"."frequency" in ('off', 'daily', 'weekly'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `digest_runs_period_unique` ON `digest_runs` (`user_id`,`kind`,`period`);--> statement-breakpoint
CREATE INDEX `digest_runs_latest_idx` ON `digest_runs` (`user_id`,`kind`,`ran_at`);--> statement-breakpoint
CREATE TABLE `digest_settings` (
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`frequency` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`user_id`, `kind`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "digest_settings_kind_check" CHECK("digest_settings"."kind" in ('deadline_digest', 'watch_digest')),
	CONSTRAINT "digest_settings_frequency_check" CHECK("digest_settings"."frequency" in ('off', 'daily', 'weekly'))
);
