"use client";

import { useActionState } from "react";
import { submitFacilityAction } from "@/app/submit/actions";
import { FACILITY_STAGES, FACILITY_STAGE_LABELS } from "@/lib/domain/vocabulary";
import {
  CompanyField,
  optionsOf,
  SelectField,
  SourcesFields,
  sourceLabels,
  StateSelectField,
  TextField,
} from "./fields";
import { FACILITY_LABELS as L } from "@/lib/records/facility-fields";
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
      <CompanyField f={f} name="operator" label={L.operator} />
      <TextField
        f={f}
        name="name"
        label={L.name}
        required
        hint="As the source names it, or a description: “Optiemus facility, Noida”."
      />
      <TextField f={f} name="city" label={L.city} hint="The city or town, as the source gives it: Noida." />
      <StateSelectField f={f} name="state_code" label={L.state_code} required />
      <SelectField
        f={f}
        name="stage"
        label={L.stage}
        required
        blank="Choose…"
        options={optionsOf(FACILITY_STAGES, FACILITY_STAGE_LABELS)}
      />
      <TextField
        f={f}
        name="investment_amount"
        label={L.investment_amount}
        inputMode="decimal"
        hint="In the currency the source gives, as a plain number: 37000000 for $37 million. Leave empty if not stated."
      />
      <TextField
        f={f}
        name="investment_currency"
        label={L.investment_currency}
        maxLength={3}
        hint="The three-letter code: INR or USD. Needed with an amount."
      />
      <TextField f={f} name="announced_on" label={L.announced_on} type="date" hint="Like 2023-05-29." />
      <SourcesFields f={f} max={maxSources} />
    </SubmissionForm>
  );
}
