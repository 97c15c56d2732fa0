"use client";

import { useActionState } from "react";
import { saveDigestSettingsAction } from "@/app/account/digests/actions";
import { ChoiceFieldset, fieldId } from "@/components/ui/field";
import { DIGEST_FREQUENCIES, type DigestFrequency, type DigestKind } from "@/lib/domain/digest-schedule";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/server/form-state";
import { DIGEST_FIELDS, FREQUENCY_LABELS } from "@/lib/validation/digests";
import { FormProblems, SubmitButton, typed } from "./form-status";

const LABELS = Object.fromEntries(Object.entries(DIGEST_FIELDS).map(([k, f]) => [k, f.legend]));

function FrequencyChoice({
  kind,
  current,
  state,
}: {
  kind: DigestKind;
  current: DigestFrequency;
  state: FormState;
}) {
  const { legend, hint } = DIGEST_FIELDS[kind];
  const chosen = (state.status === "error" && typed(state, kind)) || current;
  return (
    <ChoiceFieldset name={kind} legend={legend} hint={hint} error={state.errors[kind]}>
      {DIGEST_FREQUENCIES.map((frequency, i) => (
        <label key={frequency}>
          <input
            type="radio"
            name={kind}
            value={frequency}
            // The first carries the field's own id, which the error summary links to.
            id={i === 0 ? fieldId(kind) : `${fieldId(kind)}-${frequency}`}
            defaultChecked={chosen === frequency}
          />
          {FREQUENCY_LABELS[frequency]}
        </label>
      ))}
    </ChoiceFieldset>
  );
}

/** How often each digest the person can receive comes; works without JavaScript. */
export function DigestSettingsForm({
  settings,
}: {
  /** The digests this person can receive, with their current choice. */
  settings: Partial<Record<DigestKind, DigestFrequency>>;
}) {
  const [state, action] = useActionState(saveDigestSettingsAction, INITIAL_FORM_STATE);
  return (
    <form action={action} noValidate>
      <FormProblems state={state} labels={LABELS} />
      {/* Present before the answer comes, so screen readers announce it when it does. */}
      <p role="status" className={state.status === "success" ? "notice" : undefined}>
        {state.status === "success" ? state.message : null}
      </p>
      {(Object.keys(DIGEST_FIELDS) as DigestKind[]).flatMap((kind) => {
        const current = settings[kind];
        // Keyed by the saved choice, so the form shows it again after each save.
        return current
          ? [<FrequencyChoice key={`${kind}-${current}`} kind={kind} current={current} state={state} />]
          : [];
      })}
      <SubmitButton pendingText="Saving…">Save email settings</SubmitButton>
    </form>
  );
}
