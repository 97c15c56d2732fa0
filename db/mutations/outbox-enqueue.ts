import type { DbLike } from "../connection";
import { outbox } from "../schema";
import type { RenderedMail } from "@/lib/mail/kinds";

export type Enqueue = {
  recipient: string;
  /** Names the event the message is about; with the kind, unique: one event, one message. */
  dedupeKey: string;
  mail: RenderedMail;
};

/**
 * Queues a rendered message inside the caller's transaction, so it exists exactly when the
 * event that caused it does: a rollback takes the message with it, a commit makes it durable.
 * Queuing the same event again is a no-op. Returns the new row's id, or null when it was queued
 * before.
 */
export function enqueueMail(tx: DbLike, input: Enqueue): number | null {
  const row = tx
    .insert(outbox)
    .values({
      kind: input.mail.kind,
      dedupeKey: input.dedupeKey,
      recipient: input.recipient,
      subject: input.mail.subject,
      textBody: input.mail.text,
      htmlBody: input.mail.html,
      headers: input.mail.headers,
    })
    .onConflictDoNothing({ target: [outbox.kind, outbox.dedupeKey] })
    .returning({ id: outbox.id })
    .get();
  return row?.id ?? null;
}
