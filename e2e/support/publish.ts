import type { Db } from "@/db/connection";
import { approve, propose as proposeIn, TEST_TODAY } from "@/db/testing/records";
import type { RecordType } from "@/lib/domain/vocabulary";
import { e2eDb, type TestUser } from "./users";

// The unit tests' way of making records (db/testing/records.ts), in the suite's database by default.

/** The date the e2e server computes statuses for (playwright.config.ts pins TRACKER_TODAY to it). */
export const E2E_TODAY = TEST_TODAY;

/** Proposes a record as one person, in the suite's database or `db`; the id of the pending submission. */
export function propose(
  proposer: TestUser,
  recordType: RecordType,
  payload: Record<string, unknown>,
  db: Db = e2eDb(),
): number {
  return proposeIn(db, proposer.id, recordType, payload);
}

/** Publishes a record the way the site does: proposed by one person, approved by another. */
export function publish(
  proposer: TestUser,
  approver: TestUser,
  recordType: RecordType,
  payload: Record<string, unknown>,
  db: Db = e2eDb(),
): number {
  return approve(db, propose(proposer, recordType, payload, db), approver.id, E2E_TODAY);
}
