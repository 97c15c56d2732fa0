"use client";

import { Link } from "@/components/ui/link";
import { useActionState } from "react";
import { forgotPasswordAction, resetPasswordAction, signInAction, signUpAction } from "@/app/account/actions";
import { Field } from "@/components/ui/field";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/server/form-state";
import { FormProblems, SubmitButton, typed } from "./form-status";

const LABELS = { name: "Name", email: "Email", password: "Password" };

/** Keyed by what was typed, so the value sent comes back after an error (React resets the form). */
function EmailField({ state }: { state: FormState }) {
  return (
    <Field id="email" label="Email" error={state.errors.email} required>
      {(p) => (
        <input
          {...p}
          type="email"
          autoComplete="email"
          defaultValue={typed(state, "email")}
          key={`email-${typed(state, "email")}`}
        />
      )}
    </Field>
  );
}

export function SignUpForm({ next }: { next: string }) {
  const [state, action] = useActionState(signUpAction, INITIAL_FORM_STATE);
  return (
    <form action={action} noValidate>
      <FormProblems state={state} labels={LABELS} />
      {state.status === "success" ? (
        <p role="status" className="notice">
          {state.message}
        </p>
      ) : null}
      <input type="hidden" name="next" value={next} />
      <Field id="name" label="Name" error={state.errors.name} required>
        {(p) => (
          <input
            {...p}
            type="text"
            autoComplete="name"
            defaultValue={typed(state, "name")}
            key={`name-${typed(state, "name")}`}
          />
        )}
      </Field>
      <EmailField state={state} />
      <Field
        id="password"
        label="Password"
        error={state.errors.password}
        hint="At least 8 characters. A few words strung together make a good one; common passwords are refused."
        required
      >
        {(p) => <input {...p} type="password" autoComplete="new-password" />}
      </Field>
      <SubmitButton pendingText="Creating your account…">Create account</SubmitButton>
      <p>
        Already have an account? <Link href={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in</Link>
      </p>
    </form>
  );
}

export function SignInForm({ next }: { next: string }) {
  const [state, action] = useActionState(signInAction, INITIAL_FORM_STATE);
  return (
    <form action={action} noValidate>
      <FormProblems state={state} labels={LABELS} />
      <input type="hidden" name="next" value={next} />
      <EmailField state={state} />
      <Field id="password" label="Password" error={state.errors.password} required>
        {(p) => <input {...p} type="password" autoComplete="current-password" />}
      </Field>
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
      <p>
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
      <p>
        New here? <Link href={`/sign-up?next=${encodeURIComponent(next)}`}>Create an account</Link>
      </p>
    </form>
  );
}

export function ForgotPasswordForm() {
  const [state, action] = useActionState(forgotPasswordAction, INITIAL_FORM_STATE);
  return (
    <form action={action} noValidate>
      <FormProblems state={state} labels={LABELS} />
      {state.status === "success" ? (
        <p role="status" className="notice">
          {state.message}
        </p>
      ) : null}
      <EmailField state={state} />
      <SubmitButton pendingText="Sending…">Send me a link</SubmitButton>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState(resetPasswordAction, INITIAL_FORM_STATE);
  return (
    <form action={action} noValidate>
      <FormProblems state={state} labels={{ ...LABELS, password: "New password" }} />
      <input type="hidden" name="token" value={token} />
      <Field
        id="password"
        label="New password"
        error={state.errors.password}
        required
        hint="At least 8 characters. A few words strung together make a good one; common passwords are refused."
      >
        {(p) => <input {...p} type="password" autoComplete="new-password" />}
      </Field>
      <SubmitButton pendingText="Saving…">Save the new password</SubmitButton>
      {state.status === "error" && state.message ? (
        <p>
          <Link href="/forgot-password">Ask for a new link</Link>
        </p>
      ) : null}
    </form>
  );
}
