import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import {
  BUCKET_RULES,
  bucketStatuses,
  bucketTiming,
  bucketWindow,
  compareInBucket,
  DEADLINE_BUCKETS,
  deadlineBucketOf,
  deadlineDistance,
  inBucket,
  type BucketSubject,
  type DeadlineBucket,
} from "./deadline-buckets";
import { computeStatus, type StatusInput } from "./status";

// Expected groups and day counts are worked out by hand from the calendar; the status each day
// comes from computeStatus, so these cases travel in time over the same data.

/** Xiaomi's target: 0 to 50 per cent, baseline 29 May 2023, due "by 2025" (31 Dec 2025). */
const XIAOMI: StatusInput = {
  direction: "increase",
  baselineValue: 0,
  baselineDate: "2023-05-29",
  targetValue: 50,
  dueOn: "2025-12-31",
  withdrawnOn: null,
  progress: [],
};
/** The same target, with 20 recorded on 31 Mar 2026: after the deadline, short of it. */
const MISSED: StatusInput = { ...XIAOMI, progress: [{ asOf: "2026-03-31", value: 20 }] };
/** The same target, met early: 55 on 30 Jun 2025. */
const ACHIEVED: StatusInput = { ...XIAOMI, progress: [{ asOf: "2025-06-30", value: 55 }] };
/** 0 to 100 over 100 days (due 11 Apr 2025), halfway on day 50 (20 Feb): on the line. */
const ON_TRACK: StatusInput = {
  direction: "increase",
  baselineValue: 0,
  baselineDate: "2025-01-01",
  targetValue: 100,
  dueOn: "2025-04-11",
  withdrawnOn: null,
  progress: [{ asOf: "2025-02-20", value: 50 }],
};
const BEHIND: StatusInput = { ...ON_TRACK, progress: [{ asOf: "2025-02-20", value: 30 }] };
/** Tesla's plant: no deadline named, nothing recorded. */
const UNDATED: StatusInput = { ...XIAOMI, dueOn: null };
const WITHDRAWN: StatusInput = { ...XIAOMI, withdrawnOn: "2024-01-15" };

function subject(input: StatusInput, today: string): BucketSubject {
  const result = computeStatus(input, today);
  return { status: result.status, dueOn: input.dueOn, latestAsOf: result.latest?.asOf ?? null };
}

type Case = [
  name: string,
  input: StatusInput,
  today: string,
  bucket: DeadlineBucket | null,
  timing: string | null,
];

describe("deadlineBucketOf, travelling in time over the same commitments", () => {
  it.each<Case>([
    ["Xiaomi, the day it was announced: nearly three years to go", XIAOMI, "2023-05-29", null, null],
    ["Xiaomi, 364 days before the deadline", XIAOMI, "2025-01-01", "due_365", "364 days left"],
    ["Xiaomi, 91 days before", XIAOMI, "2025-10-01", "due_365", "91 days left"],
    ["Xiaomi, 90 days before", XIAOMI, "2025-10-02", "due_90", "90 days left"],
    ["Xiaomi, 31 days before", XIAOMI, "2025-11-30", "due_90", "31 days left"],
    ["Xiaomi, 30 days before", XIAOMI, "2025-12-01", "due_30", "30 days left"],
    ["Xiaomi, 1 day before", XIAOMI, "2025-12-30", "due_30", "1 day left"],
    ["Xiaomi, on the due date", XIAOMI, "2025-12-31", "due_30", "Due today"],
    ["Xiaomi, the day after", XIAOMI, "2026-01-01", "overdue_unverified", "1 day overdue"],
    ["Xiaomi, on 25 Nov 2026", XIAOMI, "2026-11-25", "overdue_unverified", "329 days overdue"],
    [
      "Xiaomi, years later: still unverified",
      XIAOMI,
      "2030-01-01",
      "overdue_unverified",
      "1,462 days overdue",
    ],
    ["missed, before the late value is dated", MISSED, "2026-03-30", "overdue_unverified", "89 days overdue"],
    [
      "missed, on the day the late value is dated",
      MISSED,
      "2026-03-31",
      "recently_missed",
      "Deadline passed 90 days ago",
    ],
    [
      "missed, 365 days after the deadline",
      MISSED,
      "2026-12-31",
      "recently_missed",
      "Deadline passed 365 days ago",
    ],
    ["missed, 366 days after: no longer recent", MISSED, "2027-01-01", null, null],
    ["achieved, the day before the value", ACHIEVED, "2025-06-29", "due_365", "185 days left"],
    [
      "achieved, on the day of the value",
      ACHIEVED,
      "2025-06-30",
      "recently_achieved",
      "Met as of 30 Jun 2025 (today)",
    ],
    [
      "achieved, past its deadline",
      ACHIEVED,
      "2026-01-01",
      "recently_achieved",
      "Met as of 30 Jun 2025 (185 days ago)",
    ],
    [
      "achieved, 365 days after the value",
      ACHIEVED,
      "2026-06-30",
      "recently_achieved",
      "Met as of 30 Jun 2025 (365 days ago)",
    ],
    ["achieved, 366 days after: no longer recent", ACHIEVED, "2026-07-01", null, null],
    ["on track, 30 days before", ON_TRACK, "2025-03-12", "due_30", "30 days left"],
    ["behind, 30 days before", BEHIND, "2025-03-12", "due_30", "30 days left"],
    ["behind, 31 days before", BEHIND, "2025-03-11", "due_90", "31 days left"],
    ["no deadline, ever", UNDATED, "2026-11-25", null, null],
    ["withdrawn, before its deadline", WITHDRAWN, "2025-12-01", null, null],
    ["withdrawn, after its deadline", WITHDRAWN, "2026-11-25", null, null],
  ])("%s", (_name, input, today, bucket, timing) => {
    const s = subject(input, today);
    expect(deadlineBucketOf(s, today)).toBe(bucket);
    if (bucket && timing) expect(bucketTiming(bucket, s, today)).toBe(timing);
  });

  it("puts a commitment in at most one group on any day", () => {
    const inputs = [XIAOMI, MISSED, ACHIEVED, ON_TRACK, BEHIND, UNDATED, WITHDRAWN];
    for (let day = 0; day < 4 * 366; day++) {
      const today = addDays("2024-06-01", day);
      for (const input of inputs) {
        const s = subject(input, today);
        const groups = DEADLINE_BUCKETS.filter((b) => inBucket(b, s, today));
        expect(groups.length, `${today} ${JSON.stringify(s)}`).toBeLessThanOrEqual(1);
        expect(deadlineBucketOf(s, today)).toBe(groups[0] ?? null);
      }
    }
  });
});

