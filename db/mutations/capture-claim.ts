import { sql } from "drizzle-orm";
import type { Db } from "../connection";
import { sources, sourceCaptures, type SourceCaptureRow } from "../schema";
import { IMMEDIATE } from "../transaction";

export type CaptureClaim = {
  /** Who fetches: unique per worker (a process and a random part). */
  owner: string;
  now: Date;
  /** Longer than any one fetch takes; a worker not done by then is taken to be dead. */
  leaseMs: number;
  limit: number;
};

export type ClaimedCapture = SourceCaptureRow & { url: string };

/**
 * Takes up to `limit` captures that are due (queued and past their next attempt, or held by a
 * lease that ran out) for `owner`, counting the attempt: the outbox's claim (decision 0023),
 * one UPDATE … RETURNING in an IMMEDIATE transaction, so two workers never fetch one capture.
 */
export function claimDueCaptures(db: Db, claim: CaptureClaim): ClaimedCapture[] {
  const now = claim.now.toISOString();
  const until = new Date(claim.now.getTime() + claim.leaseMs).toISOString();
  return db.transaction((tx) => {
    const rows = tx
      .update(sourceCaptures)
      .set({
        state: "fetching",
        leaseOwner: claim.owner,
        leaseUntil: until,
        attempts: sql`${sourceCaptures.attempts} + 1`,
      })
      .where(
        sql`${sourceCaptures.id} in (select ${sourceCaptures.id} from ${sourceCaptures}
          where (${sourceCaptures.state} = 'queued' and ${sourceCaptures.nextAttemptAt} <= ${now})
             or (${sourceCaptures.state} = 'fetching' and ${sourceCaptures.leaseUntil} <= ${now})
          order by ${sourceCaptures.nextAttemptAt}, ${sourceCaptures.id} limit ${claim.limit})`,
      )
      .returning()
      .all();
    return rows.map((row) => {
      const source = tx
        .select({ url: sources.url })
        .from(sources)
        .where(sql`${sources.id} = ${row.sourceId}`)
        .get();
      if (!source) throw new Error(`Capture ${row.id} names missing source ${row.sourceId}`);
      return { ...row, url: source.url };
    });
  }, IMMEDIATE);
}
