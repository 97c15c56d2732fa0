import { expectedValueOn, type ProgressPoint, type StatusInput } from "./status";

// The data behind a commitment's chart, shaped here so the chart component only draws it and the
// same rows can be printed as the chart's text equivalent.

export type SeriesRow = {
  date: string;
  /** Milliseconds since the epoch at UTC midnight, for a time-scaled axis. */
  t: number;
  /** A recorded progress value, if one was recorded on this date. */
  recorded: number | null;
  /** The straight line from baseline to target on this date (null without a deadline). */
  expected: number | null;
};

export type ProgressSeries = {
  rows: SeriesRow[];
  target: number;
  dueOn: string | null;
  dueT: number | null;
  /** Today, so the chart shows how far past (or before) the deadline we are. */
  todayT: number;
};

const toT = (date: string) => Date.parse(`${date}T00:00:00Z`);

export function progressSeries(
  c: Pick<StatusInput, "baselineValue" | "baselineDate" | "targetValue" | "dueOn">,
  progress: readonly ProgressPoint[],
  today: string,
): ProgressSeries {
  const byDate = new Map<string, number | null>();
  byDate.set(c.baselineDate, null);
  if (c.dueOn) byDate.set(c.dueOn, null);
  // Several updates on one date: the last one listed is the one that counts, as in computeStatus.
  for (const p of progress) byDate.set(p.asOf, p.value);

  const rows = [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, recorded]) => ({
      date,
      t: toT(date),
      recorded,
      expected: c.dueOn && date >= c.baselineDate && date <= c.dueOn ? expectedValueOn(date, c) : null,
    }));
  return {
    rows,
    target: c.targetValue,
    dueOn: c.dueOn,
    dueT: c.dueOn ? toT(c.dueOn) : null,
    todayT: toT(today),
  };
}
