import { eq } from "drizzle-orm";
import { commitments } from "../schema";
import { IMMEDIATE } from "../transaction";
import { reviewerRole } from "./authorize";
import { publishRevision } from "./publish-revision";
import type { Db, DbLike } from "../connection";
import { recordSnapshot } from "../queries/records";
import { fail, type MutationResult } from "./result";
import type { Problem } from "@/lib/domain/mutation-problems";

// A company that restates a target makes a new commitment; the old one is kept, linked to the
// new one by superseded_by_id, and left out of counts and dashboards (commitment_status.is_current,
// kept by triggers). The link is a reviewer's judgement about published records, so it is made
// directly, with its own revision, rather than proposed through a submission.

export type SupersedeInput = {
  reviewerId: string;
  /** The commitment that was restated. */
  oldId: number;
  /** The commitment that restates it. */
  newId: number;
};

function commitmentRow(tx: DbLike, id: number) {
  return tx
    .select({
      id: commitments.id,
      supersededById: commitments.supersededById,
      withdrawnOn: commitments.withdrawnOn,
    })
    .from(commitments)
    .where(eq(commitments.id, id))
    .get();
}

/** Whether following superseded_by_id from `start` reaches `target`; bounded, so bad data cannot loop. */
function reaches(tx: DbLike, start: number, target: number): boolean {
  const seen = new Set<number>();
  let current: number | null = start;
  while (current !== null && !seen.has(current)) {
    if (current === target) return true;
    seen.add(current);
    current = commitmentRow(tx, current)?.supersededById ?? null;
  }
  return false;
}

/**
 * Marks `oldId` as superseded by `newId`, with a revision, in one IMMEDIATE transaction: the
 * checks (both exist, neither is already part of a longer chain the wrong way) still hold when
 * it writes, whichever server process is writing at the same time.
 */
export function supersedeCommitment(db: Db, input: SupersedeInput): MutationResult<{ revisionId: number }> {
  const { reviewerId, oldId, newId } = input;
  // Problems with the restating commitment belong to the form's new_id field.
  const invalid = (problem: Problem) => fail("invalid", problem, { field: "new_id" });
  return db.transaction((tx) => {
    if (!reviewerRole(tx, reviewerId))
      return fail("forbidden", { problem: "not_reviewer", operation: "supersede" });
    const old = commitmentRow(tx, oldId);
    if (!old) return fail("not_found", { problem: "no_commitment", id: oldId });
    if (old.supersededById !== null)
      return fail("invalid_state", { problem: "already_superseded", by: old.supersededById });
    if (newId === oldId) return invalid({ problem: "supersedes_itself" });
    const replacement = commitmentRow(tx, newId);
    if (!replacement) return invalid({ problem: "no_commitment", id: newId });
    if (replacement.withdrawnOn) return invalid({ problem: "replacement_withdrawn", id: newId });
    if (replacement.supersededById !== null)
      return invalid({ problem: "replacement_superseded", id: newId, by: replacement.supersededById });
    if (reaches(tx, newId, oldId)) return invalid({ problem: "supersession_loop", id: newId });

    const before = recordSnapshot(tx, "commitment", oldId);
    const payload = before?.payload ?? {};
    tx.update(commitments)
      .set({ supersededById: newId, updatedAt: new Date().toISOString() })
      .where(eq(commitments.id, oldId))
      .run();
    const { revisionId } = publishRevision(tx, {
      recordType: "commitment",
      recordId: oldId,
      before: { ...payload, superseded_by_id: null },
      after: { ...payload, superseded_by_id: newId },
      actorId: reviewerId,
      submissionId: null,
      summary: `Superseded by commitment ${newId}`,
    });
    return { ok: true, revisionId };
  }, IMMEDIATE);
}
