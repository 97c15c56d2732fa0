// What a server action returns to its form: each field's error, and what was typed so that
// nothing is lost when the form comes back with errors.

export type FormState = {
  status: "idle" | "error" | "success";
  message?: string;
  errors: Record<string, string>;
  values: Record<string, string | string[]>;
};

export const INITIAL_FORM_STATE: FormState = { status: "idle", errors: {}, values: {} };

/** The typed values to show again: every field but passwords, which are never sent back. */
export function echoValues(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION") || /password/i.test(key)) continue;
    const prior = out[key];
    if (prior === undefined) out[key] = value;
    else out[key] = Array.isArray(prior) ? [...prior, value] : [prior, value];
  }
  return out;
}