describe("bucketWindow", () => {
  it.each<[DeadlineBucket, string | null, string | null]>([
    ["overdue_unverified", null, "2026-11-24"],
    ["due_30", "2026-11-25", "2026-12-25"],
    ["due_90", "2026-12-26", "2027-02-23"],
    ["due_365", "2027-02-24", "2027-11-25"],
    ["recently_missed", "2025-11-25", "2026-11-24"],
    ["recently_achieved", "2025-11-25", "2026-11-25"],
  ])("%s on 25 Nov 2026 runs from %s to %s", (bucket, from, to) => {
    expect(bucketWindow(bucket, "2026-11-25")).toEqual({ from, to });
  });

  it("leaves no day between the due-soon bands, across a leap day", () => {
    const today = "2027-12-15";
    const [a, b, c] = (["due_30", "due_90", "due_365"] as const).map((k) => bucketWindow(k, today));
    expect(a!.from).toBe(today);
    expect(addDays(a!.to!, 1)).toBe(b!.from);
    expect(addDays(b!.to!, 1)).toBe(c!.from);
    expect(c!.to).toBe("2028-12-14"); // 2028 has 29 February: 365 days on is the 14th
  });
});

describe("compareInBucket", () => {
  const row = (id: number, dueOn: string | null, latestAsOf: string | null = null) => ({
    id,
    status: "overdue_unverified" as const,
    dueOn,
    latestAsOf,
  });

  it("puts the longest overdue first, then the lower id", () => {
    const rows = [row(3, "2025-12-31"), row(1, "2026-06-30"), row(2, "2025-12-31"), row(4, "2024-03-31")];
    expect(rows.sort(compareInBucket("overdue_unverified")).map((r) => r.id)).toEqual([4, 2, 3, 1]);
  });

  it("puts the soonest due first", () => {
    const rows = [row(1, "2026-12-20"), row(2, "2026-11-25"), row(3, "2026-12-01")];
    expect(rows.sort(compareInBucket("due_30")).map((r) => r.id)).toEqual([2, 3, 1]);
  });

  it("puts the most recent first in the recent groups, the higher id first on a tie", () => {
    const missed = [row(1, "2026-01-31"), row(2, "2026-06-30"), row(3, "2026-06-30")];
    expect(missed.sort(compareInBucket("recently_missed")).map((r) => r.id)).toEqual([3, 2, 1]);
    const achieved = [row(1, null, "2026-02-01"), row(2, null, "2026-10-01"), row(3, null, "2026-05-01")];
    expect(achieved.sort(compareInBucket("recently_achieved")).map((r) => r.id)).toEqual([2, 3, 1]);
  });
});

describe("bucketStatuses", () => {
  it.each<[DeadlineBucket, string[], string[]]>([
    ["due_30", [], ["no_data", "on_track", "behind"]],
    ["due_30", ["behind", "missed"], ["behind"]],
    ["due_30", ["missed"], []],
    ["overdue_unverified", ["overdue_unverified", "behind"], ["overdue_unverified"]],
    ["recently_achieved", ["behind"], []],
  ])("%s filtered by %j shows %j", (bucket, selected, expected) => {
    expect(bucketStatuses(bucket, selected as never)).toEqual(expected);
  });
});

describe("deadlineDistance", () => {
  it.each<[string, string, number, string]>([
    ["2025-12-31", "2026-11-25", -329, "329 days overdue"],
    ["2025-12-31", "2026-01-01", -1, "1 day overdue"],
    ["2025-12-31", "2025-12-31", 0, "Due today"],
    ["2025-12-31", "2025-12-30", 1, "1 day left"],
    ["2030-12-31", "2026-11-25", 1497, "1,497 days left"],
  ])("%s seen on %s", (dueOn, today, days, text) => {
    expect(deadlineDistance(dueOn, today)).toEqual({ days, text });
  });
});

describe("BUCKET_RULES", () => {
  it("describes every group, and only open statuses are due soon", () => {
    for (const bucket of DEADLINE_BUCKETS) {
      const rule = BUCKET_RULES[bucket];
      expect(rule.title.length).toBeGreaterThan(0);
      expect(rule.description.length).toBeGreaterThan(0);
      if (bucket.startsWith("due_")) expect(rule.statuses).toEqual(["no_data", "on_track", "behind"]);
    }
  });
});
