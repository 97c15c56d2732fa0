CREATE TABLE `watch_visits` (
	`user_id` text PRIMARY KEY NOT NULL,
	`seen_revision_id` integer NOT NULL,
	`visited_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "watch_visits_seen_not_negative" CHECK("watch_visits"."seen_revision_id" >= 0)
);
--> statement-breakpoint
CREATE TABLE `watches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`company_id` integer,
	`commitment_id` integer,
	`since_revision_id` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`ended_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "watches_one_target" CHECK(("watches"."company_id" is null) <> ("watches"."commitment_id" is null)),
	CONSTRAINT "watches_ended_after_created" CHECK("watches"."ended_at" is null or "watches"."ended_at" >= "watches"."created_at")
);
--> statement-breakpoint
CREATE INDEX `watches_user_idx` ON `watches` (`user_id`,`ended_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `watches_active_company_unique` ON `watches` (`user_id`,`company_id`) WHERE "watches"."ended_at" is null and "watches"."company_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `watches_active_commitment_unique` ON `watches` (`user_id`,`commitment_id`) WHERE "watches"."ended_at" is null and "watches"."commitment_id" is not null;