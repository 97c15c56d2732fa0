import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../connection";
import { progressUpdates } from "../schema";
import { dashboardData, dashboardHeadline } from "./dashboard";
import { overview } from "./overview";
import { canonicalStateCode } from "@/lib/domain/india-states";
import { computeStatus, STATUSES, type CommitmentStatus } from "@/lib/domain/status";
import { tempDatabase } from "@/lib/testing/temp-db";
import { generateSynthetic } from "@/scripts/synthetic/generate";

const TODAY = "2026-11-25";

describe("the dashboard on the seed facts", () => {
  let db: Db;
  let cleanup: () => void;
  beforeAll(() => ({ db, cleanup } = tempDatabase()));
  afterAll(() => cleanup());

  it("gives the headline figures", () => {
    expect(dashboardHeadline(db, TODAY)).toEqual({
      commitments: 4,
      companies: 4,
      onTrack: { onTrack: 0, behind: 0, share: null },
      dueWithin12Months: 0,
      overdueUnverified: 1,
    });
    // Due 2025-12-31: within the twelve months from 2025-01-01 (up to 2025-12-31), but not from
    // 2024-12-31 (up to 2025-12-30), and no longer once overdue.
    expect(dashboardHeadline(db, "2025-01-01")).toMatchObject({ dueWithin12Months: 1, overdueUnverified: 0 });
    expect(dashboardHeadline(db, "2025-12-31")).toMatchObject({ dueWithin12Months: 1 });
    expect(dashboardHeadline(db, "2024-12-31")).toMatchObject({ dueWithin12Months: 0 });
  });

  it("keeps the home page's overview working", () => {
    expect(overview(db, TODAY)).toEqual({ commitments: 4, companies: 4, overdueUnverified: 1 });
  });

  it("shapes the charts as flat rows", () => {
    const d = dashboardData(db, TODAY);
    expect(d.asOf).toBe(TODAY);
    expect(d.byStatus.map((s) => s.status)).toEqual([...STATUSES]);
    expect(d.bySector.find((r) => r.key === "Components")).toMatchObject({
      label: "Components",
      total: 1,
      overdue_unverified: 1,
    });
    expect(d.bySector.find((r) => r.key === "")).toMatchObject({ label: "No product category", total: 2 });
    expect(d.deadlinesByYear).toEqual([
      expect.objectContaining({ key: "2025", total: 1, overdue_unverified: 1 }),
    ]);
    expect(d.byState).toEqual([
      { code: "IN-KA", name: "Karnataka", commitments: 1, facilities: 1 },
      { code: "IN-UP", name: "Uttar Pradesh", commitments: 0, facilities: 1 },
    ]);
    // Foxconn's land: in US dollars, never converted.
    expect(d.investmentByState).toEqual([
      {
        currency: "USD",
        total: 37_000_000,
        facilities: 1,
        states: [{ code: "IN-KA", name: "Karnataka", amount: 37_000_000, facilities: 1 }],
      },
    ]);
  });

  it("changes as soon as the data does", () => {
    expect(dashboardData(db, TODAY).headline.overdueUnverified).toBe(1);
    db.insert(progressUpdates).values({ commitmentId: 1, asOf: "2026-03-31", value: 20 }).run();
    const after = dashboardData(db, TODAY);
    expect(after.headline.overdueUnverified).toBe(0);
    expect(after.byStatus.find((s) => s.status === "missed")?.count).toBe(1);
  });
});

