import { COMPANY_KIND_LABELS } from "@/lib/domain/vocabulary";
import { labelled, labelsOf, SOURCES_FIELD } from "./field-specs";
import type { FieldSpec } from "./kind";

export const COMPANY_FIELDS = [
  { key: "name", label: "Name", kind: "value" },
  { key: "slug", label: "Short name for the address", kind: "value" },
  { key: "kind", label: "Kind of company", kind: "value", format: labelled(COMPANY_KIND_LABELS) },
  { key: "hq_country", label: "Headquarters country", kind: "value" },
  { key: "website", label: "Website", kind: "value" },
  { key: "description", label: "Description", kind: "long" },
  SOURCES_FIELD,
] as const satisfies readonly FieldSpec[];

export const COMPANY_LABELS = labelsOf(COMPANY_FIELDS);
