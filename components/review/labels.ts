import type { RecordType, SubmissionAction, SubmissionState } from "@/lib/domain/vocabulary";
import { nounOf } from "@/lib/records";

// The words reviewers and contributors read for a submission's state and history; the kinds'
// own nouns are in lib/records.

export const STATE_LABELS: Record<SubmissionState, string> = {
  pending: "Waiting for review",
  approved: "Approved",
  rejected: "Rejected",
  changes_requested: "Changes requested",
  withdrawn: "Withdrawn by the contributor",
};

export const EVENT_LABELS = {
  created: "Submitted",
  resubmitted: "Resubmitted with changes",
  withdrawn: "Withdrawn by the contributor",
  approved: "Approved",
  rejected: "Rejected",
  changes_requested: "Changes requested",
} as const;

/** "New commitment", "Change to facility", "Withdrawal of company". */
export function proposalKind(recordType: RecordType, action: SubmissionAction): string {
  const label = nounOf(recordType);
  switch (action) {
    case "create":
      return `New ${label}`;
    case "change":
      return `Change to ${label}`;
    case "withdraw":
      return `Withdrawal of ${label}`;
  }
}

const TIMESTAMP = new Intl.DateTimeFormat("en-IN", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZone: "Asia/Kolkata",
});

/** A stored instant as people in India read it: "25 Nov 2026, 7:25 pm". */
export function formatTimestamp(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : TIMESTAMP.format(at);
}
