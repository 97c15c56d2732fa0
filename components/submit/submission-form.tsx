"use client";

import { Fragment, type FormEventHandler, type MouseEvent, type ReactNode, type Ref } from "react";
import { FormProblems, SubmitButton } from "@/components/forms/form-status";
import { ResendVerification } from "@/components/forms/resend-verification";
import { valuesKey } from "./form-view";
import type { SubmitFormState } from "./types";
import styles from "./submit.module.css";

/** The shell every submission form shares: problems first, then the fields, then the buttons. */
export function SubmissionForm({
  action,
  state,
  labels,
  resubmitId,
  submitLabel,
  children,
  extraActions,
  formRef,
  onChange,
}: {
  action: (formData: FormData) => void;
  state: SubmitFormState;
  labels: Record<string, string>;
  resubmitId: number | null;
  submitLabel: string;
  children: ReactNode;
  extraActions?: ReactNode;
  formRef?: Ref<HTMLFormElement>;
  onChange?: FormEventHandler<HTMLFormElement>;
}) {
  return (
    <>
      {/* Its own form, before this one: forms do not nest, and this one keeps what was typed. The
          refusal is said there, beside the button that answers it. */}
      {state.unverified ? <ResendVerification refusal={state.message} /> : null}
      {/* noValidate: the server's messages, beside each field and in the summary, are the ones
          shown, with or without JavaScript, rather than the browser's own bubbles for some fields. */}
      <form action={action} noValidate ref={formRef} onChange={onChange}>
        <div onClick={focusLinkedField}>
          <FormProblems
            state={{
              ...state,
              message: state.unverified ? undefined : state.message,
              errors: inFormOrder(state.errors, labels),
            }}
            labels={labels}
          />
        </div>
        {resubmitId !== null ? <input type="hidden" name="resubmit" value={resubmitId} /> : null}
        <Fragment key={valuesKey(state.values)}>{children}</Fragment>
        <div className={styles.actions}>
          <SubmitButton pendingText="Sending…">{submitLabel}</SubmitButton>
          {extraActions}
        </div>
      </form>
    </>
  );
}

/**
 * A link in the error summary moves focus into its field, not only the scroll position (which
 * is all a fragment link does without JavaScript), so the person can type the fix at once.
 */
function focusLinkedField(e: MouseEvent<HTMLDivElement>) {
  if (!(e.target instanceof Element)) return;
  const href = e.target.closest("a")?.getAttribute("href");
  if (!href?.startsWith("#")) return;
  const field = document.getElementById(href.slice(1));
  if (!field) return;
  e.preventDefault();
  field.scrollIntoView({ block: "center" });
  field.focus({ preventScroll: true });
}

/**
 * The errors in the order their fields appear (the order of `labels`), so the summary reads down
 * the form rather than in the order the schema happened to check.
 */
function inFormOrder(errors: Record<string, string>, labels: Record<string, string>): Record<string, string> {
  const order = Object.keys(labels);
  const rank = (key: string) => {
    const i = order.indexOf(key);
    return i === -1 ? order.length : i;
  };
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

/** The state a form starts in: empty, or the stored proposal being edited. */
export function initialState(values: Record<string, string | string[]>): SubmitFormState {
  return { status: "idle", errors: {}, values };
}
