import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "../connection";
import { commitments, companies } from "../schema";
import {
  commitmentForm,
  countRows,
  submissionRow,
  TEST_TODAY as TODAY,
  seededDatabasePerTest,
  xiaomiChange,
  xiaomiTargetId,
} from "../testing/fixtures";
import { importCommitments } from "./import-commitments";
import { rowErrorMessage } from "@/lib/messages/mutation-failures";

let db: Db;
let contributor: string;
let reviewer: string;
let admin: string;
seededDatabasePerTest((w) => ({ db, contributor, reviewer, admin } = w));

describe("importCommitments", () => {
  const rows = () => [
    { row: 2, targetId: null, payload: commitmentForm({ title: "First imported" }) },
    { row: 3, targetId: null, payload: commitmentForm({ title: "Second imported" }) },
  ];

  it("imports nothing when any row has a problem, and says which row and field", () => {
    const r = importCommitments(db, {
      userId: reviewer,
      rows: [
        ...rows(),
        { row: 4, targetId: null, payload: commitmentForm({ title: "Third", metric: "vibes" }) },
      ],
      today: TODAY,
    });
    expect(r).toMatchObject({ ok: false, code: "invalid" });
    expect(r.ok ? [] : r.rowErrors).toEqual([
      { row: 4, field: "metric", message: "Choose what is measured" },
    ]);
    expect(countRows(db, "submissions")).toBe(0);
  });

  it("makes a reviewer's rows pending submissions and publishes an admin's", () => {
    const pending = importCommitments(db, { userId: reviewer, rows: rows(), today: TODAY });
    expect(pending).toMatchObject({ ok: true, mode: "pending", created: 2 });
    const ids = pending.ok ? pending.submissionIds : [];
    expect(ids.map((id) => submissionRow(db, id).state)).toEqual(["pending", "pending"]);

    const published = importCommitments(db, {
      userId: admin,
      rows: [
        { row: 2, targetId: null, payload: commitmentForm({ title: "Admin imported" }) },
        { row: 3, targetId: xiaomiTargetId(db), payload: xiaomiChange(db, {}) },
        {
          row: 4,
          targetId: xiaomiTargetId(db),
          payload: xiaomiChange(db, { evidence_grade: "regulatory_filing" }),
        },
      ],
      today: TODAY,
    });
    // Row 3 is the published commitment as it stands: skipped, so row 4 is the one change to it.
    expect(published).toMatchObject({ ok: true, mode: "published", created: 1, changed: 1, unchanged: [3] });
    expect(db.select().from(commitments).where(eq(commitments.title, "Admin imported")).get()).toBeDefined();
    expect(
      db
        .select()
        .from(commitments)
        .where(eq(commitments.id, xiaomiTargetId(db)))
        .get()?.evidenceGrade,
    ).toBe("regulatory_filing");
  });

  it("reports unchanged rows, rows repeated in the file, and refuses contributors", () => {
    expect(importCommitments(db, { userId: contributor, rows: rows(), today: TODAY })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    const unchanged = importCommitments(db, {
      userId: reviewer,
      rows: [{ row: 2, targetId: xiaomiTargetId(db), payload: xiaomiChange(db, {}) }],
      today: TODAY,
      dryRun: true,
    });
    expect(unchanged).toMatchObject({ ok: true, unchanged: [2], created: 0, changed: 0 });
    const twice = importCommitments(db, {
      userId: reviewer,
      rows: [...rows(), { ...rows()[0]!, row: 5 }],
      today: TODAY,
    });
    expect(twice.ok ? [] : twice.rowErrors).toEqual([
      { row: 5, field: "title", problem: "same_as_row", earlierRow: 2 },
    ]);
    expect((twice.ok ? [] : twice.rowErrors!).map(rowErrorMessage)).toEqual([
      "Row 2 has the same company, title and deadline.",
    ]);
  });

  it("checks without writing on a dry run", () => {
    expect(importCommitments(db, { userId: admin, rows: rows(), today: TODAY, dryRun: true })).toMatchObject({
      ok: true,
      dryRun: true,
      created: 2,
      submissionIds: [],
    });
    expect(countRows(db, "submissions")).toBe(0);
    expect(db.select().from(companies).all()).toHaveLength(4);
  });
});
