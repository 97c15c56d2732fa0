"use client";

import { useActionState, useRef, useState } from "react";
import { submitCommitmentAction } from "@/app/submit/actions";
import { readyToCheck, useLikelyDuplicates, type DuplicateQuery } from "@/components/hooks/likely-duplicates";
import { useDebouncedValue } from "@/components/hooks/use-debounced-value";
import { useHydrated } from "@/components/hooks/use-hydrated";
import {
  DIRECTIONS,
  EVIDENCE_GRADES,
  EVIDENCE_GRADE_LABELS,
  METRICS,
  METRIC_LABELS,
  SCHEMES,
  SCHEME_LABELS,
  UNITS,
  UNIT_LABELS,
  type DeadlinePrecision,
} from "@/lib/domain/vocabulary";
import { DuplicatesPanel } from "./duplicates-panel";
import {
  CompanyField,
  optionsOf,
  SelectField,
  SourcesFields,
  sourceLabels,
  StatesField,
  TextAreaField,
  TextField,
} from "./fields";
import { formView } from "./form-view";
import { initialState, SubmissionForm } from "./submission-form";
import type { SubmissionFormProps } from "./types";

// In the order the fields appear: the error summary follows it.
const LABELS: Record<string, string> = {
  company: "Company",
  title: "Title",
  description: "Description",
  evidence_grade: "Evidence grade",
  announced_on: "Announced on",
  metric: "What is measured",
  unit: "Unit",
  direction: "Direction",
  baseline_value: "Baseline value",
  baseline_date: "Baseline date",
  target_value: "Target value",
  deadline_precision: "Deadline precision",
  deadline: "Deadline",
  scheme: "Government scheme",
  categories: "Product categories",
  states: "States",
};

const DIRECTION_LABELS = { increase: "Increase", decrease: "Decrease" } as const;

const PRECISION_OPTIONS = [
  ["year", "A year (“by 2025”)"],
  ["quarter", "A quarter (“by Q2 2025”)"],
  ["month", "A month (“by June 2025”)"],
  ["day", "A day (“by 30 June 2025”)"],
] as const;

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
      labels={{ ...LABELS, ...sourceLabels(maxSources) }}
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
      <h2>The commitment</h2>
      <CompanyField f={f} name="company" label="Company" onPick={rewatch} />
      <TextField
        f={f}
        name="title"
        label="Title"
        required
        hint="What the company committed to, in a line: “50 per cent increase in the production of locally sourced components by 2025”."
      />
      <TextAreaField
        f={f}
        name="description"
        label="Description"
        hint="Context a reader needs: what the target is measured against, and who said it."
      />
      <SelectField
        f={f}
        name="evidence_grade"
        label="Evidence grade"
        required
        blank="Choose…"
        options={optionsOf(EVIDENCE_GRADES, EVIDENCE_GRADE_LABELS)}
        hint="How firm it is, from weakest to strongest: talks reported; announced by the company; a contract signed or land bought; in a regulatory filing; an outcome confirmed independently."
      />
      <TextField f={f} name="announced_on" label="Announced on" type="date" hint="Like 2023-05-29." />

      <h2>Target and deadline</h2>
      <SelectField
        f={f}
        name="metric"
        label="What is measured"
        required
        blank="Choose…"
        options={optionsOf(METRICS, METRIC_LABELS)}
      />
      <SelectField
        f={f}
        name="unit"
        label="Unit"
        required
        blank="Choose…"
        options={optionsOf(UNITS, UNIT_LABELS)}
      />
      <SelectField
        f={f}
        name="direction"
        label="Direction"
        required
        blank="Choose…"
        options={optionsOf(DIRECTIONS, DIRECTION_LABELS)}
        hint="Whether the target is an increase (more local sourcing) or a decrease (fewer imports)."
      />
      <TextField
        f={f}
        name="baseline_value"
        label="Baseline value"
        required
        inputMode="decimal"
        hint="The value when the commitment was made, in the unit above: 0 for a new plant. For yes/no, 0 or 1. Indian grouping (1,00,000) is fine."
      />
      <TextField
        f={f}
        name="baseline_date"
        label="Baseline date"
        type="date"
        required
        hint="The date the baseline value refers to, like 2023-05-29."
      />
      <TextField
        f={f}
        name="target_value"
        label="Target value"
        required
        inputMode="decimal"
        hint="For “a 50 per cent increase” in per cent: 50."
      />
      <SelectField
        f={f}
        name="deadline_precision"
        label="How precise is the deadline?"
        blank="No deadline stated"
        options={PRECISION_OPTIONS}
        hint="As precise as the company was, and no more: “by 2025” is a year, and falls due at the end of 2025."
      />
      <TextField
        f={f}
        name="deadline"
        label="Deadline"
        maxLength={20}
        hint={`Written for the precision chosen: a year like ${e.year}, a quarter like ${e.quarter}, a month like ${e.month}, or a day like ${e.day}. Leave empty when no deadline is stated.`}
      />

      <h2>Where, what and under which scheme</h2>
      <SelectField
        f={f}
        name="scheme"
        label="Government scheme"
        blank="None stated"
        options={optionsOf(SCHEMES, SCHEME_LABELS)}
      />
      <TextField
        f={f}
        name="categories"
        label="Product categories"
        hint="Separated by commas: Smartphones, TV sets, Components."
      />
      <StatesField
        f={f}
        name="states"
        legend="States and union territories"
        hint="Tick where the commitment will be carried out, if the source says."
      />

      <SourcesFields f={f} max={maxSources} />

      <DuplicatesPanel check={check} checking={duplicates.isFetching} />
    </SubmissionForm>
  );
}
