import { deadlineLabel, formatIndiaDate, isIsoDate } from "./dates";
import { formatCount } from "./format";
import {
  COMPANY_KIND_LABELS,
  EVIDENCE_GRADE_LABELS,
  FACILITY_STAGE_LABELS,
  METRIC_LABELS,
  PARTNERSHIP_STAGE_LABELS,
  SCHEME_LABELS,
  UNIT_LABELS,
  type DeadlinePrecision,
  type RecordType,
} from "./vocabulary";

// Field by field comparison of two versions of a record, both in the shape of the form's payload
// (a proposal and the published record read back the same way). Reviewers read the result; the
// revision summary ("Changed target value from 50 to 60") is written from it.

type RecordLike = Record<string, unknown>;

type FieldKind = "value" | "long" | "list" | "sources";

export type FieldSpec = {
  key: string;
  label: string;
  kind: FieldKind;
  /** How the value is read from the record, when it is not simply record[key]. */
  read?: (record: RecordLike) => unknown;
  format?: (value: unknown) => string;
};

export const RECORD_TYPE_LABELS: Record<RecordType, string> = {
  company: "company",
  facility: "facility",
  partnership: "partnership",
  commitment: "commitment",
  progress_update: "progress update",
};

const EMPTY = "—";

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

const labelled =
  (labels: Record<string, string>) =>
  (v: unknown): string =>
    typeof v === "string" ? (labels[v] ?? v) : String(v);

const number = (v: unknown): string => (typeof v === "number" ? formatCount(v, 6) : String(v));
const date = (v: unknown): string => (typeof v === "string" && isIsoDate(v) ? formatIndiaDate(v) : String(v));
const recordNumber = (v: unknown): string => `number ${String(v)}`;

function deadlineOf(r: RecordLike): string | null {
  const due = typeof r.due_on === "string" ? r.due_on : null;
  const precision =
    typeof r.deadline_precision === "string" ? (r.deadline_precision as DeadlinePrecision) : null;
  return due && precision ? deadlineLabel(due, precision).replace(/^by /, "") : null;
}

const sourcesField: FieldSpec = { key: "sources", label: "Sources", kind: "sources" };

export const RECORD_FIELDS: Record<RecordType, readonly FieldSpec[]> = {
  company: [
    { key: "slug", label: "Short name", kind: "value" },
    { key: "name", label: "Name", kind: "value" },
    { key: "kind", label: "Kind", kind: "value", format: labelled(COMPANY_KIND_LABELS) },
    { key: "hq_country", label: "Headquarters country", kind: "value" },
    { key: "website", label: "Website", kind: "value" },
    { key: "description", label: "Description", kind: "long" },
    sourcesField,
  ],
  facility: [
    { key: "operator", label: "Operating company", kind: "value" },
    { key: "name", label: "Name", kind: "value" },
    { key: "city", label: "City", kind: "value" },
    { key: "state_code", label: "State or union territory", kind: "value" },
    { key: "stage", label: "Stage", kind: "value", format: labelled(FACILITY_STAGE_LABELS) },
    { key: "investment_amount", label: "Investment amount", kind: "value", format: number },
    { key: "investment_currency", label: "Currency", kind: "value" },
    { key: "announced_on", label: "Announcement date", kind: "value", format: date },
    sourcesField,
  ],
  partnership: [
    { key: "brand", label: "Brand", kind: "value" },
    { key: "partner", label: "Partner", kind: "value" },
    { key: "product_categories", label: "Product categories", kind: "list" },
    { key: "facility_id", label: "Facility", kind: "value", format: recordNumber },
    { key: "announced_on", label: "Announcement date", kind: "value", format: date },
    { key: "stage", label: "Stage", kind: "value", format: labelled(PARTNERSHIP_STAGE_LABELS) },
    sourcesField,
  ],
  commitment: [
    { key: "company", label: "Company", kind: "value" },
    { key: "title", label: "Title", kind: "value" },
    { key: "description", label: "Description", kind: "long" },
    { key: "metric", label: "Metric", kind: "value", format: labelled(METRIC_LABELS) },
    { key: "unit", label: "Unit", kind: "value", format: labelled(UNIT_LABELS) },
    { key: "direction", label: "Direction", kind: "value" },
    { key: "baseline_value", label: "Baseline value", kind: "value", format: number },
    { key: "baseline_date", label: "Baseline date", kind: "value", format: date },
    { key: "target_value", label: "Target value", kind: "value", format: number },
    { key: "deadline", label: "Deadline", kind: "value", read: deadlineOf },
    { key: "scheme", label: "Scheme", kind: "value", format: labelled(SCHEME_LABELS) },
    {
      key: "evidence_grade",
      label: "Evidence grade",
      kind: "value",
      format: labelled(EVIDENCE_GRADE_LABELS),
    },
    { key: "announced_on", label: "Announcement date", kind: "value", format: date },
    { key: "categories", label: "Product categories", kind: "list" },
    { key: "states", label: "States", kind: "list" },
    sourcesField,
  ],
  progress_update: [
    { key: "commitment_id", label: "Commitment", kind: "value", format: recordNumber },
    { key: "as_of", label: "Date of the value", kind: "value", format: date },
    { key: "value", label: "Value", kind: "value", format: number },
    { key: "note", label: "Note", kind: "long" },
    sourcesField,
  ],
};

