-- Written by hand (drizzle-kit generate --custom): triggers, a full-text index and an expression
-- index, none of which drizzle-kit can express. Every writer (the seed, the synthetic loader, future
-- mutations, a person with the sqlite3 shell) goes through these triggers, so the status summary and
-- the search index cannot fall out of step with the data.

-- The explorer's default order: soonest deadline first, undated last (NULL would sort first).
CREATE INDEX `commitment_status_due_sort_idx` ON `commitment_status` (`is_current`, coalesce(`due_on`, '9999-12-31'));
--> statement-breakpoint

-- ---------------------------------------------------------------------------------------------
-- Status summary (see commitment_status in db/schema.ts). A new commitment gets a row due for
-- computation; any change to a commitment copies its filter columns again and makes the row due
-- ('0000-00-00' sorts before every date), as does any change to its progress. ensureStatusesFresh
-- (db/queries/status-summary.ts) recomputes due rows with computeStatus before the next read.
-- Any update of a commitment counts, not only the columns status reads today, so a future rule
-- that reads another column cannot be served a stale status. The guard on valid_until in the
-- progress triggers skips the write when the row is already due, the common case while progress
-- is loaded in bulk.
CREATE TRIGGER `commitment_status_after_commitment_insert` AFTER INSERT ON `commitments` BEGIN
  INSERT OR REPLACE INTO `commitment_status`
    (`commitment_id`, `company_id`, `is_current`, `scheme`, `evidence_grade`, `due_on`, `announced_on`, `valid_until`)
  VALUES
    (new.`id`, new.`company_id`, new.`superseded_by_id` IS NULL, new.`scheme`, new.`evidence_grade`, new.`due_on`, new.`announced_on`, '0000-00-00');
