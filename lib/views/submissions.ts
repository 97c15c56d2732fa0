import type { RecordType, SubmissionAction, SubmissionEvent, SubmissionState } from "@/lib/domain/vocabulary";

// Proposals as reviewers and contributors see them.

export type UserRef = { id: string; name: string };

export type ProposedSource = {
  url: string;
  title: string;
  publisher: string;
  kind: string;
  publishedOn: string | null;
  excerpt: string | null;
  /** The tracker already cites this address: shown, and linked on approval, as published. */
  alreadyPublished: boolean;
};

export type SubmissionEventView = {
  id: number;
  event: SubmissionEvent;
  actor: UserRef | null;
  reason: string | null;
  /** For "created" and "resubmitted": the payload sent then. */
  payload: unknown;
  createdAt: string;
};

export type DisplayRow = { key: string; label: string; value: string };

export type RevisionRef = { id: number; summary: string; createdAt: string; actorName: string | null };

/** Another proposal of the same contributor that this one names, or that names this one. */
export type LinkedProposal = {
  id: number;
  recordType: RecordType;
  action: SubmissionAction;
  state: SubmissionState;
  title: string;
};