function read(spec: FieldSpec, record: RecordLike): unknown {
  return spec.read ? spec.read(record) : record[spec.key];
}

function display(spec: FieldSpec, value: unknown): string {
  if (isBlank(value)) return EMPTY;
  if (spec.kind === "list") return asList(value).join(", ") || EMPTY;
  if (spec.kind === "sources") return sourceUrls(value).join(", ") || EMPTY;
  return spec.format ? spec.format(value) : String(value);
}

function asList(value: unknown): string[] {
  if (!Array.isArray(value)) return isBlank(value) ? [] : [String(value)];
  return [...new Set(value.filter((v) => !isBlank(v)).map(String))].sort();
}

function sourceUrls(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return [
    ...new Set(
      value.flatMap((s) =>
        typeof s === "object" && s !== null && typeof (s as { url?: unknown }).url === "string"
          ? [(s as { url: string }).url]
          : [],
      ),
    ),
  ];
}

/** Equal as values: blanks are equal to each other, numbers compare as numbers. */
function sameValue(a: unknown, b: unknown): boolean {
  if (isBlank(a) || isBlank(b)) return isBlank(a) && isBlank(b);
  if (typeof a === "number" || typeof b === "number") return Number(a) === Number(b);
  return String(a) === String(b);
}

export type FieldChange = {
  key: string;
  label: string;
  kind: FieldKind;
  before: string;
  after: string;
  /** For lists and sources: what the new version adds and removes (sources by address). */
  added: string[];
  removed: string[];
};

/** The fields that differ between two versions of a record of this type, in form order. */
export function diffRecords(recordType: RecordType, before: RecordLike, after: RecordLike): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const spec of RECORD_FIELDS[recordType]) {
    const a = read(spec, before);
    const b = read(spec, after);
    let added: string[] = [];
    let removed: string[] = [];
    if (spec.kind === "list" || spec.kind === "sources") {
      // Order carries no meaning in a list of categories, states or sources.
      const from = spec.kind === "list" ? asList(a) : sourceUrls(a);
      const to = spec.kind === "list" ? asList(b) : sourceUrls(b);
      added = to.filter((x) => !from.includes(x));
      removed = from.filter((x) => !to.includes(x));
      if (added.length === 0 && removed.length === 0) continue;
    } else if (sameValue(a, b)) {
      continue;
    }
    changes.push({
      key: spec.key,
      label: spec.label,
      kind: spec.kind,
      before: display(spec, a),
      after: display(spec, b),
      added,
      removed,
    });
  }
  return changes;
}

/** Every field of a proposal as label and readable value, sources left to their own list. */
export function describeRecord(
  recordType: RecordType,
  record: RecordLike,
): { key: string; label: string; value: string }[] {
  return RECORD_FIELDS[recordType]
    .filter((spec) => spec.kind !== "sources")
    .map((spec) => ({ key: spec.key, label: spec.label, value: display(spec, read(spec, record)) }));
}

const SHORT = 60;
const MAX_PHRASES = 3;

function phrase(change: FieldChange): string {
  const label = change.label.toLowerCase();
  if (change.kind === "list" || change.kind === "sources") {
    const what = change.kind === "sources" ? (n: number) => `${n} source${n === 1 ? "" : "s"}` : null;
    const parts = [
      change.added.length ? `added ${what ? what(change.added.length) : change.added.join(", ")}` : null,
      change.removed.length
        ? `removed ${what ? what(change.removed.length) : change.removed.join(", ")}`
        : null,
    ].filter(Boolean);
    return `${label} (${parts.join("; ")})`;
  }
  if (change.kind === "long" || change.before.length > SHORT || change.after.length > SHORT) return label;
  return `${label} from ${change.before} to ${change.after}`;
}

/** A revision's one-line summary: "Changed target value from 50 to 60; deadline from 2025 to 2026". */
export function summariseChanges(recordType: RecordType, changes: readonly FieldChange[]): string {
  if (changes.length === 0) return `Approved the ${RECORD_TYPE_LABELS[recordType]} without changes`;
  const phrases = changes.slice(0, MAX_PHRASES).map(phrase);
  const more = changes.length - MAX_PHRASES;
  return `Changed ${phrases.join("; ")}${more > 0 ? `; and ${more} more field${more === 1 ? "" : "s"}` : ""}`;
}
