// What a watchlist shows: for each watched record, the published changes that are new to the
// person, and the ones before them. "New" is measured in revision ids, which grow strictly in the
// order changes were published (see watch_visits in db/schema.ts).

/** Where a watch's news begins: after the later of its start and the person's last visit. */
export type NewSince =
  { after: number; basis: "visit"; at: string } | { after: number; basis: "watch"; at: string };

export function newSince(
  watch: { sinceRevisionId: number; createdAt: string },
  visit: { seenRevisionId: number; visitedAt: string } | null,
): NewSince {
  // A visit before the watch began says nothing about this record: its news starts at the watch.
  if (visit && visit.seenRevisionId >= watch.sinceRevisionId) {
    return { after: visit.seenRevisionId, basis: "visit", at: visit.visitedAt };
  }
  return { after: watch.sinceRevisionId, basis: "watch", at: watch.createdAt };
}

export type SplitChanges<T> = {
  /** Published after `after`, newest first. */
  fresh: T[];
  /** Published before, newest first, at most `earlierLimit`. */
  earlier: T[];
  /** Every change read was new, and the read was cut at its limit: older new changes were not read. */
  moreFresh: boolean;
  /** There are earlier changes beyond those listed. */
  moreEarlier: boolean;
};

/**
 * Splits a record's changes, newest first, as read up to `readLimit` rows, at `after`. Rows come
 * newest first, so the new ones are a prefix; a cut read loses the oldest rows, which are earlier
 * ones unless every row read was new.
 */
export function splitChanges<T extends { revisionId: number }>(
  changes: readonly T[],
  after: number,
  { readLimit, earlierLimit }: { readLimit: number; earlierLimit: number },
): SplitChanges<T> {
  const cut = changes.length >= readLimit;
  const fresh = changes.filter((c) => c.revisionId > after);
  const rest = changes.filter((c) => c.revisionId <= after);
  return {
    fresh,
    earlier: rest.slice(0, earlierLimit),
    moreFresh: cut && rest.length === 0,
    moreEarlier: rest.length > earlierLimit || (cut && rest.length > 0),
  };
}

/**
 * Watched records in the order a person reads them: those with news first, the most recent news
 * first; then the rest, the most recently changed first; ties by title, so the order is stable.
 */
export function orderWatched<
  T extends { title: string; fresh: { revisionId: number }[]; earlier: { revisionId: number }[] },
>(items: readonly T[]): T[] {
  const newest = (t: T) =>
    Math.max(0, ...t.fresh.map((c) => c.revisionId), ...t.earlier.map((c) => c.revisionId));
  return [...items].sort(
    (a, b) =>
      Number(b.fresh.length > 0) - Number(a.fresh.length > 0) ||
      newest(b) - newest(a) ||
      a.title.localeCompare(b.title, "en-IN"),
  );
}

/**
 * The marker a visit leaves: the newest revision that existed when the page read its lists, never
 * moving back (two tabs may finish in either order).
 */
export function seenAfterVisit(previous: number | null, readThrough: number): number {
  return Math.max(previous ?? 0, readThrough);
}
