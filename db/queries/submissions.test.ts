import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "../connection";
import { commitments, companies, submissions } from "../schema";
import { createSubmission } from "../mutations/create-submission";
import { decideSubmission } from "../mutations/decide-submission";
import { resubmitSubmission } from "../mutations/resubmit-submission";
import { addUser, ok, XIAOMI_TARGET } from "../testing/fixtures";
import { recordSnapshot } from "./records";
import {
  findLikelyDuplicates,
  findLikelyDuplicatesOfMany,
  getSubmission,
  mySubmissions,
  reviewQueue,
} from "./submissions";
import { tempDatabase } from "@/lib/testing/temp-db";

const TODAY = "2026-11-25";
const REUTERS = "https://www.nasdaq.com/articles/xiaomi-to-make-wireless-audio-products-in-india";

let db: Db;
let cleanup: () => void;
let asha: string;
let ravi: string;

beforeEach(() => {
  ({ db, cleanup } = tempDatabase());
  asha = addUser(db, "contributor", "Asha");
  ravi = addUser(db, "reviewer", "Ravi");
});
afterEach(() => cleanup());

const source = (url = "https://news.example.in/1") => ({
  url,
  title: "Report",
  publisher: "Example News",
  kind: "news",
  published_on: "2026-01-15",
  excerpt: "Quoted.",
});

const commitment = (over: Record<string, unknown> = {}) => ({
  company: "xiaomi",
  title: "Make earbuds in Noida",
  metric: "units_produced",
  unit: "count",
  direction: "increase",
  baseline_value: "0",
  baseline_date: "2026-01-15",
  target_value: "100000",
  deadline_precision: "year",
  deadline: "2027",
  evidence_grade: "announced",
  categories: "Earbuds",
  states: "IN-UP",
  sources: [source()],
  ...over,
});

const xiaomiTargetId = () =>
  db.select().from(commitments).where(eq(commitments.title, XIAOMI_TARGET)).get()!.id;
const age = (id: number, createdAt: string) =>
  db.update(submissions).set({ createdAt }).where(eq(submissions.id, id)).run();

function proposeChange(userId: string, over: Record<string, unknown>) {
  const targetId = xiaomiTargetId();
  return ok(
    createSubmission(db, {
      userId,
      recordType: "commitment",
      action: "change",
      targetId,
      payload: { ...recordSnapshot(db, "commitment", targetId)!.payload, ...over },
    }),
  ).id;
}

describe("reviewQueue", () => {
  it("lists pending submissions, longest waiting first, with counts by kind", () => {
    const late = ok(
      createSubmission(db, {
        userId: asha,
        recordType: "commitment",
        action: "create",
        payload: commitment(),
      }),
    ).id;
    const early = ok(
      createSubmission(db, {
        userId: asha,
        recordType: "progress_update",
        action: "create",
        payload: { commitment_id: xiaomiTargetId(), as_of: "2025-06-30", value: "12.5", sources: [source()] },
      }),
    ).id;
    const partnership = ok(
      createSubmission(db, {
        userId: asha,
        recordType: "partnership",
        action: "create",
        payload: { brand: "tesla", partner: "foxconn", stage: "announced", sources: [source()] },
      }),
    ).id;
    const rejected = ok(
      createSubmission(db, {
        userId: asha,
        recordType: "commitment",
        action: "create",
        payload: commitment({ title: "Other" }),
      }),
    ).id;
    decideSubmission(db, { id: rejected, reviewerId: ravi, decision: "reject", reason: "No", today: TODAY });
    age(early, "2026-01-01T00:00:00.000Z");
    age(partnership, "2026-01-02T00:00:00.000Z");

    const queue = reviewQueue(db);
    expect(queue.items.map((i) => i.id)).toEqual([early, partnership, late]);
    expect(queue.items.map((i) => i.title)).toEqual([
      `12.5 as of 30 Jun 2025: “${XIAOMI_TARGET}”`,
      "Tesla with Foxconn",
      "Make earbuds in Noida",
    ]);
    expect(queue.items[0]!.submitter).toEqual({ id: asha, name: "Asha" });
    expect(queue.total).toBe(3);
    expect(Object.fromEntries(queue.counts.map((c) => [c.recordType, c.count]))).toEqual({
      company: 0,
      facility: 0,
      partnership: 1,
      commitment: 1,
      progress_update: 1,
    });
  });

  it("marks a resubmitted proposal and names a withdrawal by its record", () => {
    const id = ok(
      createSubmission(db, {
        userId: asha,
        recordType: "commitment",
        action: "create",
        payload: commitment(),
      }),
    ).id;
    decideSubmission(db, {
      id,
      reviewerId: ravi,
      decision: "request_changes",
      reason: "Add a state",
      today: TODAY,
    });
    resubmitSubmission(db, { id, userId: asha, payload: commitment({ states: "IN-UP, IN-HR" }) });
    ok(
      createSubmission(db, {
        userId: asha,
        recordType: "commitment",
        action: "withdraw",
        targetId: xiaomiTargetId(),
        payload: null,
        withdrawReason: "Restated",
      }),
    );
    const items = reviewQueue(db).items;
    expect(items.map((i) => [i.title, i.action, i.resubmitted])).toEqual([
      ["Make earbuds in Noida", "create", true],
      [XIAOMI_TARGET, "withdraw", false],
    ]);
  });
});

