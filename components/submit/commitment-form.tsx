"use client";

import { useActionState, useRef, useState } from "react";
import { submitCommitmentAction } from "@/app/submit/actions";
import { readyToCheck, useLikelyDuplicates, type DuplicateQuery } from "@/components/hooks/likely-duplicates";
import { useDebouncedValue } from "@/components/hooks/use-debounced-value";
import { useHydrated } from "@/components/hooks/use-hydrated";
import type { DeadlinePrecision } from "@/lib/domain/vocabulary";
import { DuplicatesPanel } from "./duplicates-panel";
import { SourcesFields, sourceLabels, SpecFields } from "./fields";
import { COMMITMENT_FIELDS, COMMITMENT_LABELS as L } from "@/lib/records/commitment-fields";
import { formView } from "./form-view";
import { initialState, SubmissionForm } from "./submission-form";
import type { SubmissionFormProps } from "./types";

const WATCHED = ["company", "title", "deadline", "deadline_precision"] as const;

function watchedFields(form: HTMLFormElement): DuplicateQuery {
  const data = new FormData(form);
  const get = (name: string) => {
    const v = data.get(name);
    return typeof v === "string" ? v.trim() : "";
  };
  return {
    company: get("company"),
    title: get("title"),
    deadline: get("deadline"),
    deadline_precision: get("deadline_precision"),
  };
}

export function CommitmentForm({
  initialValues,
  resubmitId,
  maxSources,
  deadlineExamples,
}: SubmissionFormProps & { deadlineExamples: Record<DeadlinePrecision, string> }) {
  const [state, action] = useActionState(submitCommitmentAction, initialState(initialValues));
  const f = formView(state);
  const hydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  const [watched, setWatched] = useState<DuplicateQuery>(() => ({
    company: f.value("company"),
    title: f.value("title"),
    deadline: f.value("deadline"),
    deadline_precision: f.value("deadline_precision"),
  }));
  // Compared as text, so typing in an unrelated field neither re-renders nor restarts the wait.
  const watchedKey = JSON.stringify(watched);
  const debouncedKey = useDebouncedValue(watchedKey, 600);
  const query = JSON.parse(debouncedKey) as DuplicateQuery;
  const duplicates = useLikelyDuplicates(query, { enabled: hydrated, resubmitId });
  const rewatch = () => {
    if (!formRef.current) return;
    const next = watchedFields(formRef.current);
    if (JSON.stringify(next) !== watchedKey) setWatched(next);
  };

  // Answers for earlier input are kept on screen while the next loads, but not once the fields are
  // too empty to check: then the last server answer (from "Check for duplicates") is shown.
  const check = (readyToCheck(query) ? duplicates.data : undefined) ?? state.duplicates ?? null;
  const e = deadlineExamples;

  return (
    <SubmissionForm
      action={action}
      state={state}
      labels={{ ...L, ...sourceLabels(maxSources) }}
      resubmitId={resubmitId}
      submitLabel={resubmitId === null ? "Send for review" : "Send the changes for review"}
      formRef={formRef}
      onChange={(ev) => {
        const target = ev.target;
        if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement) {
          if ((WATCHED as readonly string[]).includes(target.name)) rewatch();
        }
      }}
      extraActions={
        <button type="submit" name="intent" value="check" className="secondary">
          Check for duplicates
        </button>
      }
    >
      <SpecFields
        f={f}
        fields={COMMITMENT_FIELDS}
        onPick={rewatch}
        hints={{
          deadline: `Written for the precision chosen: a year like ${e.year}, a quarter like ${e.quarter}, a month like ${e.month}, or a day like ${e.day}. Leave empty when no deadline is stated.`,
        }}
      />

      <SourcesFields f={f} max={maxSources} />

      <DuplicatesPanel check={check} checking={duplicates.isFetching} />
    </SubmissionForm>
  );
}
