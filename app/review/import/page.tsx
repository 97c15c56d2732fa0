import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ImportForm } from "@/components/review/import-form";
import { IMPORT_COLUMNS } from "@/lib/import/commitments";
import { MAX_IMPORT_ROWS } from "@/lib/import/csv";
import { reviewerOrRefusal } from "../access";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import commitments" };

export default async function ImportPage() {
  const access = await reviewerOrRefusal("/review/import", "Import commitments");
  if (!access.user) return access.refusal;
  const mode = access.user.role === "admin" ? "published" : "pending";
  return (
    <>
      <p className="meta">
        <Link href="/review">Review queue</Link>
      </p>
      <h1>Import commitments</h1>
      <p className="lede">
        Upload a CSV file of commitments with the columns of the{" "}
        <a href="/api/v1/commitments.csv">commitments export</a>: export, correct or add rows, and upload. A
        row with an <code>id</code> proposes a change to that commitment; a row without one proposes a new
        commitment.
      </p>
      <p>
        {mode === "published"
          ? "You are an admin: the rows are published at once, each with its revision, as one import."
          : "The rows become submissions that another reviewer approves or rejects, one by one."}{" "}
        The import is all or nothing: if any row has a problem, nothing is imported, and the report lists
        every problem by row and column. Use “Check only” to see the report without importing.
      </p>

      <ImportForm mode={mode} />

      <section aria-labelledby="format-heading">
        <h2 id="format-heading">What the file must contain</h2>
        <ul>
          <li>
            A .csv file in UTF-8 (“CSV UTF-8” in a spreadsheet), at most 2 MB and{" "}
            {MAX_IMPORT_ROWS.toLocaleString("en-IN")} rows.
          </li>
          <li>
            The first row names the columns (a citation line above it, as in an export, is skipped). Row
            numbers in the report are those your spreadsheet shows.
          </li>
          <li>
            Every row needs at least one source. For a source the tracker already cites, its address is
            enough: the title, publisher, kind, date and excerpt are taken from the tracker. For a new source
            give all of them, in the same order as the addresses, separated by <code>|</code>.
          </li>
          <li>
            The export&apos;s other columns (company_name, deadline_label, status, status_label, latest_value,
            latest_as_of, percent_of_way, days_to_deadline, withdrawn_on, superseded_by_id) are computed or
            managed in the tracker and are not read. Withdrawing a commitment is proposed from its page, with
            a reason.
          </li>
          <li>
            A cell that the export protected with a leading apostrophe (&apos;=, &apos;+, &apos;-, &apos;@) is
            read without it.
          </li>
        </ul>
        <div className="table-wrap">
          <table>
            <caption>Columns read by the import</caption>
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Required</th>
                <th scope="col">What to put in it</th>
              </tr>
            </thead>
            <tbody>
              {IMPORT_COLUMNS.map((c) => (
                <tr key={c.name}>
                  <th scope="row">
                    <code>{c.name}</code>
                  </th>
                  <td>{c.required ? "Yes" : "No"}</td>
                  <td>{c.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
