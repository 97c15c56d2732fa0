import { eq } from "drizzle-orm";
import type { Db, DbLike } from "../connection";
import { submissionEvents, submissions } from "../schema";
import { mailOrigin } from "../mail-origin";
import { IMMEDIATE } from "../transaction";
import { reviewerRole } from "./authorize";
import { checkProposal } from "./check-proposal";
import { dependantsOf, proposalsWaitedFor } from "../queries/pending-references";
import { latestRevisionId, targetState } from "../queries/records";
import { queueDecisionMail, type DecisionMailEvent } from "./queue-decision-mail";
import { applyApproved } from "./records";
import { fail, problemOf, type MutationResult } from "./result";
import { findSubmission, nowIso, type SubmissionRow } from "./submission-row";
import { indiaDate } from "@/lib/domain/dates";
import type { Decision } from "@/lib/domain/vocabulary";

const MAX_REASON = 2000;

const DECIDED_STATE = {
  approve: "approved",
  reject: "rejected",
  request_changes: "changes_requested",
} as const;

export type DecideInput = {
  id: number;
  reviewerId: string;
  decision: Decision;
  /** Required to reject or request changes (shown to the contributor); an optional note on approval. */
  reason?: string;
  /** Today's date in India: a withdrawal takes effect on it. */
  today: string;
  /** Where links in the contributor's message point; the configured address (mailOrigin) if not given. */
  origin?: string;
};

/**
 * A rejected company proposal takes its dependants (the same person's proposals that name it)
 * back to the contributor, with the reason, so nothing waits for a company that will not come.
 * Sent back rather than rejected: the contributor may name a published company instead.
 */
function sendBackDependants(
  tx: DbLike,
  company: SubmissionRow,
  reviewerId: string,
  reason: string,
  decidedAt: string,
  origin: string,
): void {
  const ids = dependantsOf(tx, company, ["pending"]);
  if (ids.length === 0) return;
  const slug = (company.payload as { slug: string }).slug;
  const why = `The company “${slug}” it names (submission ${company.id}) was rejected: ${reason}`;
  for (const id of ids) {
    tx.update(submissions)
      .set({
        state: "changes_requested",
        reviewerId,
        decisionReason: why,
        decidedAt,
        updatedAt: decidedAt,
      })
      .where(eq(submissions.id, id))
      .run();
    const event = tx
      .insert(submissionEvents)
      .values({ submissionId: id, event: "changes_requested", actorId: reviewerId, reason: why })
      .returning({ id: submissionEvents.id })
      .get();
    const dependant = findSubmission(tx, id);
    if (dependant)
      queueDecisionMail(
        tx,
        dependant,
        event.id,
        { kind: "sent_back", company, companyReason: reason },
        decidedAt,
        origin,
      );
  }
}

function mailEventOf(decision: Decision, reason: string, recordId: number | undefined): DecisionMailEvent {
  switch (decision) {
    case "approve":
      return { kind: "approved", note: reason || null, recordId };
    case "reject":
      return { kind: "rejected", reason };
    case "request_changes":
      return { kind: "changes_requested", comment: reason };
  }
}

/** The date, in India, on which a submission was made: when its sources were read. */
function submittedOn(row: SubmissionRow): string {
  const at = new Date(row.createdAt);
  return Number.isNaN(at.getTime()) ? row.createdAt.slice(0, 10) : indiaDate(at);
}

/**
 * A reviewer's decision. Approval re-validates the payload, refuses a change to a record edited
 * since the proposal was made (conflict), and publishes the record with its sources, links and
 * revision, all in this one IMMEDIATE transaction.
 */
export function decideSubmission(db: Db, input: DecideInput): MutationResult<{ recordId?: number }> {
  const reason = (input.reason ?? "").normalize("NFC").trim();
  return db.transaction((tx) => {
    if (!reviewerRole(tx, input.reviewerId))
      return fail("forbidden", { problem: "not_reviewer", operation: "decide" });
    const row = findSubmission(tx, input.id);
    if (!row) return fail("not_found", { problem: "no_submission" });
    if (row.submittedById === input.reviewerId) return fail("forbidden", { problem: "own_submission" });
    if (row.state !== "pending")
      return fail("invalid_state", { problem: "submission_closed", state: row.state, operation: "decide" });
    if (input.decision !== "approve" && reason === "")
      return fail("invalid", { problem: "reason_required", decision: input.decision }, { field: "reason" });
    if (reason.length > MAX_REASON)
      return fail("invalid", { problem: "reason_too_long", max: MAX_REASON }, { field: "reason" });

    let recordId: number | undefined;
    if (input.decision === "approve") {
      // A conflict is reported before anything else: whatever else is wrong, the reviewer first
      // needs to know that the record is no longer the one the contributor saw.
      if (row.targetId !== null && targetState(tx, row.recordType, row.targetId).exists) {
        if (latestRevisionId(tx, row.recordType, row.targetId) !== row.baseRevisionId)
          return fail("conflict", { problem: "conflict", recordType: row.recordType });
      }
      // Named company proposals go first, so the company is published before what names it.
      const [waiting] = proposalsWaitedFor(tx, row);
      if (waiting)
        return fail("invalid_state", {
          problem: "waiting_for_proposal",
          submissionId: waiting.submissionId,
          slug: waiting.slug,
        });
      const checked = checkProposal(tx, row.recordType, row.action, row.targetId, row.payload);
      if (!checked.ok) {
        return checked.code === "invalid"
          ? fail(
              "invalid",
              { problem: "not_publishable", cause: problemOf(checked) },
              checked.fieldErrors ? { fieldErrors: checked.fieldErrors } : {},
            )
          : checked;
      }
      recordId = applyApproved(tx, {
        recordType: row.recordType,
        action: row.action,
        targetId: row.targetId,
        payload: checked.payload,
        actorId: input.reviewerId,
        submissionId: row.id,
        today: input.today,
        accessedOn: submittedOn(row),
      }).recordId;
    }

    const decidedAt = nowIso();
    tx.update(submissions)
      .set({
        state: DECIDED_STATE[input.decision],
        reviewerId: input.reviewerId,
        decisionReason: reason || null,
        decidedAt,
        updatedAt: decidedAt,
      })
      .where(eq(submissions.id, row.id))
      .run();
    const event = tx
      .insert(submissionEvents)
      .values({
        submissionId: row.id,
        event: DECIDED_STATE[input.decision],
        actorId: input.reviewerId,
        reason: reason || null,
      })
      .returning({ id: submissionEvents.id })
      .get();
    // The contributor's message is queued with the decision: both are committed, or neither.
    const origin = input.origin ?? mailOrigin();
    queueDecisionMail(tx, row, event.id, mailEventOf(input.decision, reason, recordId), decidedAt, origin);
    if (input.decision === "reject") sendBackDependants(tx, row, input.reviewerId, reason, decidedAt, origin);
    return recordId === undefined ? { ok: true } : { ok: true, recordId };
  }, IMMEDIATE);
}
