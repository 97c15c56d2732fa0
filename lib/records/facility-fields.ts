import { FACILITY_STAGE_LABELS } from "@/lib/domain/vocabulary";
import { date, labelled, labelsOf, number, SOURCES_FIELD } from "./field-specs";
import type { FieldSpec } from "./kind";

export const FACILITY_FIELDS = [
  { key: "operator", label: "Operating company", kind: "value" },
  { key: "name", label: "Name", kind: "value" },
  { key: "city", label: "City", kind: "value" },
  { key: "state_code", label: "State or union territory", kind: "value" },
  { key: "stage", label: "Stage", kind: "value", format: labelled(FACILITY_STAGE_LABELS) },
  { key: "investment_amount", label: "Investment amount", kind: "value", format: number },
  { key: "investment_currency", label: "Currency", kind: "value" },
  { key: "announced_on", label: "Announcement date", kind: "value", format: date },
  SOURCES_FIELD,
] as const satisfies readonly FieldSpec[];

export const FACILITY_LABELS = labelsOf(FACILITY_FIELDS);
