import type { FormState } from "@/lib/server/form-state";

// Reading a form's last state by field name: what was typed, and what was wrong with it.

export type FormView = {
  value: (name: string) => string;
  list: (name: string) => string[];
  error: (name: string) => string | undefined;
  /** Whether any field under `prefix` ("sources.2.") holds a value or an error. */
  touched: (prefix: string) => boolean;
};

export function formView(state: FormState): FormView {
  return {
    value: (name) => {
      const v = state.values[name];
      return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
    },
    list: (name) => {
      const v = state.values[name];
      return v === undefined ? [] : Array.isArray(v) ? v : [v];
    },
    error: (name) => state.errors[name],
    touched: (prefix) =>
      Object.keys(state.errors).some((k) => k.startsWith(prefix)) ||
      Object.entries(state.values).some(
        ([k, v]) => k.startsWith(prefix) && (Array.isArray(v) ? v.length > 0 : v.trim() !== ""),
      ),
  };
}

/**
 * A short fingerprint of what the form was sent with. Keying the fields by it remounts them when
 * the action answers with other values, so their defaultValue (not the emptied DOM) is shown:
 * React resets a form after its action completes.
 */
export function valuesKey(values: FormState["values"]): string {
  const text = JSON.stringify(values);
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = ((hash << 5) + hash + text.charCodeAt(i)) | 0;
  return `${text.length}-${(hash >>> 0).toString(36)}`;
}
