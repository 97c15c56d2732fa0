import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "../connection";
import { searchCommitments } from "../queries/explorer";
import { commitments, companies, revisions } from "../schema";
import { seededDatabasePerTest, TEST_TODAY as TODAY } from "../testing/fixtures";
import { supersedeCommitment } from "./supersede-commitment";
import { failureWords } from "@/lib/messages/mutation-failures";
import { DEFAULT_EXPLORER_QUERY } from "@/lib/validation/explorer-params";

let db: Db;
let reviewer: string;
let contributor: string;
seededDatabasePerTest((w) => ({ db, reviewer, contributor } = w));

/** A published commitment of Xiaomi's, as a restatement would be. */
function addCommitment(title: string): number {
  const company = db.select({ id: companies.id }).from(companies).where(eq(companies.slug, "xiaomi")).get();
  if (!company) throw new Error("the seed has no Xiaomi");
  return db
    .insert(commitments)
    .values({
      companyId: company.id,
      title,
      metric: "local_production_increase",
      unit: "percent",
      direction: "increase",
      baselineValue: 0,
      baselineDate: "2026-01-01",
      targetValue: 60,
      dueOn: "2027-12-31",
      deadlinePrecision: "year",
      evidenceGrade: "announced",
    })
    .returning({ id: commitments.id })
    .get().id;
}

const supersededBy = (id: number) =>
  db.select({ s: commitments.supersededById }).from(commitments).where(eq(commitments.id, id)).get()?.s;
const total = () => searchCommitments(db, DEFAULT_EXPLORER_QUERY, TODAY).total;

describe("supersedeCommitment", () => {
  it("links the old commitment to the new one with a revision, and the explorer counts one fewer", () => {
    const a = addCommitment("Restated target A");
    const b = addCommitment("Restated target B");
    const before = total();
    const r = supersedeCommitment(db, { reviewerId: reviewer, oldId: a, newId: b });
    expect(r).toMatchObject({ ok: true });
    expect(supersededBy(a)).toBe(b);
    expect(total()).toBe(before - 1);

    const rev = db.select().from(revisions).where(eq(revisions.recordId, a)).all().at(-1);
    expect(rev).toMatchObject({
      recordType: "commitment",
      actorId: reviewer,
      summary: `Superseded by commitment ${b}`,
    });
    expect(rev?.before).toMatchObject({ superseded_by_id: null, title: "Restated target A" });
    expect(rev?.after).toMatchObject({ superseded_by_id: b, title: "Restated target A" });
  });

  it("is for reviewers and admins only", () => {
    const a = addCommitment("A");
    const b = addCommitment("B");
    expect(supersedeCommitment(db, { reviewerId: contributor, oldId: a, newId: b })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(supersededBy(a)).toBeNull();
  });

  it("refuses a missing commitment, itself, a superseded replacement, and an already superseded one", () => {
    const a = addCommitment("A");
    const b = addCommitment("B");
    const c = addCommitment("C");
    expect(supersedeCommitment(db, { reviewerId: reviewer, oldId: 99999, newId: b })).toMatchObject({
      code: "not_found",
    });
    const missing = supersedeCommitment(db, { reviewerId: reviewer, oldId: a, newId: 99999 });
    expect(missing).toMatchObject({ code: "invalid", problem: "no_commitment", id: 99999, field: "new_id" });
    expect(missing.ok ? {} : failureWords(missing).errors).toEqual({
      new_id: "There is no commitment number 99999.",
    });
    expect(supersedeCommitment(db, { reviewerId: reviewer, oldId: a, newId: a })).toMatchObject({
      code: "invalid",
    });

    expect(supersedeCommitment(db, { reviewerId: reviewer, oldId: b, newId: c })).toMatchObject({ ok: true });
    // b is superseded by c: a must point at c, the current one.
    expect(supersedeCommitment(db, { reviewerId: reviewer, oldId: a, newId: b })).toMatchObject({
      code: "invalid",
    });
    // c superseded by b would close the loop b → c → b; b being superseded refuses it first.
    expect(supersedeCommitment(db, { reviewerId: reviewer, oldId: c, newId: b })).toMatchObject({
      code: "invalid",
    });
    expect(supersedeCommitment(db, { reviewerId: reviewer, oldId: b, newId: a })).toMatchObject({
      code: "invalid_state",
    });
    expect([supersededBy(a), supersededBy(b), supersededBy(c)]).toEqual([null, c, null]);
  });
});
