import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../connection";
import { commitments } from "../schema";
import {
  calendarDeadlines,
  calendarStatuses,
  commitmentIdByKey,
  deadlineGroups,
  type DeadlineGroup,
} from "./deadlines";
import { searchCommitments } from "./explorer";
import { addDays, daysBetween } from "@/lib/domain/dates";
import {
  compareInBucket,
  DEADLINE_BUCKETS,
  inBucket,
  type DeadlineBucket,
} from "@/lib/domain/deadline-buckets";
import { canonicalStateCode } from "@/lib/domain/india-states";
import { computeStatus, type CommitmentStatus } from "@/lib/domain/status";
import { tempDatabase } from "@/lib/testing/temp-db";
import {
  DEFAULT_EXPLORER_QUERY,
  explorerSearchParams,
  parseExplorerParams,
  type ExplorerQuery,
} from "@/lib/validation/explorer-params";
import { generateSynthetic } from "@/scripts/synthetic/generate";

const TODAY = "2026-11-25";
const XIAOMI_TARGET = "50 per cent increase in the production of locally sourced components by 2025";

function view(params: string): ExplorerQuery {
  const parsed = parseExplorerParams(new URLSearchParams(params));
  if (!parsed.success) throw new Error(`${params}: ${parsed.error.message}`);
  return parsed.data;
}

const group = (groups: DeadlineGroup[], bucket: DeadlineBucket) => groups.find((g) => g.bucket === bucket)!;
const idsOf = (g: DeadlineGroup) => g.items.map((i) => i.id);

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
}

// ---------------------------------------------------------------------------------------------
// The truth, worked out in plain code from the tables, computeStatus and the pure grouping rule.

type Truth = {
  id: number;
  companySlug: string;
  categories: string[];
  states: string[];
  superseded: boolean;
  withdrawn: boolean;
  dueOn: string | null;
  status: CommitmentStatus;
  latestAsOf: string | null;
};

function truth(db: Db, today: string): Truth[] {
  const sqlite = db.$client;
  const rows = sqlite
    .prepare(
      `select c.id, co.slug as companySlug, c.due_on as dueOn, c.superseded_by_id as supersededById,
         c.direction, c.baseline_value as baselineValue, c.baseline_date as baselineDate,
         c.target_value as targetValue, c.withdrawn_on as withdrawnOn
       from commitments c join companies co on co.id = c.company_id`,
    )
    .all() as {
    id: number;
    companySlug: string;
    dueOn: string | null;
    supersededById: number | null;
    direction: "increase" | "decrease";
    baselineValue: number;
    baselineDate: string;
    targetValue: number;
    withdrawnOn: string | null;
  }[];
  const progress = groupBy(
    sqlite
      .prepare(
        "select commitment_id as id, as_of as asOf, value from progress_updates where withdrawn_on is null order by id",
      )
      .all() as { id: number; asOf: string; value: number }[],
    (p) => p.id,
  );
  const links = (table: string, column: string) =>
    groupBy(
      sqlite.prepare(`select commitment_id as id, ${column} as v from ${table}`).all() as {
        id: number;
        v: string;
      }[],
      (l) => l.id,
    );
  const categories = links("commitment_categories", "category");
  const states = links("commitment_states", "state_code");
  return rows.map((r) => {
    const result = computeStatus({ ...r, progress: progress.get(r.id) ?? [] }, today);
    return {
      id: r.id,
      companySlug: r.companySlug,
      categories: (categories.get(r.id) ?? []).map((c) => c.v),
      states: (states.get(r.id) ?? []).map((s) => canonicalStateCode(s.v) ?? s.v),
      superseded: r.supersededById !== null,
      withdrawn: r.withdrawnOn !== null,
      dueOn: r.dueOn,
      status: result.status,
      latestAsOf: result.latest?.asOf ?? null,
    };
  });
}

