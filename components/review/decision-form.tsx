"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { decideAction } from "@/app/review/actions";
import { FormProblems, typed } from "@/components/forms/form-status";
import { Field } from "@/components/ui/field";
import { INITIAL_FORM_STATE } from "@/lib/server/form-state";
import styles from "./review.module.css";

const LABELS = { reason: "Reason or comment" };

function DecisionButton({
  value,
  children,
  className,
}: {
  value: string;
  children: string;
  className?: string;
}) {
  // Every button is disabled while any decision is being sent, so one click decides once.
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      name="decision"
      value={value}
      disabled={pending}
      aria-disabled={pending}
      className={className}
    >
      {children}
    </button>
  );
}

/** Approve, request changes or reject; the reason is required for the last two. */
export function DecisionForm({ id, canApprove }: { id: number; canApprove: boolean }) {
  const [state, action] = useActionState(decideAction, INITIAL_FORM_STATE);
  return (
    <form action={action} noValidate aria-labelledby="decision-heading">
      <h2 id="decision-heading">Your decision</h2>
      <FormProblems state={state} labels={LABELS} />
      <input type="hidden" name="id" value={id} />
      <Field
        id="reason"
        label={LABELS.reason}
        error={state.errors.reason}
        hint="Required to reject or to request changes: the contributor reads it. When approving, an optional note."
      >
        {(p) => (
          <textarea
            {...p}
            rows={4}
            defaultValue={typed(state, "reason")}
            key={`reason-${typed(state, "reason")}`}
          />
        )}
      </Field>
      <div className={styles.actions}>
        {canApprove ? <DecisionButton value="approve">Approve and publish</DecisionButton> : null}
        <DecisionButton value="request_changes" className="secondary">
          Request changes
        </DecisionButton>
        <DecisionButton value="reject" className={styles.danger}>
          Reject
        </DecisionButton>
      </div>
    </form>
  );
}