describe("getSubmission", () => {
  it("shows a proposed record, its sources, who sent it and what looks the same", () => {
    const id = ok(
      createSubmission(db, {
        userId: asha,
        recordType: "commitment",
        action: "create",
        payload: commitment({
          title: "Increase the production of locally sourced components 50% by 2025",
          deadline: "2025",
          baseline_date: "2023-05-29",
          sources: [source(), source(REUTERS)],
        }),
      }),
    ).id;
    const s = getSubmission(db, id)!;
    expect(s).toMatchObject({
      state: "pending",
      action: "create",
      submitter: { name: "Asha" },
      reviewer: null,
      target: null,
      diff: null,
    });
    expect(s.fields.find((f) => f.key === "deadline")?.value).toBe("2025");
    expect(s.sources.map((x) => [x.url, x.title, x.alreadyPublished])).toEqual([
      ["https://news.example.in/1", "Report", false],
      // What approval will link: the published source, not the title the contributor typed.
      [REUTERS, "Xiaomi to make wireless audio products in India", true],
    ]);
    expect(s.duplicates).toMatchObject([{ kind: "commitment", id: xiaomiTargetId(), title: XIAOMI_TARGET }]);
    expect(s.events.map((e) => [e.event, e.actor?.name])).toEqual([["created", "Asha"]]);
    expect(getSubmission(db, 424242)).toBeNull();
  });

  it("diffs a change against the published record and shows a conflict once the record moves on", () => {
    const first = proposeChange(asha, { target_value: 60 });
    const other = addUser(db, "contributor", "Vikram");
    const second = proposeChange(other, { evidence_grade: "regulatory_filing" });
    expect(getSubmission(db, second)).toMatchObject({
      conflict: null,
      diff: [{ key: "evidence_grade", before: "Announced", after: "Regulatory filing" }],
      target: { id: xiaomiTargetId(), title: XIAOMI_TARGET, href: `/commitments/${xiaomiTargetId()}` },
    });

    ok(decideSubmission(db, { id: first, reviewerId: ravi, decision: "approve", today: TODAY }));
    const after = getSubmission(db, second)!;
    expect(after.conflict?.since).toMatchObject([
      { summary: "Changed target value from 50 to 60", actorName: "Ravi" },
    ]);
    // Against the record as it is now, approving would also put the target back to 50 (fields in
    // form order).
    expect(after.diff?.map((d) => d.key)).toEqual(["evidence_grade", "target_value"]);

    const approved = getSubmission(db, first)!;
    expect(approved).toMatchObject({
      state: "approved",
      reviewer: { name: "Ravi" },
      conflict: null,
      result: { recordId: xiaomiTargetId(), href: `/commitments/${xiaomiTargetId()}` },
    });
    expect(approved.events.map((e) => e.event)).toEqual(["created", "approved"]);
  });

  it("gives a withdrawal its reason and a progress update its commitment", () => {
    const w = ok(
      createSubmission(db, {
        userId: asha,
        recordType: "company",
        action: "withdraw",
        targetId: 1,
        payload: { reason: "Merged" },
      }),
    ).id;
    expect(getSubmission(db, w)).toMatchObject({ withdrawReason: "Merged", fields: [], sources: [] });
    const p = ok(
      createSubmission(db, {
        userId: asha,
        recordType: "progress_update",
        action: "create",
        payload: { commitment_id: xiaomiTargetId(), as_of: "2025-06-30", value: "10", sources: [source()] },
      }),
    ).id;
    expect(getSubmission(db, p)?.context).toEqual({
      label: XIAOMI_TARGET,
      href: `/commitments/${xiaomiTargetId()}`,
    });
  });
});

