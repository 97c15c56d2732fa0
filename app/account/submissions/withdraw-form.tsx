"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import styles from "@/components/submit/submit.module.css";
import { INITIAL_FORM_STATE } from "@/lib/server/form-state";
import { withdrawSubmissionAction } from "./actions";

function WithdrawButton({ describedBy, title }: { describedBy: string; title: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      className="secondary"
      disabled={pending}
      aria-disabled={pending}
      aria-describedby={describedBy}
    >
      {pending ? "Withdrawing…" : "Withdraw"}
      <span className="visually-hidden"> “{title}”</span>
    </button>
  );
}

/**
 * Withdraws an open submission at once, without a JavaScript confirm (which would not exist
 * without JavaScript): the words beside the button say what it does before it is pressed.
 */
export function WithdrawForm({ id, title }: { id: number; title: string }) {
  const [state, action] = useActionState(withdrawSubmissionAction, INITIAL_FORM_STATE);
  const helpId = `withdraw-${id}-help`;
  return (
    <form action={action} className={styles.withdrawForm}>
      <input type="hidden" name="id" value={id} />
      <p id={helpId} className="hint">
        Withdrawing takes this proposal out of review at once. It stays in this list, marked withdrawn, and
        cannot be reopened; you can propose it again later.
      </p>
      <WithdrawButton describedBy={helpId} title={title} />
      {state.message ? (
        <p role="alert" className="error-message">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
