import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../connection";
import { sourceCaptures, sourceChecks } from "../schema";
import { IMMEDIATE } from "../transaction";
import type { CheckOutcome, CheckOutcomeKind } from "@/lib/archive/kinds";
import { checkOutcomeKind } from "@/lib/archive/source-state";

/**
 * Records one link check of a source: ok, changed (the body hashes differently from the latest
 * archived copy) or unreachable, with what was compared. Returns the outcome recorded.
 */
export function recordSourceCheck(db: Db, sourceId: number, result: CheckOutcome): CheckOutcomeKind {
  return db.transaction((tx) => {
    const archived = tx
      .select({ id: sourceCaptures.id, sha256: sourceCaptures.sha256 })
      .from(sourceCaptures)
      .where(and(eq(sourceCaptures.sourceId, sourceId), eq(sourceCaptures.state, "archived")))
      .orderBy(desc(sourceCaptures.id))
      .limit(1)
      .get();
    const outcome = checkOutcomeKind(result, archived?.sha256 ?? null);
    tx.insert(sourceChecks)
      .values({
        sourceId,
        checkedAt: result.checkedAt,
        outcome,
        status: result.status ?? null,
        sha256: result.ok ? result.sha256.toLowerCase() : null,
        comparedCaptureId: result.ok ? (archived?.id ?? null) : null,
        failureCode: result.ok ? null : result.code,
        reason: result.ok ? null : result.reason.slice(0, 1000),
      })
      .run();
    return outcome;
  }, IMMEDIATE);
}
