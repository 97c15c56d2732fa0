import { describe, expect, it } from "vitest";
import type { Db } from "../connection";
import {
  eventsOf,
  proposeCommitment,
  submissionRow,
  TEST_TODAY as TODAY,
  seededDatabasePerTest,
} from "../testing/fixtures";
import { decideSubmission } from "./decide-submission";
import { withdrawSubmission } from "./withdraw-submission";

let db: Db;
let contributor: string;
let reviewer: string;
seededDatabasePerTest((w) => ({ db, contributor, reviewer } = w));

describe("withdrawSubmission", () => {
  it("lets only the submitter withdraw, only while open, and keeps the submission", () => {
    const id = proposeCommitment(db, contributor);
    expect(withdrawSubmission(db, { id, userId: reviewer })).toMatchObject({ ok: false, code: "forbidden" });
    expect(withdrawSubmission(db, { id, userId: contributor })).toEqual({ ok: true, id });
    expect(submissionRow(db, id).state).toBe("withdrawn");
    expect(withdrawSubmission(db, { id, userId: contributor })).toMatchObject({
      ok: false,
      code: "invalid_state",
    });
    expect(
      decideSubmission(db, { id, reviewerId: reviewer, decision: "approve", today: TODAY }),
    ).toMatchObject({
      ok: false,
      code: "invalid_state",
    });
    expect(eventsOf(db, id).map((e) => e.event)).toEqual(["created", "withdrawn"]);
  });
});