/** The filters this suite varies; each must agree with the explorer's own reading. */
function passes(t: Truth, q: ExplorerQuery): boolean {
  const any = <T>(selected: readonly T[], test: (v: T) => boolean) =>
    selected.length === 0 || selected.some(test);
  return (
    (q.includeSuperseded || !t.superseded) &&
    any(q.company, (s) => s === t.companySlug) &&
    any(q.category, (c) => t.categories.includes(c)) &&
    any(q.state, (s) => t.states.includes(s)) &&
    any(q.status, (s) => s === t.status)
  );
}

function expectedGroup(rows: Truth[], bucket: DeadlineBucket, q: ExplorerQuery, today: string): number[] {
  return rows
    .filter((t) => passes(t, q) && inBucket(bucket, t, today))
    .sort(compareInBucket(bucket))
    .map((t) => t.id);
}

// ---------------------------------------------------------------------------------------------

describe("the deadline view on the seed facts", () => {
  let db: Db;
  let cleanup: () => void;
  let xiaomiTarget: number;
  beforeAll(() => {
    ({ db, cleanup } = tempDatabase());
    xiaomiTarget = commitmentIdByKey(db, "xiaomi", XIAOMI_TARGET)!;
  });
  afterAll(() => cleanup());

  it("finds the Xiaomi target by its natural key, and nothing for an unknown one", () => {
    expect(xiaomiTarget).toBeGreaterThan(0);
    expect(commitmentIdByKey(db, "tesla", XIAOMI_TARGET)).toBeNull();
  });

  it("lists the Xiaomi target as overdue and unverified on 2026-11-25, 329 days overdue, and nothing else", () => {
    const groups = deadlineGroups(db, DEFAULT_EXPLORER_QUERY, TODAY);
    expect(groups.map((g) => g.bucket)).toEqual([...DEADLINE_BUCKETS]);
    const overdue = group(groups, "overdue_unverified");
    expect(overdue.total).toBe(1);
    expect(overdue.items[0]).toMatchObject({
      id: xiaomiTarget,
      company: { slug: "xiaomi" },
      deadlineLabel: "by 2025",
      evidenceGrade: "announced",
      status: { status: "overdue_unverified", daysToDeadline: -329 },
      timing: "329 days overdue",
    });
    for (const g of groups.filter((x) => x.bucket !== "overdue_unverified"))
      expect(g.total, g.bucket).toBe(0);
    // The explorer link names the same commitments, and stays right on later days.
    expect(explorerSearchParams(overdue.explorer!.query).toString()).toBe("status=overdue_unverified");
  });

  it.each<[string, DeadlineBucket | null, string | null]>([
    ["2023-05-29", null, null],
    ["2025-01-01", "due_365", "364 days left"],
    ["2025-10-02", "due_90", "90 days left"],
    ["2025-12-31", "due_30", "Due today"],
    ["2026-01-01", "overdue_unverified", "1 day overdue"],
    ["2026-11-25", "overdue_unverified", "329 days overdue"],
  ])("puts the Xiaomi target, on %s, in %s", (today, bucket, timing) => {
    const groups = deadlineGroups(db, DEFAULT_EXPLORER_QUERY, today);
    const holding = groups.filter((g) => idsOf(g).includes(xiaomiTarget));
    expect(holding.map((g) => g.bucket)).toEqual(bucket ? [bucket] : []);
    if (bucket) expect(holding[0]!.items.find((i) => i.id === xiaomiTarget)!.timing).toBe(timing);
  });

  it.each<[string, boolean]>([
    ["company=xiaomi", true],
    ["company=tesla", false],
    ["company=xiaomi,tesla", true],
    ["category=Components", true],
    ["category=Smartphones", false],
    ["state=IN-UP", false],
    ["scheme=make_in_india", true],
    ["scheme=none", false],
    ["evidence=announced", true],
    ["evidence=in_talks", false],
    ["status=overdue_unverified", true],
    ["status=behind", false],
    ["due_from=2025&due_to=2025", true],
    ["due_from=2026", false],
    ["q=optiemus", true],
    ["q=tesla", false],
    ["q=%F0%9F%9A%80", false],
  ])("with %s, lists the Xiaomi target: %s", (params, listed) => {
    const overdue = group(deadlineGroups(db, view(params), TODAY), "overdue_unverified");
    expect(idsOf(overdue).includes(xiaomiTarget)).toBe(listed);
    expect(overdue.total).toBe(listed ? 1 : 0);
  });

  it("has no explorer link for a group the status filter empties", () => {
    const groups = deadlineGroups(db, view("status=behind"), TODAY);
    expect(group(groups, "overdue_unverified").explorer).toBeNull();
    expect(group(groups, "due_30").explorer?.query.status).toEqual(["behind"]);
  });

  it("puts the Xiaomi target in the calendar, and leaves undated commitments out", () => {
    const all = calendarDeadlines(db, DEFAULT_EXPLORER_QUERY, TODAY);
    expect(all.items.map((i) => [i.id, i.dueOn])).toEqual([[xiaomiTarget, "2025-12-31"]]);
    expect(all.total).toBe(1);
    expect(calendarDeadlines(db, view("company=xiaomi"), TODAY).total).toBe(1);
    expect(calendarDeadlines(db, view("company=tesla"), TODAY).total).toBe(0);
    expect(calendarDeadlines(db, view("state=IN-UP"), TODAY).total).toBe(0);
    // Asking only for statuses a calendar never lists gives an empty calendar, not every deadline.
    expect(calendarDeadlines(db, view("status=withdrawn"), TODAY)).toEqual({ items: [], total: 0 });
    expect(calendarDeadlines(db, view("status=withdrawn,overdue_unverified"), TODAY).total).toBe(1);
  });

  it("drops a withdrawn commitment from the calendar and from every group", () => {
    const local = tempDatabase();
    try {
      const id = commitmentIdByKey(local.db, "xiaomi", XIAOMI_TARGET)!;
      local.db.$client
        .prepare("update commitments set withdrawn_on = '2026-02-01', withdrawn_reason = 'test' where id = ?")
        .run(id);
      expect(calendarDeadlines(local.db, DEFAULT_EXPLORER_QUERY, TODAY).total).toBe(0);
      expect(deadlineGroups(local.db, DEFAULT_EXPLORER_QUERY, TODAY).every((g) => g.total === 0)).toBe(true);
    } finally {
      local.cleanup();
    }
  });
});

