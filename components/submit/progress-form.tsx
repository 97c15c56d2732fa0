"use client";

import { Link } from "@/components/ui/link";
import { useActionState } from "react";
import { submitProgressAction } from "@/app/submit/actions";
import { SourcesFields, sourceLabels, TextAreaField, TextField } from "./fields";
import { PROGRESS_UPDATE_LABELS as L } from "@/lib/records/progress-update-fields";
import { formView } from "./form-view";
import { initialState, SubmissionForm } from "./submission-form";
import type { SubmissionFormProps } from "./types";

/** The commitment named in the address (?commitment=12), shown so the person knows what they update. */
export type ProgressTarget = {
  id: number;
  title: string;
  companyName: string;
  unit: string;
  baseline: string;
};

export function ProgressForm({
  initialValues,
  resubmitId,
  maxSources,
  commitment,
}: SubmissionFormProps & { commitment: ProgressTarget | null }) {
  const [state, action] = useActionState(submitProgressAction, initialState(initialValues));
  const f = formView(state);
  const chosen = commitment && f.value("commitment_id").trim() === String(commitment.id) ? commitment : null;
  return (
    <SubmissionForm
      action={action}
      state={state}
      labels={{ ...L, ...sourceLabels(maxSources) }}
      resubmitId={resubmitId}
      submitLabel={resubmitId === null ? "Send for review" : "Send the changes for review"}
    >
      {chosen ? (
        <p>
          Progress on <Link href={`/commitments/${chosen.id}`}>{chosen.title}</Link> ({chosen.companyName}).
          Values are in {chosen.unit}; the baseline is {chosen.baseline}.
        </p>
      ) : null}
      <TextField
        f={f}
        name="commitment_id"
        label={L.commitment_id}
        required
        inputMode="numeric"
        hint={
          <>
            The number at the end of the commitment’s address: 12 for /commitments/12. Find it in the{" "}
            <Link href="/commitments">list of commitments</Link>; its page links here with the number filled
            in.
          </>
        }
      />
      <TextField
        f={f}
        name="as_of"
        label={L.as_of}
        type="date"
        required
        hint="The date the value describes (not when it was published), like 2025-03-31."
      />
      <TextField
        f={f}
        name="value"
        label={L.value}
        required
        inputMode="decimal"
        hint="In the commitment’s unit: 30 for 30 per cent. For yes/no, 1 for yes and 0 for no."
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
