import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../connection";
import { commitments, commitmentStatus, companies } from "../schema";
import { commitmentListItems } from "./commitments";
import { filterConditions } from "./explorer";
import { memoizedForData } from "../data-version-cache";
import { ensureStatusesFresh } from "./status-summary";
import { daysBetween } from "@/lib/domain/dates";
import {
  BUCKET_RULES,
  bucketStatuses,
  bucketTiming,
  bucketWindow,
  DEADLINE_BUCKETS,
  type DateWindow,
  type DeadlineBucket,
} from "@/lib/domain/deadline-buckets";
import { STATUSES, type CommitmentStatus } from "@/lib/domain/status";
import { DEFAULT_EXPLORER_QUERY, type ExplorerQuery } from "@/lib/validation/explorer-params";
import type { CommitmentListItem, DeadlineItem } from "@/lib/views/commitments";

// The reviewers' deadline view and the deadlines calendar, both narrowed by the explorer's
// parameters (lib/validation/explorer-params.ts) so that one address means the same commitments on
// /commitments, /deadlines and /api/v1/deadlines.ics.
//
// Each group (lib/domain/deadline-buckets.ts) is a set of statuses and a window on one date, read
// from commitment_status, the status summary that ensureStatusesFresh keeps true for today. The
// due-date groups are a range of commitment_status_due_on_idx (is_current, due_on, status), read in
// order with the status in the index, so a group costs its own rows, not the table's. The filters
// are the explorer's own (filterConditions in db/queries/explorer.ts).

const f = commitmentStatus;

/** The explorer's filters, status aside (each group has its own); null when nothing can match. */
function viewConditions(query: ExplorerQuery): SQL[] | null {
  return filterConditions(query, "status");
}

function windowConditions(column: SQL, window: DateWindow): SQL[] {
  return [
    ...(window.from ? [sql`${column} >= ${window.from}`] : []),
    ...(window.to ? [sql`${column} <= ${window.to}`] : []),
  ];
}

const later = (a: string | null, b: string | null) => (a === null ? b : b === null || a > b ? a : b);
const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null || a < b ? a : b);

// ---------------------------------------------------------------------------------------------
// The deadline view

/** Rows listed per group; the rest are counted and reached through the explorer. */
export const DEADLINE_GROUP_LIMIT = 50;

export type DeadlineGroup = {
  bucket: DeadlineBucket;
  /** The group's window on `today` (dates included), on the date the group reads. */
  window: DateWindow;
  /** The first `limit` commitments, in the group's order. */
  items: DeadlineItem[];
  /** How many commitments the group has with these filters. */
  total: number;
  /**
   * The explorer's parameters for this group, for "see all": exact for the groups by deadline;
   * for recently achieved, every achieved commitment (the explorer cannot filter by the date of the
   * latest value). Null when the filters leave the group nothing.
   */
  explorer: { query: ExplorerQuery; exact: boolean } | null;
};

function explorerLink(
  bucket: DeadlineBucket,
  query: ExplorerQuery,
  statuses: CommitmentStatus[],
  window: DateWindow,
): DeadlineGroup["explorer"] {
  const rule = BUCKET_RULES[bucket];
  // Past the deadline and unverified says "due before today" already; leaving the date out keeps
  // a bookmarked link right on later days.
  const byDate = rule.date === "dueOn" && bucket !== "overdue_unverified";
  const dueFrom = byDate ? later(query.dueFrom, window.from) : query.dueFrom;
  const dueTo = byDate ? earlier(query.dueTo, window.to) : query.dueTo;
  if (statuses.length === 0 || (dueFrom && dueTo && dueFrom > dueTo)) return null;
  return {
    query: {
      ...query,
      status: statuses,
      dueFrom,
      dueTo,
      sort: rule.order === "asc" ? "deadline" : "-deadline",
      page: 1,
      perPage: DEFAULT_EXPLORER_QUERY.perPage,
    },
    exact: rule.date === "dueOn",
  };
}

/** Which commitments a group lists and how many it has: what is kept between requests. */
type GroupIds = { ids: number[]; total: number };

function groupIds(
  db: Db,
  bucket: DeadlineBucket,
  statuses: CommitmentStatus[],
  view: SQL[],
  today: string,
  limit: number,
): GroupIds {
  if (statuses.length === 0) return { ids: [], total: 0 };
  const rule = BUCKET_RULES[bucket];
  const column = rule.date === "dueOn" ? sql`${f.dueOn}` : sql`${f.latestAsOf}`;
  const where = and(
    ...view,
    inArray(f.status, statuses),
    ...windowConditions(column, bucketWindow(bucket, today)),
  );
  const direction = rule.order === "asc" ? sql`asc` : sql`desc`;
  const ids = db
    .all<{ id: number }>(
      sql`select ${f.commitmentId} as id from ${f} where ${where}
        order by ${column} ${direction}, ${f.commitmentId} ${direction} limit ${limit}`,
    )
    .map((r) => r.id);
  // A group with fewer rows than the limit is all there; only a full one needs counting.
  const total =
    ids.length < limit
      ? ids.length
      : (db.get<{ n: number }>(sql`select count(*) as n from ${f} where ${where}`)?.n ?? 0);
  return { ids, total };
}

/**
 * Every group of the deadline view on `today`, in the order of DEADLINE_BUCKETS, narrowed by the
 * explorer's parameters (sort and page do not apply: each group has its own order). A status
 * filter keeps, in each group, only the statuses the group and the filter share.
 */
