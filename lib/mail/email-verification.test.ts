import { describe, expect, it } from "vitest";
import { renderEmailVerification } from "./email-verification";

describe("renderEmailVerification", () => {
  const link = "https://tracker.example.in/api/auth/verify-email?token=eyJ.abc&callbackURL=%2Femail-verified";

  it.each([
    ["Asha", "Asha"],
    ['<script>alert("x")</script>', "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"],
    ["Meera & Sons", "Meera &amp; Sons"],
  ])("greets %j, escaped in the HTML part", (name, escaped) => {
    const mail = renderEmailVerification({ recipientName: name, link, expiresInHours: 24 });
    expect(mail.kind).toBe("email_verification");
    expect(mail.subject).toBe("Confirm your email address");
    expect(mail.text).toContain(`Hello \u2068${name}\u2069,`);
    expect(mail.html).toContain(`<bdi>${escaped}</bdi>`);
    if (name !== escaped) expect(mail.html).not.toContain(name);
  });

  it.each([
    [24, "within 24 hours."],
    [1, "within 1 hour."],
  ])("says the link works for %i hours, and what proposals wait for", (hours, words) => {
    const mail = renderEmailVerification({ recipientName: "Asha", link, expiresInHours: hours });
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain(words);
      expect(part).toContain("Until then you can sign in and read, but your proposals wait.");
      expect(part).toContain("If you did not make this account, ignore this message");
    }
  });

  it("carries the absolute link in both parts, escaped in the attribute, and nothing that tracks", () => {
    const mail = renderEmailVerification({ recipientName: "Asha", link, expiresInHours: 24 });
    expect(mail.text).toContain(`Confirm your email address: ${link}`);
    expect(mail.html).toContain(`<a href="${link.replaceAll("&", "&amp;")}">Confirm your email address</a>`);
    expect(mail.html).not.toMatch(/<img|<link|url\(|src=/i);
    expect(mail.headers).toEqual({ "Auto-Submitted": "auto-generated" });
  });
});
