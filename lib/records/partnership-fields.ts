import { PARTNERSHIP_STAGE_LABELS } from "@/lib/domain/vocabulary";
import { date, labelled, labelsOf, SOURCES_FIELD } from "./field-specs";
import type { FieldSpec } from "./kind";

export const PARTNERSHIP_FIELDS = [
  { key: "brand", label: "Brand", kind: "value" },
  { key: "partner", label: "Partner", kind: "value" },
  { key: "product_categories", label: "Product categories", kind: "list" },
  { key: "stage", label: "Stage", kind: "value", format: labelled(PARTNERSHIP_STAGE_LABELS) },
  { key: "facility_id", label: "Facility number", kind: "value" },
  { key: "announced_on", label: "Announcement date", kind: "value", format: date },
  SOURCES_FIELD,
] as const satisfies readonly FieldSpec[];

export const PARTNERSHIP_LABELS = labelsOf(PARTNERSHIP_FIELDS);
