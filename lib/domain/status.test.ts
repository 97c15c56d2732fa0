import { describe, expect, it } from "vitest";
import { endOfPeriod, indiaDate } from "./dates";
import {
  computeStatus,
  expectedValueOn,
  ON_TRACK_TOLERANCE,
  STALE_AFTER_DAYS,
  type CommitmentStatus,
  type ProgressPoint,
  type StatusInput,
  type StatusResult,
} from "./status";
import type { Direction } from "./vocabulary";

// Expected numbers are worked out by hand from the calendar and the rules in DESIGN.md
// ("Status: computed, never typed in"); none is recomputed with the code under test.
//
// Most cases use one of two straight lines over exactly 100 days, so "day n" expects n% of the way:
//   baseline 2025-01-01, due 2025-04-11 (2025-01-01 + 31 Jan + 28 Feb + 31 Mar + 10 = 100 days).
//   Day 25 = 2025-01-26, day 50 = 2025-02-20, day 59 = 2025-03-01, day 78 = 2025-03-20.
const BASELINE = "2025-01-01";
const DUE = "2025-04-11";
const DAY_25 = "2025-01-26";
const DAY_50 = "2025-02-20";
const DAY_59 = "2025-03-01"; // 41 days before DUE
const DAY_78 = "2025-03-20";
const AFTER_DUE = "2025-05-01"; // 20 days after DUE

const p = (asOf: string, value: number): ProgressPoint => ({ asOf, value });

/** Increase from 0 to 100 over 100 days: day n expects n. Tolerance 5% of 100 = 5. */
function up(progress: ProgressPoint[] = [], overrides: Partial<StatusInput> = {}): StatusInput {
  return {
    direction: "increase",
    baselineValue: 0,
    baselineDate: BASELINE,
    targetValue: 100,
    dueOn: DUE,
    withdrawnOn: null,
    progress,
    ...overrides,
  };
}

/** Import share falling from 80 to 40 over 100 days: day n expects 80 - 0.4n. Tolerance 5% of 40 = 2. */
function down(progress: ProgressPoint[] = [], overrides: Partial<StatusInput> = {}): StatusInput {
  return up(progress, { direction: "decrease", baselineValue: 80, targetValue: 40, ...overrides });
}

/** The Xiaomi commitment: a 50% increase in locally sourced components "by 2025" (announced 29 May 2023). */
function xiaomi(progress: ProgressPoint[] = [], overrides: Partial<StatusInput> = {}): StatusInput {
  return {
    direction: "increase",
    baselineValue: 0,
    baselineDate: "2023-05-29",
    targetValue: 50,
    dueOn: "2025-12-31", // endOfPeriod("2025-01-01", "year")
    withdrawnOn: null,
    progress,
    ...overrides,
  };
}

type Expected = {
  status: CommitmentStatus;
  expectedToday?: number | null;
  percentOfWay?: number | null;
  daysToDeadline?: number | null;
  stale?: boolean;
  latest?: ProgressPoint | null;
};

type Case = { name: string; input: StatusInput; today: string; expected: Expected };

function check(actual: StatusResult, expected: Expected): void {
  expect(actual.status).toBe(expected.status);
  for (const key of ["expectedToday", "percentOfWay", "daysToDeadline"] as const) {
    if (!(key in expected)) continue;
    const want = expected[key];
    if (want === null) expect(actual[key], key).toBeNull();
    else expect(actual[key], key).toBeCloseTo(want as number, 9);
  }
  if ("stale" in expected) expect(actual.stale, "stale").toBe(expected.stale);
  if ("latest" in expected) expect(actual.latest, "latest").toEqual(expected.latest);
}

function runCases(cases: Case[]): void {
  it.each(cases)("$name", ({ input, today, expected }) => {
    check(computeStatus(input, today), expected);
  });
}

it("uses the documented constants", () => {
  expect(ON_TRACK_TOLERANCE).toBe(0.05);
  expect(STALE_AFTER_DAYS).toBe(365);
});

