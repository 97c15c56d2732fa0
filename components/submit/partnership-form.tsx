"use client";

import { useActionState } from "react";
import { submitPartnershipAction } from "@/app/submit/actions";
import { PARTNERSHIP_STAGES, PARTNERSHIP_STAGE_LABELS } from "@/lib/domain/vocabulary";
import { CompanyField, optionsOf, SelectField, SourcesFields, sourceLabels, TextField } from "./fields";
import { PARTNERSHIP_LABELS as L } from "@/lib/records/partnership-fields";
import { formView } from "./form-view";
import { initialState, SubmissionForm } from "./submission-form";
import type { SubmissionFormProps } from "./types";

export function PartnershipForm({ initialValues, resubmitId, maxSources }: SubmissionFormProps) {
  const [state, action] = useActionState(submitPartnershipAction, initialState(initialValues));
  const f = formView(state);
  return (
    <SubmissionForm
      action={action}
      state={state}
      labels={{ ...L, ...sourceLabels(maxSources) }}
      resubmitId={resubmitId}
      submitLabel={resubmitId === null ? "Send for review" : "Send the changes for review"}
    >
      <CompanyField f={f} name="brand" label={L.brand} />
      <CompanyField f={f} name="partner" label={L.partner} />
      <TextField
        f={f}
        name="product_categories"
        label={L.product_categories}
        hint="Separated by commas: Wireless earbuds, Speakers."
      />
      <SelectField
        f={f}
        name="stage"
        label={L.stage}
        required
        blank="Choose…"
        options={optionsOf(PARTNERSHIP_STAGES, PARTNERSHIP_STAGE_LABELS)}
      />
      <TextField
        f={f}
        name="facility_id"
        label={L.facility_id}
        inputMode="numeric"
        hint="If the partnership makes things at a facility already on the tracker, its number. Leave empty otherwise."
      />
      <TextField f={f} name="announced_on" label={L.announced_on} type="date" hint="Like 2023-05-29." />
      <SourcesFields f={f} max={maxSources} />
    </SubmissionForm>
  );
}
