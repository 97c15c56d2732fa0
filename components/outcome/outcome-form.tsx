"use client";

import { useActionState } from "react";
import { recordOutcomeAction } from "@/app/deadlines/outcome/actions";
import { SourcesFields, sourceLabels, TextAreaField, TextField } from "@/components/submit/fields";
import { formView } from "@/components/submit/form-view";
import { initialState, SubmissionForm } from "@/components/submit/submission-form";
import { PROGRESS_UPDATE_LABELS as L } from "@/lib/records/progress-update-fields";

// The progress form's fields, names and schema (ProgressInputSchema), posted to an action that
// publishes at once instead of queueing for review. The commitment is fixed by the page that
// opened the form, so its number travels as a hidden field rather than one to type.

export function OutcomeForm({
  commitmentId,
  unit,
  maxSources,
}: {
  commitmentId: number;
  /** The commitment's unit, in words, for the value's hint. */
  unit: string;
  maxSources: number;
}) {
  const [state, action] = useActionState(recordOutcomeAction, initialState({}));
  const f = formView(state);
  return (
    <SubmissionForm
      action={action}
      state={state}
      // The hidden number can only be wrong if the page was tampered with; its message still shows.
      labels={{ ...L, ...sourceLabels(maxSources) }}
      resubmitId={null}
      submitLabel="Record the outcome"
    >
      <input type="hidden" name="commitment_id" value={commitmentId} />
      <TextField
        f={f}
        name="as_of"
        label={L.as_of}
        type="date"
        required
        hint="The date the value describes (not when it was published), like 2026-03-31."
      />
      <TextField
        f={f}
        name="value"
        label={L.value}
        required
        inputMode="decimal"
        hint={`In ${unit}. For yes/no, 1 for yes and 0 for no.`}
      />
      <TextAreaField
        f={f}
        name="note"
        label={L.note}
        hint="Anything a reader needs to understand the value."
      />
      <SourcesFields f={f} max={maxSources} />
    </SubmissionForm>
  );
}
