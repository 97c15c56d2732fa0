import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach } from "vitest";
import type { Db } from "../connection";
import { createSubmission, type CreateSubmissionInput } from "../mutations/create-submission";
import { decideSubmission } from "../mutations/decide-submission";
import { recordSnapshot } from "../mutations/records";
import { commitments, submissionEvents, submissions, users } from "../schema";
import type { RecordType, Role } from "@/lib/domain/vocabulary";
import { tempDatabase } from "@/lib/testing/temp-db";

// What tests of the database need over and over: people, proposals and published records, made
// the way the site makes them (through the mutations), so a test's data obeys the same rules.

/** The date the unit tests compute statuses for. */
export const TEST_TODAY = "2026-11-25";

/** A person with a role, without a password: for tests that call the mutations directly. */
export function addUser(db: Db, role: Role, name = `${role} ${crypto.randomInt(1e6)}`): string {
  const id = crypto.randomUUID();
  db.insert(users)
    .values({ id, name, email: `${id}@example.in`, role })
    .run();
  return id;
}

export type People = { contributor: string; reviewer: string; admin: string };

/** One person of each role, with the names the tests read back. */
export function addPeople(db: Db): People {
  return {
    contributor: addUser(db, "contributor", "Asha Contributor"),
    reviewer: addUser(db, "reviewer", "Ravi Reviewer"),
    admin: addUser(db, "admin", "Meera Admin"),
  };
}

/**
 * Gives each test of the file its own seeded database in a temporary file, and one person of
 * each role, handed to `each` before every test; removed after it.
 */
export function seededDatabasePerTest(each: (world: { db: Db } & People) => void): void {
  let cleanup = () => {};
  beforeEach(() => {
    const t = tempDatabase();
    cleanup = t.cleanup;
    each({ db: t.db, ...addPeople(t.db) });
  });
  afterEach(() => cleanup());
}

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

export function submissionRow(db: Db, id: number) {
  const row = db.select().from(submissions).where(eq(submissions.id, id)).get();
  if (!row) throw new Error(`No submission ${id}`);
  return row;
}

/** A submission's history, oldest first. */
export function eventsOf(db: Db, id: number) {
  return db
    .select()
    .from(submissionEvents)
    .where(eq(submissionEvents.submissionId, id))
    .orderBy(submissionEvents.id)
    .all();
}

export function countRows(db: Db, table: string): number {
  return db.get<{ n: number }>(sql`select count(*) as n from ${sql.identifier(table)}`).n;
}
