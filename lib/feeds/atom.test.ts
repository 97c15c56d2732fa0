import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { type ChangeEntry, changesFeed, escapeXml } from "./atom";

// The feed is checked by validating and parsing it with fast-xml-parser, an independent XML
// implementation, so an escaping mistake shows up as a validation error or as text that does not
// come back unchanged. Expected values are written out by hand.

const ATOM_NS = "http://www.w3.org/2005/Atom";
const NOW = new Date("2026-11-25T04:30:00.000Z");

type Text = { "#text"?: string; "@type"?: string };
type Link = { "@rel": string; "@type": string; "@href": string };
type Author = { name: [Text]; uri?: [Text] };
type Category = { "@term": string; "@label": string };
type Entry = {
  id: [Text];
  title: [Text];
  updated: [Text];
  published: [Text];
  link: Link[];
  author?: Author[];
  category: Category[];
  summary: [Text];
};
type Feed = {
  "@xmlns": string;
  "@xml:lang": string;
  id: [Text];
  title: [Text];
  subtitle?: [Text];
  updated: [Text];
  link: Link[];
  author: Author[];
  entry?: Entry[];
};

// Every element is an array and every text a node (empty elements get an empty "#text"), so a
// second <id> or a missing one is visible.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  alwaysCreateTextNode: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (_name, jpath, _isLeaf, isAttribute) =>
    !isAttribute && (String(jpath) === "feed" || String(jpath).startsWith("feed.")),
});

function parse(xml: string): Feed {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = parser.parse(xml) as { feed: [Feed] };
  expect(doc.feed).toHaveLength(1);
  return doc.feed[0];
}

const text = (node: [Text] | Text[] | undefined): string | undefined => node?.[0]?.["#text"];

const XIAOMI_CHANGE: ChangeEntry = {
  revisionId: 17,
  recordType: "commitment",
  recordTitle: "Xiaomi: 50 per cent increase in the production of locally sourced components by 2025",
  recordUrl: "https://tracker.example/commitments/1",
  summary: "Evidence grade changed from In talks to Announced.",
  changedAt: "2026-11-20T09:15:00.000Z",
  approvedBy: "Asha Reviewer",
};

const HOSTILE_TITLE =
  `<script>alert("x")</script> & ]]> <![CDATA[ 'quoted' &amp; ` +
  "\u0000\u0008\u000B\u000C\u000E\u001F\uFFFE\uFFFF\uDFFF\uD800 नोएडा 🎧\tend";
const HOSTILE_TITLE_CLEAN = `<script>alert("x")</script> & ]]> <![CDATA[ 'quoted' &amp; ` + " नोएडा 🎧\tend";

const HOSTILE_CHANGE: ChangeEntry = {
  revisionId: 18,
  recordType: "facility",
  recordTitle: HOSTILE_TITLE,
  recordUrl: "https://tracker.example/facilities/2?tab=history&from=feed",
  summary: "Line one\r\nLine two </summary><script>x</script>\rLine three ]]>",
  changedAt: "2026-11-21T10:00:00+05:30",
  approvedBy: "R & D <reviewer>",
};

const SEED_CHANGE: ChangeEntry = {
  revisionId: 3,
  recordType: "company",
  recordTitle: "Optiemus Electronics Limited",
  recordUrl: "https://tracker.example/companies/optiemus",
  summary: "Imported from the seed data.",
  changedAt: "2026-01-05T00:00:00Z",
  approvedBy: null,
};

function feed(entries: ChangeEntry[], extra: Partial<Parameters<typeof changesFeed>[0]> = {}) {
  return changesFeed({
    title: "Make in India tracker: published changes",
    subtitle: "Every approved change, newest first",
    feedUrl: "https://tracker.example/api/v1/changes.atom",
    siteUrl: "https://tracker.example/",
    id: "tag:tracker.example,2026:changes",
    updated: NOW,
    entries,
    ...extra,
  });
}

