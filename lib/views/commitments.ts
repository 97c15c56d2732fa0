import type { StatusResult } from "@/lib/domain/status";
import type {
  DeadlinePrecision,
  Direction,
  EvidenceGrade,
  Metric,
  Scheme,
  Unit,
} from "@/lib/domain/vocabulary";
import type { SourceView } from "./common";

/** A published commitment's own columns, as the commitments table holds them. */
export type CommitmentFields = {
  id: number;
  companyId: number;
  title: string;
  description: string | null;
  metric: Metric;
  unit: Unit;
  direction: Direction;
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  dueOn: string | null;
  deadlinePrecision: DeadlinePrecision | null;
  scheme: Scheme | null;
  evidenceGrade: EvidenceGrade;
  announcedOn: string | null;
  supersededById: number | null;
  withdrawnOn: string | null;
  withdrawnReason: string | null;
};

export type CommitmentSummary = CommitmentFields & {
  company: { id: number; slug: string; name: string };
  deadlineLabel: string;
  status: StatusResult & { label: string };
  sources: SourceView[];
};

export type ProgressView = {
  id: number;
  asOf: string;
  value: number;
  note: string | null;
  sources: SourceView[];
};

export type RevisionView = {
  id: number;
  summary: string;
  createdAt: string;
  actorName: string | null;
  submissionId: number | null;
};

/** A commitment as lists, the explorer and exports show it: the summary with its product categories and states. */
export type CommitmentListItem = CommitmentSummary & {
  categories: string[];
  /** Current ISO 3166-2:IN codes: a former code stored on the record (IN-TG) is shown as today's (IN-TS). */
  states: string[];
};

export type CommitmentDetail = CommitmentSummary & {
  categories: string[];
  states: string[];
  progress: ProgressView[];
  revisions: RevisionView[];
};

/** A commitment as a deadline group lists it, with how its deadline stands in words ("329 days overdue"). */
export type DeadlineItem = CommitmentListItem & { timing: string };