describe("the deadline view on synthetic data, against the rules in plain code", () => {
  let db: Db;
  let cleanup: () => void;
  let companySlug: string;
  let category: string;
  beforeAll(() => {
    ({ db, cleanup } = tempDatabase());
    generateSynthetic(db, { commitments: 600, seed: 23 });
    // One restated target, so superseded commitments are in play.
    const [a, b] = db.select({ id: commitments.id }).from(commitments).limit(2).all();
    db.$client.prepare("update commitments set superseded_by_id = ? where id = ?").run(b!.id, a!.id);
    companySlug = db.$client
      .prepare(
        "select co.slug from commitments c join companies co on co.id = c.company_id group by co.id order by count(*) desc limit 1",
      )
      .pluck()
      .get() as string;
    category = db.$client
      .prepare("select category from commitment_categories group by 1 order by count(*) desc limit 1")
      .pluck()
      .get() as string;
  });
  afterAll(() => cleanup());

  const VIEWS = () => [
    "",
    `company=${companySlug}`,
    `category=${encodeURIComponent(category)}`,
    "state=IN-UP,IN-KA,IN-TN,IN-MH",
    "status=behind,missed",
    "include_superseded=true",
  ];
  const DAYS = ["2026-11-25", "2025-06-30", "2027-03-01"];

  it("gives every group exactly the commitments, in the order, that the rules give", () => {
    for (const today of DAYS) {
      const rows = truth(db, today);
      for (const params of VIEWS()) {
        const q = view(params);
        const groups = deadlineGroups(db, q, today, 100_000);
        for (const bucket of DEADLINE_BUCKETS) {
          const g = group(groups, bucket);
          const expected = expectedGroup(rows, bucket, q, today);
          expect(idsOf(g), `${today} ${params} ${bucket}`).toEqual(expected);
          expect(g.total).toBe(expected.length);
        }
      }
    }
    // The synthetic data fill every group on its own day, so none of this was vacuous.
    const filled = deadlineGroups(db, DEFAULT_EXPLORER_QUERY, "2026-11-25", 100_000);
    for (const g of filled) expect(g.total, g.bucket).toBeGreaterThan(0);
  });

  it("lists the first rows of a large group and counts the rest", () => {
    const full = deadlineGroups(db, DEFAULT_EXPLORER_QUERY, TODAY, 100_000);
    const limited = deadlineGroups(db, DEFAULT_EXPLORER_QUERY, TODAY, 5);
    for (const bucket of DEADLINE_BUCKETS) {
      const all = group(full, bucket);
      const first = group(limited, bucket);
      expect(idsOf(first)).toEqual(idsOf(all).slice(0, 5));
      expect(first.total).toBe(all.total);
    }
  });

  it("links each group by deadline to an explorer view of the same commitments, in the same order", () => {
    for (const params of VIEWS()) {
      for (const g of deadlineGroups(db, view(params), TODAY, 100_000)) {
        if (!g.explorer) {
          expect(g.total).toBe(0);
          continue;
        }
        // The link as a person follows it: written out and parsed back.
        const linked = view(explorerSearchParams(g.explorer.query).toString());
        const explored: number[] = [];
        let total = 0;
        for (let page = 1; ; page++) {
          const result = searchCommitments(db, { ...linked, page, perPage: 100 }, TODAY);
          total = result.total;
          explored.push(...result.items.map((i) => i.id));
          if (page >= result.totalPages) break;
        }
        if (g.explorer.exact) {
          expect(explored, `${params} ${g.bucket}`).toEqual(idsOf(g));
          expect(total).toBe(g.total);
        } else {
          // Recently achieved: the explorer cannot filter by the latest value's date; it shows more.
          for (const id of idsOf(g)) expect(explored).toContain(id);
        }
      }
    }
  });

  it("keeps the deadlines nearest to today when the calendar is full, and counts them all", () => {
    const rows = truth(db, TODAY).filter(
      (t) => !t.superseded && t.dueOn !== null && calendarStatuses([]).includes(t.status),
    );
    const full = calendarDeadlines(db, DEFAULT_EXPLORER_QUERY, TODAY, 100_000);
    expect(full.total).toBe(rows.length);
    expect(new Set(full.items.map((i) => i.id))).toEqual(new Set(rows.map((r) => r.id)));
    expect(full.items.some((i) => i.withdrawnOn !== null)).toBe(false);

    const limited = calendarDeadlines(db, DEFAULT_EXPLORER_QUERY, TODAY, 40);
    expect(limited.total).toBe(rows.length);
    expect(limited.items).toHaveLength(40);
    const distance = (dueOn: string) => Math.abs(daysBetween(TODAY, dueOn));
    const farthestKept = Math.max(...limited.items.map((i) => distance(i.dueOn)));
    const kept = new Set(limited.items.map((i) => i.id));
    for (const r of rows) {
      if (!kept.has(r.id)) expect(distance(r.dueOn!)).toBeGreaterThanOrEqual(farthestKept);
    }
    // Deadlines on both sides of today, when there are both.
    expect(limited.items.some((i) => i.dueOn < TODAY) && limited.items.some((i) => i.dueOn >= TODAY)).toBe(
      true,
    );
  });

  it("follows the data: a progress update moves a commitment between groups", () => {
    const overdue = group(deadlineGroups(db, DEFAULT_EXPLORER_QUERY, TODAY, 100_000), "overdue_unverified");
    const id = overdue.items[0]!.id;
    const dueOn = overdue.items[0]!.dueOn!;
    // Any value recorded after the deadline makes the outcome known: the target was not met in time.
    db.$client
      .prepare("insert into progress_updates (commitment_id, as_of, value) values (?, ?, ?)")
      .run(id, addDays(dueOn, 1), 0);
    const after = deadlineGroups(db, DEFAULT_EXPLORER_QUERY, TODAY, 100_000);
    expect(idsOf(group(after, "overdue_unverified"))).not.toContain(id);
    const recent = daysBetween(dueOn, TODAY) <= 365;
    expect(idsOf(group(after, "recently_missed")).includes(id)).toBe(recent);
  });
});
