import { Fragment, type HTMLInputTypeAttribute, type ReactNode } from "react";
import { Link } from "@/components/ui/link";
import { ChoiceFieldset, Field, fieldId } from "@/components/ui/field";
import { INDIA_STATES } from "@/lib/domain/india-states";
import { SOURCE_KINDS, SOURCE_KIND_LABELS } from "@/lib/domain/vocabulary";
import { optionsOf } from "@/lib/records/field-specs";
import type { FieldSpec, FormControl } from "@/lib/records/kind";
import { CompanyInput } from "./company-input";
import type { FormView } from "./form-view";
import styles from "./submit.module.css";

// The controls of the submission forms. Every control is named exactly as the schema's key
// ("sources.0.url"), shows what was last typed (defaultValue: the fields are remounted when the
// action answers), and gets its error, hint and label wired by Field.

type Common = {
  f: FormView;
  name: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  /** Whether the label says "(optional)" when the field is not required; a spare source's fields do not. */
  markOptional?: boolean;
};

/** Field's `required` decides the "(optional)" mark; the control's own attribute follows `required` only. */
const fieldRequired = (required: boolean | undefined, markOptional = true) => required || !markOptional;

export function TextField({
  f,
  name,
  label,
  hint,
  required,
  markOptional,
  type = "text",
  inputMode,
  autoComplete = "off",
  maxLength,
}: Common & {
  type?: HTMLInputTypeAttribute;
  inputMode?: "text" | "decimal" | "numeric" | "url";
  autoComplete?: string;
  maxLength?: number;
}) {
  return (
    <Field
      id={fieldId(name)}
      name={name}
      label={label}
      hint={hint}
      error={f.error(name)}
      required={fieldRequired(required, markOptional)}
    >
      {(p) => (
        <input
          {...p}
          required={required || undefined}
          type={type}
          inputMode={inputMode}
          autoComplete={autoComplete}
          maxLength={maxLength}
          defaultValue={f.value(name)}
        />
      )}
    </Field>
  );
}

export function TextAreaField({
  f,
  name,
  label,
  hint,
  required,
  markOptional,
  rows = 4,
}: Common & { rows?: number }) {
  return (
    <Field
      id={fieldId(name)}
      name={name}
      label={label}
      hint={hint}
      error={f.error(name)}
      required={fieldRequired(required, markOptional)}
    >
      {(p) => <textarea {...p} required={required || undefined} rows={rows} defaultValue={f.value(name)} />}
    </Field>
  );
}

