import { eq } from "drizzle-orm";
import type { Db, DbLike } from "../connection";
import { commitments, revisions, users } from "../schema";
import { recordSnapshot } from "../queries/records";
import type { MutationResult } from "./submissions";

// A company that restates a target makes a new commitment; the old one is kept, linked to the
// new one by superseded_by_id, and left out of counts and dashboards (commitment_status.is_current,
// kept by triggers). The link is a reviewer's judgement about published records, so it is made
// directly, with its own revision, rather than proposed through a submission.

const IMMEDIATE = { behavior: "immediate" } as const;

export type SupersedeInput = {
  reviewerId: string;
  /** The commitment that was restated. */
  oldId: number;
  /** The commitment that restates it. */
  newId: number;
};

function isReviewer(tx: DbLike, userId: string): boolean {
  const role = tx.select({ role: users.role }).from(users).where(eq(users.id, userId)).get()?.role;
  return role === "reviewer" || role === "admin";
}

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
  const invalid = (message: string) => ({
    ok: false as const,
    code: "invalid" as const,
    message,
    fieldErrors: { new_id: message },
  });
  return db.transaction((tx) => {
    if (!isReviewer(tx, reviewerId))
      return {
        ok: false,
        code: "forbidden",
        message: "Only reviewers and admins can mark a commitment as superseded.",
      };
    const old = commitmentRow(tx, oldId);
    if (!old) return { ok: false, code: "not_found", message: `There is no commitment number ${oldId}.` };
    if (old.supersededById !== null)
      return {
        ok: false,
        code: "invalid_state",
        message: `This commitment is already superseded by commitment ${old.supersededById}.`,
      };
    if (newId === oldId)
      return invalid("A commitment cannot supersede itself: give the restated commitment's number.");
    const replacement = commitmentRow(tx, newId);
    if (!replacement) return invalid(`There is no commitment number ${newId}.`);
    if (replacement.withdrawnOn)
      return invalid(`Commitment ${newId} was withdrawn; it cannot restate another.`);
    if (replacement.supersededById !== null)
      return invalid(
        `Commitment ${newId} is itself superseded by commitment ${replacement.supersededById}: link to the current one.`,
      );
    if (reaches(tx, newId, oldId)) return invalid(`Commitment ${newId} already leads back to this one.`);

    const before = recordSnapshot(tx, "commitment", oldId);
    const payload = before?.payload ?? {};
    tx.update(commitments)
      .set({ supersededById: newId, updatedAt: new Date().toISOString() })
      .where(eq(commitments.id, oldId))
      .run();
    const revision = tx
      .insert(revisions)
      .values({
        recordType: "commitment",
        recordId: oldId,
        before: { ...payload, superseded_by_id: null },
        after: { ...payload, superseded_by_id: newId },
        actorId: reviewerId,
        summary: `Superseded by commitment ${newId}`,
      })
      .returning({ id: revisions.id })
      .get();
    return { ok: true, revisionId: revision.id };
  }, IMMEDIATE);
}

export type SupersessionLink = { id: number; title: string };

/** What a commitment's page links to: the commitment that restates it, and those it restates. */
export function supersessionLinks(
  db: Db,
  id: number,
): { supersededBy: SupersessionLink | null; restates: SupersessionLink[] } {
  const row = commitmentRow(db, id);
  const supersededBy =
    row?.supersededById != null
      ? (db
          .select({ id: commitments.id, title: commitments.title })
          .from(commitments)
          .where(eq(commitments.id, row.supersededById))
          .get() ?? null)
      : null;
  const restates = db
    .select({ id: commitments.id, title: commitments.title })
    .from(commitments)
    .where(eq(commitments.supersededById, id))
    .orderBy(commitments.id)
    .all();
  return { supersededBy, restates };
}
