-- Written by hand (drizzle-kit generate --custom). Moves publication_version (db/schema.ts) with
-- every change to what the public can read, inside the writer's own transaction, whoever the writer
-- is: cached public responses are keyed by it (docs/decisions/0017). commitment_status is left out
-- on purpose: it is derived from these tables and today's date, and the date is in the key too.
INSERT INTO `publication_version` (`id`, `version`) VALUES (1, 1);
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_sources_insert` AFTER INSERT ON `sources` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_sources_update` AFTER UPDATE ON `sources` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_sources_delete` AFTER DELETE ON `sources` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_companies_insert` AFTER INSERT ON `companies` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_companies_update` AFTER UPDATE ON `companies` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_companies_delete` AFTER DELETE ON `companies` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_company_sources_insert` AFTER INSERT ON `company_sources` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_company_sources_update` AFTER UPDATE ON `company_sources` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_company_sources_delete` AFTER DELETE ON `company_sources` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_facilities_insert` AFTER INSERT ON `facilities` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_facilities_update` AFTER UPDATE ON `facilities` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_facilities_delete` AFTER DELETE ON `facilities` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_facility_sources_insert` AFTER INSERT ON `facility_sources` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_facility_sources_update` AFTER UPDATE ON `facility_sources` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_facility_sources_delete` AFTER DELETE ON `facility_sources` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_partnerships_insert` AFTER INSERT ON `partnerships` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_partnerships_update` AFTER UPDATE ON `partnerships` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_partnerships_delete` AFTER DELETE ON `partnerships` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_partnership_sources_insert` AFTER INSERT ON `partnership_sources` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_partnership_sources_update` AFTER UPDATE ON `partnership_sources` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_partnership_sources_delete` AFTER DELETE ON `partnership_sources` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_commitments_insert` AFTER INSERT ON `commitments` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_commitments_update` AFTER UPDATE ON `commitments` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_commitments_delete` AFTER DELETE ON `commitments` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_commitment_sources_insert` AFTER INSERT ON `commitment_sources` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_commitment_sources_update` AFTER UPDATE ON `commitment_sources` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_commitment_sources_delete` AFTER DELETE ON `commitment_sources` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_commitment_states_insert` AFTER INSERT ON `commitment_states` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_commitment_states_update` AFTER UPDATE ON `commitment_states` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_commitment_states_delete` AFTER DELETE ON `commitment_states` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_commitment_categories_insert` AFTER INSERT ON `commitment_categories` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_commitment_categories_update` AFTER UPDATE ON `commitment_categories` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_commitment_categories_delete` AFTER DELETE ON `commitment_categories` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_progress_updates_insert` AFTER INSERT ON `progress_updates` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_progress_updates_update` AFTER UPDATE ON `progress_updates` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_progress_updates_delete` AFTER DELETE ON `progress_updates` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_progress_update_sources_insert` AFTER INSERT ON `progress_update_sources` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_progress_update_sources_update` AFTER UPDATE ON `progress_update_sources` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_progress_update_sources_delete` AFTER DELETE ON `progress_update_sources` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_revisions_insert` AFTER INSERT ON `revisions` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_revisions_update` AFTER UPDATE ON `revisions` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_revisions_delete` AFTER DELETE ON `revisions` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
-- A name or a role appears in revision histories and decides who may do what; signing in and
-- session bookkeeping touch other columns and must not empty the cache.
CREATE TRIGGER `publication_version_after_users_update` AFTER UPDATE OF `name`, `role` ON `users` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
