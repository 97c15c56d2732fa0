import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "../connection";
import { getCommitment } from "../queries/commitments";
import { progressUpdates, revisions } from "../schema";
import {
  submissionRow,
  testSource,
  TEST_TODAY as TODAY,
  seededDatabasePerTest,
  xiaomiTargetId,
} from "../testing/fixtures";
import { recordOutcome } from "./record-outcome";

let db: Db;
let contributor: string;
let reviewer: string;
seededDatabasePerTest((w) => ({ db, contributor, reviewer } = w));

describe("recordOutcome", () => {
  const outcome = () => ({
    commitment_id: xiaomiTargetId(db),
    as_of: "2026-03-31",
    value: "40",
    note: "Reported in the annual report",
    sources: [testSource(4)],
  });

  it("is for reviewers, and publishes at once through an approved submission", () => {
    expect(recordOutcome(db, { reviewerId: contributor, payload: outcome(), today: TODAY })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    const r = recordOutcome(db, { reviewerId: reviewer, payload: outcome(), today: TODAY });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(db.select().from(progressUpdates).where(eq(progressUpdates.id, r.recordId)).get()).toMatchObject({
      value: 40,
      asOf: "2026-03-31",
    });
    expect(submissionRow(db, r.id)).toMatchObject({
      state: "approved",
      submittedById: reviewer,
      reviewerId: reviewer,
    });
    expect(db.select().from(revisions).where(eq(revisions.submissionId, r.id)).get()).toMatchObject({
      recordType: "progress_update",
      actorId: reviewer,
      summary: "Created progress update",
    });
    // Sent twice by a double click: recorded once.
    expect(recordOutcome(db, { reviewerId: reviewer, payload: outcome(), today: TODAY })).toEqual(r);
    // Recorded after the deadline and short of the target.
    expect(getCommitment(db, xiaomiTargetId(db), TODAY)!.status.status).toBe("missed");
  });

  it("returns field errors for a bad payload", () => {
    const r = recordOutcome(db, {
      reviewerId: reviewer,
      payload: { ...outcome(), as_of: "2020-01-01", value: "x" },
      today: TODAY,
    });
    expect(r.ok ? {} : r.fieldErrors).toHaveProperty("value");
  });
});