describe("the Xiaomi example", () => {
  runCases([
    {
      name: "no outcome recorded, seen on 2026-11-25 → overdue, unverified and stale",
      input: xiaomi(),
      today: "2026-11-25",
      expected: {
        status: "overdue_unverified",
        stale: true,
        daysToDeadline: -329, // 2025-12-31 → 2026-11-25 is 329 days
        expectedToday: 50,
        percentOfWay: null,
        latest: null,
      },
    },
    {
      name: "same commitment before its deadline (2025-06-01) → no data, stale baseline",
      input: xiaomi(),
      today: "2025-06-01",
      expected: {
        status: "no_data",
        stale: true, // baseline 2023-05-29 is 734 days old
        daysToDeadline: 213,
        expectedToday: (50 * 734) / 947, // 734 of 947 days from baseline to due date
        percentOfWay: null,
        latest: null,
      },
    },
    {
      name: "an outcome of 30 recorded after the deadline → missed, not stale",
      input: xiaomi([p("2026-03-31", 30)]),
      today: "2026-11-25",
      expected: { status: "missed", stale: false, percentOfWay: 60, daysToDeadline: -329 },
    },
    {
      name: "target of 50 reported met in October 2025 → achieved",
      input: xiaomi([p("2025-10-01", 50)]),
      today: "2026-11-25",
      expected: { status: "achieved", stale: false, percentOfWay: 100, latest: p("2025-10-01", 50) },
    },
  ]);
});

describe("achieved, missed and overdue around the deadline", () => {
  runCases([
    {
      name: "achieved early (day 50, before the deadline)",
      input: up([p(DAY_50, 100)]),
      today: DAY_59,
      expected: {
        status: "achieved",
        percentOfWay: 100,
        daysToDeadline: 41,
        stale: false,
        expectedToday: 59,
      },
    },
    {
      name: "achieved early by exceeding the target",
      input: up([p(DAY_50, 120)]),
      today: DAY_59,
      expected: { status: "achieved", percentOfWay: 120 },
    },
    {
      name: "achieved exactly on the deadline day, seen that day",
      input: up([p(DUE, 100)]),
      today: DUE,
      expected: { status: "achieved", daysToDeadline: 0, percentOfWay: 100, expectedToday: 100 },
    },
    {
      name: "achieved exactly on the deadline day, seen 20 days later",
      input: up([p(DUE, 100)]),
      today: AFTER_DUE,
      expected: { status: "achieved", daysToDeadline: -20, stale: false, latest: p(DUE, 100) },
    },
    {
      name: "met only the day after the deadline → missed",
      input: up([p(DAY_50, 50), p("2025-04-12", 100)]),
      today: AFTER_DUE,
      expected: { status: "missed", percentOfWay: 100, latest: p("2025-04-12", 100), stale: false },
    },
    {
      name: "not met, progress recorded after the deadline → missed",
      input: up([p(DAY_50, 50), p("2025-04-20", 70)]),
      today: AFTER_DUE,
      expected: { status: "missed", percentOfWay: 70, daysToDeadline: -20, stale: false },
    },
    {
      name: "not met, progress only before the deadline, deadline past → overdue, unverified",
      input: up([p(DAY_50, 50)]),
      today: AFTER_DUE,
      expected: {
        status: "overdue_unverified",
        percentOfWay: 50,
        latest: p(DAY_50, 50),
        daysToDeadline: -20,
        expectedToday: 100,
        stale: false,
      },
    },
    {
      name: "met early then fell back before the deadline → judged on the latest value (on track)",
      input: up([p(DAY_50, 100), p(DAY_78, 90)]),
      today: "2025-03-25",
      expected: { status: "on_track", percentOfWay: 90, latest: p(DAY_78, 90) },
    },
    {
      name: "met on the deadline then fell back after it → still achieved",
      input: up([p(DUE, 100), p("2025-04-20", 80)]),
      today: AFTER_DUE,
      expected: { status: "achieved", percentOfWay: 80, latest: p("2025-04-20", 80), stale: false },
    },
  ]);
});

