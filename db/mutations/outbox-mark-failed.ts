import { and, eq } from "drizzle-orm";
import type { Db } from "../connection";
import { outbox, type OutboxRow } from "../schema";
import { IMMEDIATE } from "../transaction";
import { DEFAULT_RETRY_POLICY, givesUp, retryDelayMs, type RetryPolicy } from "@/lib/mail/backoff";

const MAX_ERROR = 1000;

/**
 * Records a failed attempt by the lease's holder: the message is queued again after a wait
 * that doubles with each attempt, or, after the last attempt allowed, stays 'failed' with the
 * error for an admin to read. Returns the state it was left in, or null if the lease was lost.
 */
export function markMailFailed(
  db: Db,
  id: number,
  owner: string,
  now: Date,
  error: string,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): "queued" | "failed" | null {
  return db.transaction((tx) => {
    const held = and(eq(outbox.id, id), eq(outbox.state, "sending"), eq(outbox.leaseOwner, owner));
    const row: Pick<OutboxRow, "attempts"> | undefined = tx
      .select({ attempts: outbox.attempts })
      .from(outbox)
      .where(held)
      .get();
    if (!row) return null;
    const state = givesUp(row.attempts, policy) ? "failed" : "queued";
    tx.update(outbox)
      .set({
        state,
        leaseOwner: null,
        leaseUntil: null,
        lastError: error.slice(0, MAX_ERROR),
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(row.attempts, policy)).toISOString(),
      })
      .where(held)
      .run();
    return state;
  }, IMMEDIATE);
}
