import { eq } from "drizzle-orm";
import type { Db } from "../connection";
import { digestRuns, users } from "../schema";
import { IMMEDIATE } from "../transaction";
import { deadlineGroups } from "../queries/deadlines";
import { canReceiveDigest, digestFrequencies, digestRecipientIds, lastDigestRun } from "../queries/digests";
import { CHANGES_LIMIT, watchedChanges } from "../queries/changes";
import { activeWatches } from "../queries/watches";
import { latestRevision } from "./watches";
import { enqueueMail } from "./outbox-enqueue";
import {
  deadlineDigestGroups,
  DIGEST_GROUP_LIMIT,
  watchDigestNews,
  type DigestGroup,
} from "@/lib/domain/digest-content";
import { duePeriod, type DigestKind, type DigestPeriod } from "@/lib/domain/digest-schedule";
import { renderDeadlineDigest, type DeadlineDigestEntry } from "@/lib/mail/deadline-digest";
import type { RenderedMail } from "@/lib/mail/kinds";
import { unsubscribeLink, unsubscribeToken } from "@/lib/mail/unsubscribe";
import { renderWatchDigest } from "@/lib/mail/watch-digest";
import { DEFAULT_EXPLORER_QUERY } from "@/lib/validation/explorer-params";

// Queues every digest that is due (docs/decisions/0024). Each person's digest is decided,
// rendered, queued and recorded in one IMMEDIATE transaction that reads their setting and their
// previous digest again under the write lock: of two servers (or a server and `npm run
// digests:send`) checking at once, the second finds the period done. The outbox's unique
// (kind, dedupe_key), keyed by person and period, holds even if that were ever bypassed.

export type DigestRunOptions = {
  /** The scheduler's clock (pinned to TRACKER_TODAY's date when it is set). */
  now: Date;
  /** Today in India, for the deadlines' groups and the words "on 25 Nov 2026". */
  today: string;
  /** Where links start (db/mail-origin.ts). */
  origin: string;
  /** Signs the unsubscribe links (db/auth-secret.ts). */
  secret: string;
  /** The send hour in India (DEFAULT_DIGEST_HOUR unless set). */
  hour?: number;
};

export type DigestRunReport = {
  /** Digests queued in the outbox. */
  queued: number;
  /** Periods done with nothing to say: recorded, not sent. */
  empty: number;
};

type Outcome = "queued" | "empty" | "not due";

export function digestDedupeKey(kind: DigestKind, userId: string, period: DigestPeriod): string {
  return `${kind === "deadline_digest" ? "deadline-digest" : "watch-digest"}:${userId}:${period.key}`;
}

type Person = { id: string; name: string; email: string };

/**
 * One person's digest of one kind, in one transaction: nothing when it is not due (or they can
 * no longer receive it); else the period recorded, with the message `compose` renders, if any.
 */
function queueOne(
  db: Db,
  kind: DigestKind,
  userId: string,
  options: DigestRunOptions,
  compose: (
    person: Person,
    facts: { frequency: DigestPeriod["frequency"]; unsubscribeLink: string },
    previous: ReturnType<typeof lastDigestRun>,
  ) => { mail: RenderedMail | null; throughRevisionId: number | null },
): Outcome {
  return db.transaction((tx) => {
    const person = tx
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(eq(users.id, userId))
      .get();
    if (!person || !canReceiveDigest(tx, userId, kind)) return "not due";
    const frequency = digestFrequencies(tx, userId)[kind];
    const previous = lastDigestRun(tx, userId, kind);
    const period = duePeriod({
      frequency,
      now: options.now,
      lastRunAt: previous ? new Date(previous.ranAt) : null,
      hour: options.hour,
    });
    if (!period) return "not due";
    const link = unsubscribeLink(options.origin, unsubscribeToken(options.secret, userId, kind));
    const { mail, throughRevisionId } = compose(
      person,
      { frequency: period.frequency, unsubscribeLink: link },
      previous,
    );
    const outboxId = mail
      ? enqueueMail(tx, { recipient: person.email, dedupeKey: digestDedupeKey(kind, userId, period), mail })
      : null;
    tx.insert(digestRuns)
      .values({
        userId,
        kind,
        frequency: period.frequency,
        period: period.key,
        ranAt: options.now.toISOString(),
        throughRevisionId,
        outboxId,
      })
      .onConflictDoNothing()
      .run();
    return mail ? "queued" : "empty";
  }, IMMEDIATE);
}

function tally(outcomes: Outcome[]): DigestRunReport {
  return {
    queued: outcomes.filter((o) => o === "queued").length,
    empty: outcomes.filter((o) => o === "empty").length,
  };
}

/** The reviewers' digests of deadlines that are due at `options.now`. */
export function queueDeadlineDigests(db: Db, options: DigestRunOptions): DigestRunReport {
  let groups: DigestGroup<DeadlineDigestEntry>[] | undefined;
  // Read once for everyone, and only when someone's digest is due: the same groups for all.
  const content = () =>
    (groups ??= deadlineDigestGroups(
      deadlineGroups(db, DEFAULT_EXPLORER_QUERY, options.today, DIGEST_GROUP_LIMIT).map((g) => ({
        bucket: g.bucket,
        total: g.total,
        items: g.items.map((c) => ({
          id: c.id,
          title: c.title,
          companyName: c.company.name,
          deadlineLabel: c.deadlineLabel,
          dueOn: c.dueOn,
          timing: c.timing,
        })),
      })),
    ));
  const outcomes = digestRecipientIds(db, "deadline_digest").map((userId) =>
    queueOne(db, "deadline_digest", userId, options, (person, facts) => {
      const found = content();
      return {
        mail:
          found.length === 0
            ? null
            : renderDeadlineDigest({
                origin: options.origin,
                recipientName: person.name,
                today: options.today,
                groups: found,
                ...facts,
              }),
        throughRevisionId: null,
      };
    }),
  );
  return tally(outcomes);
}

/** The watchers' digests of published changes that are due at `options.now`. */
export function queueWatchDigests(db: Db, options: DigestRunOptions): DigestRunReport {
  const outcomes = digestRecipientIds(db, "watch_digest").map((userId) =>
    queueOne(db, "watch_digest", userId, options, (person, facts, previous) => {
      // Read before the changes: whatever is published after it is the next digest's.
      const through = latestRevision(db);
      const watched = activeWatches(db, userId).map((w) => ({
        watch: w,
        changes: watchedChanges(
          db,
          w.target.kind === "company" ? { company: w.companySlug } : { commitment: w.target.id },
          CHANGES_LIMIT,
        ),
      }));
      const news = watchDigestNews(
        watched,
        { previousThrough: previous?.throughRevisionId ?? null, through },
        { readLimit: CHANGES_LIMIT },
      );
      return {
        mail:
          news.length === 0
            ? null
            : renderWatchDigest({
                origin: options.origin,
                recipientName: person.name,
                today: options.today,
                news,
                previousAt: previous?.ranAt ?? null,
                ...facts,
              }),
        throughRevisionId: through,
      };
    }),
  );
  return tally(outcomes);
}

/** Both digests, for everyone whose digest is due. */
export function queueDueDigests(db: Db, options: DigestRunOptions): Record<DigestKind, DigestRunReport> {
  return {
    deadline_digest: queueDeadlineDigests(db, options),
    watch_digest: queueWatchDigests(db, options),
  };
}
