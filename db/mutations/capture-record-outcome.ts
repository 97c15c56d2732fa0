import { and, eq } from "drizzle-orm";
import type { Db } from "../connection";
import { sourceCaptures } from "../schema";
import { IMMEDIATE } from "../transaction";
import { CAPTURE_RETRY_POLICY, givesUp, retryDelayMs, type RetryPolicy } from "@/lib/archive/retry";
import type { ArchiveOutcome } from "@/lib/archive/kinds";

const MAX_REASON = 1000;

/**
 * Records what the lease's holder fetched: the copy's metadata, or the failure. A failure queues
 * the capture again after a wait that doubles with each attempt, or after the last attempt leaves
 * it 'failed'; either way the code and reason stay on the row, for "Not archived: <reason>".
 * Returns the state the capture was left in, or null if the lease was lost (another worker took
 * it over, and its own result will be the one recorded).
 */
export function recordCaptureOutcome(
  db: Db,
  id: number,
  owner: string,
  now: Date,
  result: ArchiveOutcome,
  policy: RetryPolicy = CAPTURE_RETRY_POLICY,
): "archived" | "queued" | "failed" | null {
  return db.transaction((tx) => {
    const held = and(
      eq(sourceCaptures.id, id),
      eq(sourceCaptures.state, "fetching"),
      eq(sourceCaptures.leaseOwner, owner),
    );
    const row = tx.select({ attempts: sourceCaptures.attempts }).from(sourceCaptures).where(held).get();
    if (!row) return null;
    const released = { leaseOwner: null, leaseUntil: null };
    if (result.ok) {
      tx.update(sourceCaptures)
        .set({
          ...released,
          state: "archived",
          fetchedAt: result.fetchedAt,
          status: result.status,
          finalUrl: result.finalUrl,
          contentType: result.contentType,
          sha256: result.sha256.toLowerCase(),
          textSha256: result.textSha256?.toLowerCase() ?? null,
          bodyBytes: result.bodyBytes,
          warcFile: result.warcFile,
        })
        .where(held)
        .run();
      return "archived";
    }
    const state = givesUp(row.attempts, policy) ? "failed" : "queued";
    tx.update(sourceCaptures)
      .set({
        ...released,
        state,
        status: result.status ?? null,
        finalUrl: result.finalUrl ?? null,
        failureCode: result.code,
        failureReason: result.reason.slice(0, MAX_REASON),
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(row.attempts, policy)).toISOString(),
      })
      .where(held)
      .run();
    return state;
  }, IMMEDIATE);
}
