import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "../connection";
import { undeliveredMail } from "../queries/undelivered-mail";
import { outbox } from "../schema";
import { queueTestMail, seededDatabasePerTest } from "../testing/fixtures";
import { claimDueMail } from "./outbox-claim";
import { markMailFailed } from "./outbox-mark-failed";
import { markMailSent } from "./outbox-mark-sent";
import { requeueMail } from "./outbox-requeue";
import type { RetryPolicy } from "@/lib/mail/backoff";

// An admin queues a message that failed for good once more; the row keeps its history.

let db: Db;
let admin: string;
let reviewer: string;
seededDatabasePerTest((w) => ({ db, admin, reviewer } = w));

const T0 = new Date(Date.now() + 86_400_000);
const at = (ms: number) => new Date(T0.getTime() + ms);
const TWO_TRIES: RetryPolicy = { maxAttempts: 2, baseDelayMs: 1000, maxDelayMs: 1000 };
const row = (id: number) => db.select().from(outbox).where(eq(outbox.id, id)).get()!;

/** Claims everything due at `now` and fails it with `error`. */
function failDue(now: Date, error: string) {
  for (const r of claimDueMail(db, { owner: "w", now, leaseMs: 60_000, limit: 10 }))
    markMailFailed(db, r.id, "w", now, error, TWO_TRIES);
}

/** A message that failed both its attempts. */
function failedForGood(n: number): number {
  const id = queueTestMail(db, n);
  failDue(T0, "connect ECONNREFUSED 127.0.0.1:25");
  failDue(at(1000), "connect ECONNREFUSED 127.0.0.1:25");
  expect(row(id).state).toBe("failed");
  return id;
}

describe("requeueMail", () => {
  it("queues a failed message again, due at once, keeping its attempts and last error", () => {
    const id = failedForGood(1);
    expect(requeueMail(db, { id, actorId: admin, now: at(5000) })).toEqual({ ok: true });
    expect(row(id)).toMatchObject({
      state: "queued",
      attempts: 2,
      lastError: "connect ECONNREFUSED 127.0.0.1:25",
      nextAttemptAt: at(5000).toISOString(),
    });

    // The next drain sends it; the row is the same row, and now says sent.
    const [claimed] = claimDueMail(db, { owner: "w", now: at(5000), leaseMs: 60_000, limit: 10 });
    expect(claimed?.id).toBe(id);
    expect(markMailSent(db, id, "w", at(5001))).toBe(true);
    expect(row(id)).toMatchObject({ state: "sent", attempts: 3 });
    expect(db.select().from(outbox).all()).toHaveLength(1);
  });

  it("fails again at once when the one more attempt fails: its attempts are spent", () => {
    const id = failedForGood(1);
    requeueMail(db, { id, actorId: admin, now: at(5000) });
    failDue(at(5000), "535 Authentication failed");
    expect(row(id)).toMatchObject({ state: "failed", attempts: 3, lastError: "535 Authentication failed" });
  });

  it.each([
    ["a reviewer", () => reviewer, "not_admin"],
    ["someone without an account", () => "nobody", "not_admin"],
  ])("refuses %s and changes nothing", (_who, actor, reason) => {
    const id = failedForGood(1);
    expect(requeueMail(db, { id, actorId: actor(), now: at(5000) })).toEqual({ ok: false, reason });
    expect(row(id).state).toBe("failed");
  });

  it("refuses a message that is not failed: queued, waiting to retry, or sent", () => {
    const queued = queueTestMail(db, 1);
    expect(requeueMail(db, { id: queued, actorId: admin, now: T0 })).toEqual({
      ok: false,
      reason: "not_failed",
    });
    failDue(T0, "timeout");
    expect(row(queued)).toMatchObject({ state: "queued", attempts: 1 });
    expect(requeueMail(db, { id: queued, actorId: admin, now: T0 })).toEqual({
      ok: false,
      reason: "not_failed",
    });
    expect(requeueMail(db, { id: 999_999, actorId: admin, now: T0 })).toEqual({
      ok: false,
      reason: "no_message",
    });
  });
});

describe("undeliveredMail", () => {
  it("lists what failed for good and what waits to retry, not what is new or sent", () => {
    const failed = failedForGood(1);
    const retrying = queueTestMail(db, 2);
    failDue(at(2000), "421 Try again later");
    const fresh = queueTestMail(db, 3);
    const sent = queueTestMail(db, 4);
    // Before the retry of the second is due: only the third and fourth are taken.
    claimDueMail(db, { owner: "s", now: at(2500), leaseMs: 60_000, limit: 10 });
    markMailSent(db, sent, "s", at(2501));
    markMailFailed(db, fresh, "s", at(2501), "421 Try again later", TWO_TRIES);

    const list = undeliveredMail(db);
    expect(list.failed.map((m) => [m.id, m.attempts, m.lastError])).toEqual([
      [failed, 2, "connect ECONNREFUSED 127.0.0.1:25"],
    ]);
    expect(list.retrying.map((m) => m.id)).toEqual([retrying, fresh]);
    expect(list.failed[0]).toMatchObject({
      kind: "submission_rejected",
      recipient: "person1@example.in",
      subject: "Not accepted: Company 1",
    });
  });
});
