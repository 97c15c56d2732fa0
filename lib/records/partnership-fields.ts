import { PARTNERSHIP_STAGE_LABELS, PARTNERSHIP_STAGES } from "@/lib/domain/vocabulary";
import { date, ANNOUNCED_HINT, labelled, labelsOf, optionsOf, SOURCES_FIELD } from "./field-specs";
import type { FieldSpec } from "./kind";

export const PARTNERSHIP_FIELDS = [
  { key: "brand", label: "Brand", kind: "value", control: { as: "company" } },
  { key: "partner", label: "Partner", kind: "value", control: { as: "company" } },
  {
    key: "product_categories",
    label: "Product categories",
    kind: "list",
    control: { as: "text", hint: "Separated by commas: Wireless earbuds, Speakers." },
  },
  {
    key: "stage",
    label: "Stage",
    kind: "value",
    format: labelled(PARTNERSHIP_STAGE_LABELS),
    control: {
      as: "select",
      required: true,
      blank: "Choose…",
      options: optionsOf(PARTNERSHIP_STAGES, PARTNERSHIP_STAGE_LABELS),
    },
  },
  {
    key: "facility_id",
    label: "Facility number",
    kind: "value",
    control: {
      as: "text",
      inputMode: "numeric",
      hint: "If the partnership makes things at a facility already on the tracker, its number. Leave empty otherwise.",
    },
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

export const PARTNERSHIP_LABELS = labelsOf(PARTNERSHIP_FIELDS);
