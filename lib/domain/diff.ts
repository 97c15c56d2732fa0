import { RECORD_KINDS } from "@/lib/records";
import type { FieldKind, FieldSpec, RecordLike } from "@/lib/records/kind";
import type { RecordType } from "./vocabulary";

// Field by field comparison of two versions of a record, both in the shape of the form's payload
// (a proposal and the published record read back the same way). Reviewers read the result; the
// revision summary ("Changed target value from 50 to 60") is written from it. The fields and
// their labels are the kind's own (lib/records).

const EMPTY = "—";

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** The fields compared and described on their own, in form order. */
const shownFields = (recordType: RecordType): FieldSpec[] =>
  RECORD_KINDS[recordType].fields.filter((spec) => spec.partOf === undefined);

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
  for (const spec of shownFields(recordType)) {
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
  return shownFields(recordType)
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
  if (changes.length === 0) return `Approved the ${RECORD_KINDS[recordType].nouns.singular} without changes`;
  const phrases = changes.slice(0, MAX_PHRASES).map(phrase);
  const more = changes.length - MAX_PHRASES;
  return `Changed ${phrases.join("; ")}${more > 0 ? `; and ${more} more field${more === 1 ? "" : "s"}` : ""}`;
}
