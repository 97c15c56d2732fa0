import { formatDeadlineInput } from "@/lib/validation/submissions";
import { DEADLINE_PRECISIONS, RECORD_TYPES, type DeadlinePrecision } from "@/lib/domain/vocabulary";
import { RECORD_KINDS } from "@/lib/records";

// Between the forms' flat field names ("sources.0.url") and the nested objects the schemas read
// and the submissions store.

type Values = Record<string, string | string[]>;

// Lists a person types as comma-separated text; other lists (states) are ticked boxes.
const TYPED_LISTS = new Set(
  RECORD_TYPES.flatMap((t) =>
    RECORD_KINDS[t].fields.filter((f) => f.kind === "list" && f.control?.as === "text").map((f) => f.key),
  ),
);

const isPrecision = (v: unknown): v is DeadlinePrecision =>
  typeof v === "string" && (DEADLINE_PRECISIONS as readonly string[]).includes(v);

function flatten(value: unknown, name: string, out: Values) {
  if (value === null || value === undefined) return;
  if (typeof value === "string") out[name] = value;
  else if (typeof value === "number" && Number.isFinite(value)) out[name] = String(value);
  else if (Array.isArray(value)) {
    if (value.every((v) => typeof v === "string")) {
      out[name] = TYPED_LISTS.has(name) ? value.join(", ") : value;
    } else {
      value.forEach((item, i) => flatten(item, `${name}.${i}`, out));
    }
  } else if (typeof value === "object") {
    for (const [k, v] of Object.entries(value)) flatten(v, name ? `${name}.${k}` : k, out);
  }
}

/**
 * A stored payload (the schema's parsed output) as the values its form shows, so a person asked
 * for changes edits what they sent rather than starting again.
 */
export function payloadToValues(payload: unknown): Values {
  const out: Values = {};
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return out;
  const record = payload as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (key === "due_on") continue; // derived from deadline and its precision
    flatten(value, key, out);
  }
  // A payload stored before `deadline` was kept has only the due date: write it as the form does.
  if (
    out.deadline === undefined &&
    typeof record.due_on === "string" &&
    isPrecision(record.deadline_precision)
  ) {
    out.deadline = formatDeadlineInput(record.due_on, record.deadline_precision);
  }
  return out;
}

/**
 * Field errors keyed by the control that shows them. A problem with one item of a list ("states.3",
 * "categories.0") belongs to the list's control; a source's fields keep their own keys.
 */
export function errorsForForm(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    const item = /^([A-Za-z_]+)\.\d+$/.exec(key);
    const target = item ? item[1]! : key;
    out[target] ??= message;
  }
  return out;
}