describe("escapeXml", () => {
  it.each([
    { name: "plain text", input: "Noida, Uttar Pradesh", expected: "Noida, Uttar Pradesh" },
    { name: "the five specials", input: `&<>"'`, expected: "&amp;&lt;&gt;&quot;&apos;" },
    { name: "an entity is escaped, not trusted", input: "&amp;", expected: "&amp;amp;" },
    { name: "a CDATA end is defused", input: "]]>", expected: "]]&gt;" },
    {
      name: "C0 controls go, tab and newline stay",
      input: "a\u0000\u0001\u001fb\tc\nd",
      expected: "ab\tc\nd",
    },
    { name: "CRLF and CR become newlines", input: "a\r\nb\rc", expected: "a\nb\nc" },
    { name: "non-characters and lone surrogates go", input: "a\uFFFE\uFFFF\uD800b\uDC00c", expected: "abc" },
    { name: "a surrogate pair stays", input: "🎧", expected: "🎧" },
  ])("$name", ({ input, expected }) => {
    expect(escapeXml(input)).toBe(expected);
  });
});

describe("changesFeed: the feed", () => {
  it.each([
    { name: "empty", entries: [] },
    { name: "one entry", entries: [XIAOMI_CHANGE] },
    { name: "several entries", entries: [SEED_CHANGE, XIAOMI_CHANGE, HOSTILE_CHANGE] },
  ])("is well-formed Atom with the required feed elements ($name)", ({ entries }) => {
    const xml = feed(entries);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true);
    const f = parse(xml);
    expect(f["@xmlns"]).toBe(ATOM_NS);
    expect(f["@xml:lang"]).toBe("en-IN");
    expect(f.id).toHaveLength(1);
    expect(text(f.id)).toBe("tag:tracker.example,2026:changes");
    expect(f.title).toHaveLength(1);
    expect(text(f.title)).toBe("Make in India tracker: published changes");
    expect(f.title[0]["@type"]).toBe("text");
    expect(text(f.subtitle)).toBe("Every approved change, newest first");
    expect(f.updated).toHaveLength(1);
    expect(f.link).toMatchObject([
      {
        "@rel": "self",
        "@type": "application/atom+xml",
        "@href": "https://tracker.example/api/v1/changes.atom",
      },
      { "@rel": "alternate", "@type": "text/html", "@href": "https://tracker.example/" },
    ]);
    expect(f.author).toHaveLength(1);
    expect(text(f.author[0]?.name)).toBe("Make in India tracker: published changes");
    expect(text(f.author[0]?.uri)).toBe("https://tracker.example/");
    expect(f.entry ?? []).toHaveLength(entries.length);
  });

  it("is updated when the latest entry was, or at `updated` when empty", () => {
    expect(text(parse(feed([])).updated)).toBe("2026-11-25T04:30:00.000Z");
    // 10:00 in India on 21 Nov is 04:30 UTC, later than 09:15 UTC on 20 Nov.
    expect(text(parse(feed([SEED_CHANGE, XIAOMI_CHANGE, HOSTILE_CHANGE])).updated)).toBe(
      "2026-11-21T04:30:00.000Z",
    );
  });

  it("uses the feed author unless told otherwise", () => {
    const f = parse(feed([], { authorName: "Tracker editors" }));
    expect(text(f.author[0]?.name)).toBe("Tracker editors");
  });

  it("is deterministic and newest first whatever the input order", () => {
    const a = feed([SEED_CHANGE, XIAOMI_CHANGE, HOSTILE_CHANGE]);
    const b = feed([HOSTILE_CHANGE, SEED_CHANGE, XIAOMI_CHANGE]);
    expect(a).toBe(b);
    expect(parse(a).entry?.map((e) => text(e.id))).toEqual([
      "tag:tracker.example,2026:revision/18",
      "tag:tracker.example,2026:revision/17",
      "tag:tracker.example,2026:revision/3",
    ]);
  });
});

