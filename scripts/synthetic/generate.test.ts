import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/connection";
import {
  SEED_COMMITMENTS,
  SEED_COMPANIES,
  SEED_FACILITIES,
  SEED_PARTNERSHIPS,
  SEED_SOURCES,
} from "@/db/seed-facts";
import { endOfPeriod } from "@/lib/domain/dates";
import { computeStatus, type CommitmentStatus } from "@/lib/domain/status";
import type { DeadlinePrecision, Direction } from "@/lib/domain/vocabulary";
import { SYNTHETIC_TABLES, SYNTHETIC_TODAY, countSyntheticRows, generateSynthetic } from "./generate";

// Each database is a real file, as the CLI uses, so WAL mode and the migrations behave as they do
// in a load test; every file (with its -wal and -shm companions) is removed afterwards.
const files: string[] = [];
const handles: Db[] = [];

function freshDatabase(): Db {
  const file = path.join(os.tmpdir(), `synthetic-test-${randomUUID()}.db`);
  files.push(file);
  const db = openDatabase(file);
  handles.push(db);
  return db;
}

afterAll(() => {
  for (const db of handles) if (db.$client.open) db.$client.close();
  for (const file of files)
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});

const COMMITMENTS = 300;

function all<T>(db: Db, sql: string): T[] {
  return db.$client.prepare(sql).all() as T[];
}

function scalar(db: Db, sql: string): number {
  return (db.$client.prepare(sql).get() as { n: number }).n;
}

/** Everything about the synthetic commitments that the seed decides, in id order. */
function dump(db: Db): string {
  const commitments = all(
    db,
    `select title, description, metric, unit, direction, baseline_value, baseline_date, target_value, due_on,
            deadline_precision, scheme, evidence_grade, announced_on, withdrawn_on, superseded_by_id
       from commitments where synthetic = 1 order by id`,
  );
  const progress = all(
    db,
    `select commitment_id, as_of, value, note from progress_updates where synthetic = 1 order by id`,
  );
  return JSON.stringify({ commitments, progress });
}

