import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Db } from "../connection";
import {
  commitmentCategories,
  commitments,
  commitmentSources,
  commitmentStates,
  commitmentStatus,
  companies,
  progressUpdates,
  revisions,
  sources,
  submissionEvents,
  submissions,
  users,
} from "../schema";
import { getCommitment } from "../queries/commitments";
import {
  createSubmission,
  decideSubmission,
  importCommitments,
  recordOutcome,
  resubmitSubmission,
  withdrawSubmission,
} from "./submissions";
import { recordSnapshot } from "../queries/records";
import type { Role } from "@/lib/domain/vocabulary";
import { tempDatabase } from "@/lib/testing/temp-db";

const TODAY = "2026-11-25";
const XIAOMI_TARGET = "50 per cent increase in the production of locally sourced components by 2025";
const REUTERS = "https://www.nasdaq.com/articles/xiaomi-to-make-wireless-audio-products-in-india";

let db: Db;
let cleanup: () => void;
let contributor: string;
let reviewer: string;
let admin: string;

function addUser(role: Role, name = `${role} ${crypto.randomInt(1e6)}`): string {
  const id = crypto.randomUUID();
  db.insert(users)
    .values({ id, name, email: `${id}@example.in`, role })
    .run();
  return id;
}

beforeEach(() => {
  ({ db, cleanup } = tempDatabase());
  contributor = addUser("contributor", "Asha Contributor");
  reviewer = addUser("reviewer", "Ravi Reviewer");
  admin = addUser("admin", "Meera Admin");
});
afterEach(() => cleanup());

const newSource = (n = 1) => ({
  url: `https://news.example.in/story-${n}`,
  title: `Story ${n}`,
  publisher: "Example News",
  kind: "news",
  published_on: "2026-01-15",
  excerpt: "The company said it would make phones in Noida.",
});

/** A commitment exactly as the form posts it: strings everywhere. */
const commitmentForm = (over: Record<string, unknown> = {}) => ({
  company: "xiaomi",
  title: "Make 10 lakh earbuds a year in Noida",
  description: "",
  metric: "units_produced",
  unit: "count",
  direction: "increase",
  baseline_value: "0",
  baseline_date: "2026-01-15",
  target_value: "1,000,000",
  deadline_precision: "year",
  deadline: "2027",
  scheme: "make_in_india",
  evidence_grade: "announced",
  announced_on: "2026-01-15",
  categories: "Wireless audio, Earbuds",
  states: ["IN-UP"],
  sources: [newSource(1)],
  ...over,
});

const xiaomiTargetId = () =>
  db.select().from(commitments).where(eq(commitments.title, XIAOMI_TARGET)).get()!.id;

/** The published Xiaomi target as a change payload, with some fields replaced. */
function xiaomiChange(over: Record<string, unknown>) {
  return { ...recordSnapshot(db, "commitment", xiaomiTargetId())!.payload, ...over };
}

function propose(payload: unknown = commitmentForm(), userId = contributor): number {
  const r = createSubmission(db, { userId, recordType: "commitment", action: "create", payload });
  if (!r.ok) throw new Error(`${r.code}: ${r.message} ${JSON.stringify(r.fieldErrors)}`);
  return r.id;
}

const submission = (id: number) => db.select().from(submissions).where(eq(submissions.id, id)).get()!;
const events = (id: number) =>
  db
    .select()
    .from(submissionEvents)
    .where(eq(submissionEvents.submissionId, id))
    .orderBy(submissionEvents.id)
    .all();
