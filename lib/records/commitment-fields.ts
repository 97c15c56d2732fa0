import { deadlineLabel } from "@/lib/domain/dates";
import {
  EVIDENCE_GRADE_LABELS,
  METRIC_LABELS,
  SCHEME_LABELS,
  UNIT_LABELS,
  type DeadlinePrecision,
} from "@/lib/domain/vocabulary";
import { date, labelled, labelsOf, number, SOURCES_FIELD } from "./field-specs";
import type { FieldSpec, RecordLike } from "./kind";

export const DIRECTION_LABELS = { increase: "Increase", decrease: "Decrease" } as const;

/** The deadline as people read it ("Q3 2026"), from the due date and its precision together. */
function deadlineOf(r: RecordLike): string | null {
  const due = typeof r.due_on === "string" ? r.due_on : null;
  const precision =
    typeof r.deadline_precision === "string" ? (r.deadline_precision as DeadlinePrecision) : null;
  return due && precision ? deadlineLabel(due, precision).replace(/^by /, "") : null;
}

export const COMMITMENT_FIELDS = [
  { key: "company", label: "Company", kind: "value" },
  { key: "title", label: "Title", kind: "value" },
  { key: "description", label: "Description", kind: "long" },
  { key: "evidence_grade", label: "Evidence grade", kind: "value", format: labelled(EVIDENCE_GRADE_LABELS) },
  { key: "announced_on", label: "Announcement date", kind: "value", format: date },
  { key: "metric", label: "What is measured", kind: "value", format: labelled(METRIC_LABELS) },
  { key: "unit", label: "Unit", kind: "value", format: labelled(UNIT_LABELS) },
  { key: "direction", label: "Direction", kind: "value" },
  { key: "baseline_value", label: "Baseline value", kind: "value", format: number },
  { key: "baseline_date", label: "Baseline date", kind: "value", format: date },
  { key: "target_value", label: "Target value", kind: "value", format: number },
  { key: "deadline_precision", label: "How precise is the deadline?", kind: "value", partOf: "deadline" },
  { key: "deadline", label: "Deadline", kind: "value", read: deadlineOf },
  { key: "scheme", label: "Government scheme", kind: "value", format: labelled(SCHEME_LABELS) },
  { key: "categories", label: "Product categories", kind: "list" },
  { key: "states", label: "States and union territories", kind: "list" },
  SOURCES_FIELD,
] as const satisfies readonly FieldSpec[];

export const COMMITMENT_LABELS = labelsOf(COMMITMENT_FIELDS);
