import { eq } from "drizzle-orm";
import type { DbLike } from "../connection";
import { users } from "../schema";
import { recordHref } from "../queries/records";
import { submissionTitle } from "../queries/submissions";
import { enqueueMail } from "./outbox-enqueue";
import type { SubmissionRow } from "./submission-row";
import { indiaDate } from "@/lib/domain/dates";
import type { RenderedMail } from "@/lib/mail/kinds";
import { renderSubmissionApproved } from "@/lib/mail/submission-approved";
import { renderSubmissionChangesRequested } from "@/lib/mail/submission-changes-requested";
import type { DecisionFacts } from "@/lib/mail/submission-decision";
import { renderSubmissionRejected } from "@/lib/mail/submission-rejected";
import { renderSubmissionSentBack } from "@/lib/mail/submission-sent-back";

/** What happened to the submission, with what the message needs beyond the row. */
export type DecisionMailEvent =
  | { kind: "approved"; note: string | null; recordId: number | undefined }
  | { kind: "rejected"; reason: string }
  | { kind: "changes_requested"; comment: string }
  | { kind: "sent_back"; company: SubmissionRow; companyReason: string };

/**
 * Queues the message telling a submission's contributor what was decided, in the decision's own
 * transaction. `eventId` is the submission event the decision wrote: it makes the message's
 * dedupe key, so a proposal decided, resubmitted and decided again gets a message each time.
 */
export function queueDecisionMail(
  tx: DbLike,
  row: SubmissionRow,
  eventId: number,
  event: DecisionMailEvent,
  decidedAt: string,
  origin: string,
): void {
  const person = tx
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, row.submittedById))
    .get();
  if (!person) return;
  const at = new Date(decidedAt);
  const facts: DecisionFacts = {
    origin,
    recipientName: person.name,
    submissionId: row.id,
    recordType: row.recordType,
    action: row.action,
    title: submissionTitle(tx, row),
    decidedOn: indiaDate(Number.isNaN(at.getTime()) ? new Date() : at),
  };
  const mail: RenderedMail = (() => {
    switch (event.kind) {
      case "approved":
        return renderSubmissionApproved({
          ...facts,
          note: event.note,
          recordPath: event.recordId === undefined ? null : recordHref(tx, row.recordType, event.recordId),
        });
      case "rejected":
        return renderSubmissionRejected({ ...facts, reason: event.reason });
      case "changes_requested":
        return renderSubmissionChangesRequested({ ...facts, comment: event.comment });
      case "sent_back":
        return renderSubmissionSentBack({
          ...facts,
          companySlug: (event.company.payload as { slug?: unknown }).slug?.toString() ?? "",
          companySubmissionId: event.company.id,
          companyReason: event.companyReason,
        });
    }
  })();
  enqueueMail(tx, { recipient: person.email, dedupeKey: `submission-event:${eventId}`, mail });
}