describe("generateSynthetic", () => {
  let db: Db;

  beforeAll(() => {
    db = freshDatabase();
    generateSynthetic(db, { commitments: COMMITMENTS, seed: 1 });
  });

  it("adds the requested commitments next to the real seed's", () => {
    expect(scalar(db, "select count(*) as n from commitments")).toBe(COMMITMENTS + SEED_COMMITMENTS.length);
    expect(scalar(db, "select count(*) as n from commitments where synthetic = 1")).toBe(COMMITMENTS);
    expect(scalar(db, "select count(*) as n from companies where synthetic = 1")).toBeGreaterThanOrEqual(5);
    const updates = scalar(db, "select count(*) as n from progress_updates where synthetic = 1");
    // About ten per commitment, with about one in eight never updated.
    expect(updates).toBeGreaterThan(COMMITMENTS * 7);
    expect(updates).toBeLessThan(COMMITMENTS * 13);
  });

  it("flags every row synthetic except the real seed's", () => {
    // Each query lists the natural keys of the rows not flagged synthetic.
    const realRows: Record<(typeof SYNTHETIC_TABLES)[number], { sql: string; expected: string[] }> = {
      sources: {
        sql: "select url as k from sources where synthetic = 0",
        expected: SEED_SOURCES.map((s) => s.url),
      },
      companies: {
        sql: "select slug as k from companies where synthetic = 0",
        expected: SEED_COMPANIES.map((c) => c.slug),
      },
      facilities: {
        sql: "select name as k from facilities where synthetic = 0",
        expected: SEED_FACILITIES.map((f) => f.name),
      },
      partnerships: {
        sql: `select b.slug || '/' || q.slug as k from partnerships p
                join companies b on b.id = p.brand_company_id join companies q on q.id = p.partner_company_id
               where p.synthetic = 0`,
        expected: SEED_PARTNERSHIPS.map((p) => `${p.brand}/${p.partner}`),
      },
      commitments: {
        sql: "select title as k from commitments where synthetic = 0",
        expected: SEED_COMMITMENTS.map((c) => c.title),
      },
      progress_updates: {
        sql: "select as_of || ' ' || note as k from progress_updates where synthetic = 0",
        expected: SEED_COMMITMENTS.flatMap((c) => c.progress.map((p) => `${p.asOf} ${p.note}`)),
      },
    };
    for (const table of SYNTHETIC_TABLES) {
      const { sql, expected } = realRows[table];
      const real = all<{ k: string }>(db, sql).map((r) => r.k);
      expect(real.sort(), table).toEqual([...expected].sort());
    }
  });

  it("leaves the database consistent", () => {
    expect(all(db, "pragma foreign_key_check")).toEqual([]);
    expect(all(db, "pragma integrity_check")).toEqual([{ integrity_check: "ok" }]);
  });

  it("cites at least one source for every synthetic record", () => {
    const unsourced = (table: string, linkTable: string, column: string) =>
      scalar(
        db,
        `select count(*) as n from ${table} t where t.synthetic = 1
           and not exists (select 1 from ${linkTable} l where l.${column} = t.id)`,
      );
    expect(unsourced("commitments", "commitment_sources", "commitment_id")).toBe(0);
    expect(unsourced("companies", "company_sources", "company_id")).toBe(0);
    expect(unsourced("facilities", "facility_sources", "facility_id")).toBe(0);
    expect(unsourced("partnerships", "partnership_sources", "partnership_id")).toBe(0);
    expect(unsourced("progress_updates", "progress_update_sources", "progress_update_id")).toBe(0);
    const urls = all<{ url: string }>(db, "select url from sources where synthetic = 1");
    expect(urls.every((s) => s.url.startsWith("https://synthetic.example/"))).toBe(true);
  });

  it("stores every deadline as the end of its period, on or after the baseline", () => {
    const rows = all<{ due_on: string; deadline_precision: DeadlinePrecision; baseline_date: string }>(
      db,
      "select due_on, deadline_precision, baseline_date from commitments where due_on is not null",
    );
    expect(rows.length).toBeGreaterThan(COMMITMENTS * 0.8);
    for (const r of rows) {
      expect(r.due_on).toBe(endOfPeriod(r.due_on, r.deadline_precision));
      expect(r.due_on >= r.baseline_date).toBe(true);
      expect(r.due_on >= "2020-01-01" && r.due_on <= "2035-12-31").toBe(true);
    }
    const precisions = new Set(rows.map((r) => r.deadline_precision));
    expect([...precisions].sort()).toEqual(["day", "month", "quarter", "year"]);
  });

  it("dates progress between the baseline and a year after the deadline, never after today", () => {
    const late = scalar(
      db,
      `select count(*) as n from progress_updates p join commitments c on c.id = p.commitment_id
        where p.synthetic = 1 and (p.as_of < c.baseline_date or p.as_of > '${SYNTHETIC_TODAY}'
          or (c.due_on is not null and p.as_of > date(c.due_on, '+1 year')))`,
    );
    expect(late).toBe(0);
  });

  it("yields a realistic mix of statuses", () => {
    type Row = {
      id: number;
      direction: Direction;
      baseline_value: number;
      baseline_date: string;
      target_value: number;
      due_on: string | null;
      withdrawn_on: string | null;
    };
    const rows = all<Row>(db, "select * from commitments where synthetic = 1");
    const progress = all<{ commitment_id: number; as_of: string; value: number }>(
      db,
      "select commitment_id, as_of, value from progress_updates where synthetic = 1 and withdrawn_on is null",
    );
    const byCommitment = new Map<number, { asOf: string; value: number }[]>();
    for (const p of progress) {
      const list = byCommitment.get(p.commitment_id) ?? [];
      list.push({ asOf: p.as_of, value: p.value });
      byCommitment.set(p.commitment_id, list);
    }
    const tally = new Map<CommitmentStatus, number>();
    for (const c of rows) {
      const { status } = computeStatus(
        {
          direction: c.direction,
          baselineValue: c.baseline_value,
          baselineDate: c.baseline_date,
          targetValue: c.target_value,
          dueOn: c.due_on,
          withdrawnOn: c.withdrawn_on,
          progress: byCommitment.get(c.id) ?? [],
        },
        SYNTHETIC_TODAY,
      );
      tally.set(status, (tally.get(status) ?? 0) + 1);
    }
    for (const status of ["achieved", "missed", "on_track", "behind", "no_data", "withdrawn"] as const) {
      expect(tally.get(status) ?? 0, status).toBeGreaterThan(0);
    }
    expect(
      scalar(db, "select count(*) as n from commitments where superseded_by_id is not null"),
    ).toBeGreaterThan(0);
  });

  it("counts what it wrote", () => {
    expect(countSyntheticRows(db)).toBe(
      SYNTHETIC_TABLES.reduce(
        (sum, t) => sum + scalar(db, `select count(*) as n from ${t} where synthetic = 1`),
        0,
      ),
    );
  });

  it("produces identical rows from the same seed in separate databases", () => {
    const a = freshDatabase();
    const b = freshDatabase();
    const c = freshDatabase();
    // A different batch size must not change the data either: only the seed decides it.
    const countsA = generateSynthetic(a, { commitments: COMMITMENTS, seed: 7 });
    const countsB = generateSynthetic(b, { commitments: COMMITMENTS, seed: 7, batchSize: 17 });
    generateSynthetic(c, { commitments: COMMITMENTS, seed: 8 });
    expect(countsB).toEqual(countsA);
    expect(dump(b)).toBe(dump(a));
    expect(dump(c)).not.toBe(dump(a));
  });

  it("can append a second run without colliding with the first", () => {
    const counts = generateSynthetic(db, { commitments: 20, seed: 1 });
    expect(counts.commitments).toBe(20);
    expect(scalar(db, "select count(*) as n from commitments where synthetic = 1")).toBe(COMMITMENTS + 20);
    expect(all(db, "pragma foreign_key_check")).toEqual([]);
  });

  it("rejects a count out of range", () => {
    expect(() => generateSynthetic(db, { commitments: 0 })).toThrow(RangeError);
    expect(() => generateSynthetic(db, { commitments: 1.5 })).toThrow(RangeError);
    expect(() => generateSynthetic(db, { commitments: 2_000_001 })).toThrow(RangeError);
  });
});
