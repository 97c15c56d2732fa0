import { desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../connection";
import {
  commitmentCategories,
  commitments,
  commitmentStates,
  companies,
  facilities,
  partnerships,
  progressUpdates,
  revisions,
  users,
} from "../schema";
import { memoizedForData } from "../data-version-cache";
import { formatIndiaDate } from "@/lib/domain/dates";
import { storedCodesFor } from "@/lib/domain/india-states";
import { RECORD_TYPES, type RecordType } from "@/lib/domain/vocabulary";
import type { ChangeFilter } from "@/lib/views/changes";

// Published changes, newest first, for the Atom feed. Every row of `revisions` is a change that
// reached published data (proposals stay in `submissions` until approved), so all of them are
// public; the feed shows each one's summary, when, who approved it, and the record it concerns.
//
// The feed takes three of the explorer's filters. A revision concerns one record, and each filter
// covers the records it can be said of:
//   company   the company itself; its commitments and their progress updates; the facilities it
//             operates; the partnerships it is in, as brand or as partner.
//   state     commitments located in the state and their progress updates; facilities in it;
//             partnerships whose facility is in it. (A company has no state.)
//   category  commitments in the product category and their progress updates; partnerships that
//             name it. (Companies and facilities have no category.)
// Several filters must all hold, so a record type that one of them cannot be said of drops out;
// several values of one filter are alternatives, as in the explorer.

export const NO_CHANGE_FILTER: ChangeFilter = { company: [], category: [], state: [] };

/** The newest changes a feed carries: readers keep what they saw, and fetch again often. */
export const CHANGES_LIMIT = 100;

export type ChangeRow = {
  revisionId: number;
  recordType: RecordType;
  recordId: number;
  /** What the record is called now (a commitment's title, a company's name, …); "" if it cannot be found. */
  recordTitle: string;
  /** The site path of the record's public page. */
  path: string;
  summary: string;
  /** ISO 8601 UTC timestamp, as stored. */
  changedAt: string;
  /** The person who made or approved the change; null for the seed import. */
  actorName: string | null;
};

const r = revisions;

/** For each filter given, the commitments it selects, as a subquery; all must hold. */
function commitmentIdsFor(filter: ChangeFilter): SQL[] {
  const parts: SQL[] = [];
  if (filter.company.length) {
    parts.push(
      sql`select ${commitments.id} from ${commitments} where ${commitments.companyId} in
        (select ${companies.id} from ${companies} where ${inArray(companies.slug, filter.company)})`,
    );
  }
  if (filter.state.length) {
    parts.push(
      sql`select ${commitmentStates.commitmentId} from ${commitmentStates}
        where ${inArray(
          commitmentStates.stateCode,
          filter.state.flatMap((s) => storedCodesFor(s)),
        )}`,
    );
  }
  if (filter.category.length) {
    parts.push(
      sql`select ${commitmentCategories.commitmentId} from ${commitmentCategories}
        where ${inArray(commitmentCategories.category, filter.category)}`,
    );
  }
  return parts;
}

/**
 * The ids of the records of one type that the filter covers, as one subquery (the intersection of
 * what each filter selects), or null when a filter cannot be said of that type. The filter is not empty.
 */
function selection(type: RecordType, filter: ChangeFilter): SQL | null {
  const companyIds = sql`(select ${companies.id} from ${companies} where ${inArray(companies.slug, filter.company)})`;
  const states = filter.state.flatMap((s) => storedCodesFor(s));
  const parts: SQL[] = [];
  switch (type) {
    case "company":
      if (filter.state.length || filter.category.length) return null;
      parts.push(sql`select ${companies.id} from ${companies} where ${companies.id} in ${companyIds}`);
      break;
    case "commitment":
      parts.push(sql.join(commitmentIdsFor(filter), sql` intersect `));
      break;
    case "progress_update":
      // Commitments first, then their updates: intersecting the updates of each filter's
      // commitments would list ten times as many rows to throw most away.
      parts.push(
        sql`select ${progressUpdates.id} from ${progressUpdates} where ${progressUpdates.commitmentId} in
          (${sql.join(commitmentIdsFor(filter), sql` intersect `)})`,
      );
      break;
    case "facility":
      if (filter.category.length) return null;
      if (filter.company.length) {
        parts.push(
          sql`select ${facilities.id} from ${facilities} where ${facilities.operatorCompanyId} in ${companyIds}`,
        );
      }
      if (states.length) {
        parts.push(
          sql`select ${facilities.id} from ${facilities} where ${inArray(facilities.stateCode, states)}`,
        );
      }
      break;
    case "partnership":
      if (filter.company.length) {
        parts.push(
          sql`select ${partnerships.id} from ${partnerships}
            where ${partnerships.brandCompanyId} in ${companyIds} or ${partnerships.partnerCompanyId} in ${companyIds}`,
        );
      }
      if (states.length) {
        parts.push(
          sql`select ${partnerships.id} from ${partnerships}
            join ${facilities} on ${facilities.id} = ${partnerships.facilityId}
            where ${inArray(facilities.stateCode, states)}`,
        );
      }
      if (filter.category.length) {
        parts.push(
          sql`select ${partnerships.id} from ${partnerships}
            where exists (select 1 from json_each(${partnerships.productCategories})
              where json_each.value in (${sql.join(
                filter.category.map((c) => sql`${c}`),
                sql`, `,
              )}))`,
        );
      }
      break;
  }
  return sql.join(parts, sql` intersect `);
}

const isFiltered = (filter: ChangeFilter) =>
  filter.company.length > 0 || filter.state.length > 0 || filter.category.length > 0;

type RevisionRow = Omit<ChangeRow, "recordTitle" | "path">;

function selectRevisions(db: Db, where: SQL | undefined, limit: number): RevisionRow[] {
  return (
    db
      .select({
        revisionId: r.id,
        recordType: r.recordType,
        recordId: r.recordId,
        summary: r.summary,
        changedAt: r.createdAt,
        actorName: users.name,
      })
      .from(r)
      .leftJoin(users, eq(users.id, r.actorId))
      .where(where)
      // Ids grow with time, so the primary key gives the newest first without a sort.
      .orderBy(desc(r.id))
      .limit(limit)
      .all()
  );
}

type Selection = { type: RecordType; ids: SQL };

function selectionsFor(filter: ChangeFilter): Selection[] {
  return RECORD_TYPES.flatMap((type) => {
    const ids = selection(type, filter);
    return ids ? [{ type, ids }] : [];
  });
}

/**
 * The newest revisions of the selected records. Two ways to find them: look up each selected
 * record's revisions in revisions_record_idx and keep the newest, which costs one probe per
 * record; or read revisions newest first and keep those that match, which costs about
 * limit × (all revisions / matching ones) rows. A company's few hundred records are best looked up;
 * a whole category's tens of thousands are best scanned for. The selection is read up to the size
 * at which the costs cross (records² ≈ limit × revisions) to choose.
 */
function revisionsOfSelections(db: Db, selections: Selection[], limit: number): RevisionRow[] {
  if (selections.length === 0) return [];

  const revisionCount = db.get<{ n: number | null }>(sql`select max(${r.id}) as n from ${r}`)?.n ?? 0;
  const lookUpAtMost = Math.max(1000, Math.ceil(Math.sqrt(limit * revisionCount)));
  let budget = lookUpAtMost;
  const listed: { type: RecordType; ids: number[] }[] = [];
  for (const { type, ids } of selections) {
    // Each filter's subquery names its column differently; only the first is read.
    const found = db.values<[number]>(sql`select * from (${ids}) limit ${budget + 1}`).map(([id]) => id);
    budget -= found.length;
    if (budget < 0) {
      const where = sql.join(
        selections.map(({ type: t, ids: s }) => sql`(${r.recordType} = ${t} and ${r.recordId} in (${s}))`),
        sql` or `,
      );
      return selectRevisions(db, where, limit);
    }
    if (found.length) listed.push({ type, ids: found });
  }
  return listed
    .flatMap(({ type, ids }) =>
      selectRevisions(
        db,
        sql`${r.recordType} = ${type} and ${r.recordId} in (select value from json_each(${JSON.stringify(ids)}))`,
        limit,
      ),
    )
    .sort((a, b) => b.revisionId - a.revisionId)
    .slice(0, limit);
}

type Resolved = { title: string; path: string };

/** Titles and pages of the records the revisions concern, read once per record type. */
function resolveRecords(db: Db, rows: { recordType: RecordType; recordId: number }[]): Map<string, Resolved> {
  const resolved = new Map<string, Resolved>();
  const idsOf = (type: RecordType) => [
    ...new Set(rows.filter((x) => x.recordType === type).map((x) => x.recordId)),
  ];
  const put = (type: RecordType, id: number, value: Resolved) => resolved.set(`${type}:${id}`, value);

  const companyIds = idsOf("company");
  if (companyIds.length) {
    for (const c of db
      .select({ id: companies.id, name: companies.name, slug: companies.slug })
      .from(companies)
      .where(inArray(companies.id, companyIds))
      .all()) {
      put("company", c.id, { title: c.name, path: `/companies/${c.slug}` });
    }
  }
  const commitmentIds = idsOf("commitment");
  if (commitmentIds.length) {
    for (const c of db
      .select({ id: commitments.id, title: commitments.title })
      .from(commitments)
      .where(inArray(commitments.id, commitmentIds))
      .all()) {
      put("commitment", c.id, { title: c.title, path: `/commitments/${c.id}` });
    }
  }
  const progressIds = idsOf("progress_update");
  if (progressIds.length) {
    for (const p of db
      .select({
        id: progressUpdates.id,
        asOf: progressUpdates.asOf,
        commitmentId: commitments.id,
        title: commitments.title,
      })
      .from(progressUpdates)
      .innerJoin(commitments, eq(commitments.id, progressUpdates.commitmentId))
      .where(inArray(progressUpdates.id, progressIds))
      .all()) {
      put("progress_update", p.id, {
        title: `${p.title}, as of ${formatIndiaDate(p.asOf)}`,
        path: `/commitments/${p.commitmentId}`,
      });
    }
  }
  const facilityIds = idsOf("facility");
  if (facilityIds.length) {
    for (const x of db
      .select({ id: facilities.id, name: facilities.name, slug: companies.slug })
      .from(facilities)
      .innerJoin(companies, eq(companies.id, facilities.operatorCompanyId))
      .where(inArray(facilities.id, facilityIds))
      .all()) {
      // Facilities have no page of their own; their operator's page lists them.
      put("facility", x.id, { title: x.name, path: `/companies/${x.slug}#facilities-heading` });
    }
  }
  const partnershipIds = idsOf("partnership");
  if (partnershipIds.length) {
    const brand = alias(companies, "brand");
    const partner = alias(companies, "partner");
    for (const p of db
      .select({ id: partnerships.id, brand: brand.name, brandSlug: brand.slug, partner: partner.name })
      .from(partnerships)
      .innerJoin(brand, eq(brand.id, partnerships.brandCompanyId))
      .innerJoin(partner, eq(partner.id, partnerships.partnerCompanyId))
      .where(inArray(partnerships.id, partnershipIds))
      .all()) {
      put("partnership", p.id, {
        title: `${p.brand} and ${p.partner}`,
        path: `/companies/${p.brandSlug}#partnerships-heading`,
      });
    }
  }
  return resolved;
}

/** The newest published changes that the filter covers, newest first (see the note at the top). */
export function recentChanges(
  db: Db,
  filter: ChangeFilter = NO_CHANGE_FILTER,
  limit: number = CHANGES_LIMIT,
): ChangeRow[] {
  // Feed readers poll; until something is published the answer is the same, so it is kept.
  return memoizedForData(db, `changes:${limit}:${JSON.stringify(filter)}`, () => {
    const rows = isFiltered(filter)
      ? revisionsOfSelections(db, selectionsFor(filter), limit)
      : selectRevisions(db, undefined, limit);
    return withRecords(db, rows);
  });
}

/** What a watchlist follows: a company with all its records, or one commitment with its progress. */
export type WatchedRecord = { company: string } | { commitment: number };

function watchedSelections(target: WatchedRecord): Selection[] {
  if ("company" in target) return selectionsFor({ ...NO_CHANGE_FILTER, company: [target.company] });
  return [
    {
      type: "commitment",
      ids: sql`select ${commitments.id} from ${commitments} where ${commitments.id} = ${target.commitment}`,
    },
    {
      type: "progress_update",
      ids: sql`select ${progressUpdates.id} from ${progressUpdates} where ${progressUpdates.commitmentId} = ${target.commitment}`,
    },
  ];
}

/**
 * The newest published changes to a watched company (as the feed's company filter covers it) or
 * commitment, newest first; the same rows and links as the feed.
 */
export function watchedChanges(db: Db, target: WatchedRecord, limit: number = CHANGES_LIMIT): ChangeRow[] {
  return memoizedForData(db, `watched:${limit}:${JSON.stringify(target)}`, () => {
    const rows = revisionsOfSelections(db, watchedSelections(target), limit);
    return withRecords(db, rows);
  });
}

function withRecords(db: Db, rows: RevisionRow[]): ChangeRow[] {
  const records = resolveRecords(db, rows);
  return rows.map((row) => {
    const record = records.get(`${row.recordType}:${row.recordId}`);
    return { ...row, recordTitle: record?.title ?? "", path: record?.path ?? "/" };
  });
}

/** When published data last changed (the newest revision), or null before the first. */
export function latestChangeAt(db: Db): string | null {
  return db.select({ at: r.createdAt }).from(r).orderBy(desc(r.createdAt)).limit(1).get()?.at ?? null;
}
