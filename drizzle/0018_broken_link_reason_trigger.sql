-- Written by hand (drizzle-kit generate --custom). The public API (issue 15, /api/v1/commitments/{id}
-- and /api/v1/companies/{slug}) says why a broken link failed: the latest check's reason. Cached
-- responses are keyed by publication_version (docs/decisions/0017), and drizzle/0015 moved it only
-- when a check's outcome differed from the source's previous one, so a link that went on failing
-- for another reason (a timeout, then a 404) kept the old reason in the cache. A check now moves
-- it when its outcome differs, or when it is unreachable like the last one but for another reason.
-- Identical checks still change nothing, so a daily run over unchanged sources keeps the cache.
DROP TRIGGER IF EXISTS `publication_version_after_source_checks_insert`;
--> statement-breakpoint
CREATE TRIGGER `publication_version_after_source_checks_insert` AFTER INSERT ON `source_checks`
WHEN NOT EXISTS (
  SELECT 1 FROM (
    SELECT `outcome`, `reason` FROM `source_checks`
    WHERE `source_id` = NEW.`source_id` AND `id` < NEW.`id`
    ORDER BY `id` DESC LIMIT 1
  ) AS `previous`
  WHERE `previous`.`outcome` = NEW.`outcome`
    AND (NEW.`outcome` <> 'unreachable' OR `previous`.`reason` IS NEW.`reason`)
) BEGIN
  UPDATE `publication_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
