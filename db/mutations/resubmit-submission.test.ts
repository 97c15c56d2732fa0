import { describe, expect, it } from "vitest";
import type { Db } from "../connection";
import {
  addUser,
  commitmentForm,
  eventsOf,
  proposeCommitment,
  submissionRow,
  TEST_TODAY as TODAY,
  seededDatabasePerTest,
} from "../testing/fixtures";
import { decideSubmission } from "./decide-submission";
import { resubmitSubmission } from "./resubmit-submission";

let db: Db;
let contributor: string;
let reviewer: string;
seededDatabasePerTest((w) => ({ db, contributor, reviewer } = w));

describe("resubmitSubmission", () => {
  it("resubmits after a request for changes, keeping the old payload and the comment", () => {
    const id = proposeCommitment(db, contributor);
    expect(resubmitSubmission(db, { id, userId: contributor, payload: commitmentForm() })).toMatchObject({
      ok: false,
      code: "invalid_state",
    });
    decideSubmission(db, {
      id,
      reviewerId: reviewer,
      decision: "request_changes",
      reason: "Which year is the target for?",
      today: TODAY,
    });
    expect(
      resubmitSubmission(db, { id, userId: addUser(db, "contributor"), payload: commitmentForm() }),
    ).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    const invalid = resubmitSubmission(db, {
      id,
      userId: contributor,
      payload: commitmentForm({ deadline: "next year" }),
    });
    expect(invalid.ok ? {} : invalid.fieldErrors).toHaveProperty("deadline");
    expect(
      resubmitSubmission(db, { id, userId: contributor, payload: commitmentForm({ deadline: "2028" }) }),
    ).toEqual({ ok: true, id });

    expect(submissionRow(db, id)).toMatchObject({ state: "pending", reviewerId: null, decisionReason: null });
    expect((submissionRow(db, id).payload as { due_on: string }).due_on).toBe("2028-12-31");
    const history = eventsOf(db, id);
    expect(history.map((e) => e.event)).toEqual(["created", "changes_requested", "resubmitted"]);
    expect((history[0]!.payload as { due_on: string }).due_on).toBe("2027-12-31");
    expect(history[1]!.reason).toBe("Which year is the target for?");
    expect((history[2]!.payload as { due_on: string }).due_on).toBe("2028-12-31");
  });
});
