import { z } from "zod";
import { endOfPeriod, isIsoDate } from "@/lib/domain/dates";
import {
  COMPANY_KINDS,
  DEADLINE_PRECISIONS,
  DIRECTIONS,
  EVIDENCE_GRADES,
  FACILITY_STAGES,
  METRICS,
  PARTNERSHIP_STAGES,
  SCHEMES,
  SOURCE_KINDS,
  UNITS,
  type DeadlinePrecision,
} from "@/lib/domain/vocabulary";
import {
  choice,
  decimal,
  isoDate,
  list,
  optionalChoice,
  optionalDecimal,
  optionalIsoDate,
  optionalText,
  optionalWebUrl,
  slug,
  text,
  webUrl,
} from "./fields";

// The schemas of everything a contributor can propose. The same schema validates the form in the
// server action, the payload stored with the submission, the reviewer's approval and the CSV
// import, so a record can only ever be published in a shape these accept.

export const MAX_SOURCES = 5;

export const SourceInputSchema = z.object({
  url: webUrl("Source address"),
  title: text({ label: "Source title", max: 300 }),
  publisher: text({ label: "Publisher", max: 200 }),
  kind: choice(SOURCE_KINDS, "what kind of source it is"),
  published_on: isoDate("Publication date"),
  excerpt: text({ label: "Quoted excerpt", max: 2000, multiline: true }),
});
export type SourceInput = z.output<typeof SourceInputSchema>;

const isBlankSource = (v: unknown) =>
  typeof v === "object" &&
  v !== null &&
  Object.values(v).every((x) => x === undefined || x === null || (typeof x === "string" && x.trim() === ""));

/** At least one source; fieldsets left entirely blank (the spare ones on the form) are ignored. */
export const SourcesSchema = z.preprocess(
  (v) => (Array.isArray(v) ? v.filter((s, i) => i === 0 || !isBlankSource(s)) : v),
  z
    .array(SourceInputSchema, { error: "Add at least one source" })
    .min(1, "Add at least one source")
    .max(MAX_SOURCES, `At most ${MAX_SOURCES} sources`),
);

const STATE_CODE = z.string().regex(/^IN-[A-Z]{2}$/, "Use state codes like IN-UP");
const CATEGORY = text({ label: "Product category", max: 80 });

/** A deadline as a person writes it for its precision: 2025, 2025-Q2, 2025-06 or 2025-06-30. */
export const DEADLINE_FORMATS: Record<DeadlinePrecision, { pattern: RegExp; example: string }> = {
  year: { pattern: /^(\d{4})$/, example: "2025" },
  quarter: { pattern: /^(\d{4})-?Q([1-4])$/i, example: "2025-Q2" },
  month: { pattern: /^(\d{4})-(\d{2})$/, example: "2025-06" },
  day: { pattern: /^(\d{4})-(\d{2})-(\d{2})$/, example: "2025-06-30" },
};

/** The last day of the period a person named, or null when it is not a deadline of that precision. */
export function parseDeadline(input: string, precision: DeadlinePrecision): string | null {
  const m = DEADLINE_FORMATS[precision].pattern.exec(input.trim());
  if (!m) return null;
  const year = Number(m[1]);
  let firstDay: string;
  switch (precision) {
    case "year":
      firstDay = `${year}-01-01`;
      break;
    case "quarter":
      firstDay = `${year}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, "0")}-01`;
      break;
    case "month":
      firstDay = `${year}-${m[2]}-01`;
      break;
    case "day":
      firstDay = `${year}-${m[2]}-${m[3]}`;
      break;
  }
  if (!isIsoDate(firstDay)) return null;
  const due = endOfPeriod(firstDay, precision);
  return due >= "1990-01-01" && due <= "2100-12-31" ? due : null;
}

/** The deadline as the form shows it again, from the stored due date. */
export function formatDeadlineInput(dueOn: string, precision: DeadlinePrecision): string {
  const [y, m] = dueOn.split("-");
  switch (precision) {
    case "year":
      return y!;
    case "quarter":
      return `${y}-Q${Math.ceil(Number(m) / 3)}`;
    case "month":
      return `${y}-${m}`;
    case "day":
      return dueOn;
  }
}