describe("the deadline day and the day after", () => {
  runCases([
    {
      name: "deadline today, no progress → not overdue (no data)",
      input: up(),
      today: DUE,
      expected: { status: "no_data", daysToDeadline: 0, expectedToday: 100, stale: false },
    },
    {
      name: "deadline today, 90 of 100 → behind (line is at the target, tolerance 5)",
      input: up([p(DUE, 90)]),
      today: DUE,
      expected: { status: "behind", daysToDeadline: 0, expectedToday: 100, percentOfWay: 90 },
    },
    {
      name: "deadline today, 95 of 100 → on track (at the edge of the tolerance)",
      input: up([p(DUE, 95)]),
      today: DUE,
      expected: { status: "on_track", daysToDeadline: 0, expectedToday: 100, percentOfWay: 95 },
    },
    {
      name: "the day after the deadline, no progress → overdue, unverified",
      input: up(),
      today: "2025-04-12",
      expected: { status: "overdue_unverified", daysToDeadline: -1, expectedToday: 100, latest: null },
    },
    {
      name: "the day after the deadline, 90 recorded on the deadline day → overdue, unverified",
      input: up([p(DUE, 90)]),
      today: "2025-04-12",
      expected: { status: "overdue_unverified", daysToDeadline: -1 },
    },
    {
      name: "the day after the deadline, 90 recorded that day → missed",
      input: up([p("2025-04-12", 90)]),
      today: "2025-04-12",
      expected: { status: "missed", daysToDeadline: -1, percentOfWay: 90 },
    },
    {
      name: "deadline equals the baseline date, seen that day → no division by zero",
      input: up([p(BASELINE, 40)], { dueOn: BASELINE }),
      today: BASELINE,
      expected: { status: "behind", expectedToday: 100, daysToDeadline: 0, percentOfWay: 40 },
    },
    {
      name: "deadline equals the baseline date, seen the next day → overdue, unverified",
      input: up([p(BASELINE, 40)], { dueOn: BASELINE }),
      today: "2025-01-02",
      expected: { status: "overdue_unverified", expectedToday: 100, daysToDeadline: -1 },
    },
  ]);
});

describe("the deadline falls due at the end of the day in India", () => {
  const input = xiaomi([p("2025-06-30", 20)]);
  it.each([
    {
      name: "18:29Z on 31 Dec is still 31 Dec in India → not overdue",
      instant: "2025-12-31T18:29:00Z",
      today: "2025-12-31",
      // expected at 2025-06-30 is 50 × 763/947 ≈ 40.3, allowance 2.5, so 20 is behind
      expected: { status: "behind", daysToDeadline: 0, expectedToday: 50 } as Expected,
    },
    {
      name: "18:31Z on 31 Dec is 1 Jan in India → overdue, unverified",
      instant: "2025-12-31T18:31:00Z",
      today: "2026-01-01",
      expected: { status: "overdue_unverified", daysToDeadline: -1, expectedToday: 50 } as Expected,
    },
  ])("$name", ({ instant, today, expected }) => {
    expect(indiaDate(new Date(instant))).toBe(today);
    check(computeStatus(input, indiaDate(new Date(instant))), expected);
  });
});

describe("on track and behind against the straight line (increase, tolerance 5)", () => {
  // Seen on day 59 (expected today 59, 41 days to go); the latest value is from day 50, where the line is at 50.
  runCases([
    {
      name: "exactly on the line (50 on day 50) → on track",
      input: up([p(DAY_50, 50)]),
      today: DAY_59,
      expected: { status: "on_track", expectedToday: 59, percentOfWay: 50, daysToDeadline: 41, stale: false },
    },
    {
      name: "ahead of the line (80 on day 50) → on track",
      input: up([p(DAY_50, 80)]),
      today: DAY_59,
      expected: { status: "on_track", percentOfWay: 80 },
    },
    {
      name: "within the tolerance (45 on day 50, line 50 − 5) → on track",
      input: up([p(DAY_50, 45)]),
      today: DAY_59,
      expected: { status: "on_track", percentOfWay: 45 },
    },
    {
      name: "just outside the tolerance (44.9 on day 50) → behind",
      input: up([p(DAY_50, 44.9)]),
      today: DAY_59,
      expected: { status: "behind", percentOfWay: 44.9, expectedToday: 59 },
    },
    {
      name: "far behind (10 on day 50) → behind",
      input: up([p(DAY_50, 10)]),
      today: DAY_59,
      expected: { status: "behind", percentOfWay: 10 },
    },
    {
      name: "judged on the line at the latest value's date, not today (25 on day 25, seen day 59)",
      input: up([p(DAY_25, 25)]),
      today: DAY_59,
      expected: { status: "on_track", percentOfWay: 25, expectedToday: 59, latest: p(DAY_25, 25) },
    },
    {
      name: "progress recorded today counts (59 on day 59)",
      input: up([p(DAY_59, 59)]),
      today: DAY_59,
      expected: { status: "on_track", percentOfWay: 59, latest: p(DAY_59, 59) },
    },
  ]);
});

