import { formatIndiaDate, isIsoDate } from "@/lib/domain/dates";
import { formatCount } from "@/lib/domain/format";
import type { FieldSpec, FormControl } from "./kind";

// Pieces the kinds' field lists share. The lists live in their own *-fields.ts modules, apart
// from the schemas, because the submission forms read their labels in the browser and zod would
// otherwise be bundled with every form.

export const labelled =
  (labels: Record<string, string>) =>
  (v: unknown): string =>
    typeof v === "string" ? (labels[v] ?? v) : String(v);

export const number = (v: unknown): string => (typeof v === "number" ? formatCount(v, 6) : String(v));

export const date = (v: unknown): string =>
  typeof v === "string" && isIsoDate(v) ? formatIndiaDate(v) : String(v);

/** A number a person must give, typed as text so that Indian grouping (1,00,000) is accepted. */
export const requiredNumber = (hint: string) =>
  ({ as: "text", required: true, inputMode: "decimal", hint }) as const satisfies FormControl;

/** A date a person must give. */
export const requiredDate = (hint: string) =>
  ({ as: "text", type: "date", required: true, hint }) as const satisfies FormControl;

/**
 * The hint of the optional announcement date. It says what the date is, not how to write it: the
 * browser's date field shows its own format (dd/mm/yyyy in India), so an example in another format
 * only confused people; a browser without one gets the format in the error message.
 */
export const ANNOUNCED_HINT = "The day the source says it was announced; leave it empty if no day is given.";

export const SOURCES_FIELD = {
  key: "sources",
  label: "Sources",
  kind: "sources",
} as const satisfies FieldSpec;

/** The fields' labels by key, in form order: what a form's error summary lists, typed by key. */
export function labelsOf<const F extends readonly FieldSpec[]>(
  fields: F,
): { [K in F[number]["key"]]: string } {
  const out: Record<string, string> = {};
  for (const f of fields) out[f.key] = f.label;
  // Every key of F was just given its label.
  return out as { [K in F[number]["key"]]: string };
}

/** A vocabulary and its labels as a select's options. */
export function optionsOf<T extends string>(values: readonly T[], labels: Record<T, string>) {
  return values.map((v) => [v, labels[v]] as const);
}