export const CommitmentInputSchema = z
  .object({
    company: slug("Company"),
    title: text({ label: "Title", max: 300 }),
    description: optionalText({ label: "Description", max: 5000, multiline: true }),
    metric: choice(METRICS, "what is measured"),
    unit: choice(UNITS, "a unit"),
    direction: choice(DIRECTIONS, "whether the target is an increase or a decrease"),
    baseline_value: decimal("Baseline value"),
    baseline_date: isoDate("Baseline date"),
    target_value: decimal("Target value"),
    deadline_precision: optionalChoice(DEADLINE_PRECISIONS, "how precise the deadline is"),
    deadline: optionalText({ label: "Deadline", max: 20 }),
    scheme: optionalChoice(SCHEMES, "a scheme"),
    evidence_grade: choice(EVIDENCE_GRADES, "the evidence grade"),
    announced_on: optionalIsoDate("Announcement date"),
    categories: list(CATEGORY, { label: "Product categories", max: 20 }),
    states: list(STATE_CODE, { label: "States", max: 36 }),
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

export const ProgressInputSchema = z.object({
  commitment_id: z
    .union([z.string(), z.number()], { error: "Choose the commitment" })
    .transform((v) => String(v).trim())
    .pipe(
      z
        .string()
        .regex(/^[1-9]\d{0,14}$/, "Enter the commitment's number, a whole number")
        .transform(Number),
    ),
  as_of: isoDate("Date of the value"),
  value: decimal("Value"),
  note: optionalText({ label: "Note", max: 2000, multiline: true }),
  sources: SourcesSchema,
});
export type ProgressInput = z.output<typeof ProgressInputSchema>;

export const CompanyInputSchema = z.object({
  slug: slug("Short name for the address"),
  name: text({ label: "Name", max: 200 }),
  kind: choice(COMPANY_KINDS, "what kind of company it is"),
  hq_country: z
    .string({ error: "Headquarters country is required" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Use the two-letter country code, like IN or CN"),
  website: optionalWebUrl("Website"),
  description: optionalText({ label: "Description", max: 5000, multiline: true }),
  sources: SourcesSchema,
});
export type CompanyInput = z.output<typeof CompanyInputSchema>;

export const FacilityInputSchema = z
  .object({
    operator: slug("Operating company"),
    name: text({ label: "Name", max: 200 }),
    city: optionalText({ label: "City", max: 100 }),
    state_code: STATE_CODE,
    stage: choice(FACILITY_STAGES, "the stage"),
    investment_amount: optionalDecimal("Investment amount"),
    investment_currency: z.preprocess(
      (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
      optionalText({ label: "Currency", max: 3 }),
    ),
    announced_on: optionalIsoDate("Announcement date"),
    sources: SourcesSchema,
  })
  .superRefine((v, ctx) => {
    if ((v.investment_amount === null) !== (v.investment_currency === null)) {
      ctx.addIssue({
        code: "custom",
        path: [v.investment_amount === null ? "investment_amount" : "investment_currency"],
        message: "Give both the amount and its currency, or neither",
      });
    }
    if (v.investment_currency !== null && !/^[A-Z]{3}$/.test(v.investment_currency)) {
      ctx.addIssue({
        code: "custom",
        path: ["investment_currency"],
        message: "Use a currency code like INR or USD",
      });
    }
  });
export type FacilityInput = z.output<typeof FacilityInputSchema>;

export const PartnershipInputSchema = z
  .object({
    brand: slug("Brand"),
    partner: slug("Partner"),
    product_categories: list(CATEGORY, { label: "Product categories", max: 20 }),
    facility_id: z.preprocess(
      (v) =>
        v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : String(v).trim(),
      z
        .string()
        .regex(/^[1-9]\d{0,14}$/, "Enter the facility's number, a whole number")
        .transform(Number)
        .nullable(),
    ),
    announced_on: optionalIsoDate("Announcement date"),
    stage: choice(PARTNERSHIP_STAGES, "the stage"),
    sources: SourcesSchema,
  })
  .refine((v) => v.brand !== v.partner, {
    path: ["partner"],
    message: "A company cannot partner with itself",
  });
export type PartnershipInput = z.output<typeof PartnershipInputSchema>;

/** Field errors keyed by the form's field names ("sources.0.url"), first message per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}