describe("decrease targets (import share from 80 to 40, tolerance 2)", () => {
  // Seen on day 59: expected today 80 − 0.4 × 59 = 56.4. On day 50 the line is at 60.
  runCases([
    {
      name: "exactly on the line (60 on day 50) → on track",
      input: down([p(DAY_50, 60)]),
      today: DAY_59,
      expected: { status: "on_track", expectedToday: 56.4, percentOfWay: 50, daysToDeadline: 41 },
    },
    {
      name: "ahead of the line (50 on day 50) → on track",
      input: down([p(DAY_50, 50)]),
      today: DAY_59,
      expected: { status: "on_track", percentOfWay: 75 },
    },
    {
      name: "within the tolerance (62 on day 50, line 60 + 2) → on track",
      input: down([p(DAY_50, 62)]),
      today: DAY_59,
      expected: { status: "on_track", percentOfWay: 45 },
    },
    {
      name: "just outside the tolerance (62.1 on day 50) → behind",
      input: down([p(DAY_50, 62.1)]),
      today: DAY_59,
      expected: { status: "behind", percentOfWay: 44.75 },
    },
    {
      name: "moving the wrong way (85) → behind with a negative percentage",
      input: down([p(DAY_50, 85)]),
      today: DAY_59,
      expected: { status: "behind", percentOfWay: -12.5 },
    },
    {
      name: "at the target (40) → achieved",
      input: down([p(DAY_50, 40)]),
      today: DAY_59,
      expected: { status: "achieved", percentOfWay: 100, stale: false },
    },
    {
      name: "below the target (30) → achieved",
      input: down([p(DAY_50, 30)]),
      today: DAY_59,
      expected: { status: "achieved", percentOfWay: 125 },
    },
    {
      name: "above the target (40.5) on the deadline day, seen later → overdue, unverified",
      input: down([p(DUE, 40.5)]),
      today: AFTER_DUE,
      expected: { status: "overdue_unverified", percentOfWay: 98.75, expectedToday: 40, daysToDeadline: -20 },
    },
    {
      name: "not met, 45 recorded after the deadline → missed",
      input: down([p(DAY_50, 60), p("2025-04-20", 45)]),
      today: AFTER_DUE,
      expected: { status: "missed", percentOfWay: 87.5, stale: false },
    },
    {
      name: "met only after the deadline (40 on 2025-04-20) → missed",
      input: down([p("2025-04-20", 40)]),
      today: AFTER_DUE,
      expected: { status: "missed", percentOfWay: 100 },
    },
  ]);
});

describe("baseline equal to target (no division by zero)", () => {
  const flatUp = (progress: ProgressPoint[]) => up(progress, { baselineValue: 50, targetValue: 50 });
  const flatDown = (progress: ProgressPoint[]) => down(progress, { baselineValue: 30, targetValue: 30 });
  runCases([
    {
      name: "increase, met (50 of 50) → achieved, 100%",
      input: flatUp([p(DAY_50, 50)]),
      today: DAY_59,
      expected: { status: "achieved", percentOfWay: 100, expectedToday: 50 },
    },
    {
      name: "increase, exceeded (60 of 50) → achieved, 100%",
      input: flatUp([p(DAY_50, 60)]),
      today: DAY_59,
      expected: { status: "achieved", percentOfWay: 100 },
    },
    {
      name: "increase, not met (40 of 50) → behind, 0%",
      input: flatUp([p(DAY_50, 40)]),
      today: DAY_59,
      expected: { status: "behind", percentOfWay: 0, expectedToday: 50 },
    },
    {
      name: "increase, not met, recorded after the deadline → missed, 0%",
      input: flatUp([p("2025-04-20", 40)]),
      today: AFTER_DUE,
      expected: { status: "missed", percentOfWay: 0, expectedToday: 50 },
    },
    {
      name: "decrease, met (30 of 30) → achieved, 100%",
      input: flatDown([p(DAY_50, 30)]),
      today: DAY_59,
      expected: { status: "achieved", percentOfWay: 100, expectedToday: 30 },
    },
    {
      name: "decrease, not met (35 of 30) → behind, 0%",
      input: flatDown([p(DAY_50, 35)]),
      today: DAY_59,
      expected: { status: "behind", percentOfWay: 0, expectedToday: 30 },
    },
  ]);
});

