import { FACILITY_STAGE_LABELS, FACILITY_STAGES } from "@/lib/domain/vocabulary";
import { date, ANNOUNCED_HINT, labelled, labelsOf, number, optionsOf, SOURCES_FIELD } from "./field-specs";
import type { FieldSpec } from "./kind";

export const FACILITY_FIELDS = [
  { key: "operator", label: "Operating company", kind: "value", control: { as: "company" } },
  {
    key: "name",
    label: "Name",
    kind: "value",
    control: {
      as: "text",
      required: true,
      hint: "As the source names it, or a description: “Optiemus facility, Noida”.",
    },
  },
  {
    key: "city",
    label: "City",
    kind: "value",
    control: { as: "text", hint: "The city or town, as the source gives it: Noida." },
  },
  {
    key: "state_code",
    label: "State or union territory",
    kind: "value",
    control: { as: "state", required: true },
  },
  {
    key: "stage",
    label: "Stage",
    kind: "value",
    format: labelled(FACILITY_STAGE_LABELS),
    control: {
      as: "select",
      required: true,
      blank: "Choose…",
      options: optionsOf(FACILITY_STAGES, FACILITY_STAGE_LABELS),
    },
  },
  {
    key: "investment_amount",
    label: "Investment amount",
    kind: "value",
    format: number,
    control: {
      as: "text",
      inputMode: "decimal",
      hint: "In the currency the source gives, as a plain number: 37000000 for $37 million. Leave empty if not stated.",
    },
  },
  {
    key: "investment_currency",
    label: "Currency",
    kind: "value",
    control: { as: "text", maxLength: 3, hint: "The three-letter code: INR or USD. Needed with an amount." },
  },
  {
    key: "announced_on",
    label: "Announcement date",
    kind: "value",
    format: date,
    control: { as: "text", type: "date", hint: ANNOUNCED_HINT },
  },
  SOURCES_FIELD,
] as const satisfies readonly FieldSpec[];

export const FACILITY_LABELS = labelsOf(FACILITY_FIELDS);
