"use client";

import { Link } from "@/components/ui/link";
import { useActionState, useEffect, useRef } from "react";
import { useFormStatus } from "react-dom";
import { importAction } from "@/app/review/import/actions";
import { ErrorSummary, Field } from "@/components/ui/field";
import { MAX_IMPORT_BYTES } from "@/lib/import/csv";
import { INITIAL_IMPORT_STATE, type ImportReport } from "@/lib/import/report";
import styles from "./review.module.css";

const LABELS = { file: "CSV file" };

function IntentButton({
  value,
  children,
  className,
}: {
  value: string;
  children: string;
  className?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      name="intent"
      value={value}
      disabled={pending}
      aria-disabled={pending}
      className={className}
    >
      {pending ? "Reading the file…" : children}
    </button>
  );
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en-IN")} ${n === 1 ? one : many}`;

function Outcome({ report }: { report: ImportReport }) {
  const total = report.created + report.changed;
  const what = [
    report.created ? plural(report.created, "new commitment") : null,
    report.changed ? plural(report.changed, "change") : null,
  ]
    .filter(Boolean)
    .join(" and ");
  if (report.dryRun)
    return (
      <p>
        Every row can be imported: {what || "nothing to import"}.{" "}
        {report.mode === "published"
          ? "Importing publishes them at once."
          : "Importing sends them for review."}
      </p>
    );
  if (total === 0) return <p>Nothing was imported: every row is the same as the published commitment.</p>;
  return (
    <>
      <p>
        {report.mode === "published"
          ? `Published ${what}, each with its revision.`
          : `Imported ${what} as submissions waiting for another reviewer.`}
      </p>
      {report.mode === "pending" ? (
        <ul>
          {report.submissionIds.slice(0, 20).map((id) => (
            <li key={id}>
              <Link href={`/review/${id}`}>Submission {id}</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function Report({ report }: { report: ImportReport }) {
  return (
    <section aria-labelledby="report-heading" className={styles.section}>
      <h2 id="report-heading">Report on {report.fileName}</h2>
      <p className="meta">{plural(report.rows, "row")} read.</p>
      {report.problems.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>Problems, by row: nothing was imported</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((p, i) => (
                <tr key={`${p.row}-${p.column}-${i}`}>
                  <td>{p.row}</td>
                  <td>{p.column}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <Outcome report={report} />
      )}
      {report.unchanged.length > 0 ? (
        <p>
          Skipped, the same as published: row{report.unchanged.length === 1 ? "" : "s"}{" "}
          {report.unchanged.join(", ")}.
        </p>
      ) : null}
      {report.ignoredColumns.length > 0 ? <p>Columns not read: {report.ignoredColumns.join(", ")}.</p> : null}
      {report.warnings.length > 0 ? (
        <>
          <h3>Possible duplicates</h3>
          <ul>
            {report.warnings.map((w) => (
              <li key={w.row}>
                Row {w.row} <Link href={w.href}>{w.message}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function ImportForm({ mode }: { mode: "pending" | "published" }) {
  const [state, action] = useActionState(importAction, INITIAL_IMPORT_STATE);
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "idle") messageRef.current?.focus();
  }, [state]);
  return (
    <>
      <form action={action} noValidate>
        <div ref={messageRef} tabIndex={-1}>
          {state.message ? (
            <p className={state.status === "error" ? "notice" : "success"} role="alert">
              {state.message}
            </p>
          ) : null}
          <ErrorSummary errors={state.errors} labels={LABELS} />
        </div>
        <Field
          id="file"
          label={LABELS.file}
          error={state.errors.file}
          hint={`A .csv file in UTF-8, at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB and 5,000 rows.`}
          required
        >
          {(p) => <input {...p} type="file" accept=".csv,text/csv" />}
        </Field>
        <div className={styles.actions}>
          <IntentButton value="import">
            {mode === "published" ? "Import and publish" : "Import for review"}
          </IntentButton>
          <IntentButton value="check" className="secondary">
            Check only
          </IntentButton>
        </div>
      </form>
      {state.report ? <Report report={state.report} /> : null}
    </>
  );
}
