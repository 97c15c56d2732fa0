"use client";

import { useActionState } from "react";
import { submitCompanyAction } from "@/app/submit/actions";
import { SourcesFields, sourceLabels, SpecFields } from "./fields";
import { COMPANY_FIELDS, COMPANY_LABELS as L } from "@/lib/records/company-fields";
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
      <SpecFields f={f} fields={COMPANY_FIELDS} />
      <SourcesFields f={f} max={maxSources} />
    </SubmissionForm>
  );
}
