import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { type DeadlineEvent, deadlinesCalendar, escapeText, foldLine } from "./ics";

// The calendar is checked by parsing it with ical.js, an independent RFC 5545 implementation, so
// an escaping or folding mistake shows up as a value that does not round-trip. Expected values are
// written out by hand, never produced by the writer's own helpers.

// ical.js returns properties it does not know raw; declaring these as TEXT makes it unescape them
// with its own rules, so the calendar's name and description are checked the same way as events.
for (const name of ["name", "x-wr-calname", "x-wr-caldesc"]) {
  ICAL.design.icalendar.property[name] = { defaultType: "text" };
}

const NOW = new Date("2026-11-25T04:30:00.000Z");
const CALENDAR_URL = "https://tracker.example/api/v1/deadlines.ics";

const XIAOMI: DeadlineEvent = {
  id: 1,
  companyName: "Xiaomi",
  title: "50 per cent increase in the production of locally sourced components by 2025",
  dueOn: "2025-12-31",
  deadlineLabel: "by 2025",
  statusLabel: "Overdue, unverified",
  targetText: "50 per cent increase in the production of locally sourced components",
  evidenceLabel: "Announced",
  pageUrl: "https://tracker.example/commitments/1",
  sourceUrls: [
    "https://www.linkedin.com/posts/muralikrishnan-b_xiaomi-optiemus",
    "https://www.mi.com/in/about/statement?lang=en,in;v=2",
  ],
};

const LONG_TITLE = `${"Wireless audio at Noida, Uttar Pradesh; ".repeat(7)}नोएडा 🎧`.padEnd(300, "x");

const HOSTILE: DeadlineEvent = {
  id: 2,
  companyName: "Optiemus Electronics Limited (OEL), नोएडा",
  title: String.raw`Units; 1,000 \ "earbuds" \n` + "\nsecond line 🎧",
  dueOn: "2024-02-28",
  deadlineLabel: "by 28 February 2024",
  statusLabel: "On track",
  targetText: "1,00,000 units; C:\\plant\\line-2",
  evidenceLabel: "Agreement signed or land acquired",
  pageUrl: "https://tracker.example/commitments/2",
  sourceUrls: [],
};

const FOLDED: DeadlineEvent = {
  ...XIAOMI,
  id: 3,
  companyName: "Foxconn",
  title: LONG_TITLE,
  dueOn: "2026-03-31",
  deadlineLabel: "by Q1 2026",
  statusLabel: "Behind",
  evidenceLabel: "Agreement signed or land acquired",
  pageUrl: "https://tracker.example/commitments/3",
};

function calendar(events: DeadlineEvent[], extra: Partial<Parameters<typeof deadlinesCalendar>[0]> = {}) {
  return deadlinesCalendar({
    name: "Make in India deadlines, by company",
    description: "Commitment deadlines; statuses as of today.\nSource: the tracker.",
    url: CALENDAR_URL,
    now: NOW,
    events,
    ...extra,
  });
}

function parse(ics: string) {
  const vcalendar = new ICAL.Component(ICAL.parse(ics));
  return { vcalendar, vevents: vcalendar.getAllSubcomponents("vevent") };
}

function physicalLines(ics: string): string[] {
  expect(ics.endsWith("\r\n")).toBe(true);
  const lines = ics.split("\r\n");
  expect(lines.pop()).toBe("");
  return lines;
}

describe("escapeText (RFC 5545 3.3.11)", () => {
  it.each([
    { name: "plain text is unchanged", input: "Xiaomi India", expected: "Xiaomi India" },
    { name: "comma", input: "Noida, Uttar Pradesh", expected: String.raw`Noida\, Uttar Pradesh` },
    { name: "semicolon", input: "a;b", expected: String.raw`a\;b` },
    { name: "backslash is escaped once, first", input: String.raw`C:\n`, expected: String.raw`C:\\n` },
    { name: "newline", input: "a\nb", expected: String.raw`a\nb` },
    { name: "CRLF is one line break", input: "a\r\nb", expected: String.raw`a\nb` },
    { name: "lone CR is a line break", input: "a\rb", expected: String.raw`a\nb` },
    {
      name: "colon and quotes need no escape",
      input: 'Deadline: "by 2025"',
      expected: 'Deadline: "by 2025"',
    },
    { name: "controls are removed, tab kept", input: "a\u0000b\u0007c\td\u007f", expected: "abc\td" },
    { name: "lone surrogate is removed", input: "a\ud83cb", expected: "ab" },
    { name: "Devanagari and emoji pass through", input: "नोएडा 🎧", expected: "नोएडा 🎧" },
  ])("$name", ({ input, expected }) => {
    expect(escapeText(input)).toBe(expected);
  });
});

