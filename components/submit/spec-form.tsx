"use client";

import { useActionState } from "react";
import { submitCompanyAction, submitFacilityAction, submitPartnershipAction } from "@/app/submit/actions";
import { SourcesFields, sourceLabels, SpecFields } from "./fields";
import { COMPANY_FIELDS, COMPANY_LABELS } from "@/lib/records/company-fields";
import { FACILITY_FIELDS, FACILITY_LABELS } from "@/lib/records/facility-fields";
import { PARTNERSHIP_FIELDS, PARTNERSHIP_LABELS } from "@/lib/records/partnership-fields";
import { formView } from "./form-view";
import { initialState, SubmissionForm } from "./submission-form";
import type { SubmissionFormProps } from "./types";

// The forms that are nothing but their kind's field specs and its sources: one component, so a
// field added to one of these kinds (lib/records/<kind>-fields.ts) needs nothing here. The
// commitment and progress forms have behaviour of their own (duplicates, the commitment named)
// and keep their own files.

const FORMS = {
  company: { action: submitCompanyAction, fields: COMPANY_FIELDS, labels: COMPANY_LABELS },
  facility: { action: submitFacilityAction, fields: FACILITY_FIELDS, labels: FACILITY_LABELS },
  partnership: { action: submitPartnershipAction, fields: PARTNERSHIP_FIELDS, labels: PARTNERSHIP_LABELS },
} as const;

export type SpecFormKind = keyof typeof FORMS;

export function SpecForm({
  kind,
  initialValues,
  resubmitId,
  maxSources,
}: SubmissionFormProps & { kind: SpecFormKind }) {
  const form = FORMS[kind];
  const [state, action] = useActionState(form.action, initialState(initialValues));
  const f = formView(state);
  return (
    <SubmissionForm
      action={action}
      state={state}
      labels={{ ...form.labels, ...sourceLabels(maxSources) }}
      resubmitId={resubmitId}
      submitLabel={resubmitId === null ? "Send for review" : "Send the changes for review"}
    >
      <SpecFields f={f} fields={form.fields} />
      <SourcesFields f={f} max={maxSources} />
    </SubmissionForm>
  );
}
