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
import { formView } from "./form-view";
import { initialState, SubmissionForm } from "./submission-form";
import type { SubmissionFormProps } from "./types";

// In the order the fields appear: the error summary follows it.
const LABELS: Record<string, string> = {
  operator: "Operating company",
  name: "Name",
  city: "City",
  state_code: "State or union territory",
  stage: "Stage",
  investment_amount: "Investment amount",
  investment_currency: "Currency",
  announced_on: "Announced on",
};

export function FacilityForm({ initialValues, resubmitId, maxSources }: SubmissionFormProps) {
  const [state, action] = useActionState(submitFacilityAction, initialState(initialValues));
  const f = formView(state);
  return (
    <SubmissionForm
      action={action}
      state={state}
      labels={{ ...LABELS, ...sourceLabels(maxSources) }}
      resubmitId={resubmitId}
      submitLabel={resubmitId === null ? "Send for review" : "Send the changes for review"}
    >
      <CompanyField f={f} name="operator" label="Operating company" />
      <TextField
        f={f}
        name="name"
        label="Name"
        required
        hint="As the source names it, or a description: “Optiemus facility, Noida”."
      />
      <TextField f={f} name="city" label="City" hint="The city or town, as the source gives it: Noida." />
      <StateSelectField f={f} name="state_code" label="State or union territory" required />
      <SelectField
        f={f}
        name="stage"
        label="Stage"
        required
        blank="Choose…"
        options={optionsOf(FACILITY_STAGES, FACILITY_STAGE_LABELS)}
      />
      <TextField
        f={f}
        name="investment_amount"
        label="Investment amount"
        inputMode="decimal"
        hint="In the currency the source gives, as a plain number: 37000000 for $37 million. Leave empty if not stated."
      />
      <TextField
        f={f}
        name="investment_currency"
        label="Currency"
        maxLength={3}
        hint="The three-letter code: INR or USD. Needed with an amount."
      />
      <TextField f={f} name="announced_on" label="Announced on" type="date" hint="Like 2023-05-29." />
      <SourcesFields f={f} max={maxSources} />
    </SubmissionForm>
  );
}
