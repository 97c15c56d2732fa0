import { describe, expect, it } from "vitest";
import type { RenderedMail } from "./kinds";
import { escapeHtml, subjectLine } from "./letter";
import { DEFAULT_SITE_ORIGIN, parseSiteOrigin, siteLink } from "./origin";
import { renderSubmissionApproved } from "./submission-approved";
import { renderSubmissionChangesRequested } from "./submission-changes-requested";
import type { DecisionFacts } from "./submission-decision";
import { renderSubmissionRejected } from "./submission-rejected";
import { renderSubmissionSentBack } from "./submission-sent-back";
import { expectSafeMail, HOSTILE_MAIL_CASES } from "@/lib/testing/mail-checks";

const ORIGIN = "https://tracker.example.in";

const facts = (over: Partial<DecisionFacts> = {}): DecisionFacts => ({
  origin: ORIGIN,
  recipientName: "Asha Contributor",
  submissionId: 42,
  recordType: "commitment",
  action: "create",
  title: "Make speakers in Noida",
  decidedOn: "2026-11-25",
  ...over,
});

/** Every template, rendered with the same facts and the same stored text in each free field. */
function everyTemplate(f: DecisionFacts, words: string): [string, RenderedMail][] {
  return [
    ["approved", renderSubmissionApproved({ ...f, note: words, recordPath: "/commitments/7" })],
    ["rejected", renderSubmissionRejected({ ...f, reason: words })],
    ["changes requested", renderSubmissionChangesRequested({ ...f, comment: words })],
    [
      "sent back",
      renderSubmissionSentBack({
        ...f,
        companySlug: "acme-audio",
        companySubmissionId: 41,
        companyReason: words,
      }),
    ],
  ];
}

