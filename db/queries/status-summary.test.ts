import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../connection";
import * as schema from "../schema";
import { seedFacts } from "../seed";
import { commitmentCategories, commitments, progressUpdates, type CommitmentRow } from "../schema";
import {
  ensureStatusesFresh,
  invalidateAllStatuses,
  statusesDue,
  statusFromStored,
  type StoredStatus,
} from "./status-summary";
import { addDays } from "@/lib/domain/dates";
import { computeStatus, type CommitmentStatus, type StatusInput } from "@/lib/domain/status";
import { tempDatabase } from "@/lib/testing/temp-db";
import { generateSynthetic } from "@/scripts/synthetic/generate";

const TODAY = "2026-11-25";

type Row = StoredStatus & {
  id: number;
  computedFor: string | null;
  validUntil: string;
  companyId: number;
  isCurrent: number;
  scheme: string | null;
  evidenceGrade: string;
  dueOn: string | null;
  announcedOn: string | null;
  categories: string | null;
};

function storedRows(db: Db): Row[] {
  return (
    db.$client
      .prepare(
        `select commitment_id as id, status, latest_as_of as latestAsOf, latest_value as latestValue,
           percent_of_way as percentOfWay, stale, computed_for as computedFor, valid_until as validUntil,
           company_id as companyId, is_current as isCurrent, scheme, evidence_grade as evidenceGrade,
           due_on as dueOn, announced_on as announcedOn, categories
         from commitment_status order by commitment_id`,
      )
      .all() as (Omit<Row, "stale"> & { stale: number })[]
  ).map((r) => ({ ...r, stale: r.stale === 1 }));
}

/** Every commitment with its published progress, read straight from the tables. */
function inputs(db: Db): Map<number, StatusInput & Omit<CommitmentRow, keyof StatusInput>> {
  const rows = db.select().from(commitments).all();
  const progress = db.select().from(progressUpdates).all();
  return new Map(
    rows.map((c) => [
      c.id,
      {
        ...c,
        progress: progress
          .filter((p) => p.commitmentId === c.id && p.withdrawnOn === null)
          .map((p) => ({ asOf: p.asOf, value: p.value })),
      },
    ]),
  );
}

/** Asserts that every stored status is what computeStatus gives on `today`. */
function expectAllTrue(db: Db, today: string) {
  const byId = inputs(db);
  const categories = new Map(
    (
      db.$client.prepare("select commitment_id as id, category from commitment_categories").all() as {
        id: number;
        category: string;
      }[]
    ).reduce((m, r) => m.set(r.id, [...(m.get(r.id) ?? []), r.category]), new Map<number, string[]>()),
  );
  const rows = storedRows(db);
  expect(rows.map((r) => r.id)).toEqual([...byId.keys()].sort((a, b) => a - b));
  for (const row of rows) {
    const input = byId.get(row.id)!;
    const expected = computeStatus(input, today);
    const fromStore = statusFromStored(row, input, today);
    if (JSON.stringify(fromStore) !== JSON.stringify(expected)) {
      throw new Error(
        `Commitment ${row.id} on ${today}: stored ${JSON.stringify(fromStore)}, computed ${JSON.stringify(expected)}`,
      );
    }
    expect(row.validUntil > today).toBe(true);
    // The copies of the commitment's columns are exact.
    expect({
      companyId: row.companyId,
      isCurrent: row.isCurrent === 1,
      scheme: row.scheme,
      evidenceGrade: row.evidenceGrade,
      dueOn: row.dueOn,
      announcedOn: row.announcedOn,
      categories: row.categories?.split("\u001f") ?? [],
    }).toEqual({
      companyId: input.companyId,
      isCurrent: input.supersededById === null,
      scheme: input.scheme,
      evidenceGrade: input.evidenceGrade,
      dueOn: input.dueOn,
      announcedOn: input.announcedOn,
      categories: (categories.get(row.id) ?? []).sort(),
    });
  }
}

