import type { Db } from "@/db/connection";
import { createSubmission } from "@/db/mutations/create-submission";
import { decideSubmission } from "@/db/mutations/decide-submission";
import type { RecordType } from "@/lib/domain/vocabulary";
import { e2eDb, type TestUser } from "./users";

/** The date the e2e server computes statuses for (playwright.config.ts). */
export const E2E_TODAY = "2026-11-25";

/** Proposes a record as one person, in the suite's database or `db`; the id of the pending submission. */
export function propose(
  proposer: TestUser,
  recordType: RecordType,
  payload: Record<string, unknown>,
  db: Db = e2eDb(),
): number {
  const s = createSubmission(db, { userId: proposer.id, recordType, action: "create", payload });
  if (!s.ok) throw new Error(JSON.stringify(s));
  return s.id;
}

/** Publishes a record the way the site does: proposed by one person, approved by another. */
export function publish(
  proposer: TestUser,
  approver: TestUser,
  recordType: RecordType,
  payload: Record<string, unknown>,
  db: Db = e2eDb(),
): number {
  const id = propose(proposer, recordType, payload, db);
  const d = decideSubmission(db, { id, reviewerId: approver.id, decision: "approve", today: E2E_TODAY });
  if (!d.ok || d.recordId === undefined) throw new Error(d.ok ? "no record" : JSON.stringify(d));
  return d.recordId;
}
