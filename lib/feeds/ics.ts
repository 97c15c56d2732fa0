import { addDays, formatIndiaDate, isIsoDate } from "@/lib/domain/dates";
import { cleanText, httpUrl, requireHttpUrl, tidy } from "./text";

// An iCalendar (RFC 5545) feed of commitment deadlines that people subscribe to from a calendar app.
// Deadlines are dates, not instants ("by 2025" is due on 31 Dec 2025 wherever the reader is), so every
// event is all-day with floating DATE values and needs no VTIMEZONE.

export type DeadlineEvent = {
  /** The commitment's id: the event's UID is built from it, so it must never be reused. */
  id: number;
  companyName: string;
  title: string;
  /** The last day of the deadline's period (YYYY-MM-DD), as stored. */
  dueOn: string;
  /** The deadline as the company put it, e.g. "by 2025". */
  deadlineLabel: string;
  statusLabel: string;
  targetText: string;
  evidenceLabel: string;
  pageUrl: string;
  sourceUrls: readonly string[];
};

export type DeadlinesCalendarInput = {
  name: string;
  description: string;
  /** Where the calendar is served from; calendar apps refresh from it. */
  url: string;
  /** The DTSTAMP of every event: passed in so the same data always gives the same bytes. */
  now: Date;
  /** The domain in each UID; defaults to the host of `url`. */
  uidHost?: string;
  events: readonly DeadlineEvent[];
};

export const ICS_CONTENT_TYPE = "text/calendar; charset=utf-8";

const PRODID = "-//Make in India localisation tracker//Deadlines//EN";
const REFRESH = "PT12H";
// RFC 5545 section 3.1: lines longer than 75 octets, excluding the line break, should be folded.
const MAX_OCTETS = 75;
const CRLF = "\r\n";

/**
 * Escapes a TEXT value (RFC 5545 section 3.3.11). Backslashes go first, or the escapes added after
 * them would be escaped again.
 */
export function escapeText(value: string): string {
  return cleanText(value)
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\n/g, "\\n");
}

function utf8Length(codePoint: string): number {
  const cp = codePoint.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

// A fold may fall anywhere, but an escape split from its backslash (\ at the end of one line, n at
// the start of the next) trips parsers that unescape before unfolding, so escapes stay whole.
const UNIT = /\\.|./gsu;
const BLANK = /^[ \t]$/;

/**
 * Folds one content line into physical lines of at most 75 octets, each continuation starting with a
 * single space. It never splits a UTF-8 sequence, and where it can it breaks between two non-blank
 * characters: a line ending in a space loses it to tools that trim lines, and a continuation starting
 * with two spaces loses one to parsers that strip all leading whitespace.
 */
export function foldLine(line: string): string {
  const units = line.match(UNIT) ?? [];
  const sizes = units.map((u) => [...u].reduce((n, cp) => n + utf8Length(cp), 0));
  const blankAt = (i: number) => BLANK.test(units[i] ?? "");
  const lines: string[] = [];
  let start = 0;
  while (start < units.length) {
    const budget = lines.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    let end = start;
    let size = 0;
    while (end < units.length && size + (sizes[end] ?? 0) <= budget) size += sizes[end++] ?? 0;
    if (end < units.length) {
      let at = end;
      while (at > start + 1 && (blankAt(at - 1) || blankAt(at))) at--;
      if (!blankAt(at - 1) && !blankAt(at)) end = at;
    }
    lines.push((lines.length === 0 ? "" : " ") + units.slice(start, end).join(""));
    start = end;
  }
  return lines.join(CRLF);
}

function basicDate(isoDate: string): string {
  return isoDate.replaceAll("-", "");
}

function utcStamp(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError("now must be a valid Date");
  return instant
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

function descriptionOf(event: DeadlineEvent, pageUrl: string): string {
  const sources = event.sourceUrls.map(httpUrl).filter((u): u is string => u !== null);
  return [
    `Status: ${tidy(event.statusLabel)}`,
    `Target: ${tidy(event.targetText)}`,
    `Deadline: ${tidy(event.deadlineLabel)} (due ${formatIndiaDate(event.dueOn)})`,
    `Evidence: ${tidy(event.evidenceLabel)}`,
    ...(sources.length > 0 ? ["Sources:", ...sources] : ["Sources: none recorded"]),
    `Details: ${pageUrl}`,
  ].join("\n");
}

function eventLines(event: DeadlineEvent, dtstamp: string, uidHost: string): string[] {
  if (!Number.isSafeInteger(event.id) || event.id < 1) {
    throw new RangeError(`Invalid commitment id: ${event.id}`);
  }
  if (!isIsoDate(event.dueOn)) {
    throw new RangeError(`Commitment ${event.id} has an invalid due date: ${event.dueOn}`);
  }
  const pageUrl = requireHttpUrl(event.pageUrl, `The page URL of commitment ${event.id}`);
  return [
    "BEGIN:VEVENT",
    `UID:commitment-${event.id}@${uidHost}`,
    `DTSTAMP:${dtstamp}`,
    `DTSTART;VALUE=DATE:${basicDate(event.dueOn)}`,
    // DTEND is exclusive (RFC 5545 section 3.6.1), so a one-day event ends on the next day.
    `DTEND;VALUE=DATE:${basicDate(addDays(event.dueOn, 1))}`,
    `SUMMARY:${escapeText(`Deadline: ${tidy(event.companyName)} — ${tidy(event.title)}`)}`,
    `DESCRIPTION:${escapeText(descriptionOf(event, pageUrl))}`,
    `URL:${pageUrl}`,
    `CATEGORIES:${escapeText(tidy(event.statusLabel))}`,
    "STATUS:CONFIRMED",
    // A deadline is a reminder, not a meeting: it must not mark the subscriber as busy all day.
    "TRANSP:TRANSPARENT",
    "END:VEVENT",
  ];
}

/** The deadlines as an iCalendar document, CRLF-terminated and folded, ready to serve as text/calendar. */
export function deadlinesCalendar(input: DeadlinesCalendarInput): string {
  const url = requireHttpUrl(input.url, "The calendar URL");
  const uidHost = input.uidHost ?? new URL(url).hostname;
  if (!/^[A-Za-z0-9.-]+$/.test(uidHost)) throw new RangeError(`Invalid UID host: ${uidHost}`);
  const dtstamp = utcStamp(input.now);

  const seen = new Set<number>();
  for (const event of input.events) {
    // Two events with one UID and no RECURRENCE-ID make an invalid calendar; clients keep either.
    if (seen.has(event.id)) throw new RangeError(`Commitment ${event.id} appears twice`);
    seen.add(event.id);
  }
  // Sorted so that the bytes depend on the data, not on the order a query returned it in.
  const events = [...input.events].sort((a, b) =>
    a.dueOn === b.dueOn ? a.id - b.id : a.dueOn < b.dueOn ? -1 : 1,
  );

  const name = escapeText(tidy(input.name));
  const description = escapeText(tidy(input.description));
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${PRODID}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    // RFC 7986 properties first, then the X-WR- and X-PUBLISHED-TTL equivalents that Apple, Google
    // and Outlook read instead.
    `NAME:${name}`,
    `DESCRIPTION:${description}`,
    `URL:${url}`,
    `SOURCE;VALUE=URI:${url}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${REFRESH}`,
    `X-WR-CALNAME:${name}`,
    `X-WR-CALDESC:${description}`,
    `X-PUBLISHED-TTL:${REFRESH}`,
    ...events.flatMap((event) => eventLines(event, dtstamp, uidHost)),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
