import { date, labelsOf, number, requiredDate, requiredNumber, SOURCES_FIELD } from "./field-specs";
import type { FieldSpec } from "./kind";

export const PROGRESS_UPDATE_FIELDS = [
  // The number's hint links to the list of commitments, so the form gives it.
  {
    key: "commitment_id",
    label: "Commitment number",
    kind: "value",
    control: { as: "text", required: true, inputMode: "numeric" },
  },
  {
    key: "as_of",
    label: "Date of the value",
    kind: "value",
    format: date,
    control: requiredDate("The date the value describes (not when it was published), like 2025-03-31."),
  },
  {
    key: "value",
    label: "Value",
    kind: "value",
    format: number,
    control: requiredNumber(
      "In the commitment’s unit: 30 for 30 per cent. For yes/no, 1 for yes and 0 for no.",
    ),
  },
  {
    key: "note",
    label: "Note",
    kind: "long",
    control: { as: "textarea", hint: "Anything a reader needs to understand the value." },
  },
  SOURCES_FIELD,
] as const satisfies readonly FieldSpec[];

export const PROGRESS_UPDATE_LABELS = labelsOf(PROGRESS_UPDATE_FIELDS);
