import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../connection";
import { sourceCaptures, sourceChecks } from "../schema";
import { IMMEDIATE } from "../transaction";
import type { CheckOutcome, CheckOutcomeKind } from "@/lib/archive/kinds";
import { checkOutcomeKind } from "@/lib/archive/source-state";

/**
 * Records one link check of a source: ok, changed (the page reads differently from the latest
 * archived copy: its visible text, or its bytes when either has no text hash; checkOutcomeKind)
 * or unreachable, with what was compared. Returns the outcome recorded.
 */
export function recordSourceCheck(db: Db, sourceId: number, result: CheckOutcome): CheckOutcomeKind {
  return db.transaction((tx) => {
    const archived = tx
      .select({ id: sourceCaptures.id, sha256: sourceCaptures.sha256, textSha256: sourceCaptures.textSha256 })
      .from(sourceCaptures)
      .where(and(eq(sourceCaptures.sourceId, sourceId), eq(sourceCaptures.state, "archived")))
      .orderBy(desc(sourceCaptures.id))
      .limit(1)
      .get();
    // An archived row always has its sha256 (source_captures_archived_whole).
    const outcome = checkOutcomeKind(
      result,
      archived?.sha256 ? { sha256: archived.sha256, textSha256: archived.textSha256 } : null,
    );
    tx.insert(sourceChecks)
      .values({
        sourceId,
        checkedAt: result.checkedAt,
        outcome,
        status: result.status ?? null,
        sha256: result.ok ? result.sha256.toLowerCase() : null,
        textSha256: result.ok ? (result.textSha256?.toLowerCase() ?? null) : null,
        comparedCaptureId: result.ok ? (archived?.id ?? null) : null,
        failureCode: result.ok ? null : result.code,
        reason: result.ok ? null : result.reason.slice(0, 1000),
      })
      .run();
    return outcome;
  }, IMMEDIATE);
}