describe("mySubmissions", () => {
  it("lists a contributor's own submissions, newest first, with what became of each", () => {
    const a = ok(
      createSubmission(db, {
        userId: asha,
        recordType: "commitment",
        action: "create",
        payload: commitment(),
      }),
    ).id;
    const b = ok(
      createSubmission(db, {
        userId: asha,
        recordType: "commitment",
        action: "create",
        payload: commitment({ title: "B" }),
      }),
    ).id;
    const c = ok(
      createSubmission(db, {
        userId: asha,
        recordType: "commitment",
        action: "create",
        payload: commitment({ title: "C" }),
      }),
    ).id;
    ok(
      createSubmission(db, {
        userId: ravi,
        recordType: "commitment",
        action: "create",
        payload: commitment({ title: "Ravi's" }),
      }),
    );
    age(a, "2026-01-01T00:00:00.000Z");
    age(b, "2026-01-02T00:00:00.000Z");
    const approved = ok(decideSubmission(db, { id: a, reviewerId: ravi, decision: "approve", today: TODAY }));
    decideSubmission(db, {
      id: b,
      reviewerId: ravi,
      decision: "request_changes",
      reason: "Which plant?",
      today: TODAY,
    });

    const mine = mySubmissions(db, asha);
    expect(mine.map((m) => [m.id, m.state, m.canWithdraw, m.canResubmit])).toEqual([
      [c, "pending", true, false],
      [b, "changes_requested", true, true],
      [a, "approved", false, false],
    ]);
    expect(mine[1]).toMatchObject({ decisionReason: "Which plant?", reviewerName: "Ravi", result: null });
    expect(mine[2]!.result).toEqual({
      recordId: approved.recordId,
      href: `/commitments/${approved.recordId}`,
    });
  });
});

describe("findLikelyDuplicates", () => {
  it("finds published commitments and open proposals of the same company, year and similar title", () => {
    const pending = ok(
      createSubmission(db, {
        userId: asha,
        recordType: "commitment",
        action: "create",
        payload: commitment({ title: "Earbuds made in Noida" }),
      }),
    ).id;
    expect(
      findLikelyDuplicates(db, {
        company: "xiaomi",
        title: "50% increase of locally sourced components production",
        dueOn: "2025-12-31",
      }),
    ).toMatchObject([{ kind: "commitment", id: xiaomiTargetId(), withdrawn: false }]);
    expect(
      findLikelyDuplicates(db, { company: "Xiaomi", title: "Make earbuds in Noida", dueOn: "2027-12-31" }),
    ).toMatchObject([{ kind: "submission", id: pending, href: `/review/${pending}` }]);
    expect(
      findLikelyDuplicates(db, { company: "xiaomi", title: "Make earbuds in Noida", dueOn: "2028-12-31" }),
    ).toEqual([]);
    expect(
      findLikelyDuplicates(db, { company: "foxconn", title: XIAOMI_TARGET, dueOn: "2025-12-31" }),
    ).toEqual([]);
    expect(
      findLikelyDuplicates(db, {
        company: "xiaomi",
        title: XIAOMI_TARGET,
        dueOn: "2025-12-31",
        excludeCommitmentId: xiaomiTargetId(),
      }),
    ).toEqual([]);
    expect(
      findLikelyDuplicatesOfMany(db, [
        { company: "xiaomi", title: "Make earbuds in Noida", dueOn: "2027-12-31" },
        {
          company: "xiaomi",
          title: "Make earbuds in Noida",
          dueOn: "2027-12-31",
          excludeSubmissionId: pending,
        },
        { company: "tesla", title: "Set up a manufacturing plant", dueOn: null },
      ]).map((list) => list.map((d) => d.id)),
    ).toEqual([
      [pending],
      [],
      [
        db
          .select()
          .from(commitments)
          .where(eq(commitments.title, "Set up a manufacturing plant in India"))
          .get()!.id,
      ],
    ]);
    // A company not yet published can still have proposals that look alike.
    expect(findLikelyDuplicates(db, { company: "no-such-co", title: "Anything", dueOn: null })).toEqual([]);
    expect(db.select().from(companies).all()).toHaveLength(4);
  });
});
