import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "../connection";
import { commitments, revisions, submissions, users } from "../schema";
import {
  addUser,
  commitmentForm,
  countRows,
  eventsOf,
  proposeCommitment,
  submissionRow,
  testSource,
  seededDatabasePerTest,
  xiaomiChange,
  xiaomiTargetId,
} from "../testing/fixtures";
import { createSubmission } from "./create-submission";
import { failureWords } from "@/lib/messages/mutation-failures";

let db: Db;
let contributor: string;
seededDatabasePerTest((w) => ({ db, contributor } = w));

describe("createSubmission", () => {
  it("stores the parsed payload as pending, with a 'created' event", () => {
    const id = proposeCommitment(db, contributor);
    const row = submissionRow(db, id);
    expect(row.state).toBe("pending");
    expect(row.baseRevisionId).toBeNull();
    expect(row.payload).toMatchObject({
      target_value: 1_000_000,
      due_on: "2027-12-31",
      categories: ["Wireless audio", "Earbuds"],
    });
    expect(eventsOf(db, id).map((e) => [e.event, e.actorId])).toEqual([["created", contributor]]);
    // Nothing is published until a reviewer approves.
    expect(
      db.select().from(commitments).where(eq(commitments.title, commitmentForm().title)).get(),
    ).toBeUndefined();
  });

  it("refuses a proposal from an address not yet confirmed, and stores nothing", () => {
    const unconfirmed = addUser(db, "contributor", "Nisha New", { emailVerified: false });
    const before = countRows(db, "submissions");
    const result = createSubmission(db, {
      userId: unconfirmed,
      recordType: "commitment",
      action: "create",
      payload: commitmentForm(),
    });
    expect(result).toMatchObject({ ok: false, code: "forbidden", problem: "unverified_email" });
    expect(countRows(db, "submissions")).toBe(before);
    // Once the address is confirmed, the same proposal goes through.
    db.update(users).set({ emailVerified: true }).where(eq(users.id, unconfirmed)).run();
    expect(proposeCommitment(db, unconfirmed)).toBeGreaterThan(0);
  });

  it("returns field errors from the schema and for a company that is not published", () => {
    const bad = createSubmission(db, {
      userId: contributor,
      recordType: "commitment",
      action: "create",
      payload: commitmentForm({ title: "", sources: [] }),
    });
    expect(bad).toMatchObject({ ok: false, code: "invalid" });
    expect(bad.ok ? {} : bad.fieldErrors).toMatchObject({
      title: "Title is required",
      sources: "Add at least one source",
    });

    const unknown = createSubmission(db, {
      userId: contributor,
      recordType: "commitment",
      action: "create",
      payload: commitmentForm({ company: "no-such-company" }),
    });
    expect(unknown.ok ? {} : unknown.fieldErrors?.company).toMatch(/No published company/);
    expect(countRows(db, "submissions")).toBe(0);
  });

  it("checks what a progress update, a facility and a partnership refer to", () => {
    const progress = createSubmission(db, {
      userId: contributor,
      recordType: "progress_update",
      action: "create",
      payload: { commitment_id: "99999", as_of: "2026-01-01", value: "5", sources: [testSource()] },
    });
    expect(progress.ok ? {} : progress.fieldErrors).toHaveProperty("commitment_id");
    const partnership = createSubmission(db, {
      userId: contributor,
      recordType: "partnership",
      action: "create",
      payload: {
        brand: "xiaomi",
        partner: "nobody",
        product_categories: "Audio",
        facility_id: "424242",
        stage: "announced",
        sources: [testSource()],
      },
    });
    expect(Object.keys(partnership.ok ? {} : partnership.fieldErrors!).sort()).toEqual([
      "facility_id",
      "partner",
    ]);
    const company = createSubmission(db, {
      userId: contributor,
      recordType: "company",
      action: "create",
      payload: {
        slug: "xiaomi",
        name: "Xiaomi again",
        kind: "brand",
        hq_country: "cn",
        sources: [testSource()],
      },
    });
    expect(company.ok ? {} : company.fieldErrors?.slug).toMatch(/already exists/);
  });

  it("gives back the same submission for the same payload sent again within 10 seconds", () => {
    const first = proposeCommitment(db, contributor);
    expect(proposeCommitment(db, contributor)).toBe(first);
    expect(proposeCommitment(db, contributor, commitmentForm({ target_value: "2000000" }))).not.toBe(first);
    // Another person proposing the same thing is a separate submission.
    expect(proposeCommitment(db, addUser(db, "contributor"))).not.toBe(first);
    db.update(submissions)
      .set({ createdAt: new Date(Date.now() - 11_000).toISOString() })
      .where(eq(submissions.id, first))
      .run();
    expect(proposeCommitment(db, contributor)).not.toBe(first);
  });

  it("bases a change on the record's latest revision and refuses a change that changes nothing", () => {
    const targetId = xiaomiTargetId(db);
    const latest = db
      .select({ id: revisions.id })
      .from(revisions)
      .where(and(eq(revisions.recordType, "commitment"), eq(revisions.recordId, targetId)))
      .all()
      .at(-1)!.id;
    const same = createSubmission(db, {
      userId: contributor,
      recordType: "commitment",
      action: "change",
      targetId,
      payload: xiaomiChange(db, {}),
    });
    expect(same).toMatchObject({ ok: false, code: "invalid", problem: "unchanged" });
    expect(same.ok ? "" : failureWords(same).message).toMatch(/same as the published/);

    const r = createSubmission(db, {
      userId: contributor,
      recordType: "commitment",
      action: "change",
      targetId,
      payload: xiaomiChange(db, { target_value: 60 }),
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(submissionRow(db, r.id).baseRevisionId).toBe(latest);
  });

  it("needs an existing target for a change and a reason for a withdrawal", () => {
    expect(
      createSubmission(db, {
        userId: contributor,
        recordType: "commitment",
        action: "change",
        targetId: 99999,
        payload: commitmentForm(),
      }),
    ).toMatchObject({ ok: false, code: "not_found" });
    const noReason = createSubmission(db, {
      userId: contributor,
      recordType: "commitment",
      action: "withdraw",
      targetId: xiaomiTargetId(db),
      payload: null,
      withdrawReason: "  ",
    });
    expect(noReason.ok ? {} : noReason.fieldErrors).toHaveProperty("reason");
    const nothing = createSubmission(db, {
      userId: contributor,
      recordType: "company",
      action: "withdraw",
      targetId: 1,
      payload: null,
    });
    expect(nothing.ok ? {} : nothing.fieldErrors).toEqual({ reason: "Reason for withdrawing is required" });
    expect(
      createSubmission(db, {
        userId: "no-such-user",
        recordType: "commitment",
        action: "create",
        payload: commitmentForm(),
      }),
    ).toMatchObject({ ok: false, code: "forbidden" });
  });
});
