import { expect } from "@playwright/test";
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

/**
 * Waits until every capture queued for the sources a commitment's page shows (its own, its
 * progress updates', its company's) has been tried once. Publication
 * queues them and the server fetches them within a second (TRACKER_ARCHIVE_INTERVAL_SECONDS);
 * each outcome changes what the page says of its sources. After the first try the next one
 * backs off for minutes, so a spec that compares a page's bytes before and after something
 * else waits for this first.
 */
export async function capturesTried(commitmentId: number, db: Db = e2eDb()): Promise<void> {
  const untried = db.$client.prepare(
    `select count(*) from source_captures
      where (attempts = 0 or state = 'fetching')
        and source_id in (
          select source_id from commitment_sources where commitment_id = :id
          union
          select s.source_id from progress_update_sources s
            join progress_updates p on p.id = s.progress_update_id where p.commitment_id = :id
          union
          select s.source_id from company_sources s
            join commitments c on c.company_id = s.company_id where c.id = :id)`,
  );
  await expect.poll(() => untried.pluck().get({ id: commitmentId }), { timeout: 30_000 }).toBe(0);
}