describe("which progress counts", () => {
  runCases([
    {
      name: "progress dated before the baseline is ignored → no data",
      input: up([p("2024-12-31", 100)]),
      today: DAY_59,
      expected: { status: "no_data", latest: null, percentOfWay: null },
    },
    {
      name: "progress dated after today is ignored → no data",
      input: up([p("2025-03-02", 100)]),
      today: DAY_59,
      expected: { status: "no_data", latest: null, percentOfWay: null },
    },
    {
      name: "only the point between baseline and today counts (future 100 does not make it achieved)",
      input: up([p("2024-12-31", 100), p(DAY_50, 50), p("2025-03-02", 100)]),
      today: DAY_59,
      expected: { status: "on_track", latest: p(DAY_50, 50), percentOfWay: 50 },
    },
    {
      name: "a future post-deadline point does not turn overdue into missed",
      input: up([p(DAY_50, 50), p("2025-06-01", 70)]),
      today: AFTER_DUE,
      expected: { status: "overdue_unverified", latest: p(DAY_50, 50) },
    },
    {
      name: "a value that is not a number is ignored",
      input: up([p(DAY_50, Number.NaN)]),
      today: DAY_59,
      expected: { status: "no_data", latest: null },
    },
    {
      name: "several updates on one date: the one listed last wins (40 then 50 → 50, on track)",
      input: up([p(DAY_50, 40), p(DAY_50, 50)]),
      today: DAY_59,
      expected: { status: "on_track", latest: p(DAY_50, 50), percentOfWay: 50 },
    },
    {
      name: "several updates on one date: the one listed last wins (50 then 40 → 40, behind)",
      input: up([p(DAY_50, 50), p(DAY_50, 40)]),
      today: DAY_59,
      expected: { status: "behind", latest: p(DAY_50, 40), percentOfWay: 40 },
    },
    {
      name: "a later correction on the same date below the target → not achieved",
      input: up([p(DAY_50, 100), p(DAY_50, 60)]),
      today: DAY_59,
      expected: { status: "on_track", latest: p(DAY_50, 60) },
    },
    {
      name: "a later correction on the same date up to the target → achieved",
      input: up([p(DAY_50, 60), p(DAY_50, 100)]),
      today: DAY_59,
      expected: { status: "achieved", latest: p(DAY_50, 100) },
    },
    {
      name: "unordered input: the latest date wins wherever it is listed (first)",
      input: up([p(DAY_50, 50), p("2025-01-10", 5), p("2025-02-01", 30)]),
      today: DAY_59,
      expected: { status: "on_track", latest: p(DAY_50, 50) },
    },
    {
      name: "unordered input: the latest date wins wherever it is listed (middle)",
      input: up([p("2025-02-01", 30), p(DAY_50, 50), p("2025-01-10", 5)]),
      today: DAY_59,
      expected: { status: "on_track", latest: p(DAY_50, 50) },
    },
    {
      name: "unordered input: a post-deadline point listed first still makes it missed",
      input: up([p("2025-04-20", 70), p(DAY_50, 50)]),
      today: AFTER_DUE,
      expected: { status: "missed", latest: p("2025-04-20", 70) },
    },
  ]);
});

describe("no progress and no deadline", () => {
  runCases([
    {
      name: "no progress, deadline in the future → no data",
      input: up(),
      today: DAY_59,
      expected: {
        status: "no_data",
        expectedToday: 59,
        daysToDeadline: 41,
        percentOfWay: null,
        latest: null,
      },
    },
    {
      name: "no deadline, progress not met → undated",
      input: up([p(DAY_50, 50)], { dueOn: null }),
      today: DAY_59,
      expected: { status: "undated", expectedToday: null, daysToDeadline: null, percentOfWay: 50 },
    },
    {
      name: "no deadline, target met → achieved",
      input: up([p(DAY_50, 100)], { dueOn: null }),
      today: DAY_59,
      expected: { status: "achieved", expectedToday: null, daysToDeadline: null, percentOfWay: 100 },
    },
    {
      name: "no deadline, decrease target met → achieved",
      input: down([p(DAY_50, 39)], { dueOn: null }),
      today: DAY_59,
      expected: { status: "achieved", percentOfWay: 102.5 },
    },
    {
      name: "no deadline, no progress → no data",
      input: up([], { dueOn: null }),
      today: DAY_59,
      expected: {
        status: "no_data",
        expectedToday: null,
        daysToDeadline: null,
        percentOfWay: null,
        latest: null,
      },
    },
  ]);
});

