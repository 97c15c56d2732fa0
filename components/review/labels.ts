import { RECORD_TYPE_LABELS } from "@/lib/domain/diff";
import type { RecordType, SubmissionAction, SubmissionState } from "@/lib/domain/vocabulary";

// The words reviewers and contributors read for a submission's kind, state and history.

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

export const PLURAL_RECORD_LABELS: Record<RecordType, string> = {
  company: "Companies",
  facility: "Facilities",
  partnership: "Partnerships",
  commitment: "Commitments",
  progress_update: "Progress updates",
};

/** "New commitment", "Change to facility", "Withdrawal of company". */
export function proposalKind(recordType: RecordType, action: SubmissionAction): string {
  const label = RECORD_TYPE_LABELS[recordType];
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
