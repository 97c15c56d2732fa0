import { date, labelsOf, number, SOURCES_FIELD } from "./field-specs";
import type { FieldSpec } from "./kind";

export const PROGRESS_UPDATE_FIELDS = [
  { key: "commitment_id", label: "Commitment number", kind: "value" },
  { key: "as_of", label: "Date of the value", kind: "value", format: date },
  { key: "value", label: "Value", kind: "value", format: number },
  { key: "note", label: "Note", kind: "long" },
  SOURCES_FIELD,
] as const satisfies readonly FieldSpec[];

export const PROGRESS_UPDATE_LABELS = labelsOf(PROGRESS_UPDATE_FIELDS);