export function deadlineGroups(
  db: Db,
  query: ExplorerQuery,
  today: string,
  limit: number = DEADLINE_GROUP_LIMIT,
): DeadlineGroup[] {
  ensureStatusesFresh(db, today);
  const view = viewConditions(query);
  const statuses = DEADLINE_BUCKETS.map((bucket) => bucketStatuses(bucket, query.status));
  // The ids and counts are kept until the data or the date change, like the explorer's counts, so a
  // reload only reads the listed rows again; the rows themselves are not kept (they are large).
  const found: GroupIds[] =
    view === null
      ? DEADLINE_BUCKETS.map(() => ({ ids: [], total: 0 }))
      : memoizedForData(db, `deadlines:${today}:${limit}:${JSON.stringify(query)}`, () =>
          DEADLINE_BUCKETS.map((bucket, i) => groupIds(db, bucket, statuses[i]!, view, today, limit)),
        );
  const items = new Map(
    commitmentListItems(
      db,
      found.flatMap((g) => g.ids),
      today,
    ).map((item) => [item.id, item]),
  );

  return DEADLINE_BUCKETS.map((bucket, i) => {
    const window = bucketWindow(bucket, today);
    const { ids, total } = found[i]!;
    return {
      bucket,
      window,
      items: ids.flatMap((id) => {
        const item = items.get(id);
        if (!item) return [];
        const subject = {
          status: item.status.status,
          dueOn: item.dueOn,
          latestAsOf: item.status.latest?.asOf ?? null,
        };
        return [{ ...item, timing: bucketTiming(bucket, subject, today) }];
      }),
      total,
      explorer: view === null ? null : explorerLink(bucket, query, statuses[i]!, window),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The calendar

/**
 * At most this many events in one calendar: a feed of every deadline at 100,000 commitments
 * would be about 70 MB, more than calendar apps accept. Filters narrow it.
 */
export const CALENDAR_LIMIT = 1000;

export type CalendarDeadlines = {
  /** Dated commitments in the view, nearest deadline to today first; at most `limit`. */
  items: (CommitmentListItem & { dueOn: string })[];
  /** How many dated commitments the view has in all. */
  total: number;
};

/** The statuses a calendar lists: all but withdrawn (and undated, which has no date), or those asked for. */
export function calendarStatuses(selected: readonly CommitmentStatus[]): CommitmentStatus[] {
  const listed = STATUSES.filter((s) => s !== "withdrawn" && s !== "undated");
  return selected.length === 0 ? listed : listed.filter((s) => selected.includes(s));
}

/**
 * The deadlines of published commitments in the explorer's view: current (unless superseded ones
 * are asked for), not withdrawn, with a deadline. When more than `limit` match, the `limit`
 * deadlines nearest to today, before or after it, are kept: what a calendar shows first.
 */
export function calendarDeadlines(
  db: Db,
  query: ExplorerQuery,
  today: string,
  limit: number = CALENDAR_LIMIT,
): CalendarDeadlines {
  ensureStatusesFresh(db, today);
  const view = viewConditions(query);
  const statuses = calendarStatuses(query.status);
  if (view === null || statuses.length === 0) return { items: [], total: 0 };
  const where = and(...view, inArray(f.status, statuses), sql`${f.dueOn} is not null`);

  // Two reads of commitment_status_due_on_idx, one each way from today, then the nearest of both.
  const side = (condition: SQL, order: SQL) =>
    db.all<{ id: number; dueOn: string }>(
      sql`select ${f.commitmentId} as id, ${f.dueOn} as dueOn from ${f} where ${and(where, condition)}
        order by ${order} limit ${limit}`,
    );
  const ahead = side(sql`${f.dueOn} >= ${today}`, sql`${f.dueOn} asc, ${f.commitmentId} asc`);
  const behind = side(sql`${f.dueOn} < ${today}`, sql`${f.dueOn} desc, ${f.commitmentId} desc`);
  const nearest = [...ahead, ...behind]
    .map((r) => ({ ...r, distance: Math.abs(daysBetween(today, r.dueOn)) }))
    // The future wins a tie with the past: a calendar is read for what is coming.
    .sort((a, b) => a.distance - b.distance || (a.dueOn < b.dueOn ? 1 : a.dueOn > b.dueOn ? -1 : a.id - b.id))
    .slice(0, limit);
  const total =
    ahead.length + behind.length <= limit
      ? ahead.length + behind.length
      : (db.get<{ n: number }>(sql`select count(*) as n from ${f} where ${where}`)?.n ?? 0);
  const items = commitmentListItems(
    db,
    nearest.map((r) => r.id),
    today,
  ).flatMap((item) => (item.dueOn === null ? [] : [{ ...item, dueOn: item.dueOn }]));
  return { items, total };
}

// ---------------------------------------------------------------------------------------------

/**
 * The id of a commitment by the natural key the seed uses (company slug and title), or null when
 * there is none, e.g. for the methodology page's worked example.
 */
export function commitmentIdByKey(db: Db, companySlug: string, title: string): number | null {
  return (
    db
      .select({ id: commitments.id })
      .from(commitments)
      .innerJoin(companies, eq(companies.id, commitments.companyId))
      .where(and(eq(companies.slug, companySlug), eq(commitments.title, title)))
      .get()?.id ?? null
  );
}