describe("the status summary on the seed facts", () => {
  let db: Db;
  let cleanup: () => void;
  beforeAll(() => ({ db, cleanup } = tempDatabase()));
  afterAll(() => cleanup());

  it("has a row for every commitment, to be computed, as soon as the commitment exists", () => {
    const rows = storedRows(db);
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.validUntil === "0000-00-00" && r.status === null)).toBe(true);
    expect(statusesDue(db, TODAY)).toBe(true);
  });

  it("computes every row once, then has nothing to do for the rest of the day", () => {
    expect(ensureStatusesFresh(db, TODAY)).toEqual({ recomputed: 4 });
    expect(statusesDue(db, TODAY)).toBe(false);
    expect(ensureStatusesFresh(db, TODAY)).toEqual({ recomputed: 0 });
    expectAllTrue(db, TODAY);
    const xiaomi = storedRows(db).find((r) => r.id === 1)!;
    expect(xiaomi.status).toBe<CommitmentStatus>("overdue_unverified");
    // Already past its deadline and stale, with nothing dated in the future: nothing can change it.
    expect(xiaomi.validUntil).toBe("9999-12-31");
  });

  it("recomputes a row when its deadline passes, and only then", () => {
    expect(ensureStatusesFresh(db, "2025-12-31").recomputed).toBe(4); // an earlier day: everything
    expect(storedRows(db).find((r) => r.id === 1)!.status).toBe("no_data");
    expect(storedRows(db).find((r) => r.id === 1)!.validUntil).toBe("2026-01-01");
    expect(ensureStatusesFresh(db, "2026-01-01")).toEqual({ recomputed: 1 });
    expect(storedRows(db).find((r) => r.id === 1)!.status).toBe("overdue_unverified");
    expectAllTrue(db, "2026-01-01");
  });

  it("is marked for recomputation by every kind of write, and then recomputed", () => {
    ensureStatusesFresh(db, TODAY);
    const due = () =>
      storedRows(db)
        .filter((r) => r.validUntil === "0000-00-00")
        .map((r) => r.id);

    const update = db
      .insert(progressUpdates)
      .values({ commitmentId: 1, asOf: "2026-03-31", value: 20 })
      .returning()
      .get();
    expect(due()).toEqual([1]);
    ensureStatusesFresh(db, TODAY);
    expect(storedRows(db).find((r) => r.id === 1)!.status).toBe("missed");

    db.update(progressUpdates)
      .set({ withdrawnOn: "2026-04-01", withdrawnReason: "corrected" })
      .where(eq(progressUpdates.id, update.id))
      .run();
    expect(due()).toEqual([1]);
    ensureStatusesFresh(db, TODAY);
    expect(storedRows(db).find((r) => r.id === 1)!.status).toBe("overdue_unverified");

    db.update(commitments)
      .set({ withdrawnOn: "2026-05-01", withdrawnReason: "dropped" })
      .where(eq(commitments.id, 4))
      .run();
    expect(due()).toEqual([4]);
    ensureStatusesFresh(db, TODAY);
    expect(storedRows(db).find((r) => r.id === 4)!.status).toBe("withdrawn");

    db.delete(progressUpdates).where(eq(progressUpdates.id, update.id)).run();
    expect(due()).toEqual([1]);
    ensureStatusesFresh(db, TODAY);
    expectAllTrue(db, TODAY);
  });

  it("copies a commitment's filter columns when it changes, including being superseded", () => {
    const replacement = db
      .insert(commitments)
      .values({
        companyId: 1,
        title: "Restated target",
        metric: "local_production_increase",
        unit: "percent",
        direction: "increase",
        baselineValue: 0,
        baselineDate: "2024-01-01",
        targetValue: 60,
        dueOn: "2027-12-31",
        deadlinePrecision: "year",
        scheme: "pmp",
        evidenceGrade: "regulatory_filing",
        announcedOn: "2024-01-02",
      })
      .returning()
      .get();
    db.update(commitments)
      .set({ supersededById: replacement.id, scheme: "pli_electronics" })
      .where(eq(commitments.id, 1))
      .run();
    const rows = storedRows(db);
    expect(rows.find((r) => r.id === 1)).toMatchObject({ isCurrent: 0, scheme: "pli_electronics" });
    expect(rows.find((r) => r.id === replacement.id)).toMatchObject({
      isCurrent: 1,
      scheme: "pmp",
      evidenceGrade: "regulatory_filing",
      dueOn: "2027-12-31",
      status: null,
    });
    ensureStatusesFresh(db, TODAY);
    expectAllTrue(db, TODAY);
  });

  it("lists a commitment's categories when they change", () => {
    db.insert(commitmentCategories).values({ commitmentId: 3, category: "Smartphones" }).run();
    db.insert(commitmentCategories).values({ commitmentId: 3, category: "Components" }).run();
    expect(storedRows(db).find((r) => r.id === 3)!.categories).toBe("Components\u001fSmartphones");
    db.delete(commitmentCategories).where(eq(commitmentCategories.commitmentId, 3)).run();
    expect(storedRows(db).find((r) => r.id === 3)!.categories).toBeNull();
    expectAllTrue(db, TODAY);
  });

  it("recomputes everything when the rules change", () => {
    invalidateAllStatuses(db);
    expect(ensureStatusesFresh(db, TODAY).recomputed).toBe(5);
    expectAllTrue(db, TODAY);
  });
});

