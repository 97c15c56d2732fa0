import { eq, sql } from "drizzle-orm";
import { submissions } from "../schema";
import type { DbLike } from "../connection";
import { fail, type MutationFailure } from "./result";

// What the submission operations share about the submission row itself.

export type SubmissionRow = typeof submissions.$inferSelect;

export function findSubmission(tx: DbLike, id: number): SubmissionRow | undefined {
  return tx.select().from(submissions).where(eq(submissions.id, id)).get();
}

/** The submission, if `userId` submitted it: only its submitter may withdraw or resubmit it. */
export function submittersOwn(
  tx: DbLike,
  id: number,
  userId: string,
  operation: "withdraw" | "resubmit",
): SubmissionRow | MutationFailure {
  const row = findSubmission(tx, id);
  if (!row) return fail("not_found", { problem: "no_submission" });
  if (row.submittedById !== userId) return fail("forbidden", { problem: "not_submitter", operation });
  return row;
}

export function nowIso(): string {
  return new Date().toISOString();
}

/** Repeated clicks on "Submit" within this window give back the first submission. */
export const DUPLICATE_WINDOW_SECONDS = 10;

/** The start of the repeat window, as SQL comparable with created_at. */
export const duplicateWindowStart = () =>
  sql`strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ${`-${DUPLICATE_WINDOW_SECONDS} seconds`})`;
