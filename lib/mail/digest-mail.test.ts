import { describe, expect, it } from "vitest";
import { renderDeadlineDigest, type DeadlineDigestEntry } from "./deadline-digest";
import type { DigestFacts } from "./digest-letter";
import type { RenderedMail } from "./kinds";
import { renderWatchDigest, type ChangeEntry, type WatchedEntry } from "./watch-digest";
import { expectSafeMail, HOSTILE_MAIL_CASES } from "@/lib/testing/mail-checks";

const ORIGIN = "https://tracker.example.in";
const UNSUBSCRIBE = `${ORIGIN}/unsubscribe?token=abc.deadline_digest.xyz`;

const facts = (over: Partial<DigestFacts> = {}): DigestFacts => ({
  origin: ORIGIN,
  recipientName: "Ravi Reviewer",
  frequency: "weekly",
  today: "2026-11-25",
  unsubscribeLink: UNSUBSCRIBE,
  ...over,
});

const entry = (over: Partial<DeadlineDigestEntry> = {}): DeadlineDigestEntry => ({
  id: 1,
  title: "50 per cent increase in locally sourced components",
  companyName: "Xiaomi",
  deadlineLabel: "by 2025",
  dueOn: "2025-12-31",
  timing: "329 days overdue",
  ...over,
});

const watched = (over: Partial<WatchedEntry> = {}): WatchedEntry => ({
  title: "Xiaomi",
  companyName: null,
  path: "/companies/xiaomi",
  sinceRevisionId: 0,
  ...over,
});

const change = (over: Partial<ChangeEntry> = {}): ChangeEntry => ({
  revisionId: 5,
  summary: "Changed the target",
  recordTitle: "Make earbuds in Noida",
  path: "/commitments/7",
  changedAt: "2026-11-24T20:00:00.000Z",
  actorName: "Meera Admin",
  ...over,
});

function deadlineMail(words: string): RenderedMail {
  return renderDeadlineDigest({
    ...facts({ recipientName: words }),
    groups: [
      { bucket: "overdue_unverified", total: 1, items: [entry({ title: words, companyName: words })] },
      { bucket: "due_30", total: 1, items: [entry({ id: 2, title: words, dueOn: "2026-12-10" })] },
    ],
  });
}

function watchMail(words: string): RenderedMail {
  return renderWatchDigest({
    ...facts({ recipientName: words }),
    previousAt: null,
    news: [
      {
        watch: watched({ title: words, companyName: words }),
        changes: [change({ summary: words, recordTitle: words, actorName: words })],
        more: 0,
        atLeast: false,
      },
    ],
  });
}

describe("the deadline digest", () => {
  const mail = renderDeadlineDigest({
    ...facts(),
    groups: [
      { bucket: "overdue_unverified", total: 1, items: [entry()] },
      {
        bucket: "due_90",
        total: 1234,
        items: [
          entry({
            id: 9,
            title: "Assemble laptops",
            companyName: "Dixon",
            deadlineLabel: "by Q1 2027",
            dueOn: "2027-01-31",
            timing: "67 days left",
          }),
        ],
      },
    ],
  });

  it("says what is due, in en-IN dates and numbers, each with an absolute link to record its outcome", () => {
    expect(mail.kind).toBe("deadline_digest");
    expect(mail.subject).toBe(
      "Deadlines on 25 Nov 2026: 1 overdue and unverified, 1,234 due in 31 to 90 days",
    );
    for (const words of [
      "Hello \u2068Ravi Reviewer\u2069,",
      "Your weekly digest of commitment deadlines on 25 Nov 2026",
      "Overdue and unverified (1)\n\n- “\u206850 per cent increase in locally sourced components\u2069” (\u2068Xiaomi\u2069), by 2025, due 31 Dec 2025: 329 days overdue.\n  Record the outcome: https://tracker.example.in/deadlines/outcome?commitment=1",
      "Due in 31 to 90 days (1,234)\n\n- “\u2068Assemble laptops\u2069” (\u2068Dixon\u2069), by Q1 2027, due 31 Jan 2027: 67 days left.\n  Record the outcome: https://tracker.example.in/deadlines/outcome?commitment=9",
      "And 1,233 more on the deadline page: https://tracker.example.in/deadlines#due_90",
      "Choose how often you get this digest: https://tracker.example.in/account#digests",
      `Unsubscribe from this digest: ${UNSUBSCRIBE}`,
      "You receive this weekly because you review commitments on the tracker.",
    ])
      expect(mail.text).toContain(words);
    expect(mail.text).not.toContain("Due within 30 days");
    expect(mail.html).toContain(
      '<a href="https://tracker.example.in/deadlines/outcome?commitment=1">Record the outcome</a>',
    );
    expect(mail.html).toContain("“<bdi>Assemble laptops</bdi>” (<bdi>Dixon</bdi>)");
  });

  it("carries RFC 8058 one-click unsubscribe headers", () => {
    expect(mail.headers).toEqual({
      "Auto-Submitted": "auto-generated",
      "List-Unsubscribe": `<${UNSUBSCRIBE}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });
});

describe("the watch digest", () => {
  it("lists each watched record's news with when, who and a link", () => {
    const mail = renderWatchDigest({
      ...facts({ frequency: "daily" }),
      previousAt: "2026-11-23T03:00:00.000Z",
      news: [
        {
          watch: watched({ title: "Make earbuds in Noida", companyName: "Xiaomi", path: "/commitments/7" }),
          changes: [change(), change({ revisionId: 4, summary: "Recorded progress", actorName: null })],
          more: 3,
          atLeast: false,
        },
      ],
    });
    expect(mail.kind).toBe("watch_digest");
    expect(mail.subject).toBe("What you watch: 5 changes since 23 Nov 2026");
    for (const words of [
      "Your daily digest of what was published about the companies and commitments you watch, since 23 Nov 2026.",
      "\u2068Make earbuds in Noida\u2069 (a commitment of \u2068Xiaomi\u2069)",
      // 20:00 UTC on the 24th is the 25th in India.
      "- \u2068Changed the target\u2069: “\u2068Make earbuds in Noida\u2069”, published 25 Nov 2026, approved by \u2068Meera Admin\u2069.\n  Read it on the tracker: https://tracker.example.in/commitments/7",
      "- \u2068Recorded progress\u2069: “\u2068Make earbuds in Noida\u2069”, published 25 Nov 2026.\n",
      "And 3 earlier on its page: https://tracker.example.in/commitments/7",
      "Everything you watch: https://tracker.example.in/account/watching",
    ])
      expect(mail.text).toContain(words);
    expect(mail.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  });

  it("names the first digest's start as the watch's", () => {
    expect(watchMail("Tesla").subject).toBe("What you watch: 1 change since you began watching");
  });
});

describe("hostile stored text in both digests", () => {
  it.each(HOSTILE_MAIL_CASES)("%j is escaped in HTML and kept out of the headers", (_label, words) => {
    for (const [template, mail] of [
      ["deadline", deadlineMail(words)],
      ["watch", watchMail(words)],
    ] as const) {
      expectSafeMail(mail, template);
      // Stored words never reach a header: only the site's own link does.
      expect(Object.values(mail.headers).join("\n"), template).not.toContain(words.slice(0, 20));
    }
  });

  it("carries no images or remote resources: nothing that could track a reader", () => {
    for (const mail of [deadlineMail("A title"), watchMail("A title")])
      expect(mail.html).not.toMatch(/<img|<link|url\(|src=/i);
  });
});
