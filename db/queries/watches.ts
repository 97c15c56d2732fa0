import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../connection";
import { latestRevision } from "../mutations/watches";
import { commitments, companies, watches, watchVisits } from "../schema";
import { CHANGES_LIMIT, watchedChanges, type ChangeRow } from "./changes";
import { newSince, orderWatched, splitChanges, type NewSince } from "@/lib/domain/watching";
import type { WatchTarget } from "@/lib/views/watches";

export type WatchRow = {
  watchId: number;
  target: WatchTarget;
  /** A company's name, or a commitment's title. */
  title: string;
  /** For a commitment: its company's name. */
  companyName: string | null;
  /** The company's slug, or the commitment's company's. */
  companySlug: string;
  path: string;
  sinceRevisionId: number;
  createdAt: string;
};

/** The person's active watches, oldest first. */
export function activeWatches(db: Db, userId: string): WatchRow[] {
  const rows = db
    .select({
      watchId: watches.id,
      companyId: watches.companyId,
      commitmentId: watches.commitmentId,
      sinceRevisionId: watches.sinceRevisionId,
      createdAt: watches.createdAt,
      companyName: companies.name,
      companySlug: companies.slug,
      commitmentTitle: commitments.title,
    })
    .from(watches)
    .leftJoin(commitments, eq(commitments.id, watches.commitmentId))
    // A company watch names the company; a commitment watch, the commitment's company.
    .leftJoin(companies, eq(companies.id, sql`coalesce(${watches.companyId}, ${commitments.companyId})`))
    .where(and(eq(watches.userId, userId), isNull(watches.endedAt)))
    .orderBy(asc(watches.id))
    .all();
  return rows.map((r) =>
    r.commitmentId !== null
      ? {
          watchId: r.watchId,
          target: { kind: "commitment", id: r.commitmentId },
          title: r.commitmentTitle ?? "",
          companyName: r.companyName,
          companySlug: r.companySlug ?? "",
          path: `/commitments/${r.commitmentId}`,
          sinceRevisionId: r.sinceRevisionId,
          createdAt: r.createdAt,
        }
      : {
          watchId: r.watchId,
          target: { kind: "company", id: r.companyId! },
          title: r.companyName ?? "",
          companyName: null,
          companySlug: r.companySlug ?? "",
          path: `/companies/${r.companySlug}`,
          sinceRevisionId: r.sinceRevisionId,
          createdAt: r.createdAt,
        },
  );
}

export function isWatching(db: Db, userId: string, target: WatchTarget): boolean {
  const column = target.kind === "company" ? watches.companyId : watches.commitmentId;
  return (
    db
      .select({ id: watches.id })
      .from(watches)
      .where(and(eq(watches.userId, userId), eq(column, target.id), isNull(watches.endedAt)))
      .get() !== undefined
  );
}

export type WatchVisit = { seenRevisionId: number; visitedAt: string };

export function lastWatchVisit(db: Db, userId: string): WatchVisit | null {
  return (
    db
      .select({ seenRevisionId: watchVisits.seenRevisionId, visitedAt: watchVisits.visitedAt })
      .from(watchVisits)
      .where(eq(watchVisits.userId, userId))
      .get() ?? null
  );
}

/** Earlier changes listed under each watched record, for context; its page has the full history. */
export const EARLIER_LIMIT = 5;

export type WatchingItem = WatchRow & {
  since: NewSince;
  fresh: ChangeRow[];
  earlier: ChangeRow[];
  moreFresh: boolean;
  moreEarlier: boolean;
};

export type WatchingOverview = {
  lastVisit: WatchVisit | null;
  /** The newest revision when the lists were read: what a visit to this page has seen. */
  readThrough: number;
  items: WatchingItem[];
};

/** Everything /account/watching shows: each watched record's changes, split at what is new. */
export function watchingOverview(db: Db, userId: string): WatchingOverview {
  // Read before the lists: every change up to it is in them, and one published in between has a
  // higher id, so recording this as seen can never hide a change the page did not show.
  const readThrough = latestRevision(db);
  const lastVisit = lastWatchVisit(db, userId);
  const items = activeWatches(db, userId).map((w): WatchingItem => {
    const since = newSince(w, lastVisit);
    const changes = watchedChanges(
      db,
      w.target.kind === "company" ? { company: w.companySlug } : { commitment: w.target.id },
      CHANGES_LIMIT,
    );
    return {
      ...w,
      since,
      ...splitChanges(changes, since.after, { readLimit: CHANGES_LIMIT, earlierLimit: EARLIER_LIMIT }),
    };
  });
  return { lastVisit, readThrough, items: orderWatched(items) };
}

/** The public page of a record one can watch, or null when there is no such record. */
export function watchTargetPath(db: Db, target: WatchTarget): string | null {
  if (target.kind === "commitment") {
    const found = db
      .select({ id: commitments.id })
      .from(commitments)
      .where(eq(commitments.id, target.id))
      .get();
    return found ? `/commitments/${found.id}` : null;
  }
  const found = db.select({ slug: companies.slug }).from(companies).where(eq(companies.id, target.id)).get();
  return found ? `/companies/${found.slug}` : null;
}