describe("withdrawn overrides everything", () => {
  runCases([
    {
      name: "withdrawn although the target was met",
      input: up([p(DAY_50, 100)], { withdrawnOn: "2025-02-25" }),
      today: DAY_59,
      expected: { status: "withdrawn", stale: false },
    },
    {
      name: "withdrawn Xiaomi commitment: not overdue, not stale",
      input: xiaomi([], { withdrawnOn: "2025-06-01" }),
      today: "2026-11-25",
      expected: { status: "withdrawn", stale: false, daysToDeadline: -329 },
    },
    {
      name: "withdrawn although progress after the deadline would make it missed",
      input: up([p("2025-04-20", 70)], { withdrawnOn: "2025-04-25" }),
      today: AFTER_DUE,
      expected: { status: "withdrawn", stale: false },
    },
    {
      name: "withdrawn with no progress and a deadline ahead",
      input: up([], { withdrawnOn: "2025-02-01" }),
      today: DAY_59,
      expected: { status: "withdrawn", stale: false },
    },
    {
      name: "withdrawn without a deadline and with old evidence: not stale",
      input: up([p("2025-01-10", 5)], { dueOn: null, withdrawnOn: "2025-02-01" }),
      today: "2027-01-01",
      expected: { status: "withdrawn", stale: false },
    },
  ]);
});

describe("stale evidence", () => {
  // Without a deadline: baseline 2023-01-01, last update 2024-01-01 (2024 is a leap year: 365 days to 2024-12-31).
  const undated = (progress: ProgressPoint[]) =>
    up(progress, { baselineDate: "2023-01-01", dueOn: null, targetValue: 100 });
  // A long line: 0 on 2020-01-01 to 100 on 2030-12-31.
  const long = (progress: ProgressPoint[]) =>
    up(progress, { baselineDate: "2020-01-01", dueOn: "2030-12-31" });
  runCases([
    {
      name: "undated, latest update exactly 365 days old → not stale",
      input: undated([p("2024-01-01", 10)]),
      today: "2024-12-31",
      expected: { status: "undated", stale: false },
    },
    {
      name: "undated, latest update 366 days old → stale",
      input: undated([p("2024-01-01", 10)]),
      today: "2025-01-01",
      expected: { status: "undated", stale: true },
    },
    {
      name: "no data, baseline exactly 365 days old → not stale",
      input: up([], { baselineDate: "2024-01-01", dueOn: "2030-12-31" }),
      today: "2024-12-31",
      expected: { status: "no_data", stale: false },
    },
    {
      name: "no data, baseline 366 days old → stale",
      input: up([], { baselineDate: "2024-01-01", dueOn: "2030-12-31" }),
      today: "2025-01-01",
      expected: { status: "no_data", stale: true },
    },
    {
      name: "behind with an update 517 days old → stale",
      input: long([p("2024-01-01", 10)]),
      today: "2025-06-01",
      expected: { status: "behind", stale: true },
    },
    {
      name: "overdue, last update exactly 365 days old → not stale",
      input: up([p(DAY_50, 50)]),
      today: "2026-02-20",
      expected: { status: "overdue_unverified", stale: false },
    },
    {
      name: "overdue, last update 366 days old → stale",
      input: up([p(DAY_50, 50)]),
      today: "2026-02-21",
      expected: { status: "overdue_unverified", stale: true },
    },
    {
      name: "achieved with evidence five years old → not stale (closed)",
      input: long([p("2020-06-01", 100)]),
      today: "2025-06-01",
      expected: { status: "achieved", stale: false },
    },
    {
      name: "missed with evidence 407 days old → not stale (closed)",
      input: up([p("2025-04-20", 70)]),
      today: "2026-06-01",
      expected: { status: "missed", stale: false },
    },
  ]);
});

