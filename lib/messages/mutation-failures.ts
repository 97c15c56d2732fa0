import type { Problem } from "@/lib/domain/mutation-problems";
import type { SubmissionState } from "@/lib/domain/vocabulary";
import { nounOf } from "@/lib/records";

// The words for what a write refused. The mutations return problem codes with their data
// (lib/domain/mutation-problems.ts); every action turns them into words here, so the sentences a
// person reads are written once and a mutation can be called from a script or a test without them.

/** The summary above a form whose problems are shown beside its fields. */
export const FIELDS_MESSAGE = "Some fields need attention.";

const STATE_WORDS: Record<SubmissionState, string> = {
  pending: "waiting for review",
  approved: "already approved",
  rejected: "already rejected",
  changes_requested: "waiting for your changes",
  withdrawn: "withdrawn",
};

const REVIEWERS_ONLY = {
  decide: "Only reviewers and admins can decide on submissions.",
  record_outcome: "Only reviewers and admins can record an outcome directly.",
  import: "Only reviewers and admins can import.",
  supersede: "Only reviewers and admins can mark a commitment as superseded.",
  capture_source: "Only reviewers and admins can ask for a source to be archived again.",
} as const;

/** Shown on the form, which keeps what was typed, beside a button that sends the link again. */
export const UNVERIFIED_MESSAGE =
  "Confirm your email address before you propose: follow the link in the message we sent you. What you typed is kept here; send it again once the address is confirmed.";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** A failure as the mutations return it, seen from the UI: its problem and any field errors. */
export type FailureLike = Problem & { field?: string; fieldErrors?: Record<string, string> };

/** The sentence for a problem. `fieldErrors` are the failure's, for the problems that list them. */
export function problemMessage(p: Problem, fieldErrors: Record<string, string> = {}): string {
  switch (p.problem) {
    case "signed_out":
      return "Please sign in again to submit.";
    case "unverified_email":
      return UNVERIFIED_MESSAGE;
    case "not_reviewer":
      return REVIEWERS_ONLY[p.operation];
    case "not_submitter":
      return `Only the person who submitted this can ${p.operation === "withdraw" ? "withdraw" : "change"} it.`;
    case "own_submission":
      return "You submitted this yourself: another reviewer must decide on it.";
    case "no_submission":
      return "There is no such submission.";
    case "submission_closed": {
      const state = `This submission is ${STATE_WORDS[p.state]}`;
      if (p.operation === "withdraw") return `${state}; it can no longer be withdrawn.`;
      if (p.operation === "resubmit") return `${state}; only one sent back for changes can be resubmitted.`;
      return `${state}.`;
    }
    case "target_given":
      return `A new ${nounOf(p.recordType)} cannot name an existing record.`;
    case "target_missing":
      return `Say which ${nounOf(p.recordType)} this ${p.action === "change" ? "changes" : "withdraws"}.`;
    case "no_source":
      return `There is no published source number ${p.id}.`;
    case "no_record":
      return `There is no published ${nounOf(p.recordType)} number ${p.id}.`;
    case "record_withdrawn":
      return `This ${nounOf(p.recordType)} was withdrawn on ${p.withdrawnOn}; it can no longer change.`;
    case "unchanged":
      return `This is the same as the published ${nounOf(p.recordType)}: change at least one field.`;
    case "fields":
      return FIELDS_MESSAGE;
    case "reason_required":
      return reasonRequiredMessage(p.decision);
    case "reason_too_long":
      return `Keep the reason to at most ${p.max.toLocaleString("en-IN")} characters.`;
    case "conflict":
      return `The published ${nounOf(p.recordType)} has changed since this was proposed. Compare the two, then reject or request changes so that the contributor can propose again against the current version.`;
    case "waiting_for_proposal":
      return `This names the company “${p.slug}”, proposed in submission ${p.submissionId} and not yet approved: decide on that first.`;
    case "not_publishable": {
      const entries = Object.entries(fieldErrors);
      const why =
        entries.length > 0
          ? entries.map(([field, message]) => `${field}: ${message}`).join("; ")
          : problemMessage(p.cause);
      return `This proposal cannot be published as it stands: ${why}`;
    }
    case "rows":
      return `${plural(p.problems, "problem")} in ${plural(p.rows, "row")}: nothing was imported.`;
    case "changed_by_row":
      return `Commitment ${p.id} is already changed by row ${p.earlierRow}.`;
    case "same_as_row":
      return `Row ${p.earlierRow} has the same company, title and deadline.`;
    case "no_commitment":
      return `There is no commitment number ${p.id}.`;
    case "already_superseded":
      return `This commitment is already superseded by commitment ${p.by}.`;
    case "supersedes_itself":
      return "A commitment cannot supersede itself: give the restated commitment's number.";
    case "replacement_withdrawn":
      return `Commitment ${p.id} was withdrawn; it cannot restate another.`;
    case "replacement_superseded":
      return `Commitment ${p.id} is itself superseded by commitment ${p.by}: link to the current one.`;
    case "supersession_loop":
      return `Commitment ${p.id} already leads back to this one.`;
  }
}

/** Why a reviewer must give a reason: the decision form and the mutation's refusal say the same. */
export function reasonRequiredMessage(decision: "reject" | "request_changes"): string {
  return decision === "reject"
    ? "Say why the submission is rejected: the contributor reads it."
    : "Say what needs to change: the contributor reads it.";
}

/**
 * A failure as a form shows it: a summary message and errors by field. A problem that belongs to
 * one field is shown beside it, under the general summary.
 */
export function failureWords(f: FailureLike): { message: string; errors: Record<string, string> } {
  const fieldErrors = f.fieldErrors ?? {};
  if (f.field) return { message: FIELDS_MESSAGE, errors: { ...fieldErrors, [f.field]: problemMessage(f) } };
  return { message: problemMessage(f, fieldErrors), errors: fieldErrors };
}

/** One row's problem in a bulk import: a field's message from the schema, or a problem. */
export function rowErrorMessage(e: { message: string } | Problem): string {
  return "message" in e ? e.message : problemMessage(e);
}
