import { and, eq } from "drizzle-orm";
import type { Db } from "../connection";
import { outbox } from "../schema";
import { IMMEDIATE } from "../transaction";

/**
 * Records that `owner` handed message `id` to the mail server. Only the lease's holder may:
 * false means the lease ran out and another worker took the message over (it may then be sent
 * twice, which only a send slower than the whole lease can cause).
 */
export function markMailSent(db: Db, id: number, owner: string, now: Date): boolean {
  return db.transaction(
    (tx) =>
      tx
        .update(outbox)
        .set({
          state: "sent",
          sentAt: now.toISOString(),
          leaseOwner: null,
          leaseUntil: null,
          lastError: null,
        })
        .where(and(eq(outbox.id, id), eq(outbox.state, "sending"), eq(outbox.leaseOwner, owner)))
        .run().changes === 1,
    IMMEDIATE,
  );
}