const count = (table: string) =>
  (db.$client.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;

describe("createSubmission", () => {
  it("stores the parsed payload as pending, with a 'created' event", () => {
    const id = propose();
    const row = submission(id);
    expect(row.state).toBe("pending");
    expect(row.baseRevisionId).toBeNull();
    expect(row.payload).toMatchObject({
      target_value: 1_000_000,
      due_on: "2027-12-31",
      categories: ["Wireless audio", "Earbuds"],
    });
    expect(events(id).map((e) => [e.event, e.actorId])).toEqual([["created", contributor]]);
    // Nothing is published until a reviewer approves.
    expect(
      db.select().from(commitments).where(eq(commitments.title, commitmentForm().title)).get(),
    ).toBeUndefined();
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
    expect(count("submissions")).toBe(0);
  });

  it("checks what a progress update, a facility and a partnership refer to", () => {
    const progress = createSubmission(db, {
      userId: contributor,
      recordType: "progress_update",
      action: "create",
      payload: { commitment_id: "99999", as_of: "2026-01-01", value: "5", sources: [newSource()] },
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
        sources: [newSource()],
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
        sources: [newSource()],
      },
    });
    expect(company.ok ? {} : company.fieldErrors?.slug).toMatch(/already exists/);
  });

  it("gives back the same submission for the same payload sent again within 10 seconds", () => {
    const first = propose();
    expect(propose()).toBe(first);
    expect(propose(commitmentForm({ target_value: "2000000" }))).not.toBe(first);
    // Another person proposing the same thing is a separate submission.
    expect(propose(commitmentForm(), addUser("contributor"))).not.toBe(first);
    db.update(submissions)
      .set({ createdAt: new Date(Date.now() - 11_000).toISOString() })
      .where(eq(submissions.id, first))
      .run();
    expect(propose()).not.toBe(first);
  });

  it("bases a change on the record's latest revision and refuses a change that changes nothing", () => {
    const targetId = xiaomiTargetId();
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
      payload: xiaomiChange({}),
    });
    expect(same).toMatchObject({
      ok: false,
      code: "invalid",
      message: expect.stringMatching(/same as the published/),
    });

    const r = createSubmission(db, {
      userId: contributor,
      recordType: "commitment",
      action: "change",
      targetId,
      payload: xiaomiChange({ target_value: 60 }),
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(submission(r.id).baseRevisionId).toBe(latest);
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
      targetId: xiaomiTargetId(),
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

describe("decideSubmission", () => {
  it("lets only another reviewer or an admin decide", () => {
    const id = propose();
    expect(
      decideSubmission(db, { id, reviewerId: contributor, decision: "approve", today: TODAY }),
    ).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    const own = propose(commitmentForm({ title: "A reviewer's own proposal" }), reviewer);
    expect(
      decideSubmission(db, { id: own, reviewerId: reviewer, decision: "approve", today: TODAY }),
    ).toMatchObject({
      ok: false,
      code: "forbidden",
      message: expect.stringMatching(/another reviewer/),
    });
    expect(
      decideSubmission(db, { id: 424242, reviewerId: reviewer, decision: "approve", today: TODAY }),
    ).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(submission(id).state).toBe("pending");
    expect(submission(own).state).toBe("pending");
  });

  it("needs a reason to reject or to request changes, and keeps rejected submissions", () => {
    const id = propose();
    for (const decision of ["reject", "request_changes"] as const) {
      const r = decideSubmission(db, { id, reviewerId: reviewer, decision, reason: " ", today: TODAY });
      expect(r).toMatchObject({ ok: false, code: "invalid" });
      expect(r.ok ? {} : r.fieldErrors).toHaveProperty("reason");
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
    expect(submission(id)).toMatchObject({
      state: "rejected",
      reviewerId: reviewer,
      decisionReason: "Not a commitment",
    });
    expect(events(id).map((e) => [e.event, e.reason])).toEqual([
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
    const sourcesBefore = count("sources");
    const id = propose(commitmentForm({ sources: [newSource(1), { ...newSource(2), url: REUTERS }] }));
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
    expect(count("sources")).toBe(sourcesBefore + 1);
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
    expect(submission(id)).toMatchObject({ state: "approved", reviewerId: reviewer });
    expect(getCommitment(db, recordId, TODAY)?.revisions[0]?.actorName).toBe("Ravi Reviewer");
  });

  it("writes nothing when applying fails part way", () => {
    const id = propose();
    const counts = () =>
      [
        "commitments",
        "sources",
        "commitment_sources",
        "commitment_categories",
        "revisions",
        "submission_events",
      ].map(count);
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
    expect(submission(id).state).toBe("pending");
    // And it can then be approved.
    expect(decideSubmission(db, { id, reviewerId: reviewer, decision: "approve", today: TODAY }).ok).toBe(
      true,
    );
  });

  it("applies a change with a summary of what changed, and refuses a second change based on the old version", () => {
    const targetId = xiaomiTargetId();
    const first = createSubmission(db, {
      userId: contributor,
      recordType: "commitment",
      action: "change",
      targetId,
      payload: xiaomiChange({ target_value: 60 }),
    });
    const second = createSubmission(db, {
      userId: addUser("contributor"),
      recordType: "commitment",
      action: "change",
      targetId,
      payload: xiaomiChange({ deadline: "2026" }),
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

    const revisionsBefore = count("revisions");
    const r = decideSubmission(db, {
      id: second.id,
      reviewerId: reviewer,
      decision: "approve",
      today: TODAY,
    });
    expect(r).toMatchObject({ ok: false, code: "conflict" });
    expect(count("revisions")).toBe(revisionsBefore);
    expect(db.select().from(commitments).where(eq(commitments.id, targetId)).get()).toMatchObject({
      targetValue: 60,
      dueOn: "2025-12-31",
    });
    expect(submission(second.id).state).toBe("pending");
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
    const targetId = xiaomiTargetId();
    const r = createSubmission(db, {
      userId: contributor,
      recordType: "commitment",
      action: "withdraw",
      targetId,
      payload: null,
      withdrawReason: "Restated in the 2026 annual report",
    });
    if (!r.ok) throw new Error(r.message);
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
        payload: xiaomiChange({ target_value: 70 }),
      }),
    ).toMatchObject({ ok: false, code: "invalid_state" });
  });

  it("publishes a progress update, and the commitment's status is recomputed", () => {
    const commitmentId = xiaomiTargetId();
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
        sources: [newSource(3)],
      },
    });
    if (!r.ok) throw new Error(r.message);
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

describe("withdrawSubmission and resubmitSubmission", () => {
  it("lets only the submitter withdraw, only while open, and keeps the submission", () => {
    const id = propose();
    expect(withdrawSubmission(db, { id, userId: reviewer })).toMatchObject({ ok: false, code: "forbidden" });
    expect(withdrawSubmission(db, { id, userId: contributor })).toEqual({ ok: true, id });
    expect(submission(id).state).toBe("withdrawn");
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
    expect(events(id).map((e) => e.event)).toEqual(["created", "withdrawn"]);
  });

  it("resubmits after a request for changes, keeping the old payload and the comment", () => {
    const id = propose();
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
      resubmitSubmission(db, { id, userId: addUser("contributor"), payload: commitmentForm() }),
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

    expect(submission(id)).toMatchObject({ state: "pending", reviewerId: null, decisionReason: null });
    expect((submission(id).payload as { due_on: string }).due_on).toBe("2028-12-31");
    const history = events(id);
    expect(history.map((e) => e.event)).toEqual(["created", "changes_requested", "resubmitted"]);
    expect((history[0]!.payload as { due_on: string }).due_on).toBe("2027-12-31");
    expect(history[1]!.reason).toBe("Which year is the target for?");
    expect((history[2]!.payload as { due_on: string }).due_on).toBe("2028-12-31");
  });
});

describe("recordOutcome", () => {
  const outcome = () => ({
    commitment_id: xiaomiTargetId(),
    as_of: "2026-03-31",
    value: "40",
    note: "Reported in the annual report",
    sources: [newSource(4)],
  });

  it("is for reviewers, and publishes at once through an approved submission", () => {
    expect(recordOutcome(db, { reviewerId: contributor, payload: outcome(), today: TODAY })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    const r = recordOutcome(db, { reviewerId: reviewer, payload: outcome(), today: TODAY });
    if (!r.ok) throw new Error(r.message);
    expect(db.select().from(progressUpdates).where(eq(progressUpdates.id, r.recordId)).get()).toMatchObject({
      value: 40,
      asOf: "2026-03-31",
    });
    expect(submission(r.id)).toMatchObject({
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
    expect(getCommitment(db, xiaomiTargetId(), TODAY)!.status.status).toBe("missed");
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

describe("importCommitments", () => {
  const rows = () => [
    { row: 2, targetId: null, payload: commitmentForm({ title: "First imported" }) },
    { row: 3, targetId: null, payload: commitmentForm({ title: "Second imported" }) },
  ];

  it("imports nothing when any row has a problem, and says which row and field", () => {
    const r = importCommitments(db, {
      userId: reviewer,
      rows: [
        ...rows(),
        { row: 4, targetId: null, payload: commitmentForm({ title: "Third", metric: "vibes" }) },
      ],
      today: TODAY,
    });
    expect(r).toMatchObject({ ok: false, code: "invalid" });
    expect(r.ok ? [] : r.rowErrors).toEqual([
      { row: 4, field: "metric", message: "Choose what is measured" },
    ]);
    expect(count("submissions")).toBe(0);
  });

  it("makes a reviewer's rows pending submissions and publishes an admin's", () => {
    const pending = importCommitments(db, { userId: reviewer, rows: rows(), today: TODAY });
    expect(pending).toMatchObject({ ok: true, mode: "pending", created: 2 });
    const ids = pending.ok ? pending.submissionIds : [];
    expect(ids.map((id) => submission(id).state)).toEqual(["pending", "pending"]);

    const published = importCommitments(db, {
      userId: admin,
      rows: [
        { row: 2, targetId: null, payload: commitmentForm({ title: "Admin imported" }) },
        { row: 3, targetId: xiaomiTargetId(), payload: xiaomiChange({}) },
        {
          row: 4,
          targetId: xiaomiTargetId(),
          payload: xiaomiChange({ evidence_grade: "regulatory_filing" }),
        },
      ],
      today: TODAY,
    });
    // Row 3 is the published commitment as it stands: skipped, so row 4 is the one change to it.
    expect(published).toMatchObject({ ok: true, mode: "published", created: 1, changed: 1, unchanged: [3] });
    expect(db.select().from(commitments).where(eq(commitments.title, "Admin imported")).get()).toBeDefined();
    expect(
      db.select().from(commitments).where(eq(commitments.id, xiaomiTargetId())).get()?.evidenceGrade,
    ).toBe("regulatory_filing");
  });

  it("reports unchanged rows, rows repeated in the file, and refuses contributors", () => {
    expect(importCommitments(db, { userId: contributor, rows: rows(), today: TODAY })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    const unchanged = importCommitments(db, {
      userId: reviewer,
      rows: [{ row: 2, targetId: xiaomiTargetId(), payload: xiaomiChange({}) }],
      today: TODAY,
      dryRun: true,
    });
    expect(unchanged).toMatchObject({ ok: true, unchanged: [2], created: 0, changed: 0 });
    const twice = importCommitments(db, {
      userId: reviewer,
      rows: [...rows(), { ...rows()[0]!, row: 5 }],
      today: TODAY,
    });
    expect(twice.ok ? [] : twice.rowErrors).toEqual([
      { row: 5, field: "title", message: "Row 2 has the same company, title and deadline." },
    ]);
  });

  it("checks without writing on a dry run", () => {
    expect(importCommitments(db, { userId: admin, rows: rows(), today: TODAY, dryRun: true })).toMatchObject({
      ok: true,
      dryRun: true,
      created: 2,
      submissionIds: [],
    });
    expect(count("submissions")).toBe(0);
    expect(db.select().from(companies).all()).toHaveLength(4);
  });
});
