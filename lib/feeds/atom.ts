import type { RecordType } from "@/lib/domain/vocabulary";
import { RECORD_KINDS } from "@/lib/records";
import { cleanText, requireHttpUrl, tidy } from "./text";

// An Atom 1.0 (RFC 4287) feed of published changes, one entry per revision. A revision never changes
// once written, so each entry's id, published and updated are fixed for good, and feed readers
// never show the same change twice.

export type ChangeEntry = {
  revisionId: number;
  recordType: RecordType;
  recordTitle: string;
  /** The public page of the changed record. */
  recordUrl: string;
  summary: string;
  /** When the change was published: an ISO 8601 timestamp with a zone, e.g. 2026-11-25T10:00:00.000Z. */
  changedAt: string;
  /** The reviewer who approved it; null for changes no person made (the seed import). */
  approvedBy: string | null;
};

export type ChangesFeedInput = {
  title: string;
  subtitle?: string;
  /** Where this feed is served from (rel="self"). */
  feedUrl: string;
  /** The human-readable page the feed mirrors (rel="alternate"). */
  siteUrl: string;
  /** The feed's permanent id, an absolute URI (a tag: URI survives a move to another address). */
  id: string;
  /** The feed's updated time when there are no entries; otherwise the latest entry's time is used. */
  updated: Date;
  /** The feed's author, which entries without a reviewer inherit; defaults to the title. */
  authorName?: string;
  entries: readonly ChangeEntry[];
};

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";

// RFC 4151 tag URIs need a date on which the authority owned the name. It is part of every entry's
// id, so it is fixed, never derived from the current date.
export const TAG_DATE = "2026";

const XML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/**
 * Escapes text for XML element content and attribute values alike. Escaping ">" also defuses "]]>";
 * no CDATA is used, so hostile text cannot end a section early.
 */
export function escapeXml(value: string): string {
  return cleanText(value).replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

/** The entry id of a revision: stable for as long as the site's host name is. */
export function revisionEntryId(host: string, revisionId: number): string {
  return `tag:${host},${TAG_DATE}:revision/${revisionId}`;
}

// RFC 3339 requires a zone; without one, Date would read the time in the server's local zone.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

function timestamp(value: string, what: string): string {
  const date = new Date(value);
  if (!RFC3339.test(value) || Number.isNaN(date.getTime())) {
    throw new RangeError(`${what} must be an ISO 8601 timestamp with a zone, not "${value}"`);
  }
  return date.toISOString();
}

function element(name: string, text: string, attributes = ""): string {
  return `<${name}${attributes}>${escapeXml(text)}</${name}>`;
}

function entryXml(entry: ChangeEntry, host: string): string[] {
  if (!Number.isSafeInteger(entry.revisionId) || entry.revisionId < 1) {
    throw new RangeError(`Invalid revision id: ${entry.revisionId}`);
  }
  const when = timestamp(entry.changedAt, `changedAt of revision ${entry.revisionId}`);
  const href = requireHttpUrl(entry.recordUrl, `recordUrl of revision ${entry.revisionId}`);
  const label = RECORD_KINDS[entry.recordType].nouns.capitalised;
  const reviewer = entry.approvedBy === null ? "" : tidy(entry.approvedBy);
  const recordTitle = tidy(entry.recordTitle);
  return [
    "  <entry>",
    `    ${element("id", revisionEntryId(host, entry.revisionId))}`,
    `    ${element("title", recordTitle ? `${label}: ${recordTitle}` : label, ' type="text"')}`,
    `    ${element("updated", when)}`,
    `    ${element("published", when)}`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(href)}"/>`,
    ...(reviewer ? [`    <author>${element("name", reviewer)}</author>`] : []),
    `    <category term="${escapeXml(entry.recordType)}" label="${escapeXml(label)}"/>`,
    `    ${element("summary", tidy(entry.summary), ' type="text"')}`,
    "  </entry>",
  ];
}

/** The changes as an Atom document, newest first, ready to serve as application/atom+xml. */
export function changesFeed(input: ChangesFeedInput): string {
  const feedUrl = requireHttpUrl(input.feedUrl, "The feed URL");
  const siteUrl = requireHttpUrl(input.siteUrl, "The site URL");
  if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(input.id)) {
    throw new RangeError(`The feed id must be an absolute URI: ${input.id}`);
  }
  if (Number.isNaN(input.updated.getTime())) throw new RangeError("updated must be a valid Date");
  const title = tidy(input.title);
  if (!title) throw new RangeError("The feed needs a title");
  const host = new URL(siteUrl).hostname;

  const seen = new Set<number>();
  for (const entry of input.entries) {
    if (seen.has(entry.revisionId)) throw new RangeError(`Revision ${entry.revisionId} appears twice`);
    seen.add(entry.revisionId);
  }
  // Newest first, and by id within the same instant, so the bytes depend only on the data.
  const entries = input.entries
    .map((entry) => ({ entry, at: timestamp(entry.changedAt, `changedAt of revision ${entry.revisionId}`) }))
    .sort((a, b) => (a.at === b.at ? b.entry.revisionId - a.entry.revisionId : a.at < b.at ? 1 : -1));
  const updated = entries[0]?.at ?? input.updated.toISOString();

  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-IN">',
    `  ${element("id", input.id)}`,
    `  ${element("title", title, ' type="text"')}`,
    ...(input.subtitle ? [`  ${element("subtitle", tidy(input.subtitle), ' type="text"')}`] : []),
    `  ${element("updated", updated)}`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(siteUrl)}"/>`,
    `  <author>${element("name", tidy(input.authorName ?? "") || title)}${element("uri", siteUrl)}</author>`,
    ...entries.flatMap(({ entry }) => entryXml(entry, host)),
    "</feed>",
  ];
  return `${lines.join("\n")}\n`;
}