describe("foldLine", () => {
  const unfold = (folded: string) => folded.replaceAll("\r\n ", "");
  const octets = (line: string) => Buffer.byteLength(line, "utf8");

  it.each([
    { name: "75 ASCII octets stay on one line", line: `SUMMARY:${"a".repeat(67)}`, lines: 1 },
    { name: "76 ASCII octets fold once", line: `SUMMARY:${"a".repeat(68)}`, lines: 2 },
    { name: "three-byte characters fold on character edges", line: `SUMMARY:${"न".repeat(60)}`, lines: 3 },
    { name: "four-byte emoji are never split", line: `SUMMARY:${"🎧".repeat(40)}`, lines: 3 },
    // 308 octets: 74 on the first line, then 74, 74, 72 and 14 after each fold space, worked out by hand.
    { name: "mixed widths", line: `SUMMARY:${"aनé🎧".repeat(30)}`, lines: 5 },
    { name: "escapes stay whole", line: `DESCRIPTION:${String.raw`\n`.repeat(60)}`, lines: 2 },
    { name: "an empty value", line: "SUMMARY:", lines: 1 },
  ])("$name", ({ line, lines }) => {
    const folded = foldLine(line);
    const physical = folded.split("\r\n");
    expect(physical).toHaveLength(lines);
    expect(unfold(folded)).toBe(line);
    for (const [i, p] of physical.entries()) {
      expect(octets(p)).toBeLessThanOrEqual(75);
      expect(p).not.toMatch(/\p{Cs}/u);
      if (i > 0) expect(p.startsWith(" ")).toBe(true);
      // An odd run of backslashes at the end would mean an escape was cut in two.
      expect(/(?:^|[^\\])(?:\\\\)*\\$/.test(p)).toBe(false);
    }
  });

  it("breaks between words' letters rather than next to a space", () => {
    const line = `SUMMARY:${"word ".repeat(40)}end`;
    const physical = foldLine(line).split("\r\n");
    expect(unfold(physical.join("\r\n"))).toBe(line);
    for (const [i, p] of physical.entries()) {
      expect(p).not.toMatch(/[ \t]$/);
      if (i > 0) expect(p).not.toMatch(/^ [ \t]/);
    }
  });

  it("still folds a run of spaces longer than a line", () => {
    const line = `SUMMARY:a${" ".repeat(200)}b`;
    const folded = foldLine(line);
    expect(unfold(folded)).toBe(line);
    for (const p of folded.split("\r\n")) expect(octets(p)).toBeLessThanOrEqual(75);
  });
});

