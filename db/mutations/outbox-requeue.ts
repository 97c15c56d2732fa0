import { and, eq } from "drizzle-orm";
import type { Db } from "../connection";
import { outbox } from "../schema";
import { IMMEDIATE } from "../transaction";
import { adminRole } from "./authorize";

export type Requeue = {
  /** The outbox row. */
  id: number;
  /** Who asks; must be an admin when the transaction runs. */
  actorId: string;
  now: Date;
};

export type RequeueResult = { ok: true } | { ok: false; reason: "not_admin" | "no_message" | "not_failed" };

/**
 * Gives a message that failed for good one more attempt, due at once: an admin does this after
 * fixing what made it fail (a password, a relay). The row is the same row: its attempts keep
 * counting and its last error stays until the next attempt replaces it, so the page still shows
 * what happened. Only a failed message can be queued again; one waiting for its retry already is,
 * and a sent one must not be sent twice. A second failure leaves it failed again at once, since
 * its attempts are spent (docs/decisions/0025).
 */
export function requeueMail(db: Db, input: Requeue): RequeueResult {
  return db.transaction((tx): RequeueResult => {
    if (!adminRole(tx, input.actorId)) return { ok: false, reason: "not_admin" };
    const row = tx.select({ state: outbox.state }).from(outbox).where(eq(outbox.id, input.id)).get();
    if (!row) return { ok: false, reason: "no_message" };
    if (row.state !== "failed") return { ok: false, reason: "not_failed" };
    tx.update(outbox)
      .set({ state: "queued", nextAttemptAt: input.now.toISOString() })
      .where(and(eq(outbox.id, input.id), eq(outbox.state, "failed")))
      .run();
    return { ok: true };
  }, IMMEDIATE);
}
