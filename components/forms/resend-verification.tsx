"use client";

import { useActionState } from "react";
import { resendVerificationAction } from "@/app/account/verification/actions";
import { INITIAL_FORM_STATE } from "@/lib/server/form-state";
import { SubmitButton } from "./form-status";

/**
 * A form of its own with one button, so it can sit beside a submission form without sending (or
 * clearing) what was typed there. The answer is announced where the button is.
 */
export function ResendVerification({ refusal }: { refusal?: string }) {
  const [state, action] = useActionState(resendVerificationAction, INITIAL_FORM_STATE);
  return (
    <form action={action}>
      {refusal ? (
        <p className="notice" role="alert">
          {refusal}
        </p>
      ) : null}
      <SubmitButton pendingText="Sending…">Send the link again</SubmitButton>
      {state.message ? (
        <p role={state.status === "error" ? "alert" : "status"} className="notice">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
