import { submissionEvents, submissions } from "../schema";
import type { DbLike } from "../connection";
import { applyApproved } from "./records";
import type { RecordPayload } from "@/lib/records";
import { nowIso } from "./submission-row";
import type { RecordType, SubmissionAction } from "@/lib/domain/vocabulary";

/**
 * Creates a submission already approved, with `userId` as both submitter and reviewer, and
 * publishes it: for a reviewer's own entry (an outcome recorded from the deadlines view) and an
 * admin's bulk import. Runs inside the caller's transaction, after the caller's checks.
 */
export function publishDirectly(
  tx: DbLike,
  input: {
    userId: string;
    recordType: RecordType;
    action: SubmissionAction;
    targetId: number | null;
    payload: RecordPayload;
    baseRevisionId: number | null;
    today: string;
  },
): { id: number; recordId: number } {
  const decidedAt = nowIso();
  const row = tx
    .insert(submissions)
    .values({
      recordType: input.recordType,
      action: input.action,
      targetId: input.targetId,
      payload: input.payload,
      baseRevisionId: input.baseRevisionId,
      state: "approved",
      submittedById: input.userId,
      reviewerId: input.userId,
      decidedAt,
    })
    .returning({ id: submissions.id })
    .get();
  tx.insert(submissionEvents)
    .values([
      { submissionId: row.id, event: "created", actorId: input.userId, payload: input.payload },
      { submissionId: row.id, event: "approved", actorId: input.userId },
    ])
    .run();
  const { recordId } = applyApproved(tx, {
    recordType: input.recordType,
    action: input.action,
    targetId: input.targetId,
    payload: input.payload,
    actorId: input.userId,
    submissionId: row.id,
    today: input.today,
    accessedOn: input.today,
  });
  return { id: row.id, recordId };
}
