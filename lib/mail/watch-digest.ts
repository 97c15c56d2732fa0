import { formatIndiaDate, indiaDate } from "@/lib/domain/dates";
import type { WatchNews } from "@/lib/domain/digest-content";
import { formatCount } from "@/lib/domain/format";
import { digestMail, FREQUENCY_WORDS, type DigestFacts } from "./digest-letter";
import type { RenderedMail } from "./kinds";
import { value, type Block, type Part } from "./letter";
import { siteLink } from "./origin";

// The watchers' digest: what was published about each watched company or commitment since the
// previous digest (or since the watch began), newest first, each change linked to its record.

export type WatchedEntry = {
  /** A company's name, or a commitment's title. */
  title: string;
  /** For a commitment: its company's name. */
  companyName: string | null;
  path: string;
  sinceRevisionId: number;
};

export type ChangeEntry = {
  revisionId: number;
  summary: string;
  recordTitle: string;
  path: string;
  /** ISO 8601 UTC timestamp. */
  changedAt: string;
  actorName: string | null;
};

export type WatchDigestFacts = DigestFacts & {
  news: readonly WatchNews<WatchedEntry, ChangeEntry>[];
  /** When the previous digest was made (ISO timestamp), or null for the first. */
  previousAt: string | null;
};

const dateOf = (iso: string) => formatIndiaDate(indiaDate(new Date(iso)));

function heading(w: WatchedEntry): Part[] {
  return w.companyName === null
    ? [value(w.title)]
    : [value(w.title), " (a commitment of ", value(w.companyName), ")"];
}

function changeItem(facts: WatchDigestFacts, c: ChangeEntry) {
  const parts: Part[] = [value(c.summary)];
  if (c.recordTitle) parts.push(": “", value(c.recordTitle), "”");
  parts.push(`, published ${dateOf(c.changedAt)}`);
  if (c.actorName) parts.push(", approved by ", value(c.actorName));
  parts.push(".");
  return { parts, link: { label: "Read it on the tracker", href: siteLink(facts.origin, c.path) } };
}

export function renderWatchDigest(facts: WatchDigestFacts): RenderedMail {
  const count = facts.news.reduce((n, w) => n + w.changes.length + w.more, 0);
  const since = facts.previousAt ? `since ${dateOf(facts.previousAt)}` : "since you began watching";
  const blocks: Block[] = [
    {
      kind: "paragraph",
      parts: [
        `Your ${FREQUENCY_WORDS[facts.frequency]} digest of what was published about the companies and commitments you watch, ${since}.`,
      ],
    },
  ];
  for (const n of facts.news) {
    blocks.push(
      { kind: "heading", parts: heading(n.watch) },
      { kind: "list", items: n.changes.map((c) => changeItem(facts, c)) },
    );
    if (n.more > 0 || n.atLeast)
      blocks.push({
        kind: "link",
        label: `And ${n.atLeast ? "more" : formatCount(n.more)} earlier on its page`,
        href: siteLink(facts.origin, n.watch.path),
      });
  }
  blocks.push({
    kind: "link",
    label: "Everything you watch",
    href: siteLink(facts.origin, "/account/watching"),
  });
  const changes = `${count === 1 ? "1 change" : `${formatCount(count)}${facts.news.some((n) => n.atLeast) ? "+" : ""} changes`}`;
  return digestMail(
    "watch_digest",
    facts,
    `What you watch: ${changes} ${since}`,
    blocks,
    `You receive this ${FREQUENCY_WORDS[facts.frequency]} because you watch companies or commitments on the tracker.`,
  );
}
