import { formatIndiaDate } from "@/lib/domain/dates";
import { BUCKET_RULES, type DeadlineBucket } from "@/lib/domain/deadline-buckets";
import type { DigestGroup } from "@/lib/domain/digest-content";
import { formatCount } from "@/lib/domain/format";
import { digestMail, FREQUENCY_WORDS, type DigestFacts } from "./digest-letter";
import type { RenderedMail } from "./kinds";
import { value, type Block } from "./letter";
import { siteLink } from "./origin";

// The reviewers' digest of deadlines: overdue with no outcome, due within 30 days, due in 31 to
// 90 days, as the deadline page groups them, each entry with a link to record its outcome.

export type DeadlineDigestEntry = {
  id: number;
  title: string;
  companyName: string;
  /** "by 2025", as the company put it. */
  deadlineLabel: string;
  dueOn: string | null;
  /** "329 days overdue", "12 days left". */
  timing: string;
};

export type DeadlineDigestFacts = DigestFacts & { groups: readonly DigestGroup<DeadlineDigestEntry>[] };

/** The subject's words for each group: shorter than the page's titles. */
const SUBJECT_WORDS: Partial<Record<DeadlineBucket, string>> = {
  overdue_unverified: "overdue and unverified",
  due_30: "due within 30 days",
  due_90: "due in 31 to 90 days",
};

/** "1 overdue and unverified, 2 due within 30 days": the subject's summary of the groups. */
function tally(groups: DeadlineDigestFacts["groups"]): string {
  return groups
    .map((g) => `${formatCount(g.total)} ${SUBJECT_WORDS[g.bucket] ?? BUCKET_RULES[g.bucket].title}`)
    .join(", ");
}

function entry(facts: DeadlineDigestFacts, c: DeadlineDigestEntry) {
  return {
    parts: [
      "“",
      value(c.title),
      "” (",
      value(c.companyName),
      `), ${c.deadlineLabel}${c.dueOn ? `, due ${formatIndiaDate(c.dueOn)}` : ""}: ${c.timing}.`,
    ],
    link: {
      label: "Record the outcome",
      href: siteLink(facts.origin, `/deadlines/outcome?commitment=${c.id}`),
    },
  };
}

export function renderDeadlineDigest(facts: DeadlineDigestFacts): RenderedMail {
  const blocks: Block[] = [
    {
      kind: "paragraph",
      parts: [
        `Your ${FREQUENCY_WORDS[facts.frequency]} digest of commitment deadlines on ${formatIndiaDate(facts.today)}: what is past its deadline with no outcome recorded, and what falls due in the next 90 days.`,
      ],
    },
  ];
  for (const group of facts.groups) {
    const rule = BUCKET_RULES[group.bucket];
    blocks.push(
      { kind: "heading", parts: [`${rule.title} (${formatCount(group.total)})`] },
      { kind: "list", items: group.items.map((c) => entry(facts, c)) },
    );
    if (group.total > group.items.length)
      blocks.push({
        kind: "link",
        label: `And ${formatCount(group.total - group.items.length)} more on the deadline page`,
        href: siteLink(facts.origin, `/deadlines#${group.bucket}`),
      });
  }
  blocks.push({ kind: "link", label: "All deadlines", href: siteLink(facts.origin, "/deadlines") });
  return digestMail(
    "deadline_digest",
    facts,
    `Deadlines on ${formatIndiaDate(facts.today)}: ${tally(facts.groups)}`,
    blocks,
    `You receive this ${FREQUENCY_WORDS[facts.frequency]} because you review commitments on the tracker.`,
  );
}
