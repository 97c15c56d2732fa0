import { z } from "zod";
import { endOfPeriod, isIsoDate } from "@/lib/domain/dates";
import { SOURCE_KINDS, type DeadlinePrecision } from "@/lib/domain/vocabulary";
import { choice, isoDate, text, webUrl } from "./fields";

// The pieces every proposal's schema shares: its sources, state codes, product categories and
// deadlines. Each kind's own schema is in lib/records, with the rest of what defines that kind.

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

export const STATE_CODE = z.string().regex(/^IN-[A-Z]{2}$/, "Use state codes like IN-UP");
export const CategorySchema = text({ label: "Product category", max: 80 });

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

/** Field errors keyed by the form's field names ("sources.0.url"), first message per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}
