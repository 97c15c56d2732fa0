import { and, desc, eq, gte } from "drizzle-orm";
import type { Db } from "../connection";
import { revisions, submissions } from "../schema";
import { IMMEDIATE } from "../transaction";
import { reviewerRole } from "./authorize";
import { publishDirectly } from "./publish-directly";
import { checkReferences } from "../queries/records";
import { fail, type MutationResult } from "./result";
import { duplicateWindowStart } from "./submission-row";
import { ProgressInputSchema } from "@/lib/records/progress-update";
import { fieldErrors } from "@/lib/validation/submissions";

/**
 * A reviewer records a commitment's outcome directly (from the deadlines view): a progress update,
 * published at once with its revision, through a submission that shows the reviewer as both
 * submitter and reviewer. The same outcome sent twice within seconds is recorded once.
 */
export function recordOutcome(
  db: Db,
  input: { reviewerId: string; payload: unknown; today: string },
): MutationResult<{ id: number; recordId: number }> {
  return db.transaction((tx) => {
    if (!reviewerRole(tx, input.reviewerId))
      return fail("forbidden", { problem: "not_reviewer", operation: "record_outcome" });
    const parsed = ProgressInputSchema.safeParse(input.payload);
    if (!parsed.success)
      return fail("invalid", { problem: "fields" }, { fieldErrors: fieldErrors(parsed.error) });
    const refErrors = checkReferences(tx, "progress_update", parsed.data, null).errors;
    if (Object.keys(refErrors).length > 0)
      return fail("invalid", { problem: "fields" }, { fieldErrors: refErrors });

    const recent = tx
      .select({ id: submissions.id, payload: submissions.payload, recordId: revisions.recordId })
      .from(submissions)
      .innerJoin(revisions, eq(revisions.submissionId, submissions.id))
      .where(
        and(
          eq(submissions.submittedById, input.reviewerId),
          eq(submissions.reviewerId, input.reviewerId),
          eq(submissions.state, "approved"),
          eq(submissions.recordType, "progress_update"),
          eq(submissions.action, "create"),
          gte(submissions.createdAt, duplicateWindowStart()),
        ),
      )
      .orderBy(desc(submissions.id))
      .all();
    const same = JSON.stringify(parsed.data);
    const repeat = recent.find((r) => JSON.stringify(r.payload) === same);
    if (repeat) return { ok: true, id: repeat.id, recordId: repeat.recordId };

    const published = publishDirectly(tx, {
      userId: input.reviewerId,
      recordType: "progress_update",
      action: "create",
      targetId: null,
      payload: parsed.data,
      baseRevisionId: null,
      today: input.today,
    });
    return { ok: true, ...published };
  }, IMMEDIATE);
}
