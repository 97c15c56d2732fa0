"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { importCommitments } from "@/db/mutations/import-commitments";
import { findLikelyDuplicatesOfMany } from "@/db/queries/submissions";
import { sources } from "@/db/schema";
import { columnForField, commitmentRowsFromCsv, type KnownSource } from "@/lib/import/commitments";
import { parseCsv, readCsvFile } from "@/lib/import/csv";
import type { ImportProblem, ImportReport, ImportState, ImportWarning } from "@/lib/import/report";
import { failureWords, rowErrorMessage } from "@/lib/messages/mutation-failures";
import { today } from "@/lib/server/clock";
import { authorize, REVIEWERS } from "@/auth/session";
import { CommitmentInputSchema } from "@/lib/records/commitment";

const MAX_WARNINGS = 50;

const fileError = (message: string): ImportState => ({
  status: "error",
  errors: { file: message },
  report: null,
});

export async function importAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const auth = await authorize(REVIEWERS);
  if (!auth.ok) return { status: "error", message: auth.message, errors: {}, report: null };
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0 || file.name === "")
    return fileError("Choose a CSV file to upload.");
  const dryRun = formData.get("intent") === "check";

  const checked = readCsvFile({
    name: file.name,
    type: file.type,
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
  if (!checked.ok) return fileError(checked.message);
  const parsed = parseCsv(checked.text);
  if (!parsed.ok) return fileError(`Row ${parsed.row}: ${parsed.message}`);

  const db = getDb();
  const knownSource = (url: string): KnownSource | undefined =>
    db
      .select({
        title: sources.title,
        publisher: sources.publisher,
        kind: sources.kind,
        publishedOn: sources.publishedOn,
        excerpt: sources.excerpt,
      })
      .from(sources)
      .where(eq(sources.url, url))
      .get();
  const read = commitmentRowsFromCsv(parsed.records, { knownSource });
  if (!read.ok) return fileError(read.message);
  if (read.rows.length === 0 && read.problems.length === 0)
    return fileError("The file has no rows under its column names.");

  // Looked for before anything is written, so that rows just imported are not taken for their own duplicates.
  const warnings: ImportWarning[] = [];
  const proposals = read.rows.flatMap((row) => {
    if (row.targetId !== null) return [];
    const p = CommitmentInputSchema.safeParse(row.payload);
    return p.success
      ? [{ row: row.row, company: p.data.company, title: p.data.title, dueOn: p.data.due_on }]
      : [];
  });
  findLikelyDuplicatesOfMany(db, proposals).forEach((matches, i) => {
    const match = matches[0];
    if (!match || warnings.length >= MAX_WARNINGS) return;
    warnings.push({
      row: proposals[i]!.row,
      message: `looks like ${match.kind === "commitment" ? `published commitment ${match.id}` : `submission ${match.id}, waiting for review`}: “${match.title}”`,
      href: match.href,
    });
  });

  const problems: ImportProblem[] = read.problems.map((p) => ({
    row: p.row,
    column: p.field,
    message: p.message,
  }));
  // With problems already found, the rest is only checked, so the report lists every problem at once.
  const result = importCommitments(db, {
    userId: auth.user.id,
    rows: read.rows,
    today: today(),
    dryRun: dryRun || problems.length > 0,
  });
  if (!result.ok && !result.rowErrors)
    return { status: "error", message: failureWords(result).message, errors: {}, report: null };
  if (!result.ok) {
    for (const e of result.rowErrors ?? [])
      problems.push({ row: e.row, column: columnForField(e.field, read), message: rowErrorMessage(e) });
  }
  problems.sort((a, b) => a.row - b.row);

  const outcome = result.ok ? result : null;
  const report: ImportReport = {
    fileName: file.name,
    rows: read.rows.length + read.problems.length,
    problems,
    warnings,
    ignoredColumns: read.ignoredColumns,
    unchanged: outcome?.unchanged ?? [],
    created: outcome?.created ?? 0,
    changed: outcome?.changed ?? 0,
    mode: auth.user.role === "admin" ? "published" : "pending",
    dryRun,
    imported: problems.length === 0 && !dryRun,
    submissionIds: outcome?.submissionIds ?? [],
  };
  if (problems.length > 0) {
    const rows = new Set(problems.map((p) => p.row)).size;
    return {
      status: "error",
      message: `${problems.length} problem${problems.length === 1 ? "" : "s"} in ${rows} row${rows === 1 ? "" : "s"}: nothing was imported. Correct the file and upload it again.`,
      errors: {},
      report,
    };
  }
  if (!dryRun) {
    revalidatePath("/review");
    if (report.mode === "published") revalidatePath("/", "layout");
  }
  return { status: "success", errors: {}, report };
}
