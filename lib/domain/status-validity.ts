import { addDays } from "./dates";
import { computeStatus, STALE_AFTER_DAYS, type StatusInput, type StatusResult } from "./status";

// computeStatus depends on today's date, so a stored status is only good for a while. This finds
// how long, from the same rules, so that a summary table can recompute a status exactly when it
// may change and not every day. Only three things in computeStatus move with the calendar:
//   1. a progress update dated in the future becomes usable evidence on its as-of date;
//   2. the day after the due date, an open commitment becomes missed or overdue-unverified;
//   3. an open commitment's evidence becomes stale STALE_AFTER_DAYS + 1 days after its date.
// expectedToday and daysToDeadline move every day, which is why they are derived when read, never stored.

/** "Never changes, whatever the date": the last day an ISO date string can name. */
export const VALID_FOREVER = "9999-12-31";

const CLOSED = new Set<StatusResult["status"]>(["achieved", "missed", "withdrawn"]);

/** The day after `date`, or VALID_FOREVER when that would leave the four-digit years. */
function dayAfter(date: string): string {
  return date >= VALID_FOREVER ? VALID_FOREVER : addDays(date, 1);
}

function inFuture(date: string, today: string): string {
  return date > today ? date : VALID_FOREVER;
}

/**
 * The first date after `today` on which computeStatus could give this commitment a different
 * status, stale flag, latest evidence or per cent of the way, or VALID_FOREVER when no date can.
 * Every day from `today` up to the day before the result gives the same values as `today`.
 * `result` may be passed when the caller has already computed the status for `today`.
 */
export function statusValidUntil(
  input: StatusInput,
  today: string,
  result: StatusResult = computeStatus(input, today),
): string {
  let until = VALID_FOREVER;
  const earliest = (date: string) => {
    if (date < until) until = date;
  };

  // 1. The next progress update to become usable (computeStatus ignores those before the baseline
  // or without a finite value on every date, so they never count).
  for (const p of input.progress) {
    if (p.asOf > today && p.asOf >= input.baselineDate && Number.isFinite(p.value)) earliest(p.asOf);
  }

  // A withdrawn or achieved commitment keeps its status whatever the date; only new evidence
  // (point 1) can change what is shown with it.
  if (result.status === "withdrawn" || result.status === "achieved") return until;

  // 2. Passing the due date.
  if (input.dueOn && input.dueOn >= today) earliest(dayAfter(input.dueOn));

  // 3. Evidence going stale: only open commitments can be stale, and a stale one stays stale until
  // new evidence (point 1) or a closing status (point 2) arrives.
  if (!CLOSED.has(result.status) && !result.stale) {
    const evidenceDate = result.latest?.asOf ?? input.baselineDate;
    const flips = evidenceDate >= VALID_FOREVER ? VALID_FOREVER : addDays(evidenceDate, STALE_AFTER_DAYS + 1);
    earliest(inFuture(flips.length === 10 ? flips : VALID_FOREVER, today));
  }
  return until;
}
