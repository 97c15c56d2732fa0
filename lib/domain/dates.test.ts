import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  deadlineLabel,
  endOfPeriod,
  formatIndiaDate,
  formatIndiaDateTime,
  indiaDate,
  isEndOfPeriod,
  isIsoDate,
} from "./dates";
import type { DeadlinePrecision } from "./vocabulary";

// Every expected value below was worked out by hand from the calendar, not by calling the code.

describe("indiaDate (IST = UTC+05:30, no daylight saving)", () => {
  it.each([
    {
      name: "last millisecond of 31 Dec in India",
      instant: "2025-12-31T18:29:59.999Z",
      expected: "2025-12-31",
    },
    { name: "midnight in India starts 1 Jan", instant: "2025-12-31T18:30:00.000Z", expected: "2026-01-01" },
    {
      name: "UTC midnight is 05:30 the same day in India",
      instant: "2025-12-31T00:00:00.000Z",
      expected: "2025-12-31",
    },
    {
      name: "UTC evening before is already the next day in India",
      instant: "2025-12-30T18:30:00.000Z",
      expected: "2025-12-31",
    },
    {
      name: "just before midnight UTC is next day in India",
      instant: "2025-12-31T23:59:59.999Z",
      expected: "2026-01-01",
    },
    {
      name: "a leap day begins in India at 18:30Z the day before",
      instant: "2024-02-28T18:30:00.000Z",
      expected: "2024-02-29",
    },
    {
      name: "the leap day ends in India at 18:30Z",
      instant: "2024-02-29T18:30:00.000Z",
      expected: "2024-03-01",
    },
    {
      name: "an instant written with the +05:30 offset",
      instant: "2025-06-15T00:00:00+05:30",
      expected: "2025-06-15",
    },
    {
      name: "the Xiaomi review date seen from UTC the evening before",
      instant: "2026-11-24T20:00:00Z",
      expected: "2026-11-25",
    },
  ])("$name: $instant → $expected", ({ instant, expected }) => {
    expect(indiaDate(new Date(instant))).toBe(expected);
  });
});

