"use client";

import { useActionState } from "react";
import { InlineAnswer, SubmitButton } from "@/components/forms/form-status";
import { INITIAL_FORM_STATE } from "@/lib/server/form-state";
import { requeueMailAction } from "./actions";

export function RequeueForm({ id, recipient }: { id: number; recipient: string }) {
  const [state, action] = useActionState(requeueMailAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="chart-actions">
      <input type="hidden" name="id" value={id} />
      <SubmitButton pendingText="Queuing…">
        Send again<span className="visually-hidden"> to {recipient}</span>
      </SubmitButton>
      <InlineAnswer state={state} />
    </form>
  );
}
