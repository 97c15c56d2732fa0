import { and, asc, desc, eq, gt } from "drizzle-orm";
import type { DbLike } from "../connection";
import { outbox, type OutboxRow } from "../schema";
import type { MailKind } from "@/lib/mail/kinds";

export type UndeliveredMail = {
  id: number;
  kind: MailKind;
  recipient: string;
  subject: string;
  attempts: number;
  lastError: string | null;
  queuedAt: Date;
  /** For a message waiting to retry: when. For a failed one: unused. */
  nextAttemptAt: Date;
};

const columns = {
  id: outbox.id,
  kind: outbox.kind,
  recipient: outbox.recipient,
  subject: outbox.subject,
  attempts: outbox.attempts,
  lastError: outbox.lastError,
  createdAt: outbox.createdAt,
  nextAttemptAt: outbox.nextAttemptAt,
};

type Row = Pick<OutboxRow, keyof typeof columns>;
const shape = (r: Row): UndeliveredMail => ({
  id: r.id,
  kind: r.kind,
  recipient: r.recipient,
  subject: r.subject,
  attempts: r.attempts,
  lastError: r.lastError,
  queuedAt: new Date(r.createdAt),
  nextAttemptAt: new Date(r.nextAttemptAt),
});

/**
 * The messages an admin should know about: those that failed for good (newest first), and those
 * that failed at least once and wait for their next attempt (soonest first). At most `limit` of
 * each: a broken relay can fail thousands, and the first page says enough.
 */
export function undeliveredMail(
  db: DbLike,
  limit = 200,
): { failed: UndeliveredMail[]; retrying: UndeliveredMail[] } {
  const failed = db
    .select(columns)
    .from(outbox)
    .where(eq(outbox.state, "failed"))
    .orderBy(desc(outbox.id))
    .limit(limit)
    .all();
  const retrying = db
    .select(columns)
    .from(outbox)
    .where(and(eq(outbox.state, "queued"), gt(outbox.attempts, 0)))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(limit)
    .all();
  return { failed: failed.map(shape), retrying: retrying.map(shape) };
}
