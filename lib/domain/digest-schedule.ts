import { addDays, indiaDate } from "./dates";

// When a digest is due. Periods are India's (UTC+05:30, no daylight saving): a daily digest's
// period is a calendar date in India, a weekly one an ISO week of those dates (Monday first, week
// 1 holding the year's first Thursday, so some years have a week 53). A period's digest becomes
// due at its send hour on its first day, e.g. 08:00 IST. Only the latest period that is due is
// ever sent: a server down over several send hours sends one digest when it comes back, covering
// everything since the previous one, rather than one per missed period (docs/decisions/0024).

/** The two digests: mail kinds as the outbox names them. */
export const DIGEST_KINDS = ["deadline_digest", "watch_digest"] as const;
export type DigestKind = (typeof DIGEST_KINDS)[number];

/** Each digest as people name it: "Unsubscribe from the digest of deadlines". */
export const DIGEST_NAMES: Record<DigestKind, string> = {
  deadline_digest: "the digest of deadlines",
  watch_digest: "the digest of changes to what you watch",
};

export const DIGEST_FREQUENCIES = ["off", "daily", "weekly"] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

/** What a person receives before choosing: weekly, so a reviewer hears of deadlines unasked. */
export const DEFAULT_DIGEST_FREQUENCY: DigestFrequency = "weekly";

/** The hour (in India) on a period's first day after which its digest is due. */
export const DEFAULT_DIGEST_HOUR = 8;

const IST_OFFSET_MS = (5 * 60 + 30) * 60_000;
const DAY_MS = 86_400_000;

export type DigestPeriod = {
  frequency: Exclude<DigestFrequency, "off">;
  /** "2026-12-05" for a day, "2026-W49" for a week: part of the outbox dedupe key. */
  key: string;
  /** The period's first day, in India. */
  startsOn: string;
  /** The instant the period's digest becomes due. */
  dueAt: Date;
};

/** The ISO 8601 week of a calendar date: its week-numbering year and week (1–53). */
export function isoWeek(date: string): { year: number; week: number; monday: string } {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = addDays(date, -weekday);
  // The week belongs to the year of its Thursday.
  const thursday = new Date(`${addDays(monday, 3)}T00:00:00Z`);
  const year = thursday.getUTCFullYear();
  const firstThursdayDay = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS);
  return { year, week: Math.floor(firstThursdayDay / 7) + 1, monday };
}

/** The instant `hour`:00 in India on a calendar date. */
export function indiaInstant(date: string, hour: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - IST_OFFSET_MS + hour * 3_600_000);
}

/** The period of `frequency` that holds the calendar date `date` (in India). */
export function periodOn(
  frequency: DigestPeriod["frequency"],
  date: string,
  hour: number = DEFAULT_DIGEST_HOUR,
): DigestPeriod {
  if (frequency === "daily") return { frequency, key: date, startsOn: date, dueAt: indiaInstant(date, hour) };
  const { year, week, monday } = isoWeek(date);
  return {
    frequency,
    key: `${year}-W${String(week).padStart(2, "0")}`,
    startsOn: monday,
    dueAt: indiaInstant(monday, hour),
  };
}

/** The latest period of `frequency` whose digest is due at `now`: this one once its hour has passed, else the one before. */
export function latestDuePeriod(
  frequency: DigestPeriod["frequency"],
  now: Date,
  hour: number = DEFAULT_DIGEST_HOUR,
): DigestPeriod {
  const current = periodOn(frequency, indiaDate(now), hour);
  if (now.getTime() >= current.dueAt.getTime()) return current;
  return periodOn(frequency, addDays(current.startsOn, -1), hour);
}

/**
 * The period to send a digest for now, or null when none is due: the latest due period, unless a
 * digest of this kind (of any frequency, sent or found empty) was made at or after that period
 * became due. So a missed send hour is caught up at the next check, a second check in the same
 * period finds it done, and a change of frequency does not send twice for one morning.
 */
export function duePeriod(input: {
  frequency: DigestFrequency;
  now: Date;
  /** When the previous digest of this kind for this person was made, or null if never. */
  lastRunAt: Date | null;
  hour?: number;
}): DigestPeriod | null {
  if (input.frequency === "off") return null;
  const period = latestDuePeriod(input.frequency, input.now, input.hour ?? DEFAULT_DIGEST_HOUR);
  if (input.lastRunAt && input.lastRunAt.getTime() >= period.dueAt.getTime()) return null;
  return period;
}

/**
 * The instant a scheduler acts at when the day is pinned (TRACKER_TODAY): the pinned date at the
 * clock's own time of day in India, so periods and the deadlines' "today" agree.
 */
export function pinnedInstant(now: Date, pinnedDay: string | null): Date {
  if (!pinnedDay) return now;
  const sinceMidnight = (now.getTime() + IST_OFFSET_MS) % DAY_MS;
  return new Date(indiaInstant(pinnedDay, 0).getTime() + sinceMidnight);
}

/** A send hour from a setting (0–23), or the default when it is missing or not an hour. */
export function parseDigestHour(raw: string | undefined): number {
  const s = raw?.trim() ?? "";
  return /^\d{1,2}$/.test(s) && Number(s) <= 23 ? Number(s) : DEFAULT_DIGEST_HOUR;
}
