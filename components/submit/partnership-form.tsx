"use client";

import { useActionState } from "react";
import { submitPartnershipAction } from "@/app/submit/actions";
import { SourcesFields, sourceLabels, SpecFields } from "./fields";
import { PARTNERSHIP_FIELDS, PARTNERSHIP_LABELS as L } from "@/lib/records/partnership-fields";
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
      <SpecFields f={f} fields={PARTNERSHIP_FIELDS} />
      <SourcesFields f={f} max={maxSources} />
    </SubmissionForm>
  );
}