export function SelectField({
  f,
  name,
  label,
  hint,
  required,
  markOptional,
  options,
  blank,
}: Common & {
  options: readonly (readonly [value: string, label: string])[];
  /** The label of the empty first option: "Choose…" for a required choice, or what leaving it means. */
  blank: string;
}) {
  return (
    <Field
      id={fieldId(name)}
      name={name}
      label={label}
      hint={hint}
      error={f.error(name)}
      required={fieldRequired(required, markOptional)}
    >
      {(p) => (
        <select {...p} required={required || undefined} defaultValue={f.value(name)}>
          <option value="">{blank}</option>
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CompanyField({
  f,
  name,
  label,
  required = true,
  onPick,
}: Omit<Common, "hint"> & { onPick?: (slug: string) => void }) {
  return (
    <Field
      id={fieldId(name)}
      name={name}
      label={label}
      error={f.error(name)}
      required={required}
      hint={
        <>
          The company’s short name, as in its address on this site: <code>xiaomi</code> for /companies/xiaomi.
          Type part of its name to see suggestions, or find it in the{" "}
          <Link href="/companies">list of companies</Link>. Not on the tracker yet?{" "}
          <Link href="/submit/company">Propose the company</Link> first; you can then name it here while both
          wait for review.
        </>
      }
    >
      {(p) => <CompanyInput control={p} defaultValue={f.value(name)} onPick={onPick} />}
    </Field>
  );
}

/** States and union territories as a checkbox grid, by full name; each submits its ISO code. */
export function StatesField({
  f,
  name,
  legend,
  hint,
}: {
  f: FormView;
  name: string;
  legend: string;
  hint: string;
}) {
  const checked = new Set(f.list(name));
  return (
    <ChoiceFieldset
      name={name}
      legend={
        <>
          {legend} <span className="optional">(optional)</span>
        </>
      }
      hint={hint}
      error={f.error(name)}
    >
      {INDIA_STATES.map((s, i) => (
        <label key={s.code}>
          <input
            type="checkbox"
            name={name}
            value={s.code}
            // The first box carries the field's own id, which the error summary links to.
            id={i === 0 ? fieldId(name) : `${fieldId(name)}-${s.code}`}
            defaultChecked={checked.has(s.code)}
          />
          {s.name}
        </label>
      ))}
    </ChoiceFieldset>
  );
}

export function StateSelectField({ f, name, label, required }: Omit<Common, "hint">) {
  return (
    <SelectField
      f={f}
      name={name}
      label={label}
      required={required}
      blank="Choose a state or union territory…"
      options={INDIA_STATES.map((s) => [s.code, s.name] as const)}
    />
  );
}

const SOURCE_KIND_OPTIONS = optionsOf(SOURCE_KINDS, SOURCE_KIND_LABELS);

function SourceFields({ f, index, required }: { f: FormView; index: number; required: boolean }) {
  const n = (key: string) => `sources.${index}.${key}`;
  // A spare source is optional as a whole (its legend says so), but once begun each field is needed.
  const req = { required, markOptional: false };
  return (
    <div className={styles.sourceGrid}>
      <div className={styles.wide}>
        <TextField
          f={f}
          name={n("url")}
          label="Web address"
          type="url"
          inputMode="url"
          {...req}
          hint="Starting with https:// or http://: the page a reader can open to check the fact."
        />
      </div>
      <div className={styles.wide}>
        <TextField f={f} name={n("title")} label="Title of the page or document" {...req} />
      </div>
      <TextField
        f={f}
        name={n("publisher")}
        label="Publisher"
        {...req}
        hint="Who published it: Reuters, the company, a ministry."
      />
      <SelectField
        f={f}
        name={n("kind")}
        label="Kind of source"
        {...req}
        blank="Choose…"
        options={SOURCE_KIND_OPTIONS}
      />
      <TextField
        f={f}
        name={n("published_on")}
        label="Published on"
        type="date"
        {...req}
        hint="The day the source was published, as its dateline gives it."
      />
      <div className={styles.wide}>
        <TextAreaField
          f={f}
          name={n("excerpt")}
          label="Quoted excerpt"
          {...req}
          rows={3}
          hint="The words in the source that state the fact, copied exactly."
        />
      </div>
    </div>
  );
}

/**
 * Up to `max` sources: the first is required; the others are optional, and a fieldset left
 * entirely blank is ignored by the schema. The spares sit in a disclosure (native <details>, so
 * it opens without JavaScript), open when any of them was filled in or has an error.
 */
export function SourcesFields({ f, max }: { f: FormView; max: number }) {
  const spare = Array.from({ length: Math.max(0, max - 1) }, (_, i) => i + 1);
  const error = f.error("sources");
  return (
    <section aria-labelledby="sources-heading">
      <h2 id="sources-heading">Sources</h2>
      <p className="hint">
        Every fact on the tracker links to where it was published. Give at least one source; reviewers check
        each.
      </p>
      {error ? (
        <p id="sources" className="error-message" tabIndex={-1}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      <fieldset>
        <legend>Source</legend>
        <SourceFields f={f} index={0} required />
      </fieldset>
      {spare.length > 0 ? (
        <details
          className={styles.moreSources}
          open={spare.some((i) => f.touched(`sources.${i}.`)) || undefined}
        >
          <summary>Add more sources (up to {spare.length} more)</summary>
          {spare.map((i) => (
            <fieldset key={i}>
              <legend>
                Another source <span className="optional">(optional)</span>
                <span className="visually-hidden">
                  , source {i + 1} of {max}
                </span>
              </legend>
              <SourceFields f={f} index={i} required={false} />
            </fieldset>
          ))}
        </details>
      ) : null}
    </section>
  );
}

/** Labels for the error summary: "Source 2: …" before the schema's own message. */
export function sourceLabels(max: number): Record<string, string> {
  const out: Record<string, string> = { sources: "Sources" };
  for (let i = 0; i < max; i++) {
    for (const key of ["url", "title", "publisher", "kind", "published_on", "excerpt"]) {
      out[`sources.${i}.${key}`] = `Source ${i + 1}`;
    }
  }
  return out;
}

function SpecField({
  f,
  spec,
  control,
  hint = control.hint,
  onPick,
}: {
  f: FormView;
  spec: FieldSpec;
  control: FormControl;
  hint?: ReactNode;
  onPick?: (slug: string) => void;
}) {
  const common = { f, name: spec.key, label: spec.label, hint, required: control.required };
  switch (control.as) {
    case "text":
      return (
        <TextField
          {...common}
          type={control.type}
          inputMode={control.inputMode}
          maxLength={control.maxLength}
        />
      );
    case "textarea":
      return <TextAreaField {...common} />;
    case "select":
      return <SelectField {...common} options={control.options} blank={control.blank} />;
    case "company":
      return <CompanyField f={f} name={spec.key} label={spec.label} onPick={onPick} />;
    case "state":
      return <StateSelectField f={f} name={spec.key} label={spec.label} required={control.required} />;
    case "states":
      return <StatesField f={f} name={spec.key} legend={spec.label} hint={control.hint ?? ""} />;
  }
}

/**
 * A kind's fields in its form's order, each as its spec's control asks, with a heading where a
 * spec starts a section. `hints` gives the hints a spec cannot hold (links, today's examples).
 */
export function SpecFields({
  f,
  fields,
  hints = {},
  onPick,
}: {
  f: FormView;
  fields: readonly FieldSpec[];
  hints?: Partial<Record<string, ReactNode>>;
  /** For company fields: called with the short name a person picks from the suggestions. */
  onPick?: (slug: string) => void;
}) {
  return fields.map((spec) =>
    spec.control ? (
      <Fragment key={spec.key}>
        {spec.section ? <h2>{spec.section}</h2> : null}
        <SpecField f={f} spec={spec} control={spec.control} hint={hints[spec.key]} onPick={onPick} />
      </Fragment>
    ) : null,
  );
}
