"use client";

import { useActionState } from "react";
import { submitCompanyAction } from "@/app/submit/actions";
import { COMPANY_KINDS, COMPANY_KIND_LABELS } from "@/lib/domain/vocabulary";
import { optionsOf, SelectField, SourcesFields, sourceLabels, TextAreaField, TextField } from "./fields";
import { COMPANY_LABELS as L } from "@/lib/records/company-fields";
import { formView } from "./form-view";
import { initialState, SubmissionForm } from "./submission-form";
import type { SubmissionFormProps } from "./types";

export function CompanyForm({ initialValues, resubmitId, maxSources }: SubmissionFormProps) {
  const [state, action] = useActionState(submitCompanyAction, initialState(initialValues));
  const f = formView(state);
  return (
    <SubmissionForm
      action={action}
      state={state}
      labels={{ ...L, ...sourceLabels(maxSources) }}
      resubmitId={resubmitId}
      submitLabel={resubmitId === null ? "Send for review" : "Send the changes for review"}
    >
      <TextField
        f={f}
        name="name"
        label={L.name}
        required
        hint="As the company writes it: Optiemus Electronics Limited."
      />
      <TextField
        f={f}
        name="slug"
        label={L.slug}
        required
        hint="Lower-case letters, digits and single hyphens: optiemus-electronics gives /companies/optiemus-electronics. It cannot change later."
      />
      <SelectField
        f={f}
        name="kind"
        label={L.kind}
        required
        blank="Choose…"
        options={optionsOf(COMPANY_KINDS, COMPANY_KIND_LABELS)}
        hint="A brand sells under its own name; a contract manufacturer makes products for brands; a supplier makes components."
      />
      <TextField
        f={f}
        name="hq_country"
        label={L.hq_country}
        required
        maxLength={2}
        hint="The two-letter ISO country code: IN for India, CN for China, US for the United States, TW for Taiwan."
      />
      <TextField
        f={f}
        name="website"
        label={L.website}
        type="url"
        inputMode="url"
        hint="Starting with https://."
      />
      <TextAreaField
        f={f}
        name="description"
        label={L.description}
        hint="What the company makes or sells in India."
      />
      <SourcesFields f={f} max={maxSources} />
    </SubmissionForm>
  );
}
