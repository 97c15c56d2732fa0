import { eq } from "drizzle-orm";
import type { Db } from "../connection";
import { createSubmission, type CreateSubmissionInput } from "../mutations/create-submission";
import { decideSubmission } from "../mutations/decide-submission";
import { enqueueMail } from "../mutations/outbox-enqueue";
import { recordSnapshot } from "../queries/records";
import { commitments } from "../schema";
import type { RecordType } from "@/lib/domain/vocabulary";
import { renderSubmissionRejected } from "@/lib/mail/submission-rejected";

// Proposals and published records made the way the site makes them (through the mutations), for
// the unit tests (db/testing/fixtures.ts) and the end-to-end suite (e2e/support/publish.ts) alike.
// No test framework is imported here, so both runners can load it.

/** The date the tests compute statuses for (the e2e server is pinned to it too). */
export const TEST_TODAY = "2026-11-25";

/** A source as the forms post it: story `n` of a news site the seed does not cite. */
export function testSource(n = 1) {
  return {
    url: `https://news.example.in/story-${n}`,
    title: `Story ${n}`,
    publisher: "Example News",
    kind: "news",
    published_on: "2026-01-15",
    excerpt: "The company said it would make phones in Noida.",
  };
}

/** A new commitment exactly as the form posts it: strings everywhere. */
export function commitmentForm(over: Record<string, unknown> = {}) {
  return {
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
    sources: [testSource(1)],
    ...over,
  };
}

/** The seed's Xiaomi target: a published commitment with a deadline, to change and withdraw. */
export const XIAOMI_TARGET = "50 per cent increase in the production of locally sourced components by 2025";

export function xiaomiTargetId(db: Db): number {
  const row = db.select().from(commitments).where(eq(commitments.title, XIAOMI_TARGET)).get();
  if (!row) throw new Error("the seed has no Xiaomi target");
  return row.id;
}

/** The published Xiaomi target as a change payload, with some fields replaced. */
export function xiaomiChange(db: Db, over: Record<string, unknown>) {
  return { ...recordSnapshot(db, "commitment", xiaomiTargetId(db))!.payload, ...over };
}

/** A mutation's success; a failure fails the test with everything it says. */
export function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result as Extract<T, { ok: true }>;
}

/** Proposes a record (a new one unless `more` says otherwise); the pending submission's id. */
export function propose(
  db: Db,
  userId: string,
  recordType: RecordType,
  payload: unknown,
  more: Partial<Pick<CreateSubmissionInput, "action" | "targetId" | "withdrawReason">> = {},
): number {
  return ok(createSubmission(db, { userId, recordType, action: "create", payload, ...more })).id;
}

/** Proposes a new commitment (by default commitmentForm()); the pending submission's id. */
export function proposeCommitment(db: Db, userId: string, payload: unknown = commitmentForm()): number {
  return propose(db, userId, "commitment", payload);
}

/** Approves a submission as `reviewerId`; the id of the record it published. */
export function approve(db: Db, id: number, reviewerId: string, today = TEST_TODAY): number {
  const { recordId } = ok(decideSubmission(db, { id, reviewerId, decision: "approve", today }));
  if (recordId === undefined) throw new Error(`Approving submission ${id} published nothing`);
  return recordId;
}

/** Publishes a record as the site does: proposed by one person, approved by another. */
export function publish(
  db: Db,
  input: { proposer: string; approver: string; recordType: RecordType; payload: unknown; today?: string },
): number {
  const id = propose(db, input.proposer, input.recordType, input.payload);
  return approve(db, id, input.approver, input.today);
}

/** Queues a rejection message to person{n}@example.in about "Company {n}", as a decision would. */
export function queueTestMail(db: Db, n: number): number {
  const mail = renderSubmissionRejected({
    origin: "https://tracker.example.in",
    recipientName: `Person ${n}`,
    submissionId: n,
    recordType: "company",
    action: "create",
    title: `Company ${n}`,
    decidedOn: TEST_TODAY,
    reason: "Not a manufacturer.",
  });
  const id = enqueueMail(db, { recipient: `person${n}@example.in`, dedupeKey: `test:${n}`, mail });
  if (id === null) throw new Error(`Test mail ${n} was queued before`);
  return id;
}
