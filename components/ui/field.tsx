import type { ReactNode } from "react";

// One place that wires a label, a hint and an error to its control, so every form field is
// announced with its error by screen readers (aria-invalid, aria-describedby) the same way.

export type FieldProps = {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  children: (control: {
    id: string;
    name: string;
    "aria-invalid": boolean | undefined;
    "aria-describedby": string | undefined;
    required: boolean | undefined;
  }) => ReactNode;
  name?: string;
};

export function Field({ id, label, error, hint, required, children, name }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field-error" : "field"}>
      <label htmlFor={id}>
        {label}
        {required ? null : <span className="optional"> (optional)</span>}
      </label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
      {children({
        id,
        name: name ?? id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy,
        required: required || undefined,
      })}
    </div>
  );
}

function FieldError({ id, children }: { id: string | undefined; children: ReactNode }) {
  return (
    <p id={id} className="error-message">
      <span className="visually-hidden">Error: </span>
      {children}
    </p>
  );
}

/**
 * A group of checkboxes or radio buttons under a legend, with its hint and error wired to the
 * group as Field does for one control. The first control should take `fieldId(name)` as its id,
 * which the error summary links to.
 */
export function ChoiceFieldset({
  name,
  legend,
  hint,
  error,
  children,
}: {
  name: string;
  legend: ReactNode;
  hint: ReactNode;
  error?: string | undefined;
  children: ReactNode;
}) {
  const hintId = `${fieldId(name)}-hint`;
  const errorId = `${fieldId(name)}-error`;
  return (
    <fieldset
      aria-describedby={error ? `${hintId} ${errorId}` : hintId}
      className={error ? "field-error" : undefined}
    >
      <legend>{legend}</legend>
      <p id={hintId} className="hint">
        {hint}
      </p>
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
      <div className="checkbox-grid">{children}</div>
    </fieldset>
  );
}

/** The list of problems at the top of a form, each linking to its field, focused after submit. */
export function ErrorSummary({
  errors,
  labels,
}: {
  errors: Record<string, string>;
  labels: Record<string, string>;
}) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">
        {entries.length === 1 ? "There is a problem" : `There are ${entries.length} problems`}
      </h2>
      <ul>
        {entries.map(([key, message]) => (
          <li key={key}>
            <a href={`#${fieldId(key)}`}>
              {labels[key] ? `${labels[key]}: ` : null}
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The element id for a field name ("sources.0.url" → "sources-0-url"). */
export function fieldId(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, "-");
}
