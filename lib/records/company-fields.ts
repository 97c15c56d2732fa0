import { COMPANY_KIND_LABELS, COMPANY_KINDS } from "@/lib/domain/vocabulary";
import { labelled, labelsOf, optionsOf, SOURCES_FIELD } from "./field-specs";
import type { FieldSpec } from "./kind";

export const COMPANY_FIELDS = [
  {
    key: "name",
    label: "Name",
    kind: "value",
    control: { as: "text", required: true, hint: "As the company writes it: Optiemus Electronics Limited." },
  },
  {
    key: "slug",
    label: "Short name for the address",
    kind: "value",
    control: {
      as: "text",
      required: true,
      hint: "Lower-case letters, digits and single hyphens: optiemus-electronics gives /companies/optiemus-electronics. It cannot change later.",
    },
  },
  {
    key: "kind",
    label: "Kind of company",
    kind: "value",
    format: labelled(COMPANY_KIND_LABELS),
    control: {
      as: "select",
      required: true,
      blank: "Choose…",
      options: optionsOf(COMPANY_KINDS, COMPANY_KIND_LABELS),
      hint: "A brand sells under its own name; a contract manufacturer makes products for brands; a supplier makes components.",
    },
  },
  {
    key: "hq_country",
    label: "Headquarters country",
    kind: "value",
    control: {
      as: "text",
      required: true,
      maxLength: 2,
      hint: "The two-letter ISO country code: IN for India, CN for China, US for the United States, TW for Taiwan.",
    },
  },
  {
    key: "website",
    label: "Website",
    kind: "value",
    control: { as: "text", type: "url", inputMode: "url", hint: "Starting with https://." },
  },
  {
    key: "description",
    label: "Description",
    kind: "long",
    control: { as: "textarea", hint: "What the company makes or sells in India." },
  },
  SOURCES_FIELD,
] as const satisfies readonly FieldSpec[];

export const COMPANY_LABELS = labelsOf(COMPANY_FIELDS);
