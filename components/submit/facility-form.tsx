"use client";

import { useActionState } from "react";
import { submitFacilityAction } from "@/app/submit/actions";
import { SourcesFields, sourceLabels, SpecFields } from "./fields";
import { FACILITY_FIELDS, FACILITY_LABELS as L } from "@/lib/records/facility-fields";
import { formView } from "./form-view";
import { initialState, SubmissionForm } from "./submission-form";
import type { SubmissionFormProps } from "./types";

export function FacilityForm({ initialValues, resubmitId, maxSources }: SubmissionFormProps) {
  const [state, action] = useActionState(submitFacilityAction, initialState(initialValues));
  const f = formView(state);
  return (
    <SubmissionForm
      action={action}
      state={state}
      labels={{ ...L, ...sourceLabels(maxSources) }}
      resubmitId={resubmitId}
      submitLabel={resubmitId === null ? "Send for review" : "Send the changes for review"}
    >
      <SpecFields f={f} fields={FACILITY_FIELDS} />
      <SourcesFields f={f} max={maxSources} />
    </SubmissionForm>
  );
}
