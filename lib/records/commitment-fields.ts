import { deadlineLabel } from "@/lib/domain/dates";
import {
  DIRECTIONS,
  EVIDENCE_GRADE_LABELS,
  EVIDENCE_GRADES,
  METRIC_LABELS,
  METRICS,
  SCHEME_LABELS,
  SCHEMES,
  UNIT_LABELS,
  UNITS,
  type DeadlinePrecision,
} from "@/lib/domain/vocabulary";
import {
  date,
  ANNOUNCED_HINT,
  labelled,
  labelsOf,
  number,
  optionsOf,
  requiredDate,
  requiredNumber,
  SOURCES_FIELD,
} from "./field-specs";
import type { FieldSpec, RecordLike } from "./kind";

export const DIRECTION_LABELS = { increase: "Increase", decrease: "Decrease" } as const;

/** The deadline as people read it ("Q3 2026"), from the due date and its precision together. */
function deadlineOf(r: RecordLike): string | null {
  const due = typeof r.due_on === "string" ? r.due_on : null;
  const precision =
    typeof r.deadline_precision === "string" ? (r.deadline_precision as DeadlinePrecision) : null;
  return due && precision ? deadlineLabel(due, precision).replace(/^by /, "") : null;
}

const PRECISION_OPTIONS = [
  ["year", "A year (“by 2025”)"],
  ["quarter", "A quarter (“by Q2 2025”)"],
  ["month", "A month (“by June 2025”)"],
  ["day", "A day (“by 30 June 2025”)"],
] as const;

const CHOOSE = { as: "select", required: true, blank: "Choose…" } as const;

export const COMMITMENT_FIELDS = [
  { key: "company", label: "Company", kind: "value", section: "The commitment", control: { as: "company" } },
  {
    key: "title",
    label: "Title",
    kind: "value",
    control: {
      as: "text",
      required: true,
      hint: "What the company committed to, in a line: “50 per cent increase in the production of locally sourced components by 2025”.",
    },
  },
  {
    key: "description",
    label: "Description",
    kind: "long",
    control: {
      as: "textarea",
      hint: "Context a reader needs: what the target is measured against, and who said it.",
    },
  },
  {
    key: "evidence_grade",
    label: "Evidence grade",
    kind: "value",
    format: labelled(EVIDENCE_GRADE_LABELS),
    control: {
      ...CHOOSE,
      options: optionsOf(EVIDENCE_GRADES, EVIDENCE_GRADE_LABELS),
      hint: "How firm it is, from weakest to strongest: talks reported; announced by the company; a contract signed or land bought; in a regulatory filing; an outcome confirmed independently.",
    },
  },
  {
    key: "announced_on",
    label: "Announcement date",
    kind: "value",
    format: date,
    control: { as: "text", type: "date", hint: ANNOUNCED_HINT },
  },
  {
    key: "metric",
    label: "What is measured",
    kind: "value",
    format: labelled(METRIC_LABELS),
    section: "Target and deadline",
    control: { ...CHOOSE, options: optionsOf(METRICS, METRIC_LABELS) },
  },
  {
    key: "unit",
    label: "Unit",
    kind: "value",
    format: labelled(UNIT_LABELS),
    control: { ...CHOOSE, options: optionsOf(UNITS, UNIT_LABELS) },
  },
  {
    key: "direction",
    label: "Direction",
    kind: "value",
    control: {
      ...CHOOSE,
      options: optionsOf(DIRECTIONS, DIRECTION_LABELS),
      hint: "Whether the target is an increase (more local sourcing) or a decrease (fewer imports).",
    },
  },
  {
    key: "baseline_value",
    label: "Baseline value",
    kind: "value",
    format: number,
    control: requiredNumber(
      "The value when the commitment was made, in the unit above: 0 for a new plant. For yes/no, 0 or 1. Indian grouping (1,00,000) is fine.",
    ),
  },
  {
    key: "baseline_date",
    label: "Baseline date",
    kind: "value",
    format: date,
    control: requiredDate("The day the baseline value refers to."),
  },
  {
    key: "target_value",
    label: "Target value",
    kind: "value",
    format: number,
    control: requiredNumber("For “a 50 per cent increase” in per cent: 50."),
  },
  {
    key: "deadline_precision",
    label: "How precise is the deadline?",
    kind: "value",
    partOf: "deadline",
    control: {
      as: "select",
      blank: "No deadline stated",
      options: PRECISION_OPTIONS,
      hint: "As precise as the company was, and no more: “by 2025” is a year, and falls due at the end of 2025.",
    },
  },
  // The deadline's hint gives examples for today's date, so the form gives it.
  {
    key: "deadline",
    label: "Deadline",
    kind: "value",
    read: deadlineOf,
    control: { as: "text", maxLength: 20 },
  },
  {
    key: "scheme",
    label: "Government scheme",
    kind: "value",
    format: labelled(SCHEME_LABELS),
    section: "Where, what and under which scheme",
    control: { as: "select", blank: "None stated", options: optionsOf(SCHEMES, SCHEME_LABELS) },
  },
  {
    key: "categories",
    label: "Product categories",
    kind: "list",
    control: { as: "text", hint: "Separated by commas: Smartphones, TV sets, Components." },
  },
  {
    key: "states",
    label: "States and union territories",
    kind: "list",
    control: { as: "states", hint: "Tick where the commitment will be carried out, if the source says." },
  },
  SOURCES_FIELD,
] as const satisfies readonly FieldSpec[];

export const COMMITMENT_LABELS = labelsOf(COMMITMENT_FIELDS);