describe("isIsoDate", () => {
  it.each([
    { name: "an ordinary date", value: "2025-12-31", expected: true },
    { name: "first day of a year", value: "2026-01-01", expected: true },
    { name: "leap day in a leap year (2024)", value: "2024-02-29", expected: true },
    { name: "leap day in a common year (2023)", value: "2023-02-29", expected: false },
    { name: "leap day in a century year not divisible by 400 (1900)", value: "1900-02-29", expected: false },
    { name: "leap day in a century year divisible by 400 (2000)", value: "2000-02-29", expected: true },
    { name: "30 February", value: "2024-02-30", expected: false },
    { name: "31 April", value: "2025-04-31", expected: false },
    { name: "month 13", value: "2025-13-01", expected: false },
    { name: "month 00", value: "2025-00-10", expected: false },
    { name: "day 00", value: "2025-01-00", expected: false },
    { name: "day 32", value: "2025-01-32", expected: false },
    { name: "single-digit month", value: "2025-1-01", expected: false },
    { name: "single-digit day", value: "2025-01-1", expected: false },
    { name: "no separators", value: "20250101", expected: false },
    { name: "slashes", value: "2025/01/01", expected: false },
    { name: "day first (Indian style)", value: "31-12-2025", expected: false },
    { name: "with a time", value: "2025-01-01T00:00:00Z", expected: false },
    { name: "leading space", value: " 2025-01-01", expected: false },
    { name: "trailing newline", value: "2025-01-01\n", expected: false },
    { name: "empty string", value: "", expected: false },
    { name: "words", value: "by 2025", expected: false },
  ])("$name: $value → $expected", ({ value, expected }) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe("endOfPeriod", () => {
  it.each<{ name: string; date: string; precision: DeadlinePrecision; expected: string }>([
    { name: "day is the day itself", date: "2025-06-17", precision: "day", expected: "2025-06-17" },
    { name: "day on a leap day", date: "2028-02-29", precision: "day", expected: "2028-02-29" },
    { name: "31-day month", date: "2025-01-15", precision: "month", expected: "2025-01-31" },
    { name: "30-day month", date: "2025-06-01", precision: "month", expected: "2025-06-30" },
    {
      name: "month when already the last day",
      date: "2025-12-31",
      precision: "month",
      expected: "2025-12-31",
    },
    {
      name: "February in a leap year (2024)",
      date: "2024-02-01",
      precision: "month",
      expected: "2024-02-29",
    },
    {
      name: "February in a common year (2025)",
      date: "2025-02-10",
      precision: "month",
      expected: "2025-02-28",
    },
    { name: "February 2027 (common)", date: "2027-02-01", precision: "month", expected: "2027-02-28" },
    { name: "February 2028 (leap)", date: "2028-02-01", precision: "month", expected: "2028-02-29" },
    {
      name: "February 1900 (century, common)",
      date: "1900-02-01",
      precision: "month",
      expected: "1900-02-28",
    },
    { name: "February 2000 (century, leap)", date: "2000-02-01", precision: "month", expected: "2000-02-29" },
    { name: "Q1 from January", date: "2025-01-01", precision: "quarter", expected: "2025-03-31" },
    { name: "Q1 from February", date: "2025-02-14", precision: "quarter", expected: "2025-03-31" },
    { name: "Q1 from March", date: "2025-03-31", precision: "quarter", expected: "2025-03-31" },
    { name: "Q2 from April", date: "2025-04-01", precision: "quarter", expected: "2025-06-30" },
    { name: "Q2 from May", date: "2025-05-20", precision: "quarter", expected: "2025-06-30" },
    { name: "Q2 from June", date: "2025-06-30", precision: "quarter", expected: "2025-06-30" },
    { name: "Q3 from July", date: "2025-07-01", precision: "quarter", expected: "2025-09-30" },
    { name: "Q3 from August", date: "2025-08-31", precision: "quarter", expected: "2025-09-30" },
    { name: "Q3 from September", date: "2025-09-15", precision: "quarter", expected: "2025-09-30" },
    { name: "Q4 from October", date: "2025-10-01", precision: "quarter", expected: "2025-12-31" },
    { name: "Q4 from November", date: "2025-11-30", precision: "quarter", expected: "2025-12-31" },
    { name: "Q4 from December", date: "2025-12-31", precision: "quarter", expected: "2025-12-31" },
    { name: "Q1 in a leap year", date: "2024-02-29", precision: "quarter", expected: "2024-03-31" },
    { name: "year from 1 January (by 2025)", date: "2025-01-01", precision: "year", expected: "2025-12-31" },
    { name: "year from mid-year", date: "2023-05-29", precision: "year", expected: "2023-12-31" },
    { name: "year from a leap day", date: "2024-02-29", precision: "year", expected: "2024-12-31" },
  ])("$name: $date ($precision) → $expected", ({ date, precision, expected }) => {
    expect(endOfPeriod(date, precision)).toBe(expected);
  });

  it.each<{ name: string; date: string; precision: DeadlinePrecision }>([
    { name: "non-existent leap day", date: "2023-02-29", precision: "month" },
    { name: "31 April", date: "2025-04-31", precision: "day" },
    { name: "not a date at all", date: "2025", precision: "year" },
    { name: "empty string", date: "", precision: "quarter" },
  ])("throws a RangeError for $name ($date)", ({ date, precision }) => {
    expect(() => endOfPeriod(date, precision)).toThrow(RangeError);
  });
});

describe("isEndOfPeriod", () => {
  it.each<{ name: string; dueOn: string; precision: DeadlinePrecision; expected: boolean }>([
    { name: "31 Dec is the end of a year", dueOn: "2025-12-31", precision: "year", expected: true },
    { name: "30 Dec is not the end of a year", dueOn: "2025-12-30", precision: "year", expected: false },
    { name: "30 Jun does not end a year", dueOn: "2025-06-30", precision: "year", expected: false },
    { name: "31 Mar ends Q1", dueOn: "2025-03-31", precision: "quarter", expected: true },
    { name: "30 Jun ends Q2", dueOn: "2025-06-30", precision: "quarter", expected: true },
    { name: "30 Sep ends Q3", dueOn: "2025-09-30", precision: "quarter", expected: true },
    { name: "31 Dec ends Q4", dueOn: "2025-12-31", precision: "quarter", expected: true },
    {
      name: "31 May ends a month but not a quarter",
      dueOn: "2025-05-31",
      precision: "quarter",
      expected: false,
    },
    { name: "1 Apr starts, not ends, a quarter", dueOn: "2025-04-01", precision: "quarter", expected: false },
    { name: "31 May ends a month", dueOn: "2025-05-31", precision: "month", expected: true },
    { name: "30 May does not end a month", dueOn: "2025-05-30", precision: "month", expected: false },
    { name: "29 Feb ends February in a leap year", dueOn: "2024-02-29", precision: "month", expected: true },
    {
      name: "28 Feb does not end February in a leap year",
      dueOn: "2024-02-28",
      precision: "month",
      expected: false,
    },
    {
      name: "28 Feb ends February in a common year",
      dueOn: "2025-02-28",
      precision: "month",
      expected: true,
    },
    { name: "any real day ends a day", dueOn: "2025-07-14", precision: "day", expected: true },
    { name: "a leap day ends a day", dueOn: "2028-02-29", precision: "day", expected: true },
    { name: "an impossible date ends nothing", dueOn: "2023-02-29", precision: "day", expected: false },
    { name: "an impossible 31 Jun ends nothing", dueOn: "2025-06-31", precision: "month", expected: false },
    { name: "garbage ends nothing", dueOn: "by 2025", precision: "year", expected: false },
  ])("$name: $dueOn ($precision) → $expected", ({ dueOn, precision, expected }) => {
    expect(isEndOfPeriod(dueOn, precision)).toBe(expected);
  });
});

describe("daysBetween", () => {
  it.each([
    { name: "same day", from: "2025-06-01", to: "2025-06-01", expected: 0 },
    { name: "next day", from: "2025-06-01", to: "2025-06-02", expected: 1 },
    { name: "previous day is negative", from: "2025-06-02", to: "2025-06-01", expected: -1 },
    { name: "across a year end", from: "2025-12-31", to: "2026-01-01", expected: 1 },
    { name: "back across a year end", from: "2026-01-01", to: "2025-12-31", expected: -1 },
    { name: "across a leap day (2024)", from: "2024-02-28", to: "2024-03-01", expected: 2 },
    {
      name: "across the end of February in a common year",
      from: "2023-02-28",
      to: "2023-03-01",
      expected: 1,
    },
    { name: "a whole leap year", from: "2024-01-01", to: "2025-01-01", expected: 366 },
    { name: "a whole common year", from: "2025-01-01", to: "2026-01-01", expected: 365 },
    { name: "1 Jan to 31 Dec of a leap year", from: "2024-01-01", to: "2024-12-31", expected: 365 },
    { name: "1 Jan to 11 Apr 2025", from: "2025-01-01", to: "2025-04-11", expected: 100 },
    { name: "Xiaomi: announcement to due date", from: "2023-05-29", to: "2025-12-31", expected: 947 },
    { name: "Xiaomi: review date to due date", from: "2026-11-25", to: "2025-12-31", expected: -329 },
    { name: "1900 is not a leap year", from: "1900-02-28", to: "1900-03-01", expected: 1 },
    { name: "2000 is a leap year", from: "2000-02-28", to: "2000-03-01", expected: 2 },
  ])("$name: $from → $to = $expected", ({ from, to, expected }) => {
    expect(daysBetween(from, to)).toBe(expected);
  });

  it("throws a RangeError for a malformed date", () => {
    expect(() => daysBetween("2025/01/01", "2025-01-02")).toThrow(RangeError);
  });
});

describe("addDays", () => {
  it.each([
    { name: "zero days", date: "2025-06-15", days: 0, expected: "2025-06-15" },
    { name: "into a leap day", date: "2024-02-28", days: 1, expected: "2024-02-29" },
    { name: "over a leap day", date: "2024-02-28", days: 2, expected: "2024-03-01" },
    { name: "past 28 Feb in a common year", date: "2023-02-28", days: 1, expected: "2023-03-01" },
    { name: "back into a leap day", date: "2024-03-01", days: -1, expected: "2024-02-29" },
    { name: "over a year end", date: "2025-12-31", days: 1, expected: "2026-01-01" },
    { name: "back over a year end", date: "2026-01-01", days: -1, expected: "2025-12-31" },
    {
      name: "365 days in a leap year lands on 31 Dec",
      date: "2024-01-01",
      days: 365,
      expected: "2024-12-31",
    },
    {
      name: "365 days in a common year lands on 1 Jan",
      date: "2025-01-01",
      days: 365,
      expected: "2026-01-01",
    },
    { name: "100 days", date: "2025-01-01", days: 100, expected: "2025-04-11" },
    {
      name: "a year before 1 Mar 2025 is 1 Mar 2024",
      date: "2025-03-01",
      days: -365,
      expected: "2024-03-01",
    },
  ])("$name: $date + $days → $expected", ({ date, days, expected }) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe("deadlineLabel", () => {
  it.each<{ name: string; dueOn: string | null; precision: DeadlinePrecision | null; expected: string }>([
    { name: "year", dueOn: "2025-12-31", precision: "year", expected: "by 2025" },
    { name: "Q1", dueOn: "2025-03-31", precision: "quarter", expected: "by Q1 2025" },
    { name: "Q2", dueOn: "2025-06-30", precision: "quarter", expected: "by Q2 2025" },
    { name: "Q3", dueOn: "2025-09-30", precision: "quarter", expected: "by Q3 2025" },
    { name: "Q4", dueOn: "2026-12-31", precision: "quarter", expected: "by Q4 2026" },
    { name: "month", dueOn: "2025-06-30", precision: "month", expected: "by June 2025" },
    {
      name: "February of a leap year",
      dueOn: "2024-02-29",
      precision: "month",
      expected: "by February 2024",
    },
    { name: "December", dueOn: "2025-12-31", precision: "month", expected: "by December 2025" },
    { name: "day", dueOn: "2025-06-30", precision: "day", expected: "by 30 June 2025" },
    {
      name: "day without a leading zero",
      dueOn: "2026-01-01",
      precision: "day",
      expected: "by 1 January 2026",
    },
    { name: "leap day", dueOn: "2028-02-29", precision: "day", expected: "by 29 February 2028" },
    { name: "no due date", dueOn: null, precision: null, expected: "No deadline stated" },
    { name: "no due date but a precision", dueOn: null, precision: "year", expected: "No deadline stated" },
    {
      name: "a due date but no precision",
      dueOn: "2025-12-31",
      precision: null,
      expected: "No deadline stated",
    },
  ])("$name: $dueOn ($precision) → $expected", ({ dueOn, precision, expected }) => {
    expect(deadlineLabel(dueOn, precision)).toBe(expected);
  });
});

describe("formatIndiaDate", () => {
  it.each<{ name: string; date: string | null; expected: string }>([
    { name: "a year end", date: "2025-12-31", expected: "31 Dec 2025" },
    { name: "the Xiaomi announcement", date: "2023-05-29", expected: "29 May 2023" },
    { name: "a single-digit day has no leading zero", date: "2026-01-01", expected: "1 Jan 2026" },
    { name: "a leap day", date: "2024-02-29", expected: "29 Feb 2024" },
    { name: "September", date: "2025-09-05", expected: "5 Sep 2025" },
    { name: "null", date: null, expected: "—" },
    { name: "empty string", date: "", expected: "—" },
    { name: "an impossible date", date: "2023-02-29", expected: "—" },
    { name: "a malformed date", date: "31/12/2025", expected: "—" },
  ])("$name: $date → $expected", ({ date, expected }) => {
    expect(formatIndiaDate(date)).toBe(expected);
  });
});

describe("formatIndiaDateTime", () => {
  it.each([
    ["2026-11-25T03:35:00Z", "25 Nov 2026, 09:05 IST"],
    // Late evening in UTC is already the next day in India.
    ["2026-12-31T20:00:00.000Z", "1 Jan 2027, 01:30 IST"],
    ["not a time", "—"],
  ])("%s is %s", (instant, expected) => {
    expect(formatIndiaDateTime(new Date(instant))).toBe(expected);
  });
});