describe("the status summary at a few hundred synthetic commitments", () => {
  let db: Db;
  let cleanup: () => void;
  beforeAll(() => {
    ({ db, cleanup } = tempDatabase({ seed: false }));
    generateSynthetic(db, { commitments: 400, seed: 7 });
  });
  afterAll(() => cleanup());

  it("agrees with computeStatus on every commitment, day after day, recomputing only what is due", () => {
    let day = "2024-06-01";
    expect(ensureStatusesFresh(db, day).recomputed).toBe(400);
    expectAllTrue(db, day);
    const recomputedPerStep: number[] = [];
    // Steps of varying length over four years, through due dates, staleness and future-dated updates.
    for (const step of [1, 1, 7, 30, 45, 90, 180, 1, 365, 200, 3, 400]) {
      day = addDays(day, step);
      recomputedPerStep.push(ensureStatusesFresh(db, day).recomputed);
      expectAllTrue(db, day);
    }
    // Most days change little: far fewer than all rows are recomputed at each step.
    expect(Math.min(...recomputedPerStep)).toBeLessThan(40);
    expect(recomputedPerStep.every((n) => n < 400)).toBe(true);
  });

  it("agrees with computeStatus after going back in time (a pinned date, a test)", () => {
    ensureStatusesFresh(db, "2023-01-15");
    expectAllTrue(db, "2023-01-15");
  });
});

describe("the migration that adds the summary and the search index", () => {
  it("fills both for the commitments that were there before it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-migrate-"));
    try {
      // The migrations folder as it was before: the first migration only.
      const before = path.join(dir, "drizzle-before");
      fs.cpSync(path.join(process.cwd(), "drizzle"), before, { recursive: true });
      const journalFile = path.join(before, "meta", "_journal.json");
      const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
      journal.entries = journal.entries.filter((e) => e.tag === "0000_init");
      fs.writeFileSync(journalFile, JSON.stringify(journal));

      const file = path.join(dir, "old.db");
      const sqlite = new Database(file);
      sqlite.pragma("foreign_keys = ON");
      const old = drizzle(sqlite, { schema });
      migrate(old, { migrationsFolder: before });
      // Today's seed also queues archive captures (drizzle/0013), a table the old schema lacks:
      // a stand-in takes them, and is dropped before the real migrations run.
      sqlite.exec("create table source_captures (source_id integer, cause text)");
      seedFacts(old);
      sqlite.exec("drop table source_captures");
      sqlite.close();

      const db = openDatabase(file, { seed: false });
      try {
        expect(storedRows(db)).toHaveLength(4);
        ensureStatusesFresh(db, TODAY);
        expectAllTrue(db, TODAY);
        const indexed = db.$client
          .prepare("select rowid as id, * from commitment_search order by rowid")
          .all();
        const documents = db.$client
          .prepare(
            "select commitment_id as id, title, description, company, sources, partners from commitment_search_documents order by commitment_id",
          )
          .all();
        expect(indexed).toEqual(documents);
        expect(indexed).toHaveLength(4);
      } finally {
        db.$client.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
