import { describe, expect, it } from "vitest";
import { renderPasswordReset } from "./password-reset";

describe("renderPasswordReset", () => {
  const link = "https://tracker.example.in/reset-password?token=abc123";

  it.each([
    ["Asha", "Asha"],
    ['<script>alert("x")</script>', "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"],
    ["Meera & Sons", "Meera &amp; Sons"],
  ])("greets %j, escaped in the HTML part", (name, escaped) => {
    const mail = renderPasswordReset({ recipientName: name, link, expiresInMinutes: 60 });
    expect(mail.kind).toBe("password_reset");
    expect(mail.subject).toBe("Choose a new password");
    expect(mail.text).toContain(name);
    expect(mail.html).toContain(escaped);
    if (name !== escaped) expect(mail.html).not.toContain(name);
  });

  it("gives the link, how long it works, and what to do if the request was not the reader's", () => {
    const mail = renderPasswordReset({ recipientName: "Asha", link, expiresInMinutes: 60 });
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain("within 60 minutes. It works once.");
      expect(part).toContain("If it was not you, ignore this message");
    }
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${link.replace("&", "&amp;")}"`);
    expect(mail.html).not.toMatch(/<img\b/i);
  });
});
