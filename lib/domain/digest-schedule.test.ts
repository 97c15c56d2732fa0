import { describe, expect, it } from "vitest";
import {
  duePeriod,
  indiaInstant,
  isoWeek,
  latestDuePeriod,
  parseDigestHour,
  periodOn,
  pinnedInstant,
  type DigestFrequency,
} from "./digest-schedule";

const at = (iso: string) => new Date(iso);

describe("isoWeek", () => {
  it.each([
    ["2026-11-25", 2026, 48, "2026-11-23"],
    ["2026-12-28", 2026, 53, "2026-12-28"],
    ["2027-01-03", 2026, 53, "2026-12-28"],
    ["2027-01-04", 2027, 1, "2027-01-04"],
    ["2024-12-30", 2025, 1, "2024-12-30"],
    ["2021-01-03", 2020, 53, "2020-12-28"],
    ["2025-12-29", 2026, 1, "2025-12-29"],
  ])("%s is in %i week %i (from %s)", (date, year, week, monday) => {
    expect(isoWeek(date)).toEqual({ year, week, monday });
  });
});

describe("periods in India time", () => {
  it.each([
    ["daily", "2026-12-05", "2026-12-05", "2026-12-05T02:30:00.000Z"],
    ["weekly", "2026-12-05", "2026-W49", "2026-11-30T02:30:00.000Z"],
    ["weekly", "2027-01-01", "2026-W53", "2026-12-28T02:30:00.000Z"],
    ["weekly", "2027-01-04", "2027-W01", "2027-01-04T02:30:00.000Z"],
  ] as const)("%s period of %s is %s, due at %s", (frequency, date, key, dueAt) => {
    const p = periodOn(frequency, date);
    expect(p.key).toBe(key);
    expect(p.dueAt.toISOString()).toBe(dueAt);
  });

  it("puts 08:00 in India at 02:30 UTC", () => {
    expect(indiaInstant("2026-12-05", 8).toISOString()).toBe("2026-12-05T02:30:00.000Z");
  });

  it.each([
    // 23:59 UTC on the 4th is 05:29 IST on the 5th: the 5th's digest is not due yet.
    ["daily", "2026-12-04T23:59:00Z", "2026-12-04"],
    ["daily", "2026-12-05T02:29:59Z", "2026-12-04"],
    ["daily", "2026-12-05T02:30:00Z", "2026-12-05"],
    // 18:29 UTC is 23:59 IST, 18:30 UTC is midnight in India: a new date, not yet due.
    ["daily", "2026-12-05T18:29:00Z", "2026-12-05"],
    ["daily", "2026-12-05T18:30:00Z", "2026-12-05"],
    ["weekly", "2026-11-30T02:29:00Z", "2026-W48"],
    ["weekly", "2026-11-30T02:30:00Z", "2026-W49"],
    ["weekly", "2026-12-06T18:29:00Z", "2026-W49"],
    // Sunday 31 Dec 2026 in UTC is already Friday 1 Jan in India; week 53 of 2026 still.
    ["weekly", "2026-12-31T20:00:00Z", "2026-W53"],
    ["weekly", "2027-01-04T02:29:00Z", "2026-W53"],
    ["weekly", "2027-01-04T02:30:00Z", "2027-W01"],
  ] as const)("the latest %s period due at %s is %s", (frequency, now, key) => {
    expect(latestDuePeriod(frequency, at(now)).key).toBe(key);
  });

  it("moves the due hour with the setting", () => {
    expect(latestDuePeriod("daily", at("2026-12-04T19:00:00Z"), 0).key).toBe("2026-12-05");
    expect(latestDuePeriod("daily", at("2026-12-04T19:00:00Z"), 8).key).toBe("2026-12-04");
  });
});

describe("duePeriod: caught up, never doubled", () => {
  it.each<[string, DigestFrequency, string, string | null, string | null]>([
    ["never sent: the latest due period", "weekly", "2026-12-02T10:00:00Z", null, "2026-W49"],
    ["off: nothing", "off", "2026-12-02T10:00:00Z", null, null],
    ["sent this week already", "weekly", "2026-12-02T10:00:00Z", "2026-11-30T02:40:00Z", null],
    [
      "sent last week; this week's hour has passed",
      "weekly",
      "2026-11-30T03:00:00Z",
      "2026-11-23T02:40:00Z",
      "2026-W49",
    ],
    [
      "sent last week; this week's hour not yet",
      "weekly",
      "2026-11-30T02:00:00Z",
      "2026-11-23T02:40:00Z",
      null,
    ],
    // The server was down from Sunday to Wednesday: Monday's digest goes at the first check.
    [
      "down over the send hour: caught up",
      "weekly",
      "2026-12-02T05:00:00Z",
      "2026-11-23T02:40:00Z",
      "2026-W49",
    ],
    // Down for three weeks: one digest, for the latest week, not three.
    ["down for weeks: one digest", "weekly", "2026-12-16T05:00:00Z", "2026-11-23T02:40:00Z", "2026-W51"],
    [
      "daily, down two days: one digest",
      "daily",
      "2026-12-07T04:00:00Z",
      "2026-12-04T02:31:00Z",
      "2026-12-07",
    ],
    ["daily, second check of the morning", "daily", "2026-12-07T04:10:00Z", "2026-12-07T04:00:00Z", null],
    [
      "daily, before the hour: yesterday's if missed",
      "daily",
      "2026-12-07T01:00:00Z",
      "2026-12-05T02:31:00Z",
      "2026-12-06",
    ],
    // Weekly on Monday morning, switched to daily that afternoon: not again until Tuesday.
    ["switched to daily after the weekly one", "daily", "2026-11-30T09:00:00Z", "2026-11-30T02:40:00Z", null],
    ["switched to daily: Tuesday's", "daily", "2026-12-01T02:31:00Z", "2026-11-30T02:40:00Z", "2026-12-01"],
    // Daily until Wednesday, then weekly: this week's was covered by Wednesday's.
    ["switched to weekly mid-week", "weekly", "2026-12-02T09:00:00Z", "2026-12-02T02:31:00Z", null],
  ])("%s", (_name, frequency, now, last, expected) => {
    const period = duePeriod({ frequency, now: at(now), lastRunAt: last ? at(last) : null });
    expect(period?.key ?? null).toBe(expected);
  });
});

describe("pinnedInstant", () => {
  it.each([
    ["2026-12-05T04:00:00Z", null, "2026-12-05T04:00:00.000Z"],
    // 09:30 IST on the 5th, pinned to 25 Nov: 09:30 IST on the 25th.
    ["2026-12-05T04:00:00Z", "2026-11-25", "2026-11-25T04:00:00.000Z"],
    // 01:00 IST on the 6th (19:30 UTC on the 5th): 01:00 IST on the 25th, 19:30 UTC on the 24th.
    ["2026-12-05T19:30:00Z", "2026-11-25", "2026-11-24T19:30:00.000Z"],
  ])("%s pinned to %s is %s", (now, day, expected) => {
    expect(pinnedInstant(at(now), day).toISOString()).toBe(expected);
  });
});

describe("parseDigestHour", () => {
  it.each([
    [undefined, 8],
    ["", 8],
    ["0", 0],
    ["23", 23],
    ["24", 8],
    ["7.5", 8],
    ["-1", 8],
  ])("%j → %i", (raw, hour) => {
    expect(parseDigestHour(raw)).toBe(hour);
  });
});
