import type { DeadlinePrecision } from "./vocabulary";

// Calendar dates are ISO strings (YYYY-MM-DD). A commitment falls due at the end of its due date
// in India, so "today" is always the calendar date in India Standard Time (UTC+05:30, no DST).
const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar date in India at the given instant. */
export function indiaDate(instant: Date): string {
  return new Date(instant.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/** True for a real calendar date written as YYYY-MM-DD (so 2023-02-29 is false, 2024-02-29 true). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2200) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function toUtcMs(isoDate: string): number {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new RangeError(`Not an ISO date: ${isoDate}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

export function addDays(isoDate: string, days: number): string {
  return new Date(toUtcMs(isoDate) + days * DAY_MS).toISOString().slice(0, 10);
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * The due date of a deadline named with a precision: the last day of the year, quarter or month,
 * or the day itself. `date` is any day inside the period.
 */
export function endOfPeriod(date: string, precision: DeadlinePrecision): string {
  const m = ISO_DATE.exec(date);
  if (!m || !isIsoDate(date)) throw new RangeError(`Not an ISO date: ${date}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  switch (precision) {
    case "day":
      return date;
    case "month":
      return `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`;
    case "quarter": {
      const lastMonth = Math.ceil(month / 3) * 3;
      return `${year}-${pad(lastMonth)}-${pad(lastDayOfMonth(year, lastMonth))}`;
    }
    case "year":
      return `${year}-12-31`;
  }
}

/** True when `dueOn` is the last day of a period of that precision, as stored due dates must be. */
export function isEndOfPeriod(dueOn: string, precision: DeadlinePrecision): boolean {
  return isIsoDate(dueOn) && endOfPeriod(dueOn, precision) === dueOn;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** A deadline as the company put it: "by 2025", "by Q3 2025", "by June 2025", "by 30 June 2025". */
export function deadlineLabel(dueOn: string | null, precision: DeadlinePrecision | null): string {
  if (!dueOn || !precision) return "No deadline stated";
  const [y, mo, d] = dueOn.split("-").map(Number) as [number, number, number];
  switch (precision) {
    case "year":
      return `by ${y}`;
    case "quarter":
      return `by Q${Math.ceil(mo / 3)} ${y}`;
    case "month":
      return `by ${MONTHS[mo - 1]} ${y}`;
    case "day":
      return `by ${d} ${MONTHS[mo - 1]} ${y}`;
  }
}

/** A calendar date for people in India: "31 Dec 2025". */
export function formatIndiaDate(isoDate: string | null): string {
  if (!isoDate || !isIsoDate(isoDate)) return "—";
  const [y, mo, d] = isoDate.split("-").map(Number) as [number, number, number];
  return `${d} ${MONTHS[mo - 1]!.slice(0, 3)} ${y}`;
}

/** An instant as a time in India: "25 Nov 2026, 09:05 IST". */
export function formatIndiaDateTime(instant: Date): string {
  if (Number.isNaN(instant.getTime())) return "—";
  const shifted = new Date(instant.getTime() + IST_OFFSET_MS).toISOString();
  return `${formatIndiaDate(shifted.slice(0, 10))}, ${shifted.slice(11, 16)} IST`;
}
