"use client";

import { useActionState } from "react";
import { FormProblems, SubmitButton } from "@/components/forms/form-status";
import { TextField } from "@/components/submit/fields";
import { formView } from "@/components/submit/form-view";
import { INITIAL_FORM_STATE } from "@/lib/server/form-state";
import { supersedeAction } from "./actions";

const LABELS = { new_id: "Number of the restated commitment" };

export function SupersedeForm({ oldId }: { oldId: number }) {
  const [state, action] = useActionState(supersedeAction, INITIAL_FORM_STATE);
  const f = formView(state);
  return (
    <form action={action} noValidate>
      <FormProblems state={state} labels={LABELS} />
      <input type="hidden" name="old_id" value={oldId} />
      <TextField
        f={f}
        name="new_id"
        label={LABELS.new_id}
        required
        inputMode="numeric"
        hint="The number at the end of the new commitment's address: 12 for /commitments/12."
      />
      <SubmitButton pendingText="Saving…">Mark as superseded</SubmitButton>
    </form>
  );
}