describe("leap days and month precision", () => {
  // Day precision, due on the leap day 2028-02-29: baseline 0 on 2028-01-01, 59 days before.
  const leap = (progress: ProgressPoint[] = []) =>
    up(progress, { baselineDate: "2028-01-01", dueOn: endOfPeriod("2028-02-29", "day") });
  // Month precision "by February 2027": due 2027-02-28, baseline 0 on 2027-01-01, 58 days before.
  const feb2027 = (progress: ProgressPoint[] = []) =>
    up(progress, { baselineDate: "2027-01-01", dueOn: endOfPeriod("2027-02-01", "month") });

  it("due dates come out as expected", () => {
    expect(leap().dueOn).toBe("2028-02-29");
    expect(feb2027().dueOn).toBe("2027-02-28");
  });

  runCases([
    {
      name: "leap-day deadline, seen 28 Feb 2028 → one day to go",
      input: leap(),
      today: "2028-02-28",
      expected: { status: "no_data", daysToDeadline: 1, expectedToday: (100 * 58) / 59 },
    },
    {
      name: "leap-day deadline, seen on 29 Feb 2028 → due today, not overdue",
      input: leap(),
      today: "2028-02-29",
      expected: { status: "no_data", daysToDeadline: 0, expectedToday: 100 },
    },
    {
      name: "leap-day deadline, seen on 1 Mar 2028 → overdue, unverified",
      input: leap(),
      today: "2028-03-01",
      expected: { status: "overdue_unverified", daysToDeadline: -1 },
    },
    {
      name: "leap-day deadline, met on 29 Feb 2028 → achieved",
      input: leap([p("2028-02-29", 100)]),
      today: "2028-03-01",
      expected: { status: "achieved", daysToDeadline: -1 },
    },
    {
      name: "leap-day deadline, met on 1 Mar 2028 → missed",
      input: leap([p("2028-03-01", 100)]),
      today: "2028-03-01",
      expected: { status: "missed", daysToDeadline: -1 },
    },
    {
      name: "by February 2027, seen 28 Feb 2027 → due today",
      input: feb2027(),
      today: "2027-02-28",
      expected: { status: "no_data", daysToDeadline: 0, expectedToday: 100 },
    },
    {
      name: "by February 2027, seen 1 Mar 2027 → overdue, unverified",
      input: feb2027(),
      today: "2027-03-01",
      expected: { status: "overdue_unverified", daysToDeadline: -1 },
    },
    {
      name: "by February 2027, met on 28 Feb 2027 → achieved",
      input: feb2027([p("2027-02-28", 100)]),
      today: "2027-03-01",
      expected: { status: "achieved" },
    },
    {
      name: "by February 2027, half way on day 29 (2027-01-30) → on track",
      input: feb2027([p("2027-01-30", 50)]),
      today: "2027-02-01",
      expected: { status: "on_track", daysToDeadline: 27, expectedToday: (100 * 31) / 58 },
    },
  ]);
});

describe("expectedValueOn", () => {
  type Line = Parameters<typeof expectedValueOn>[1];
  const upLine: Line = { baselineValue: 0, baselineDate: BASELINE, targetValue: 100, dueOn: DUE };
  const downLine: Line = { baselineValue: 80, baselineDate: BASELINE, targetValue: 40, dueOn: DUE };
  const instant: Line = { baselineValue: 0, baselineDate: BASELINE, targetValue: 100, dueOn: BASELINE };
  const undated: Line = { baselineValue: 0, baselineDate: BASELINE, targetValue: 100, dueOn: null };

  it.each<{ name: string; date: string; line: Line; expected: number | null }>([
    { name: "increase, halfway (day 50) → midpoint", date: DAY_50, line: upLine, expected: 50 },
    { name: "increase, a quarter of the way (day 25)", date: DAY_25, line: upLine, expected: 25 },
    { name: "increase, on the baseline date → baseline", date: BASELINE, line: upLine, expected: 0 },
    {
      name: "increase, before the baseline → clamped to baseline",
      date: "2024-12-01",
      line: upLine,
      expected: 0,
    },
    { name: "increase, on the due date → target", date: DUE, line: upLine, expected: 100 },
    {
      name: "increase, after the due date → clamped to target",
      date: "2026-01-01",
      line: upLine,
      expected: 100,
    },
    { name: "decrease, halfway (day 50) → midpoint", date: DAY_50, line: downLine, expected: 60 },
    {
      name: "decrease, before the baseline → clamped to baseline",
      date: "2024-06-01",
      line: downLine,
      expected: 80,
    },
    {
      name: "decrease, after the due date → clamped to target",
      date: "2025-12-31",
      line: downLine,
      expected: 40,
    },
    { name: "due on the baseline date, that day → target", date: BASELINE, line: instant, expected: 100 },
    {
      name: "due on the baseline date, the day before → baseline",
      date: "2024-12-31",
      line: instant,
      expected: 0,
    },
    { name: "due on the baseline date, later → target", date: "2025-06-01", line: instant, expected: 100 },
    { name: "no deadline → null", date: DAY_50, line: undated, expected: null },
    {
      name: "Xiaomi, halfway through a two-year line from 2024-01-01 to 2025-12-31 (365 of 730 days)",
      date: "2024-12-31",
      line: { baselineValue: 0, baselineDate: "2024-01-01", targetValue: 50, dueOn: "2025-12-31" },
      expected: 25,
    },
  ])("$name", ({ date, line, expected }) => {
    const actual = expectedValueOn(date, line);
    if (expected === null) expect(actual).toBeNull();
    else {
      expect(Number.isFinite(actual)).toBe(true);
      expect(actual).toBeCloseTo(expected, 9);
    }
  });
});

