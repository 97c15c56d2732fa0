CREATE TABLE `publication_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	CONSTRAINT "publication_version_single_row" CHECK("publication_version"."id" = 1)
);
