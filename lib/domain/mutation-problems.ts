import type { RecordType, SubmissionState } from "./vocabulary";

// What a write can refuse, as codes with the data the words need. The mutations in db/ return
// these; the words a person reads are chosen on the UI side (lib/messages/mutation-failures.ts),
// so a mutation never writes a sentence and the words live in one place.

/** The operations only a reviewer or an admin may perform. */
export type ReviewerOperation = "decide" | "record_outcome" | "import" | "supersede" | "capture_source";

export type Problem =
  /** The person's account is gone: their session outlived it. */
  | { problem: "signed_out" }
  /** A proposal from an account whose email address is not yet confirmed. */
  | { problem: "unverified_email" }
  | { problem: "not_reviewer"; operation: ReviewerOperation }
  | { problem: "not_submitter"; operation: "withdraw" | "resubmit" }
  /** A reviewer deciding on their own submission. */
  | { problem: "own_submission" }
  | { problem: "no_submission" }
  /** The submission is not in a state the operation applies to. */
  | { problem: "submission_closed"; state: SubmissionState; operation: "withdraw" | "resubmit" | "decide" }
  /** A proposal for a new record that names an existing one. */
  | { problem: "target_given"; recordType: RecordType }
  /** A change or withdrawal that does not say which record. */
  | { problem: "target_missing"; recordType: RecordType; action: "change" | "withdraw" }
  | { problem: "no_record"; recordType: RecordType; id: number }
  | { problem: "record_withdrawn"; recordType: RecordType; withdrawnOn: string }
  | { problem: "unchanged"; recordType: RecordType }
  /** Problems by field: the failure's fieldErrors. */
  | { problem: "fields" }
  | { problem: "reason_required"; decision: "reject" | "request_changes" }
  | { problem: "reason_too_long"; max: number }
  /** The published record changed after the proposal was based on it. */
  | { problem: "conflict"; recordType: RecordType }
  /** Approval of a proposal naming a company that the same person proposed and that is not yet approved. */
  | { problem: "waiting_for_proposal"; submissionId: number; slug: string }
  /** Approval found the stored proposal no longer valid; `cause` says why when no field does. */
  | { problem: "not_publishable"; cause: Problem }
  /** A bulk import with problems by row: the failure's rowErrors. */
  | { problem: "rows"; problems: number; rows: number }
  /** Import rows: a commitment changed by an earlier row, or the same new commitment twice. */
  | { problem: "changed_by_row"; id: number; earlierRow: number }
  | { problem: "same_as_row"; earlierRow: number }
  /** Supersession: the commitments it links, and the ways the link can be wrong. */
  | { problem: "no_commitment"; id: number }
  | { problem: "already_superseded"; by: number }
  | { problem: "supersedes_itself" }
  | { problem: "replacement_withdrawn"; id: number }
  | { problem: "replacement_superseded"; id: number; by: number }
  | { problem: "supersession_loop"; id: number }
  /** A capture asked for a source the tracker does not cite. */
  | { problem: "no_source"; id: number };

export type ProblemCode = Problem["problem"];
