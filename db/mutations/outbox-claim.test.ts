import { describe, expect, it } from "vitest";
import type { Db } from "../connection";
import { outbox } from "../schema";
import { queueTestMail, seededDatabasePerTest } from "../testing/fixtures";
import { claimDueMail } from "./outbox-claim";
import { markMailFailed } from "./outbox-mark-failed";
import { markMailSent } from "./outbox-mark-sent";

// The lease: a claimed message belongs to its claimer until the lease runs out; then another
// worker takes it over, and the first may no longer mark it.

let db: Db;
seededDatabasePerTest((w) => ({ db } = w));

const LEASE = 60_000;
const T0 = new Date(Date.now() + 86_400_000);
const at = (ms: number) => new Date(T0.getTime() + ms);
const claim = (owner: string, now: Date, limit = 10) =>
  claimDueMail(db, { owner, now, leaseMs: LEASE, limit });

const queueOne = () => queueTestMail(db, 1);

describe("claiming the outbox", () => {
  it("gives a message to one owner at a time, and to another once the lease has run out", () => {
    const id = queueOne();
    expect(claim("a", T0).map((r) => [r.id, r.leaseOwner, r.attempts])).toEqual([[id, "a", 1]]);
    expect(claim("b", at(LEASE - 1))).toEqual([]);

    // "a" died mid-send: at the end of its lease "b" takes the message, counting the attempt.
    expect(claim("b", at(LEASE)).map((r) => [r.id, r.leaseOwner, r.attempts])).toEqual([[id, "b", 2]]);
    expect(markMailSent(db, id, "a", at(LEASE + 1))).toBe(false);
    expect(markMailFailed(db, id, "a", at(LEASE + 1), "late")).toBeNull();
    expect(markMailSent(db, id, "b", at(LEASE + 2))).toBe(true);
    expect(db.select().from(outbox).get()).toMatchObject({
      state: "sent",
      leaseOwner: null,
      leaseUntil: null,
    });
    expect(claim("c", at(10 * LEASE))).toEqual([]);
  });

  it("takes at most `limit` messages, oldest due first", () => {
    for (let i = 0; i < 3; i++) queueTestMail(db, i);
    expect(claim("a", T0, 2).map((r) => r.subject)).toEqual([
      "Not accepted: Company 0",
      "Not accepted: Company 1",
    ]);
    expect(claim("b", T0, 2).map((r) => r.subject)).toEqual(["Not accepted: Company 2"]);
  });
});
