import type { DeadlineBucket } from "./deadline-buckets";
import { splitChanges } from "./watching";

// What a digest says, chosen from what the pages already read: the deadline view's groups
// (db/queries/deadlines.ts) for reviewers, a watchlist's changes (db/queries/changes.ts) for
// watchers. Pure, so the rules (which groups, how many, what is news) are tested on their own.

/** The deadline groups a reviewer is reminded of, in the deadline page's order. */
export const DIGEST_DEADLINE_BUCKETS = [
  "overdue_unverified",
  "due_30",
  "due_90",
] as const satisfies readonly DeadlineBucket[];

/** Entries listed per group; the rest are counted and linked to the deadline page. */
export const DIGEST_GROUP_LIMIT = 20;

export type DigestGroup<T> = { bucket: DeadlineBucket; items: T[]; total: number };

/**
 * The groups of a deadline digest: the three it covers, each cut to `limit` entries and keeping
 * its total; groups with nothing in them are left out. An empty list means nothing to say.
 */
export function deadlineDigestGroups<T>(
  groups: readonly DigestGroup<T>[],
  limit: number = DIGEST_GROUP_LIMIT,
): DigestGroup<T>[] {
  return DIGEST_DEADLINE_BUCKETS.flatMap((bucket) => {
    const group = groups.find((g) => g.bucket === bucket);
    if (!group || group.total === 0 || group.items.length === 0) return [];
    return [{ bucket, items: group.items.slice(0, limit), total: Math.max(group.total, group.items.length) }];
  });
}

/** Changes listed per watched record; the record's page has the rest. */
export const DIGEST_CHANGES_LIMIT = 10;

export type WatchNews<W, C> = {
  watch: W;
  /** Published since the previous digest (or since the watch began), newest first, at most the limit. */
  changes: C[];
  /** How many more news there are than listed; `atLeast` when the read was cut before the oldest. */
  more: number;
  atLeast: boolean;
};

/**
 * Each watched record's news for a digest covering revisions after `previousThrough` (the last
 * digest's, or null for the first) up to `through` (read before the changes, so nothing published
 * meanwhile is counted as covered without being listed). A watch begun later starts at its own
 * beginning. Records with no news are left out; those with the most recent news come first.
 */
export function watchDigestNews<
  W extends { sinceRevisionId: number; title: string },
  C extends { revisionId: number },
>(
  watched: readonly { watch: W; changes: readonly C[] }[],
  window: { previousThrough: number | null; through: number },
  { readLimit, listLimit = DIGEST_CHANGES_LIMIT }: { readLimit: number; listLimit?: number },
): WatchNews<W, C>[] {
  const news = watched.flatMap(({ watch, changes }) => {
    const after = Math.max(watch.sinceRevisionId, window.previousThrough ?? 0);
    const covered = changes.filter((c) => c.revisionId <= window.through);
    const { fresh, moreFresh } = splitChanges(covered, after, { readLimit, earlierLimit: 0 });
    if (fresh.length === 0) return [];
    return [
      {
        watch,
        changes: fresh.slice(0, listLimit),
        more: Math.max(0, fresh.length - listLimit),
        atLeast: moreFresh,
      },
    ];
  });
  const newest = (n: WatchNews<W, C>) => n.changes[0]?.revisionId ?? 0;
  return news.sort((a, b) => newest(b) - newest(a) || a.watch.title.localeCompare(b.watch.title, "en-IN"));
}
