"use client";

import { useActionState } from "react";
import { submitPartnershipAction } from "@/app/submit/actions";
import { PARTNERSHIP_STAGES, PARTNERSHIP_STAGE_LABELS } from "@/lib/domain/vocabulary";
import { CompanyField, optionsOf, SelectField, SourcesFields, sourceLabels, TextField } from "./fields";
import { formView } from "./form-view";
import { initialState, SubmissionForm } from "./submission-form";
import type { SubmissionFormProps } from "./types";

// In the order the fields appear: the error summary follows it.
const LABELS: Record<string, string> = {
  brand: "Brand",
  partner: "Partner",
  product_categories: "Product categories",
  stage: "Stage",
  facility_id: "Facility",
  announced_on: "Announced on",
};

export function PartnershipForm({ initialValues, resubmitId, maxSources }: SubmissionFormProps) {
  const [state, action] = useActionState(submitPartnershipAction, initialState(initialValues));
  const f = formView(state);
  return (
    <SubmissionForm
      action={action}
      state={state}
      labels={{ ...LABELS, ...sourceLabels(maxSources) }}
      resubmitId={resubmitId}
      submitLabel={resubmitId === null ? "Send for review" : "Send the changes for review"}
    >
      <CompanyField f={f} name="brand" label="Brand" />
      <CompanyField f={f} name="partner" label="Partner" />
      <TextField
        f={f}
        name="product_categories"
        label="Product categories"
        hint="Separated by commas: Wireless earbuds, Speakers."
      />
      <SelectField
        f={f}
        name="stage"
        label="Stage"
        required
        blank="Choose…"
        options={optionsOf(PARTNERSHIP_STAGES, PARTNERSHIP_STAGE_LABELS)}
      />
      <TextField
        f={f}
        name="facility_id"
        label="Facility number"
        inputMode="numeric"
        hint="If the partnership makes things at a facility already on the tracker, its number. Leave empty otherwise."
      />
      <TextField f={f} name="announced_on" label="Announced on" type="date" hint="Like 2023-05-29." />
      <SourcesFields f={f} max={maxSources} />
    </SubmissionForm>
  );
}
