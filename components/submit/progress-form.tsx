"use client";

import { Link } from "@/components/ui/link";
import { useActionState } from "react";
import { submitProgressAction } from "@/app/submit/actions";
import { SourcesFields, sourceLabels, SpecFields } from "./fields";
import { PROGRESS_UPDATE_FIELDS, PROGRESS_UPDATE_LABELS as L } from "@/lib/records/progress-update-fields";
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
      <SpecFields
        f={f}
        fields={PROGRESS_UPDATE_FIELDS}
        hints={{
          commitment_id: (
            <>
              The number at the end of the commitment’s address: 12 for /commitments/12. Find it in the{" "}
              <Link href="/commitments">list of commitments</Link>; its page links here with the number filled
              in.
            </>
          ),
        }}
      />
      <SourcesFields f={f} max={maxSources} />
    </SubmissionForm>
  );
}
