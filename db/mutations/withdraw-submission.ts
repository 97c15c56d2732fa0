import { eq } from "drizzle-orm";
import type { Db } from "../connection";
import { submissionEvents, submissions } from "../schema";
import { IMMEDIATE } from "../transaction";
import { fail, type MutationResult } from "./result";
import { nowIso, submittersOwn } from "./submission-row";

/** The submitter takes back a proposal that is still open. It is kept, marked withdrawn. */
export function withdrawSubmission(
  db: Db,
  input: { id: number; userId: string },
): MutationResult<{ id: number }> {
  return db.transaction((tx) => {
    const row = submittersOwn(tx, input.id, input.userId, "withdraw");
    if ("ok" in row) return row;
    if (row.state !== "pending" && row.state !== "changes_requested")
      return fail("invalid_state", { problem: "submission_closed", state: row.state, operation: "withdraw" });
    tx.update(submissions)
      .set({ state: "withdrawn", updatedAt: nowIso() })
      .where(eq(submissions.id, row.id))
      .run();
    tx.insert(submissionEvents)
      .values({ submissionId: row.id, event: "withdrawn", actorId: input.userId })
      .run();
    return { ok: true, id: row.id };
  }, IMMEDIATE);
}
