import { revisions } from "../schema";
import type { DbLike } from "../connection";
import { queueFirstCaptures } from "./queue-source-captures";
import type { RecordType } from "@/lib/domain/vocabulary";

// Every change to a published record goes through here: an approval, a reviewer's direct outcome
// or import (both approvals of their own submission), a supersession and the seed. A record's
// history, the change feeds and the watchlists are all read from revisions, so one place writes
// them, and a new write path cannot forget its revision or write one of another shape.
// (publication_version, which keys the response cache, is moved by triggers on the records.)

export type PublishedRevision = {
  recordType: RecordType;
  recordId: number;
  /** The record as it was; null for a new record. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
  /** Who published it; null only for the seed, which no person made. */
  actorId: string | null;
  /** The approved submission it comes from; a supersession and the seed have none. */
  submissionId: number | null;
  summary: string;
};

/**
 * Writes the revision of a published change, and queues a first archive capture of each of the
 * record's sources that has none (issue 15; fetched later, so publication never waits on it).
 * Runs inside the caller's transaction.
 */
export function publishRevision(tx: DbLike, revision: PublishedRevision): { revisionId: number } {
  const row = tx.insert(revisions).values(revision).returning({ id: revisions.id }).get();
  queueFirstCaptures(tx, revision.recordType, revision.recordId);
  return { revisionId: row.id };
}