describe("decision messages", () => {
  it.each([
    {
      name: "approved",
      mail: renderSubmissionApproved({ ...facts(), note: null, recordPath: "/commitments/7" }),
      subject: "Approved: Make speakers in Noida",
      says: [
        "Hello \u2068Asha Contributor\u2069,",
        "Your proposal of a new commitment, “\u2068Make speakers in Noida\u2069” was approved on 25 Nov 2026 and is now published.",
        "Read it on the tracker: https://tracker.example.in/commitments/7",
        "Your proposals: https://tracker.example.in/account/submissions#submission-42",
      ],
    },
    {
      name: "rejected, with the reason",
      mail: renderSubmissionRejected({ ...facts(), reason: "No source says this.\nPlease cite one." }),
      subject: "Not accepted: Make speakers in Noida",
      says: [
        "was rejected on 25 Nov 2026.",
        "Why it was rejected:\n> \u2068No source says this.\u2069\n> \u2068Please cite one.\u2069",
      ],
    },
    {
      name: "changes requested, with the comment",
      mail: renderSubmissionChangesRequested({
        ...facts({ action: "change" }),
        comment: "Use the 2025 figure.",
      }),
      subject: "Changes requested: Make speakers in Noida",
      says: [
        "A reviewer sent your proposal of a change to the commitment “\u2068Make speakers in Noida\u2069” back to you on 25 Nov 2026, asking for changes.",
        "What the reviewer asked you to change:\n> \u2068Use the 2025 figure.\u2069",
        "Edit and send it again: https://tracker.example.in/submit/commitment?resubmit=42",
      ],
    },
    {
      name: "sent back because the company it names was rejected",
      mail: renderSubmissionSentBack({
        ...facts(),
        companySlug: "acme-audio",
        companySubmissionId: 41,
        companyReason: "A brand of Xiaomi, already in the tracker.",
      }),
      subject: "Sent back: Make speakers in Noida",
      says: [
        "came back to you on 25 Nov 2026: the company it names, “\u2068acme-audio\u2069” (your proposal 41), was rejected.",
        "Why the company was rejected:\n> \u2068A brand of Xiaomi, already in the tracker.\u2069",
        "Edit and send it again: https://tracker.example.in/submit/commitment?resubmit=42",
      ],
    },
  ])("$name: subject, plain text and HTML say the same", ({ mail, subject, says }) => {
    expect(mail.subject).toBe(subject);
    for (const words of says) expect(mail.text).toContain(words);
    expect(mail.html).toContain(`<title>${escapeHtml(subject)}</title>`);
    expect(mail.html).toContain("<bdi>Make speakers in Noida</bdi>");
    expect(mail.html).toContain('<a href="https://tracker.example.in/account/submissions#submission-42">');
    expect(mail.headers).toEqual({ "Auto-Submitted": "auto-generated" });
  });

  it.each([
    ["create", "Your proposal of a new company, “\u2068Acme\u2069”"],
    ["change", "Your proposal of a change to the company “\u2068Acme\u2069”"],
    ["withdraw", "Your proposal of the withdrawal of the company “\u2068Acme\u2069”"],
  ] as const)("names a %s proposal as the contributor made it", (action, words) => {
    const mail = renderSubmissionApproved({
      ...facts({ recordType: "company", action, title: "Acme" }),
      note: null,
      recordPath: "/companies/acme",
    });
    expect(mail.text).toContain(words);
    // A withdrawn record has no page to read.
    expect(mail.text.includes("Read it on the tracker")).toBe(action !== "withdraw");
  });

  it.each(HOSTILE_MAIL_CASES)(
    "hostile stored text %j is escaped in HTML and kept in one subject line",
    (_label, words) => {
      for (const [template, mail] of everyTemplate(
        facts({ title: words, recipientName: words }),
        `${words}\n${words}`,
      ))
        expectSafeMail(mail, template);
    },
  );

  it("isolates right-to-left and override characters so they cannot reorder the words around them", () => {
    const mail = renderSubmissionRejected({ ...facts({ title: "\u202Eevil" }), reason: "مرفوض" });
    expect(mail.text).toContain("“\u2068\u202Eevil\u2069” was rejected");
    expect(mail.html).toContain("“<bdi>\u202Eevil</bdi>”");
    expect(mail.html).toContain("<bdi>مرفوض</bdi>");
  });

  it("escapes every character HTML gives meaning to, in text and in attributes", () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;",
    );
    const mail = renderSubmissionApproved({ ...facts(), note: null, recordPath: `/companies/a"><script>` });
    expect(mail.html).toContain('href="https://tracker.example.in/companies/a%22%3E%3Cscript%3E"');
  });

  it("carries no images or remote resources: nothing that could track a reader", () => {
    for (const [, mail] of everyTemplate(facts(), "A note")) {
      expect(mail.html).not.toMatch(/<img|<link|url\(|src=/i);
    }
  });
});

describe("subjectLine", () => {
  it.each([
    ["Approved: a\r\nBcc: x@example.in", "Approved: a Bcc: x@example.in"],
    ["  spaced\t out  ", "spaced out"],
    ["a\u0000b", "ab"],
    [`${"x".repeat(200)}`, `${"x".repeat(139)}…`],
    [`${"x".repeat(138)}🎧🎧`, `${"x".repeat(138)}…`],
  ])("%j becomes %j", (input, expected) => {
    expect(subjectLine(input)).toBe(expected);
  });
});

describe("site origin", () => {
  it.each([
    [undefined, null],
    ["", null],
    ["https://tracker.example.in/", "https://tracker.example.in"],
    ["https://tracker.example.in/some/path?q=1", "https://tracker.example.in"],
    ["http://localhost:3100", "http://localhost:3100"],
    ["javascript:alert(1)", null],
    ["tracker.example.in", null],
    ["ftp://tracker.example.in", null],
  ])("parseSiteOrigin(%j) is %j", (raw, expected) => {
    expect(parseSiteOrigin(raw)).toBe(expected);
  });

  it("makes absolute links from a path", () => {
    expect(siteLink(DEFAULT_SITE_ORIGIN, "/account/submissions#submission-3")).toBe(
      "http://localhost:3000/account/submissions#submission-3",
    );
  });
});
