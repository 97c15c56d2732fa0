import { addDays, daysBetween, formatIndiaDate } from "./dates";
import { formatCount } from "./format";
import type { CommitmentStatus } from "./status";

// The reviewers' deadline view sorts commitments into groups by what needs attention: outcomes
// nobody has checked, deadlines coming up, and what was recently settled either way. A group is a
// set of statuses and a window of days around today on one date, so the same rule can be applied
// here to one commitment and in SQL (db/queries/deadlines.ts) to a hundred thousand, and tests can
// hold the two against each other.
//
// The due-soon groups are bands that do not overlap (0–30, 31–90, 91–365 days), so a commitment
// is listed once, in the most urgent group it belongs to.

export const DEADLINE_BUCKETS = [
  "overdue_unverified",
  "due_30",
  "due_90",
  "due_365",
  "recently_missed",
  "recently_achieved",
] as const;
export type DeadlineBucket = (typeof DEADLINE_BUCKETS)[number];

/** Statuses of a commitment whose deadline is still ahead and whose outcome is open. */
export const OPEN_STATUSES = ["no_data", "on_track", "behind"] as const satisfies readonly CommitmentStatus[];

/** How far back "recently" reaches, in days. */
export const RECENT_DAYS = 365;

export type BucketRule = {
  title: string;
  /** One sentence for people: what is in the group and in what order. */
  description: string;
  statuses: readonly CommitmentStatus[];
  /** The date the window applies to: the deadline, or the date of the latest recorded value. */
  date: "dueOn" | "latestAsOf";
  /** First and last day of the window, in days from today (negative is past); null is unbounded. */
  fromDays: number | null;
  toDays: number | null;
  /** By the date: "asc" puts the oldest (longest overdue, soonest due) first. Ties go by id the same way. */
  order: "asc" | "desc";
};

export const BUCKET_RULES: Record<DeadlineBucket, BucketRule> = {
  overdue_unverified: {
    title: "Overdue and unverified",
    description:
      "The deadline has passed and nothing has been recorded since, so nobody knows whether the target was met. Longest overdue first.",
    statuses: ["overdue_unverified"],
    date: "dueOn",
    fromDays: null,
    toDays: -1,
    order: "asc",
  },
  due_30: {
    title: "Due within 30 days",
    description: "Open commitments due today or in the next 30 days. Soonest first.",
    statuses: OPEN_STATUSES,
    date: "dueOn",
    fromDays: 0,
    toDays: 30,
    order: "asc",
  },
  due_90: {
    title: "Due in 31 to 90 days",
    description: "Open commitments due in 31 to 90 days. Soonest first.",
    statuses: OPEN_STATUSES,
    date: "dueOn",
    fromDays: 31,
    toDays: 90,
    order: "asc",
  },
  due_365: {
    title: "Due in 91 to 365 days",
    description: "Open commitments due in 91 days to a year. Soonest first.",
    statuses: OPEN_STATUSES,
    date: "dueOn",
    fromDays: 91,
    toDays: 365,
    order: "asc",
  },
  recently_missed: {
    title: "Recently missed",
    description: `Deadlines passed in the last ${RECENT_DAYS} days with the target not met, as progress recorded since shows. Most recent deadline first.`,
    statuses: ["missed"],
    date: "dueOn",
    fromDays: -RECENT_DAYS,
    toDays: -1,
    order: "desc",
  },
  recently_achieved: {
    title: "Recently achieved",
    description: `Targets met, with the latest value recorded in the last ${RECENT_DAYS} days. Most recent first.`,
    statuses: ["achieved"],
    date: "latestAsOf",
    fromDays: -RECENT_DAYS,
    toDays: 0,
    order: "desc",
  },
};

export type DateWindow = { from: string | null; to: string | null };

/** The group's window as calendar dates, both ends included. */
export function bucketWindow(bucket: DeadlineBucket, today: string): DateWindow {
  const { fromDays, toDays } = BUCKET_RULES[bucket];
  return {
    from: fromDays === null ? null : addDays(today, fromDays),
    to: toDays === null ? null : addDays(today, toDays),
  };
}

/** What the grouping reads of a commitment: its status on `today` and two dates. */
export type BucketSubject = {
  status: CommitmentStatus;
  dueOn: string | null;
  latestAsOf: string | null;
};

function inWindow(date: string | null, window: DateWindow): boolean {
  if (date === null) return false;
  return (window.from === null || date >= window.from) && (window.to === null || date <= window.to);
}

/** Whether a commitment, with its status on `today`, belongs in the group. */
export function inBucket(bucket: DeadlineBucket, subject: BucketSubject, today: string): boolean {
  const rule = BUCKET_RULES[bucket];
  return rule.statuses.includes(subject.status) && inWindow(subject[rule.date], bucketWindow(bucket, today));
}

/** The group a commitment belongs in on `today`, or null when it needs no attention. */
export function deadlineBucketOf(subject: BucketSubject, today: string): DeadlineBucket | null {
  return DEADLINE_BUCKETS.find((bucket) => inBucket(bucket, subject, today)) ?? null;
}

/** The order within a group, as the SQL gives it: by the group's date, then by id, the same way. */
export function compareInBucket(
  bucket: DeadlineBucket,
): (a: BucketSubject & { id: number }, b: BucketSubject & { id: number }) => number {
  const { date, order } = BUCKET_RULES[bucket];
  const sign = order === "asc" ? 1 : -1;
  return (a, b) => {
    const x = a[date] ?? "";
    const y = b[date] ?? "";
    return sign * (x < y ? -1 : x > y ? 1 : a.id - b.id);
  };
}

/** The statuses a group shows when the view is also filtered by status: none in common means nothing. */
export function bucketStatuses(
  bucket: DeadlineBucket,
  selected: readonly CommitmentStatus[],
): CommitmentStatus[] {
  const own = BUCKET_RULES[bucket].statuses;
  return selected.length === 0 ? [...own] : own.filter((s) => selected.includes(s));
}

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/**
 * How a deadline stands on `today`, in words a reviewer scans: "329 days overdue", "Due today",
 * "12 days left". Negative `days` is past the deadline.
 */
export function deadlineDistance(dueOn: string, today: string): { days: number; text: string } {
  const days = daysBetween(today, dueOn);
  if (days === 0) return { days, text: "Due today" };
  return days < 0
    ? { days, text: `${plural(-days, "day", "days")} overdue` }
    : { days, text: `${plural(days, "day", "days")} left` };
}

/** What the timing column says for a commitment in a group. */
export function bucketTiming(bucket: DeadlineBucket, subject: BucketSubject, today: string): string {
  if (bucket === "recently_achieved") {
    if (!subject.latestAsOf) return "—";
    const ago = daysBetween(subject.latestAsOf, today);
    const when = ago === 0 ? "today" : `${plural(ago, "day", "days")} ago`;
    return `Met as of ${formatIndiaDate(subject.latestAsOf)} (${when})`;
  }
  if (!subject.dueOn) return "No deadline";
  if (bucket === "recently_missed") {
    const past = -daysBetween(today, subject.dueOn);
    return `Deadline passed ${plural(past, "day", "days")} ago`;
  }
  return deadlineDistance(subject.dueOn, today).text;
}