describe("the dashboard at a few hundred synthetic commitments", () => {
  let db: Db;
  let cleanup: () => void;
  beforeAll(() => {
    ({ db, cleanup } = tempDatabase());
    generateSynthetic(db, { commitments: 400, seed: 5 });
  });
  afterAll(() => cleanup());

  it("counts what the rules say, from the tables", () => {
    const sqlite = db.$client;
    type C = {
      id: number;
      superseded: number | null;
      direction: "increase" | "decrease";
      baselineValue: number;
      baselineDate: string;
      targetValue: number;
      dueOn: string | null;
      withdrawnOn: string | null;
    };
    const rows = sqlite
      .prepare(
        `select id, superseded_by_id as superseded, direction, baseline_value as baselineValue, baseline_date as baselineDate,
           target_value as targetValue, due_on as dueOn, withdrawn_on as withdrawnOn from commitments`,
      )
      .all() as C[];
    const progress = sqlite
      .prepare(
        "select commitment_id as id, as_of as asOf, value from progress_updates where withdrawn_on is null order by id",
      )
      .all() as { id: number; asOf: string; value: number }[];
    const categories = sqlite
      .prepare("select commitment_id as id, category from commitment_categories")
      .all() as { id: number; category: string }[];
    const states = sqlite
      .prepare("select commitment_id as id, state_code as code from commitment_states")
      .all() as { id: number; code: string }[];
    const current = rows.filter((r) => r.superseded === null);
    const status = new Map<number, CommitmentStatus>(
      current.map((r) => [
        r.id,
        computeStatus({ ...r, progress: progress.filter((p) => p.id === r.id) }, TODAY).status,
      ]),
    );
    const count = (s: CommitmentStatus) => [...status.values()].filter((v) => v === s).length;

    const d = dashboardData(db, TODAY);
    expect(d.headline.commitments).toBe(current.length);
    expect(d.headline.overdueUnverified).toBe(count("overdue_unverified"));
    expect(d.headline.onTrack).toEqual({
      onTrack: count("on_track"),
      behind: count("behind"),
      share: count("on_track") / (count("on_track") + count("behind")),
    });
    expect(d.headline.dueWithin12Months).toBe(
      current.filter(
        (r) =>
          r.dueOn &&
          r.dueOn >= TODAY &&
          r.dueOn < "2027-11-25" &&
          ["no_data", "on_track", "behind"].includes(status.get(r.id)!),
      ).length,
    );
    for (const s of d.byStatus) expect(s.count).toBe(count(s.status));

    for (const row of d.bySector) {
      const members = current.filter((r) =>
        row.key === ""
          ? !categories.some((c) => c.id === r.id)
          : categories.some((c) => c.id === r.id && c.category === row.key),
      );
      expect(row.total).toBe(members.length);
      for (const s of STATUSES) expect(row[s]).toBe(members.filter((m) => status.get(m.id) === s).length);
    }
    expect(d.bySector.map((r) => r.total)).toEqual([...d.bySector.map((r) => r.total)].sort((a, b) => b - a));

    for (const row of d.deadlinesByYear) {
      const members = current.filter((r) => r.dueOn?.startsWith(row.key));
      expect(row.total).toBe(members.length);
    }
    expect(d.deadlinesByYear.reduce((n, r) => n + r.total, 0)).toBe(current.filter((r) => r.dueOn).length);

    for (const row of d.byState) {
      const ids = new Set(current.map((r) => r.id));
      const members = new Set(
        states
          .filter((s) => ids.has(s.id) && (canonicalStateCode(s.code) ?? s.code) === row.code)
          .map((s) => s.id),
      );
      expect(row.commitments).toBe(members.size);
    }
    const facilities = sqlite
      .prepare(
        "select state_code as code, investment_amount as amount, investment_currency as currency from facilities where withdrawn_on is null",
      )
      .all() as { code: string; amount: number | null; currency: string | null }[];
    expect(d.byState.reduce((n, r) => n + r.facilities, 0)).toBe(facilities.length);
    for (const c of d.investmentByState) {
      const members = facilities.filter((f) => f.currency === c.currency);
      expect(c.facilities).toBe(members.length);
      expect(c.total).toBeCloseTo(
        members.reduce((n, f) => n + (f.amount ?? 0), 0),
        0,
      );
      expect(c.states.map((s) => s.amount)).toEqual([...c.states.map((s) => s.amount)].sort((a, b) => b - a));
      expect(new Set(c.states.map((s) => s.code)).size).toBe(c.states.length);
    }
    expect(d.investmentByState.map((c) => c.currency).sort()).toEqual(["INR", "USD"]);
  });
});
