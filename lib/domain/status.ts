import { daysBetween } from "./dates";
import type { Direction } from "./vocabulary";

// Status is computed from the commitment, its published progress and today's date; it is never
// stored or typed in. The methodology page renders these constants and rules, so it cannot drift.

/** How far below the straight line to target a value may be and still count as on track. */
export const ON_TRACK_TOLERANCE = 0.05; // 5% of the distance from baseline to target
/** Evidence older than this many days is stale for a commitment that is still open. */
export const STALE_AFTER_DAYS = 365;

export const STATUSES = [
  "achieved",
  "missed",
  "overdue_unverified",
  "on_track",
  "behind",
  "no_data",
  "undated",
  "withdrawn",
] as const;
export type CommitmentStatus = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<CommitmentStatus, string> = {
  achieved: "Achieved",
  missed: "Missed",
  overdue_unverified: "Overdue, unverified",
  on_track: "On track",
  behind: "Behind",
  no_data: "No data",
  undated: "In progress, no deadline",
  withdrawn: "Withdrawn",
};

export const STATUS_RULES: Record<CommitmentStatus, string> = {
  withdrawn: "The company or a reviewer withdrew the commitment. Nothing else is computed.",
  achieved:
    "The latest value recorded on or before the deadline meets the target (at or above it for an increase, at or below it for a decrease).",
  missed:
    "The deadline has passed, the target was not met by then, and progress has been recorded after the deadline, so the outcome is known.",
  overdue_unverified:
    "The deadline has passed, the target was not met by then, and nothing has been recorded since the deadline: the outcome is unknown and needs a reviewer.",
  on_track: `The latest value is at or beyond the straight line from baseline to target on the date it was recorded, allowing ${ON_TRACK_TOLERANCE * 100}% of the distance from baseline to target.`,
  behind:
    "The latest value falls short of the straight line from baseline to target by more than the tolerance.",
  no_data: "No progress has been recorded since the baseline.",
  undated:
    "Progress is recorded but the company named no deadline, so there is no line to be on or off; it becomes achieved when the target is met.",
};

export type ProgressPoint = { asOf: string; value: number };

export type StatusInput = {
  direction: Direction;
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  /** Last day of the deadline's period, or null when no deadline was stated. */
  dueOn: string | null;
  withdrawnOn: string | null;
  /** Published progress only, in any order. */
  progress: readonly ProgressPoint[];
};

export type StatusResult = {
  status: CommitmentStatus;
  /** The value the straight line from baseline to target gives for today (null without a deadline). */
  expectedToday: number | null;
  /** How far the latest value has moved from baseline towards target, in per cent (null without progress). */
  percentOfWay: number | null;
  /** Days from today to the due date: 0 on the due date, negative once past (null without a deadline). */
  daysToDeadline: number | null;
  /** The latest progress since the baseline that is not dated in the future. */
  latest: ProgressPoint | null;
  /** True when an open commitment's latest evidence (or its baseline) is older than STALE_AFTER_DAYS. */
  stale: boolean;
};

export function meetsTarget(value: number, target: number, direction: Direction): boolean {
  return direction === "increase" ? value >= target : value <= target;
}

/** The straight line from (baselineDate, baselineValue) to (dueOn, targetValue), held flat outside it. */
export function expectedValueOn(
  date: string,
  c: Pick<StatusInput, "baselineValue" | "baselineDate" | "targetValue" | "dueOn">,
): number | null {
  if (!c.dueOn) return null;
  const span = daysBetween(c.baselineDate, c.dueOn);
  const elapsed = daysBetween(c.baselineDate, date);
  const fraction = span <= 0 ? (elapsed >= 0 ? 1 : 0) : Math.min(1, Math.max(0, elapsed / span));
  return c.baselineValue + (c.targetValue - c.baselineValue) * fraction;
}

export function percentOfWay(value: number, baseline: number, target: number, direction: Direction): number {
  if (target === baseline) return meetsTarget(value, target, direction) ? 100 : 0;
  return ((value - baseline) / (target - baseline)) * 100;
}

function isOnLine(value: number, expected: number, c: StatusInput): boolean {
  const allowance = Math.abs(c.targetValue - c.baselineValue) * ON_TRACK_TOLERANCE;
  return c.direction === "increase" ? value >= expected - allowance : value <= expected + allowance;
}

/** Sorted by date; among points on the same date the one listed last wins. */
function latestOf(points: readonly ProgressPoint[]): ProgressPoint | null {
  let latest: ProgressPoint | null = null;
  for (const p of points) if (!latest || p.asOf >= latest.asOf) latest = p;
  return latest;
}

/**
 * The status of a commitment on `today` (an ISO date in India; see indiaDate).
 * Progress dated before the baseline or after today is not evidence of progress and is ignored.
 */
export function computeStatus(c: StatusInput, today: string): StatusResult {
  const usable = c.progress.filter(
    (p) => p.asOf >= c.baselineDate && p.asOf <= today && Number.isFinite(p.value),
  );
  const latest = latestOf(usable);
  const daysToDeadline = c.dueOn ? daysBetween(today, c.dueOn) : null;
  const expectedToday = expectedValueOn(today, c);
  const pct = latest ? percentOfWay(latest.value, c.baselineValue, c.targetValue, c.direction) : null;

  const result = (status: CommitmentStatus): StatusResult => {
    const open = status !== "achieved" && status !== "missed" && status !== "withdrawn";
    const evidenceDate = latest?.asOf ?? c.baselineDate;
    const stale = open && daysBetween(evidenceDate, today) > STALE_AFTER_DAYS;
    return { status, expectedToday, percentOfWay: pct, daysToDeadline, latest, stale };
  };

  if (c.withdrawnOn) return result("withdrawn");

  const dueOn = c.dueOn;
  const onTime = dueOn ? usable.filter((p) => p.asOf <= dueOn) : usable;
  const latestOnTime = latestOf(onTime);
  if (latestOnTime && meetsTarget(latestOnTime.value, c.targetValue, c.direction)) return result("achieved");

  if (dueOn && today > dueOn) {
    return result(usable.some((p) => p.asOf > dueOn) ? "missed" : "overdue_unverified");
  }
  if (!latest) return result("no_data");
  if (!dueOn) return result("undated");

  const expected = expectedValueOn(latest.asOf, c) as number;
  return result(isOnLine(latest.value, expected, c) ? "on_track" : "behind");
}
