import { z } from "zod";
import {
  DEADLINE_PRECISIONS,
  DIRECTIONS,
  EVIDENCE_GRADES,
  METRICS,
  SCHEMES,
  UNITS,
} from "@/lib/domain/vocabulary";
import {
  choice,
  decimal,
  isoDate,
  list,
  optionalChoice,
  optionalIsoDate,
  optionalText,
  slug,
  text,
} from "@/lib/validation/fields";
import {
  CategorySchema,
  DEADLINE_FORMATS,
  formatDeadlineInput,
  parseDeadline,
  SourcesSchema,
  STATE_CODE,
} from "@/lib/validation/submissions";
import { COMMITMENT_FIELDS, COMMITMENT_LABELS as L } from "./commitment-fields";
import { str, type RecordKind } from "./kind";
import type { CommitmentFields } from "@/lib/views/commitments";

export const CommitmentInputSchema = z
  .object({
    company: slug(L.company),
    title: text({ label: L.title, max: 300 }),
    description: optionalText({ label: L.description, max: 5000, multiline: true }),
    metric: choice(METRICS, "what is measured"),
    unit: choice(UNITS, "a unit"),
    direction: choice(DIRECTIONS, "whether the target is an increase or a decrease"),
    baseline_value: decimal(L.baseline_value),
    baseline_date: isoDate(L.baseline_date),
    target_value: decimal(L.target_value),
    deadline_precision: optionalChoice(DEADLINE_PRECISIONS, "how precise the deadline is"),
    deadline: optionalText({ label: L.deadline, max: 20 }),
    scheme: optionalChoice(SCHEMES, "a scheme"),
    evidence_grade: choice(EVIDENCE_GRADES, "the evidence grade"),
    announced_on: optionalIsoDate(L.announced_on),
    categories: list(CategorySchema, { label: L.categories, max: 20 }),
    states: list(STATE_CODE, { label: L.states, max: 36 }),
    sources: SourcesSchema,
  })
  .superRefine((v, ctx) => {
    if (v.unit === "yes_no") {
      for (const key of ["baseline_value", "target_value"] as const) {
        if (v[key] !== 0 && v[key] !== 1)
          ctx.addIssue({ code: "custom", path: [key], message: "For yes/no, use 1 for yes and 0 for no" });
      }
    }
    if (v.direction === "increase" && v.target_value < v.baseline_value) {
      ctx.addIssue({
        code: "custom",
        path: ["target_value"],
        message: "For an increase, the target must not be below the baseline",
      });
    }
    if (v.direction === "decrease" && v.target_value > v.baseline_value) {
      ctx.addIssue({
        code: "custom",
        path: ["target_value"],
        message: "For a decrease, the target must not be above the baseline",
      });
    }
    if (v.deadline && !v.deadline_precision) {
      ctx.addIssue({
        code: "custom",
        path: ["deadline_precision"],
        message: "Say how precise the deadline is",
      });
    }
    if (v.deadline_precision && !v.deadline) {
      ctx.addIssue({
        code: "custom",
        path: ["deadline"],
        message: "Enter the deadline, or choose “no deadline stated”",
      });
    }
    if (v.deadline && v.deadline_precision) {
      const due = parseDeadline(v.deadline, v.deadline_precision);
      if (!due) {
        ctx.addIssue({
          code: "custom",
          path: ["deadline"],
          message: `Write a ${v.deadline_precision} deadline like ${DEADLINE_FORMATS[v.deadline_precision].example}`,
        });
      } else if (due < v.baseline_date) {
        ctx.addIssue({
          code: "custom",
          path: ["deadline"],
          message: "The deadline cannot be before the baseline date",
        });
      }
    }
  })
  .transform((v) => ({
    ...v,
    due_on: v.deadline && v.deadline_precision ? parseDeadline(v.deadline, v.deadline_precision) : null,
  }));
export type CommitmentInput = z.output<typeof CommitmentInputSchema>;

/** The commitment's row, with its categories and states, which are rows of their own tables. */
export type CommitmentRow = Omit<
  CommitmentFields,
  "id" | "supersededById" | "withdrawnOn" | "withdrawnReason"
> & {
  categories: string[];
  states: string[];
};

export const commitment: RecordKind<CommitmentInput, CommitmentRow> = {
  recordType: "commitment",
  nouns: { singular: "commitment", capitalised: "Commitment", plural: "Commitments" },
  submit: {
    slug: "commitment",
    name: "A commitment",
    description: "A company’s public target to manufacture or source in India, with its deadline.",
  },
  schema: CommitmentInputSchema,
  fields: COMMITMENT_FIELDS,
  references: [{ field: "company", to: "company" }],
  title: (r) => str(r.title) ?? "Untitled commitment",
  href: (id) => `/commitments/${id}`,
  toRow: (p, ids) => ({
    companyId: ids.companyId(p.company),
    title: p.title,
    description: p.description,
    metric: p.metric,
    unit: p.unit,
    direction: p.direction,
    baselineValue: p.baseline_value,
    baselineDate: p.baseline_date,
    targetValue: p.target_value,
    dueOn: p.due_on,
    deadlinePrecision: p.due_on ? p.deadline_precision : null,
    scheme: p.scheme,
    evidenceGrade: p.evidence_grade,
    announcedOn: p.announced_on,
    categories: [...new Set(p.categories)],
    states: [...new Set(p.states)],
  }),
  fromRow: (r, names) => ({
    company: names.companySlug(r.companyId),
    title: r.title,
    description: r.description,
    metric: r.metric,
    unit: r.unit,
    direction: r.direction,
    baseline_value: r.baselineValue,
    baseline_date: r.baselineDate,
    target_value: r.targetValue,
    deadline_precision: r.deadlinePrecision,
    deadline: r.dueOn && r.deadlinePrecision ? formatDeadlineInput(r.dueOn, r.deadlinePrecision) : null,
    scheme: r.scheme,
    evidence_grade: r.evidenceGrade,
    announced_on: r.announcedOn,
    categories: r.categories,
    states: r.states,
    due_on: r.dueOn,
  }),
};
