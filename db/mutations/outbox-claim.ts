import { sql } from "drizzle-orm";
import type { Db } from "../connection";
import { outbox, type OutboxRow } from "../schema";
import { IMMEDIATE } from "../transaction";

export type Claim = {
  /** Who sends: unique per worker (a process and a random part). */
  owner: string;
  now: Date;
  /** How long the claim holds; a worker that has not finished by then is taken to be dead. */
  leaseMs: number;
  limit: number;
};

/**
 * Takes up to `limit` messages that are due (queued and past their next attempt, or held by a
 * lease that ran out) for `owner`, counting the attempt. One UPDATE … RETURNING in an IMMEDIATE
 * transaction: another process's claim waits for the write lock and then sees these rows as
 * 'sending' under a live lease, so it cannot take them too.
 */
export function claimDueMail(db: Db, claim: Claim): OutboxRow[] {
  const now = claim.now.toISOString();
  const until = new Date(claim.now.getTime() + claim.leaseMs).toISOString();
  return db.transaction(
    (tx) =>
      tx
        .update(outbox)
        .set({
          state: "sending",
          leaseOwner: claim.owner,
          leaseUntil: until,
          attempts: sql`${outbox.attempts} + 1`,
        })
        .where(
          sql`${outbox.id} in (select ${outbox.id} from ${outbox}
            where (${outbox.state} = 'queued' and ${outbox.nextAttemptAt} <= ${now})
               or (${outbox.state} = 'sending' and ${outbox.leaseUntil} <= ${now})
            order by ${outbox.nextAttemptAt}, ${outbox.id} limit ${claim.limit})`,
        )
        .returning()
        .all(),
    IMMEDIATE,
  );
}
