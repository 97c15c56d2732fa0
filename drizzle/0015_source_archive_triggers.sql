-- Written by hand (drizzle-kit generate --custom). Source lists show each source's archived copy
-- and link check, and cached public pages are keyed by publication_version (docs/decisions/0017),
-- so what a reader can see of source_captures and source_checks moves it too, inside the
-- writer's transaction. Not every write does: a worker's claim (a move to 'fetching') and a retry
-- that fails for the same reason as before change nothing a reader sees ("Not archived: <reason>"
-- reads the same queued or failed), and a check that finds what the last one found changes no
-- page, so neither a machine retrying offline nor a daily run over unchanged sources empties the
-- cache.
CREATE TRIGGER `publication_version_after_source_captures_insert` AFTER INSERT ON `source_captures` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_source_captures_update` AFTER UPDATE ON `source_captures`
WHEN (NEW.`state` = 'archived' AND OLD.`state` <> 'archived')
  OR NEW.`failure_reason` IS NOT OLD.`failure_reason` BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_source_checks_insert` AFTER INSERT ON `source_checks`
WHEN NEW.`outcome` IS NOT (
  SELECT `outcome` FROM `source_checks`
  WHERE `source_id` = NEW.`source_id` AND `id` < NEW.`id`
  ORDER BY `id` DESC LIMIT 1
) BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