describe("grid: direction × when × met by the deadline × progress after the deadline", () => {
  // Baseline 2024-01-01, due 2025-12-31 ("by 2025"). One update on 2025-06-30 (met or not); optionally
  // one on 2026-02-15, after the deadline, with the opposite outcome (a late success, or a fall-back).
  // Seen before (2025-09-30, 92 days to go), on (2025-12-31) or after (2026-03-31, 90 days past) the
  // deadline. Before or on the deadline, the 2026-02-15 update lies in the future and is ignored.
  // The unmet value is the baseline itself, far below the line on 2025-06-30 (546 of 730 days), so behind.
  type When = "before" | "on" | "after";
  const TODAY: Record<When, string> = { before: "2025-09-30", on: "2025-12-31", after: "2026-03-31" };
  const DAYS_TO_DEADLINE: Record<When, number> = { before: 92, on: 0, after: -90 };
  const VALUES: Record<Direction, { baseline: number; target: number; met: number; notMet: number }> = {
    increase: { baseline: 10, target: 50, met: 50, notMet: 10 },
    decrease: { baseline: 80, target: 40, met: 40, notMet: 80 },
  };
  // Written out by hand from DESIGN.md; the same for both directions.
  const EXPECTED: Record<When, Record<"met" | "not met", Record<"post" | "no post", CommitmentStatus>>> = {
    before: {
      met: { post: "achieved", "no post": "achieved" },
      "not met": { post: "behind", "no post": "behind" },
    },
    on: {
      met: { post: "achieved", "no post": "achieved" },
      "not met": { post: "behind", "no post": "behind" },
    },
    after: {
      met: { post: "achieved", "no post": "achieved" },
      "not met": { post: "missed", "no post": "overdue_unverified" },
    },
  };

  const cases = (["increase", "decrease"] as const).flatMap((direction) =>
    (["before", "on", "after"] as const).flatMap((when) =>
      (["met", "not met"] as const).flatMap((met) =>
        (["post", "no post"] as const).map((post) => {
          const v = VALUES[direction];
          const onTime = p("2025-06-30", met === "met" ? v.met : v.notMet);
          const late = p("2026-02-15", met === "met" ? v.notMet : v.met);
          const input: StatusInput = {
            direction,
            baselineValue: v.baseline,
            baselineDate: "2024-01-01",
            targetValue: v.target,
            dueOn: "2025-12-31",
            withdrawnOn: null,
            progress: post === "post" ? [onTime, late] : [onTime],
          };
          const latest = when === "after" && post === "post" ? late : onTime;
          return {
            name: `${direction}, ${when} the deadline, ${met}, ${post === "post" ? "with" : "without"} post-deadline progress → ${EXPECTED[when][met][post]}`,
            input,
            today: TODAY[when],
            expected: {
              status: EXPECTED[when][met][post],
              daysToDeadline: DAYS_TO_DEADLINE[when],
              latest,
              stale: false,
            } satisfies Expected,
          };
        }),
      ),
    ),
  );

  it("covers 24 combinations", () => {
    expect(cases).toHaveLength(24);
  });

  runCases(cases);
});
