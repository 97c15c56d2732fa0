import { eq } from "drizzle-orm";
import type { Db } from "../connection";
import { submissionEvents, submissions } from "../schema";
import { IMMEDIATE } from "../transaction";
import { checkProposal } from "./check-proposal";
import { fail, type MutationResult } from "./result";
import { nowIso, submittersOwn } from "./submission-row";

/**
 * The submitter answers a request for changes with a new payload; the submission is pending again.
 * The previous payload stays in the "created" or earlier "resubmitted" event, and the reviewer's
 * comment in the "changes_requested" event. A change keeps the revision it was first based on, so
 * an edit published meanwhile still shows as a conflict.
 */
export function resubmitSubmission(
  db: Db,
  input: { id: number; userId: string; payload: unknown },
): MutationResult<{ id: number }> {
  return db.transaction((tx) => {
    const row = submittersOwn(tx, input.id, input.userId, "resubmit");
    if ("ok" in row) return row;
    if (row.state !== "changes_requested")
      return fail("invalid_state", { problem: "submission_closed", state: row.state, operation: "resubmit" });
    const checked = checkProposal(
      tx,
      row.recordType,
      row.action,
      row.targetId,
      input.payload,
      row.submittedById,
    );
    if (!checked.ok) return checked;
    tx.update(submissions)
      .set({
        payload: checked.payload,
        state: "pending",
        reviewerId: null,
        decisionReason: null,
        decidedAt: null,
        updatedAt: nowIso(),
      })
      .where(eq(submissions.id, row.id))
      .run();
    tx.insert(submissionEvents)
      .values({ submissionId: row.id, event: "resubmitted", actorId: input.userId, payload: checked.payload })
      .run();
    return { ok: true, id: row.id };
  }, IMMEDIATE);
}
