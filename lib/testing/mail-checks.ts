import { expect } from "vitest";
import type { RenderedMail } from "@/lib/mail/kinds";
import { HOSTILE_GROUPS } from "./hostile-corpus";

// What every template is checked against: stored text from the hostile corpus, and what must
// hold of any message rendered with it (lib/mail/*.test.ts).

/** Stored text no template may let out of its place: markup, controls, bidi overrides, bulk. */
export const HOSTILE_MAIL_TEXTS = [
  ...HOSTILE_GROUPS.injection,
  ...HOSTILE_GROUPS.unicode,
  ...HOSTILE_GROUPS.mixed.slice(0, 10),
  `Quotes "double" and 'single' & ampersands`,
  "مصنع السماعات في نويدا",
  "\u202Egnp.exe\u202C title",
  "x".repeat(5000),
];

/** [label, text] rows for it.each, with long texts cut in the label. */
export const HOSTILE_MAIL_CASES = HOSTILE_MAIL_TEXTS.map((v) => [
  v.length > 60 ? `${v.slice(0, 60)}…` : v,
  v,
]);

/** The layout's own tags (lib/mail/letter.ts): no stored markup may add another. */
const LAYOUT_TAG =
  /^<\/?(html|head|meta|title|body|p|br|bdi|blockquote|a|h2|ul|li)( (lang|charset|style|href)="[^"<>]*")*>$/;

/** The HTML part has only the layout's tags, the subject is one bounded line, neither part carries NUL or a lone surrogate. */
export function expectSafeMail(mail: RenderedMail, template: string): void {
  const tags = mail.html.match(/<\/?[a-z][^>]*>/gi) ?? [];
  for (const tag of tags) expect(tag, template).toMatch(LAYOUT_TAG);
  expect(mail.html, template).not.toMatch(/<script|<img|<svg|<iframe|<style|<math|<base/i);
  expect(mail.subject, template).not.toMatch(/[\r\n\u0000-\u001f]/);
  expect(mail.subject.length, template).toBeLessThanOrEqual(140);
  for (const part of [mail.text, mail.html])
    expect(part, template).not.toMatch(
      /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
    );
}
