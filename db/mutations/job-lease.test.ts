import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { tempDatabase } from "@/lib/testing/temp-db";
import { jobLeaseHolder, releaseJobLease, takeJobLease } from "./job-lease";

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = tempDatabase({ seed: false })));
afterEach(() => cleanup());

const T0 = new Date("2026-12-01T00:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const take = (owner: string, minutes: number, leaseMinutes = 10) =>
  takeJobLease(db, { name: "job", owner, now: at(minutes), leaseMs: leaseMinutes * 60_000 });

describe("job leases", () => {
  it.each([
    ["a free job", () => {}, "b", 0, true, "b"],
    ["a job another holds", () => take("a", 0), "b", 5, false, "a"],
    ["one's own job, renewed", () => take("b", 0), "b", 5, true, "b"],
    ["a job whose holder's lease lapsed", () => take("a", 0), "b", 10, true, "b"],
    [
      "a job its holder released",
      () => (take("a", 0), releaseJobLease(db, { name: "job", owner: "a", now: at(1) })),
      "b",
      1,
      true,
      "b",
    ],
  ] as const)("%s", (_name, before, owner, minutes, taken, holder) => {
    before();
    expect(take(owner, minutes)).toBe(taken);
    expect(jobLeaseHolder(db, "job", at(minutes))?.owner).toBe(holder);
  });

  it("renewing moves the end of the lease on", () => {
    take("a", 0);
    take("a", 8);
    expect(jobLeaseHolder(db, "job", at(12))).toEqual({ owner: "a", until: at(18).toISOString() });
    expect(take("b", 17)).toBe(false);
  });

  it("a release by someone else frees nothing", () => {
    take("a", 0);
    releaseJobLease(db, { name: "job", owner: "b", now: at(1) });
    expect(take("b", 2)).toBe(false);
  });

  it("leases of other jobs are separate", () => {
    take("a", 0);
    expect(takeJobLease(db, { name: "other job", owner: "b", now: at(1), leaseMs: 60_000 })).toBe(true);
  });
});
