import type { DigestFrequency, DigestKind } from "@/lib/domain/digest-schedule";
import type { Block, Letter } from "./letter";
import { renderHtml, renderText, subjectLine } from "./letter";
import type { RenderedMail } from "./kinds";
import { siteLink } from "./origin";
import { unsubscribeHeaders } from "./unsubscribe";

// What both digests share: how often the reader gets it and how to change that, the one-click
// unsubscribe (RFC 8058) in the headers and as a link in both parts, and no tracking of any kind.

export type DigestFacts = {
  /** Where links start: the site's origin, e.g. https://tracker.example.in. */
  origin: string;
  recipientName: string;
  frequency: Exclude<DigestFrequency, "off">;
  /** The calendar date in India the digest was made on (YYYY-MM-DD). */
  today: string;
  /** The absolute unsubscribe address (lib/mail/unsubscribe.ts), for the header and the link. */
  unsubscribeLink: string;
};

export const FREQUENCY_WORDS = { daily: "daily", weekly: "weekly" } as const;

/** The account page's section where the frequency is chosen. */
export const DIGEST_SETTINGS_PATH = "/account#digests";

export function digestMail(
  kind: DigestKind,
  facts: DigestFacts,
  subject: string,
  blocks: readonly Block[],
  footer: string,
): RenderedMail {
  const line = subjectLine(subject);
  const letter: Letter = {
    greetingName: facts.recipientName,
    blocks: [
      ...blocks,
      {
        kind: "link",
        label: "Choose how often you get this digest",
        href: siteLink(facts.origin, DIGEST_SETTINGS_PATH),
      },
      { kind: "link", label: "Unsubscribe from this digest", href: facts.unsubscribeLink },
    ],
    footer,
  };
  return {
    kind,
    subject: line,
    text: renderText(letter),
    html: renderHtml(letter, line),
    headers: { "Auto-Submitted": "auto-generated", ...unsubscribeHeaders(facts.unsubscribeLink) },
  };
}
