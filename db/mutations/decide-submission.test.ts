import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "../connection";
import { getCommitment } from "../queries/commitments";
import {
  commitmentCategories,
  commitments,
  commitmentSources,
  commitmentStates,
  commitmentStatus,
  revisions,
  sources,
} from "../schema";
import {
  addUser,
  commitmentForm,
  countRows,
  eventsOf,
  proposeCommitment,
  submissionRow,
  testSource,
  TEST_TODAY as TODAY,
  seededDatabasePerTest,
  xiaomiChange,
  xiaomiTargetId,
} from "../testing/fixtures";
import { createSubmission } from "./create-submission";
import { decideSubmission } from "./decide-submission";
import { failureWords } from "@/lib/messages/mutation-failures";

let db: Db;
let contributor: string;
let reviewer: string;
let admin: string;
seededDatabasePerTest((w) => ({ db, contributor, reviewer, admin } = w));

const REUTERS = "https://www.nasdaq.com/articles/xiaomi-to-make-wireless-audio-products-in-india";

describe("decideSubmission", () => {
  it("lets only another reviewer or an admin decide", () => {
    const id = proposeCommitment(db, contributor);
    expect(
      decideSubmission(db, { id, reviewerId: contributor, decision: "approve", today: TODAY }),
    ).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    const own = proposeCommitment(db, reviewer, commitmentForm({ title: "A reviewer's own proposal" }));
    const ownDecision = decideSubmission(db, {
      id: own,
      reviewerId: reviewer,
      decision: "approve",
      today: TODAY,
    });
    expect(ownDecision).toMatchObject({ ok: false, code: "forbidden", problem: "own_submission" });
    expect(ownDecision.ok ? "" : failureWords(ownDecision).message).toMatch(/another reviewer/);
    expect(
      decideSubmission(db, { id: 424242, reviewerId: reviewer, decision: "approve", today: TODAY }),
    ).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(submissionRow(db, id).state).toBe("pending");
    expect(submissionRow(db, own).state).toBe("pending");
  });

  it("needs a reason to reject or to request changes, and keeps rejected submissions", () => {
    const id = proposeCommitment(db, contributor);
    for (const decision of ["reject", "request_changes"] as const) {
      const r = decideSubmission(db, { id, reviewerId: reviewer, decision, reason: " ", today: TODAY });
      expect(r).toMatchObject({ ok: false, code: "invalid", problem: "reason_required", field: "reason" });
      expect(r.ok ? {} : failureWords(r).errors).toHaveProperty("reason");
    }
    expect(
      decideSubmission(db, {
        id,
        reviewerId: reviewer,
        decision: "reject",
        reason: "Not a commitment",
        today: TODAY,
      }),
    ).toEqual({
      ok: true,
    });
    expect(submissionRow(db, id)).toMatchObject({
      state: "rejected",
      reviewerId: reviewer,
      decisionReason: "Not a commitment",
    });
    expect(eventsOf(db, id).map((e) => [e.event, e.reason])).toEqual([
      ["created", null],
      ["rejected", "Not a commitment"],
    ]);
    // A decided submission cannot be decided again.
    expect(decideSubmission(db, { id, reviewerId: admin, decision: "approve", today: TODAY })).toMatchObject({
      ok: false,
      code: "invalid_state",
    });
  });

  it("publishes an approved commitment with its lists, sources and revision", () => {
    const sourcesBefore = countRows(db, "sources");
    const id = proposeCommitment(
      db,
      contributor,
      commitmentForm({ sources: [testSource(1), { ...testSource(2), url: REUTERS }] }),
    );
    const r = decideSubmission(db, { id, reviewerId: reviewer, decision: "approve", today: TODAY });
    expect(r.ok).toBe(true);
    const recordId = r.ok ? r.recordId! : 0;
    const row = db.select().from(commitments).where(eq(commitments.id, recordId)).get()!;
    expect(row).toMatchObject({
      title: commitmentForm().title,
      targetValue: 1_000_000,
      dueOn: "2027-12-31",
      deadlinePrecision: "year",
    });
    expect(
      db
        .select()
        .from(commitmentCategories)
        .where(eq(commitmentCategories.commitmentId, recordId))
        .all()
        .map((c) => c.category)
        .sort(),
    ).toEqual(["Earbuds", "Wireless audio"]);
    expect(
      db.select().from(commitmentStates).where(eq(commitmentStates.commitmentId, recordId)).all(),
    ).toHaveLength(1);
    // The Reuters report was already a source: its row is reused, only the new story is added.
    expect(countRows(db, "sources")).toBe(sourcesBefore + 1);
    expect(db.select().from(sources).where(eq(sources.url, REUTERS)).get()!.title).toBe(
      "Xiaomi to make wireless audio products in India",
    );
    expect(
      db.select().from(commitmentSources).where(eq(commitmentSources.recordId, recordId)).all(),
    ).toHaveLength(2);

    const revision = db
      .select()
      .from(revisions)
      .where(and(eq(revisions.recordType, "commitment"), eq(revisions.recordId, recordId)))
      .get()!;
    expect(revision).toMatchObject({
      actorId: reviewer,
      submissionId: id,
      summary: "Created commitment",
      before: null,
    });
    expect(revision.after).toMatchObject({ title: commitmentForm().title, target_value: 1_000_000 });
    expect(submissionRow(db, id)).toMatchObject({ state: "approved", reviewerId: reviewer });
    expect(getCommitment(db, recordId, TODAY)?.revisions[0]?.actorName).toBe("Ravi Reviewer");
  });

  it("writes nothing when applying fails part way", () => {
    const id = proposeCommitment(db, contributor);
    const counts = () =>
      [
        "commitments",
        "sources",
        "commitment_sources",
        "commitment_categories",
        "revisions",
        "submission_events",
      ].map((table) => countRows(db, table));
    const before = counts();
    // The last write of an approval is the revision; make it fail after the record, sources and
    // links have been written in the same transaction.
    db.$client.exec(
      "create trigger fail_revision before insert on revisions begin select raise(abort, 'disk on fire'); end",
    );
    expect(() =>
      decideSubmission(db, { id, reviewerId: reviewer, decision: "approve", today: TODAY }),
    ).toThrow(/disk on fire/);
    db.$client.exec("drop trigger fail_revision");
    expect(counts()).toEqual(before);
    expect(submissionRow(db, id).state).toBe("pending");
    // And it can then be approved.
    expect(decideSubmission(db, { id, reviewerId: reviewer, decision: "approve", today: TODAY }).ok).toBe(
      true,
    );
  });

  it("applies a change with a summary of what changed, and refuses a second change based on the old version", () => {
    const targetId = xiaomiTargetId(db);
    const first = createSubmission(db, {
      userId: contributor,
      recordType: "commitment",
      action: "change",
      targetId,
      payload: xiaomiChange(db, { target_value: 60 }),
    });
    const second = createSubmission(db, {
      userId: addUser(db, "contributor"),
      recordType: "commitment",
      action: "change",
      targetId,
      payload: xiaomiChange(db, { deadline: "2026" }),
    });
    if (!first.ok || !second.ok) throw new Error("setup");
    expect(
      decideSubmission(db, { id: first.id, reviewerId: reviewer, decision: "approve", today: TODAY }),
    ).toEqual({
      ok: true,
      recordId: targetId,
    });
    const revision = db.select().from(revisions).where(eq(revisions.submissionId, first.id)).get()!;
    expect(revision.summary).toBe("Changed target value from 50 to 60");
    expect(revision.before).toMatchObject({ target_value: 50 });
    expect(revision.after).toMatchObject({ target_value: 60 });

    const revisionsBefore = countRows(db, "revisions");
    const r = decideSubmission(db, {
      id: second.id,
      reviewerId: reviewer,
      decision: "approve",
      today: TODAY,
    });
    expect(r).toMatchObject({ ok: false, code: "conflict" });
    expect(countRows(db, "revisions")).toBe(revisionsBefore);
    expect(db.select().from(commitments).where(eq(commitments.id, targetId)).get()).toMatchObject({
      targetValue: 60,
      dueOn: "2025-12-31",
    });
    expect(submissionRow(db, second.id).state).toBe("pending");
    // The reviewer can still send it back.
    expect(
      decideSubmission(db, {
        id: second.id,
        reviewerId: reviewer,
        decision: "request_changes",
        reason: "Rebase on 60",
        today: TODAY,
      }).ok,
    ).toBe(true);
  });

  it("withdraws a record by marking it, never deleting it", () => {
    const targetId = xiaomiTargetId(db);
    const r = createSubmission(db, {
      userId: contributor,
      recordType: "commitment",
      action: "withdraw",
      targetId,
      payload: null,
      withdrawReason: "Restated in the 2026 annual report",
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(decideSubmission(db, { id: r.id, reviewerId: admin, decision: "approve", today: TODAY }).ok).toBe(
      true,
    );
    expect(db.select().from(commitments).where(eq(commitments.id, targetId)).get()).toMatchObject({
      withdrawnOn: TODAY,
      withdrawnReason: "Restated in the 2026 annual report",
    });
    expect(db.select().from(revisions).where(eq(revisions.submissionId, r.id)).get()?.summary).toBe(
      "Withdrew commitment: Restated in the 2026 annual report",
    );
    // A withdrawn record takes no further changes.
    expect(
      createSubmission(db, {
        userId: contributor,
        recordType: "commitment",
        action: "change",
        targetId,
        payload: xiaomiChange(db, { target_value: 70 }),
      }),
    ).toMatchObject({ ok: false, code: "invalid_state" });
  });

  it("publishes a progress update, and the commitment's status is recomputed", () => {
    const commitmentId = xiaomiTargetId(db);
    const readStatus = () => getCommitment(db, commitmentId, TODAY)!.status.status;
    expect(readStatus()).toBe("overdue_unverified");
    const r = createSubmission(db, {
      userId: contributor,
      recordType: "progress_update",
      action: "create",
      payload: {
        commitment_id: String(commitmentId),
        as_of: "2025-12-01",
        value: "55",
        note: "",
        sources: [testSource(3)],
      },
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(
      decideSubmission(db, { id: r.id, reviewerId: reviewer, decision: "approve", today: TODAY }).ok,
    ).toBe(true);
    expect(
      db.select().from(commitmentStatus).where(eq(commitmentStatus.commitmentId, commitmentId)).get()
        ?.validUntil,
    ).toBe("0000-00-00");
    expect(readStatus()).toBe("achieved");
  });
});
