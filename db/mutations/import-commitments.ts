import type { Db } from "../connection";
import { submissionEvents, submissions } from "../schema";
import { IMMEDIATE } from "../transaction";
import { reviewerRole } from "./authorize";
import { checkProposal } from "./check-proposal";
import { publishDirectly } from "./publish-directly";
import type { RecordPayload } from "@/lib/records";
import { fail, problemOf, type MutationResult, type RowError } from "./result";

export type ImportRow = {
  /** The row number a person sees in their spreadsheet, used in every message about it. */
  row: number;
  /** A commitment to change (the export's id column), or null for a new one. */
  targetId: number | null;
  payload: unknown;
};

export type ImportOutcome = {
  /** "pending": submissions for review (a reviewer's import); "published": applied (an admin's). */
  mode: "pending" | "published";
  dryRun: boolean;
  /** Rows that would change nothing: the same as the published commitment. */
  unchanged: number[];
  created: number;
  changed: number;
  submissionIds: number[];
};

/**
 * A bulk import of commitments, all or nothing: every row is checked as a proposal; if any row
 * has a problem, nothing is written and every problem is returned by row and field. Otherwise a
 * reviewer's rows become pending submissions (another reviewer decides), and an admin's are
 * published at once, each with its own approved submission and revision, in this transaction.
 * Rows identical to the published commitment they name are skipped, not proposed.
 */
export function importCommitments(
  db: Db,
  input: { userId: string; rows: readonly ImportRow[]; today: string; dryRun?: boolean },
): MutationResult<ImportOutcome> {
  return db.transaction((tx) => {
    const role = reviewerRole(tx, input.userId);
    if (!role) return fail("forbidden", { problem: "not_reviewer", operation: "import" });
    const mode = role === "admin" ? "published" : "pending";
    const rowErrors: RowError[] = [];
    const accepted: { row: ImportRow; payload: RecordPayload; baseRevisionId: number | null }[] = [];
    const unchanged: number[] = [];
    const targetsSeen = new Map<number, number>();
    const keysSeen = new Map<string, number>();

    for (const row of input.rows) {
      const action = row.targetId === null ? "create" : "change";
      const checked = checkProposal(tx, "commitment", action, row.targetId, row.payload);
      if (!checked.ok) {
        if (checked.fieldErrors && Object.keys(checked.fieldErrors).length > 0) {
          for (const [field, message] of Object.entries(checked.fieldErrors))
            rowErrors.push({ row: row.row, field, message });
        } else if (checked.problem === "unchanged") {
          unchanged.push(row.row);
        } else {
          rowErrors.push({ row: row.row, field: action === "change" ? "id" : "_row", ...problemOf(checked) });
        }
        continue;
      }
      const payload = checked.payload as RecordPayload & {
        company: string;
        title: string;
        due_on: string | null;
      };
      if (row.targetId !== null) {
        const earlier = targetsSeen.get(row.targetId);
        if (earlier !== undefined) {
          rowErrors.push({
            row: row.row,
            field: "id",
            problem: "changed_by_row",
            id: row.targetId,
            earlierRow: earlier,
          });
          continue;
        }
        targetsSeen.set(row.targetId, row.row);
      } else {
        const key = JSON.stringify([payload.company, payload.title.toLowerCase(), payload.due_on]);
        const earlier = keysSeen.get(key);
        if (earlier !== undefined) {
          rowErrors.push({ row: row.row, field: "title", problem: "same_as_row", earlierRow: earlier });
          continue;
        }
        keysSeen.set(key, row.row);
      }
      accepted.push({ row, payload, baseRevisionId: checked.baseRevisionId });
    }

    if (rowErrors.length > 0) {
      const rows = new Set(rowErrors.map((e) => e.row)).size;
      return fail("invalid", { problem: "rows", problems: rowErrors.length, rows }, { rowErrors });
    }
    const created = accepted.filter((a) => a.row.targetId === null).length;
    const outcome: ImportOutcome = {
      mode,
      dryRun: input.dryRun ?? false,
      unchanged,
      created,
      changed: accepted.length - created,
      submissionIds: [],
    };
    if (outcome.dryRun) return { ok: true, ...outcome };

    for (const { row, payload, baseRevisionId } of accepted) {
      const action = row.targetId === null ? "create" : "change";
      if (mode === "published") {
        const { id } = publishDirectly(tx, {
          userId: input.userId,
          recordType: "commitment",
          action,
          targetId: row.targetId,
          payload,
          baseRevisionId,
          today: input.today,
        });
        outcome.submissionIds.push(id);
      } else {
        const { id } = tx
          .insert(submissions)
          .values({
            recordType: "commitment",
            action,
            targetId: row.targetId,
            payload,
            baseRevisionId,
            state: "pending",
            submittedById: input.userId,
          })
          .returning({ id: submissions.id })
          .get();
        tx.insert(submissionEvents)
          .values({ submissionId: id, event: "created", actorId: input.userId, payload })
          .run();
        outcome.submissionIds.push(id);
      }
    }
    return { ok: true, ...outcome };
  }, IMMEDIATE);
}