describe("deadlinesCalendar: the Xiaomi example", () => {
  const ics = calendar([XIAOMI]);

  it("is one all-day event on 31 Dec 2025", () => {
    const { vevents } = parse(ics);
    expect(vevents).toHaveLength(1);
    const event = new ICAL.Event(vevents[0]);
    expect(event.uid).toBe("commitment-1@tracker.example");
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe("2025-12-31");
    expect(event.endDate.isDate).toBe(true);
    expect(event.endDate.toString()).toBe("2026-01-01");
    expect(event.summary).toBe(
      "Deadline: Xiaomi — 50 per cent increase in the production of locally sourced components by 2025",
    );
    expect(ics).toContain("\r\nDTSTART;VALUE=DATE:20251231\r\n");
    expect(ics).toContain("\r\nDTEND;VALUE=DATE:20260101\r\n");
  });

  it("describes status, target, deadline, evidence, sources and page", () => {
    const event = new ICAL.Event(parse(ics).vevents[0]);
    expect(event.description).toBe(
      [
        "Status: Overdue, unverified",
        "Target: 50 per cent increase in the production of locally sourced components",
        "Deadline: by 2025 (due 31 Dec 2025)",
        "Evidence: Announced",
        "Sources:",
        "https://www.linkedin.com/posts/muralikrishnan-b_xiaomi-optiemus",
        "https://www.mi.com/in/about/statement?lang=en,in;v=2",
        "Details: https://tracker.example/commitments/1",
      ].join("\n"),
    );
  });

  it("carries the URL, status category, stamp and free/busy flags", () => {
    const vevent = parse(ics).vevents[0]!;
    expect(vevent.getFirstPropertyValue("url")).toBe("https://tracker.example/commitments/1");
    expect(vevent.getFirstProperty("categories")?.getValues()).toEqual(["Overdue, unverified"]);
    expect(vevent.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(vevent.getFirstPropertyValue("transp")).toBe("TRANSPARENT");
    const dtstamp = vevent.getFirstPropertyValue("dtstamp");
    expect(dtstamp).toBeInstanceOf(ICAL.Time);
    expect((dtstamp as InstanceType<typeof ICAL.Time>).toString()).toBe("2026-11-25T04:30:00Z");
  });
});

describe("deadlinesCalendar: the calendar", () => {
  it.each([
    { name: "empty", events: [] },
    { name: "one event", events: [XIAOMI] },
    { name: "hostile and folded events", events: [XIAOMI, HOSTILE, FOLDED] },
  ])("has the publishing headers ($name)", ({ events }) => {
    const ics = calendar(events);
    const { vcalendar, vevents } = parse(ics);
    expect(vevents).toHaveLength(events.length);
    expect(vcalendar.name).toBe("vcalendar");
    expect(vcalendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(vcalendar.getFirstPropertyValue("prodid")).toBe(
      "-//Make in India localisation tracker//Deadlines//EN",
    );
    expect(vcalendar.getFirstPropertyValue("calscale")).toBe("GREGORIAN");
    expect(vcalendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(vcalendar.getFirstPropertyValue("x-wr-calname")).toBe("Make in India deadlines, by company");
    expect(vcalendar.getFirstPropertyValue("name")).toBe("Make in India deadlines, by company");
    const description = "Commitment deadlines; statuses as of today.\nSource: the tracker.";
    expect(vcalendar.getFirstPropertyValue("x-wr-caldesc")).toBe(description);
    expect(vcalendar.getFirstPropertyValue("description")).toBe(description);
    const refresh = vcalendar.getFirstProperty("refresh-interval");
    expect(refresh?.type).toBe("duration");
    expect(String(refresh?.getFirstValue())).toBe("PT12H");
    expect(vcalendar.getFirstPropertyValue("x-published-ttl")).toBe("PT12H");
    expect(vcalendar.getFirstPropertyValue("url")).toBe(CALENDAR_URL);
    expect(vcalendar.getFirstPropertyValue("source")).toBe(CALENDAR_URL);
  });

  it("ends every physical line with CRLF and keeps it within 75 octets", () => {
    const ics = calendar([XIAOMI, HOSTILE, FOLDED]);
    const lines = physicalLines(ics);
    expect(lines.length).toBeGreaterThan(40);
    for (const line of lines) {
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/[\r\n]/);
      expect(line).not.toMatch(/[ \t]$/);
      expect(line).not.toMatch(/^ [ \t]/);
    }
    // The 300-character title cannot fit on one line, so folding was exercised.
    expect(lines.filter((l) => l.startsWith(" ")).length).toBeGreaterThan(5);
  });

  it("round-trips hostile and long text exactly through an independent parser", () => {
    const { vevents } = parse(calendar([XIAOMI, HOSTILE, FOLDED]));
    const byUid = new Map(vevents.map((v) => [String(v.getFirstPropertyValue("uid")), new ICAL.Event(v)]));
    expect([...byUid.keys()].sort()).toEqual([
      "commitment-1@tracker.example",
      "commitment-2@tracker.example",
      "commitment-3@tracker.example",
    ]);

    const hostile = byUid.get("commitment-2@tracker.example")!;
    expect(hostile.summary).toBe(
      'Deadline: Optiemus Electronics Limited (OEL), नोएडा — Units; 1,000 \\ "earbuds" \\n\nsecond line 🎧',
    );
    expect(hostile.description).toBe(
      [
        "Status: On track",
        "Target: 1,00,000 units; C:\\plant\\line-2",
        "Deadline: by 28 February 2024 (due 28 Feb 2024)",
        "Evidence: Agreement signed or land acquired",
        "Sources: none recorded",
        "Details: https://tracker.example/commitments/2",
      ].join("\n"),
    );
    expect(hostile.startDate.toString()).toBe("2024-02-28");
    // 2024 is a leap year: the exclusive end is 29 February, not 1 March.
    expect(hostile.endDate.toString()).toBe("2024-02-29");

    const folded = byUid.get("commitment-3@tracker.example")!;
    expect(LONG_TITLE).toHaveLength(300);
    expect(folded.summary).toBe(`Deadline: Foxconn — ${LONG_TITLE}`);
    expect(folded.startDate.isDate).toBe(true);
    expect(folded.startDate.toString()).toBe("2026-03-31");
    expect(folded.endDate.toString()).toBe("2026-04-01");
  });

  it("removes control characters and turns CR line breaks into newlines", () => {
    const event = {
      ...XIAOMI,
      title: "bell\u0007 null\u0000 esc\u001b\r\nnext\rlast",
      companyName: "Xiaomi\u000b",
    };
    const [vevent] = parse(calendar([event])).vevents;
    expect(new ICAL.Event(vevent).summary).toBe("Deadline: Xiaomi — bell null esc\nnext\nlast");
  });

  it("lists only http(s) sources and links only an http(s) page", () => {
    const event = {
      ...XIAOMI,
      sourceUrls: ["javascript:alert(1)", "ftp://x.example/a", "https://ok.example/a b"],
    };
    const description = new ICAL.Event(parse(calendar([event])).vevents[0]).description;
    expect(description).toContain("Sources:\nhttps://ok.example/a%20b\nDetails:");
    expect(description).not.toContain("javascript:");
    expect(description).not.toContain("ftp:");
    expect(() => calendar([{ ...XIAOMI, pageUrl: "javascript:alert(1)" }])).toThrow(RangeError);
  });

  it("is deterministic and independent of input order", () => {
    const a = calendar([FOLDED, XIAOMI, HOSTILE]);
    const b = calendar([HOSTILE, FOLDED, XIAOMI]);
    expect(a).toBe(b);
    const uids = parse(a).vevents.map((v) => v.getFirstPropertyValue("uid"));
    expect(uids).toEqual([
      "commitment-2@tracker.example",
      "commitment-1@tracker.example",
      "commitment-3@tracker.example",
    ]);
  });

  it("takes the UID host from a parameter when given", () => {
    const [vevent] = parse(calendar([XIAOMI], { uidHost: "makeinindia-tracker.example.org" })).vevents;
    expect(vevent?.getFirstPropertyValue("uid")).toBe("commitment-1@makeinindia-tracker.example.org");
  });

  it.each([
    { name: "an impossible due date", events: [{ ...XIAOMI, dueOn: "2025-02-29" }] },
    { name: "a due date that is not ISO", events: [{ ...XIAOMI, dueOn: "31/12/2025" }] },
    { name: "a repeated commitment", events: [XIAOMI, { ...XIAOMI }] },
    { name: "a non-integer id", events: [{ ...XIAOMI, id: 1.5 }] },
  ])("refuses $name", ({ events }) => {
    expect(() => calendar(events)).toThrow(RangeError);
  });

  it.each([
    { name: "an invalid now", extra: { now: new Date("not a date") } },
    { name: "a non-http calendar URL", extra: { url: "webcal://tracker.example/deadlines.ics" } },
    { name: "a UID host with a space", extra: { uidHost: "tracker example" } },
  ])("refuses $name", ({ extra }) => {
    expect(() => calendar([XIAOMI], extra)).toThrow(RangeError);
  });
});
