"use client";

import { useEffect, useRef } from "react";
import { useFormStatus } from "react-dom";
import { ErrorSummary } from "@/components/ui/field";
import type { FormState } from "@/lib/server/form-state";

/** The problems of the last submission, focused so a screen reader reads them at once. */
export function FormProblems({ state, labels }: { state: FormState; labels: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "error") ref.current?.querySelector<HTMLElement>("[tabindex='-1']")?.focus();
  }, [state]);
  return (
    <div ref={ref}>
      {state.message ? (
        <p className="notice" role="alert">
          {state.message}
        </p>
      ) : null}
      <ErrorSummary errors={state.errors} labels={labels} />
    </div>
  );
}

/** The answer of a one-button form, beside the button: announced, and marked when it is a refusal. */
export function InlineAnswer({ state }: { state: FormState }) {
  if (!state.message) return null;
  return (
    <span role="status" className={state.status === "error" ? "error-message" : undefined}>
      {state.message}
    </span>
  );
}

/** A submit button that says the form is being sent and cannot be pressed twice meanwhile. */
export function SubmitButton({ children, pendingText }: { children: React.ReactNode; pendingText: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending}>
      {pending ? pendingText : children}
    </button>
  );
}

/** The value a field had when the form was last sent, so nothing typed is lost. */
export function typed(state: FormState, name: string): string {
  const v = state.values[name];
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
}
