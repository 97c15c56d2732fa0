"use client";

import { useActionState } from "react";
import { submitCompanyAction } from "@/app/submit/actions";
import { COMPANY_KINDS, COMPANY_KIND_LABELS } from "@/lib/domain/vocabulary";
import { optionsOf, SelectField, SourcesFields, sourceLabels, TextAreaField, TextField } from "./fields";
import { formView } from "./form-view";
import { initialState, SubmissionForm } from "./submission-form";
import type { SubmissionFormProps } from "./types";

// In the order the fields appear: the error summary follows it.
const LABELS: Record<string, string> = {
  name: "Name",
  slug: "Short name",
  kind: "Kind of company",
  hq_country: "Headquarters country",
  website: "Website",
  description: "Description",
};

export function CompanyForm({ initialValues, resubmitId, maxSources }: SubmissionFormProps) {
  const [state, action] = useActionState(submitCompanyAction, initialState(initialValues));
  const f = formView(state);
  return (
    <SubmissionForm
      action={action}
      state={state}
      labels={{ ...LABELS, ...sourceLabels(maxSources) }}
      resubmitId={resubmitId}
      submitLabel={resubmitId === null ? "Send for review" : "Send the changes for review"}
    >
      <TextField
        f={f}
        name="name"
        label="Name"
        required
        hint="As the company writes it: Optiemus Electronics Limited."
      />
      <TextField
        f={f}
        name="slug"
        label="Short name for the address"
        required
        hint="Lower-case letters, digits and single hyphens: optiemus-electronics gives /companies/optiemus-electronics. It cannot change later."
      />
      <SelectField
        f={f}
        name="kind"
        label="Kind of company"
        required
        blank="Choose…"
        options={optionsOf(COMPANY_KINDS, COMPANY_KIND_LABELS)}
        hint="A brand sells under its own name; a contract manufacturer makes products for brands; a supplier makes components."
      />
      <TextField
        f={f}
        name="hq_country"
        label="Headquarters country"
        required
        maxLength={2}
        hint="The two-letter ISO country code: IN for India, CN for China, US for the United States, TW for Taiwan."
      />
      <TextField
        f={f}
        name="website"
        label="Website"
        type="url"
        inputMode="url"
        hint="Starting with https://."
      />
      <TextAreaField
        f={f}
        name="description"
        label="Description"
        hint="What the company makes or sells in India."
      />
      <SourcesFields f={f} max={maxSources} />
    </SubmissionForm>
  );
}
