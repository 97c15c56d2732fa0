import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../connection";
import { sourceCaptures, sources } from "../schema";
import { IMMEDIATE } from "../transaction";
import { reviewerRole } from "./authorize";
import { fail, type MutationResult } from "./result";

/**
 * A reviewer asks for a new capture of a source (it changed, or its link broke, or the last
 * capture failed). The earlier captures stay: a new row is queued, due now. A capture already
 * waiting or being fetched is not doubled; its id is returned instead.
 */
export function requestSourceCapture(
  db: Db,
  input: { reviewerId: string; sourceId: number },
): MutationResult<{ captureId: number; queued: boolean }> {
  return db.transaction((tx) => {
    if (!reviewerRole(tx, input.reviewerId))
      return fail("forbidden", { problem: "not_reviewer", operation: "capture_source" });
    const source = tx.select({ id: sources.id }).from(sources).where(eq(sources.id, input.sourceId)).get();
    if (!source) return fail("not_found", { problem: "no_source", id: input.sourceId });
    const pending = tx
      .select({ id: sourceCaptures.id })
      .from(sourceCaptures)
      .where(
        and(
          eq(sourceCaptures.sourceId, input.sourceId),
          inArray(sourceCaptures.state, ["queued", "fetching"]),
        ),
      )
      .get();
    if (pending) return { ok: true, captureId: pending.id, queued: false };
    const row = tx
      .insert(sourceCaptures)
      .values({ sourceId: input.sourceId, cause: "requested", requestedById: input.reviewerId })
      .returning({ id: sourceCaptures.id })
      .get();
    return { ok: true, captureId: row.id, queued: true };
  }, IMMEDIATE);
}