describe("changesFeed: entries", () => {
  it("describes a revision with a stable id, times, link, author and category", () => {
    const [entry] = parse(feed([XIAOMI_CHANGE])).entry ?? [];
    expect(entry).toBeDefined();
    expect(entry?.id).toHaveLength(1);
    expect(text(entry?.id)).toBe("tag:tracker.example,2026:revision/17");
    expect(text(entry?.title)).toBe(
      "Commitment: Xiaomi: 50 per cent increase in the production of locally sourced components by 2025",
    );
    expect(entry?.title[0]["@type"]).toBe("text");
    expect(text(entry?.updated)).toBe("2026-11-20T09:15:00.000Z");
    expect(text(entry?.published)).toBe("2026-11-20T09:15:00.000Z");
    expect(entry?.link).toMatchObject([
      { "@rel": "alternate", "@type": "text/html", "@href": "https://tracker.example/commitments/1" },
    ]);
    expect(entry?.author?.map((a) => text(a.name))).toEqual(["Asha Reviewer"]);
    expect(entry?.category).toMatchObject([{ "@term": "commitment", "@label": "Commitment" }]);
    expect(text(entry?.summary)).toBe("Evidence grade changed from In talks to Announced.");
    expect(entry?.summary[0]["@type"]).toBe("text");
  });

  it("keeps the same id whenever the feed is written", () => {
    const first = parse(feed([XIAOMI_CHANGE], { updated: new Date("2026-01-01T00:00:00Z") }));
    const later = parse(feed([XIAOMI_CHANGE, SEED_CHANGE], { updated: new Date("2027-06-01T00:00:00Z") }));
    const idOf17 = (f: Feed) => f.entry?.map((e) => text(e.id)).find((id) => id?.endsWith("/17"));
    expect(idOf17(first)).toBe(idOf17(later));
  });

  it("leaves out the entry author when no person approved it, so the feed author applies", () => {
    const [entry] = parse(feed([SEED_CHANGE])).entry ?? [];
    expect(entry?.author).toBeUndefined();
    expect(text(entry?.title)).toBe("Company: Optiemus Electronics Limited");
  });

  it("round-trips hostile text as text", () => {
    const xml = feed([HOSTILE_CHANGE]);
    expect(xml).not.toContain("<script");
    expect(xml).not.toContain("]]>");
    expect(xml).not.toContain("<![CDATA[");
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\r]/);

    const [entry] = parse(xml).entry ?? [];
    expect(text(entry?.title)).toBe(`Facility: ${HOSTILE_TITLE_CLEAN}`);
    expect(text(entry?.summary)).toBe("Line one\nLine two </summary><script>x</script>\nLine three ]]>");
    expect(entry?.author?.map((a) => text(a.name))).toEqual(["R & D <reviewer>"]);
    expect(entry?.link[0]?.["@href"]).toBe("https://tracker.example/facilities/2?tab=history&from=feed");
    expect(text(entry?.updated)).toBe("2026-11-21T04:30:00.000Z");
  });

  it("gives an entry without a title the record type alone", () => {
    const [entry] = parse(feed([{ ...SEED_CHANGE, recordTitle: " \u0000 " }])).entry ?? [];
    expect(text(entry?.title)).toBe("Company");
  });

  it.each([
    { name: "a timestamp without a zone", entry: { ...XIAOMI_CHANGE, changedAt: "2026-11-20 09:15:00" } },
    { name: "a timestamp that is not one", entry: { ...XIAOMI_CHANGE, changedAt: "yesterday" } },
    { name: "a javascript: record URL", entry: { ...XIAOMI_CHANGE, recordUrl: "javascript:alert(1)" } },
    { name: "a relative record URL", entry: { ...XIAOMI_CHANGE, recordUrl: "/commitments/1" } },
    { name: "a non-integer revision id", entry: { ...XIAOMI_CHANGE, revisionId: 0 } },
  ])("refuses $name", ({ entry }) => {
    expect(() => feed([entry])).toThrow(RangeError);
  });

  it.each([
    { name: "a repeated revision", entries: [XIAOMI_CHANGE, { ...XIAOMI_CHANGE }], extra: {} },
    { name: "a feed id that is not a URI", entries: [], extra: { id: "changes feed" } },
    { name: "an empty title", entries: [], extra: { title: " " } },
    { name: "an invalid updated", entries: [], extra: { updated: new Date(Number.NaN) } },
    { name: "a non-http feed URL", entries: [], extra: { feedUrl: "file:///etc/passwd" } },
  ])("refuses $name", ({ entries, extra }) => {
    expect(() => feed(entries, extra)).toThrow(RangeError);
  });
});