END;
--> statement-breakpoint
CREATE TRIGGER `commitment_status_after_commitment_update` AFTER UPDATE ON `commitments` BEGIN
  UPDATE `commitment_status` SET
    `company_id` = new.`company_id`,
    `is_current` = new.`superseded_by_id` IS NULL,
    `scheme` = new.`scheme`,
    `evidence_grade` = new.`evidence_grade`,
    `due_on` = new.`due_on`,
    `announced_on` = new.`announced_on`,
    `valid_until` = '0000-00-00'
  WHERE `commitment_id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `commitment_status_after_progress_insert` AFTER INSERT ON `progress_updates` BEGIN
  UPDATE `commitment_status` SET `valid_until` = '0000-00-00'
    WHERE `commitment_id` = new.`commitment_id` AND `valid_until` <> '0000-00-00';
END;
--> statement-breakpoint
CREATE TRIGGER `commitment_status_after_progress_update` AFTER UPDATE ON `progress_updates` BEGIN
  UPDATE `commitment_status` SET `valid_until` = '0000-00-00'
    WHERE `commitment_id` IN (old.`commitment_id`, new.`commitment_id`) AND `valid_until` <> '0000-00-00';
END;
--> statement-breakpoint
-- Records are withdrawn, never deleted; this only keeps the summary right if one ever is.
CREATE TRIGGER `commitment_status_after_progress_delete` AFTER DELETE ON `progress_updates` BEGIN
  UPDATE `commitment_status` SET `valid_until` = '0000-00-00'
    WHERE `commitment_id` = old.`commitment_id` AND `valid_until` <> '0000-00-00';
END;
--> statement-breakpoint
-- A commitment's categories, listed on its row for grouping by sector without a join.
CREATE TRIGGER `commitment_status_after_category_insert` AFTER INSERT ON `commitment_categories` BEGIN
  UPDATE `commitment_status` SET `categories` = (
    SELECT group_concat(`category`, char(31) ORDER BY `category`) FROM `commitment_categories`
    WHERE `commitment_id` = new.`commitment_id`
  ) WHERE `commitment_id` = new.`commitment_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `commitment_status_after_category_update` AFTER UPDATE ON `commitment_categories` BEGIN
  UPDATE `commitment_status` SET `categories` = (
    SELECT group_concat(`category`, char(31) ORDER BY `category`) FROM `commitment_categories`
    WHERE `commitment_id` = `commitment_status`.`commitment_id`
  ) WHERE `commitment_id` IN (old.`commitment_id`, new.`commitment_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `commitment_status_after_category_delete` AFTER DELETE ON `commitment_categories` BEGIN
  UPDATE `commitment_status` SET `categories` = (
    SELECT group_concat(`category`, char(31) ORDER BY `category`) FROM `commitment_categories`
    WHERE `commitment_id` = old.`commitment_id`
  ) WHERE `commitment_id` = old.`commitment_id`;
END;
--> statement-breakpoint
INSERT OR REPLACE INTO `commitment_status`
  (`commitment_id`, `company_id`, `is_current`, `scheme`, `evidence_grade`, `due_on`, `announced_on`, `categories`, `valid_until`)
SELECT c.`id`, c.`company_id`, c.`superseded_by_id` IS NULL, c.`scheme`, c.`evidence_grade`, c.`due_on`, c.`announced_on`,
  (SELECT group_concat(`category`, char(31) ORDER BY `category`) FROM `commitment_categories` cc WHERE cc.`commitment_id` = c.`id`),
  '0000-00-00'
FROM `commitments` c;
--> statement-breakpoint

-- ---------------------------------------------------------------------------------------------
-- Full-text search. One document per commitment: its title and description, its company's name,
-- the titles and quoted excerpts of its sources (where the context lives: "at Optiemus
-- Electronics' factory ... in Uttar Pradesh", "locally in Noida"), and the names of the companies
-- its company has a current partnership with, so that searching for a contract manufacturer finds
-- the brands' commitments it is partnered on. The view is the single definition of a document;
-- the triggers below re-derive a commitment's document from it whenever any input changes.
CREATE VIEW `commitment_search_documents` AS
SELECT
  c.`id` AS `commitment_id`,
  c.`title` AS `title`,
  coalesce(c.`description`, '') AS `description`,
  co.`name` AS `company`,
  coalesce((
    SELECT group_concat(s.`title` || ' ' || coalesce(s.`excerpt`, ''), ' ')
    FROM `commitment_sources` cs JOIN `sources` s ON s.`id` = cs.`source_id`
    WHERE cs.`commitment_id` = c.`id`
  ), '') AS `sources`,
  trim(
    coalesce((
      SELECT group_concat(pc.`name`, ' ')
      FROM `partnerships` p JOIN `companies` pc ON pc.`id` = p.`partner_company_id`
      WHERE p.`brand_company_id` = c.`company_id` AND p.`withdrawn_on` IS NULL
    ), '') || ' ' ||
    coalesce((
      SELECT group_concat(bc.`name`, ' ')
      FROM `partnerships` p JOIN `companies` bc ON bc.`id` = p.`brand_company_id`
      WHERE p.`partner_company_id` = c.`company_id` AND p.`withdrawn_on` IS NULL
    ), '')
  ) AS `partners`
FROM `commitments` c JOIN `companies` co ON co.`id` = c.`company_id`;
--> statement-breakpoint
-- porter stems English words ("manufacturing" finds "manufacture"); unicode61 folds case and, with
-- remove_diacritics 2, accents; Devanagari and other scripts are tokenised as letters. The prefix
-- indexes keep a short last word typed as a prefix ("opt*") from scanning the whole vocabulary.
CREATE VIRTUAL TABLE `commitment_search` USING fts5(
  `title`, `description`, `company`, `sources`, `partners`,
  tokenize = 'porter unicode61 remove_diacritics 2',
  prefix = '2 3'
);
--> statement-breakpoint
CREATE TRIGGER `commitment_search_after_commitment_insert` AFTER INSERT ON `commitments` BEGIN
  INSERT INTO `commitment_search` (`rowid`, `title`, `description`, `company`, `sources`, `partners`)
    SELECT `commitment_id`, `title`, `description`, `company`, `sources`, `partners`
    FROM `commitment_search_documents` WHERE `commitment_id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `commitment_search_after_commitment_update` AFTER UPDATE OF `title`, `description`, `company_id` ON `commitments` BEGIN
  DELETE FROM `commitment_search` WHERE `rowid` = old.`id`;
  INSERT INTO `commitment_search` (`rowid`, `title`, `description`, `company`, `sources`, `partners`)
    SELECT `commitment_id`, `title`, `description`, `company`, `sources`, `partners`
    FROM `commitment_search_documents` WHERE `commitment_id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `commitment_search_after_commitment_delete` AFTER DELETE ON `commitments` BEGIN
  DELETE FROM `commitment_search` WHERE `rowid` = old.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `commitment_search_after_source_link_insert` AFTER INSERT ON `commitment_sources` BEGIN
  DELETE FROM `commitment_search` WHERE `rowid` = new.`commitment_id`;
  INSERT INTO `commitment_search` (`rowid`, `title`, `description`, `company`, `sources`, `partners`)
    SELECT `commitment_id`, `title`, `description`, `company`, `sources`, `partners`
    FROM `commitment_search_documents` WHERE `commitment_id` = new.`commitment_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `commitment_search_after_source_link_delete` AFTER DELETE ON `commitment_sources` BEGIN
  DELETE FROM `commitment_search` WHERE `rowid` = old.`commitment_id`;
  INSERT INTO `commitment_search` (`rowid`, `title`, `description`, `company`, `sources`, `partners`)
    SELECT `commitment_id`, `title`, `description`, `company`, `sources`, `partners`
    FROM `commitment_search_documents` WHERE `commitment_id` = old.`commitment_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `commitment_search_after_source_text_update` AFTER UPDATE OF `title`, `excerpt` ON `sources` BEGIN
  DELETE FROM `commitment_search` WHERE `rowid` IN
    (SELECT `commitment_id` FROM `commitment_sources` WHERE `source_id` = new.`id`);
  INSERT INTO `commitment_search` (`rowid`, `title`, `description`, `company`, `sources`, `partners`)
    SELECT `commitment_id`, `title`, `description`, `company`, `sources`, `partners`
    FROM `commitment_search_documents` WHERE `commitment_id` IN
      (SELECT `commitment_id` FROM `commitment_sources` WHERE `source_id` = new.`id`);
END;
--> statement-breakpoint
-- A company's name is in its own commitments' documents and in those of its partners' commitments.
CREATE TRIGGER `commitment_search_after_company_rename` AFTER UPDATE OF `name` ON `companies` BEGIN
  DELETE FROM `commitment_search` WHERE `rowid` IN (
    SELECT `id` FROM `commitments` WHERE `company_id` = new.`id`
    UNION SELECT c.`id` FROM `partnerships` p JOIN `commitments` c ON c.`company_id` = p.`brand_company_id` WHERE p.`partner_company_id` = new.`id`
    UNION SELECT c.`id` FROM `partnerships` p JOIN `commitments` c ON c.`company_id` = p.`partner_company_id` WHERE p.`brand_company_id` = new.`id`
  );
  INSERT INTO `commitment_search` (`rowid`, `title`, `description`, `company`, `sources`, `partners`)
    SELECT `commitment_id`, `title`, `description`, `company`, `sources`, `partners`
    FROM `commitment_search_documents` WHERE `commitment_id` IN (
      SELECT `id` FROM `commitments` WHERE `company_id` = new.`id`
      UNION SELECT c.`id` FROM `partnerships` p JOIN `commitments` c ON c.`company_id` = p.`brand_company_id` WHERE p.`partner_company_id` = new.`id`
      UNION SELECT c.`id` FROM `partnerships` p JOIN `commitments` c ON c.`company_id` = p.`partner_company_id` WHERE p.`brand_company_id` = new.`id`
    );
END;
--> statement-breakpoint
-- A partnership puts each side's name into the other side's commitments' documents.
CREATE TRIGGER `commitment_search_after_partnership_insert` AFTER INSERT ON `partnerships` BEGIN
  DELETE FROM `commitment_search` WHERE `rowid` IN
    (SELECT `id` FROM `commitments` WHERE `company_id` IN (new.`brand_company_id`, new.`partner_company_id`));
  INSERT INTO `commitment_search` (`rowid`, `title`, `description`, `company`, `sources`, `partners`)
    SELECT d.`commitment_id`, d.`title`, d.`description`, d.`company`, d.`sources`, d.`partners`
    FROM `commitment_search_documents` d WHERE d.`commitment_id` IN
      (SELECT `id` FROM `commitments` WHERE `company_id` IN (new.`brand_company_id`, new.`partner_company_id`));
END;
--> statement-breakpoint
CREATE TRIGGER `commitment_search_after_partnership_update` AFTER UPDATE OF `brand_company_id`, `partner_company_id`, `withdrawn_on` ON `partnerships` BEGIN
  DELETE FROM `commitment_search` WHERE `rowid` IN
    (SELECT `id` FROM `commitments` WHERE `company_id` IN
      (old.`brand_company_id`, old.`partner_company_id`, new.`brand_company_id`, new.`partner_company_id`));
  INSERT INTO `commitment_search` (`rowid`, `title`, `description`, `company`, `sources`, `partners`)
    SELECT d.`commitment_id`, d.`title`, d.`description`, d.`company`, d.`sources`, d.`partners`
    FROM `commitment_search_documents` d WHERE d.`commitment_id` IN
      (SELECT `id` FROM `commitments` WHERE `company_id` IN
        (old.`brand_company_id`, old.`partner_company_id`, new.`brand_company_id`, new.`partner_company_id`));
END;
--> statement-breakpoint
CREATE TRIGGER `commitment_search_after_partnership_delete` AFTER DELETE ON `partnerships` BEGIN
  DELETE FROM `commitment_search` WHERE `rowid` IN
    (SELECT `id` FROM `commitments` WHERE `company_id` IN (old.`brand_company_id`, old.`partner_company_id`));
  INSERT INTO `commitment_search` (`rowid`, `title`, `description`, `company`, `sources`, `partners`)
    SELECT d.`commitment_id`, d.`title`, d.`description`, d.`company`, d.`sources`, d.`partners`
    FROM `commitment_search_documents` d WHERE d.`commitment_id` IN
      (SELECT `id` FROM `commitments` WHERE `company_id` IN (old.`brand_company_id`, old.`partner_company_id`));
END;
--> statement-breakpoint
INSERT INTO `commitment_search` (`rowid`, `title`, `description`, `company`, `sources`, `partners`)
  SELECT `commitment_id`, `title`, `description`, `company`, `sources`, `partners` FROM `commitment_search_documents`;
