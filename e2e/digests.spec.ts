import { expect, test } from "@playwright/test";
import { setDigestFrequency } from "@/db/mutations/digest-settings";
import { startSmtpSink } from "@/mail/testing/smtp-sink";
import { freshDatabase, serverAndSinkPerTest } from "./support/mail-server";
import { portBesideSuite, startServer } from "./support/server";
import { createUser, signInAt } from "./support/users";

// Digests end to end (issue 13): a reviewer chooses a daily digest of deadlines on the account
// page of a server of the test's own, receives it through a real SMTP server started here, and
// unsubscribes with the one-click POST a mail client sends (RFC 8058): no cookie, no session.

const PORT = portBesideSuite(31);
const DB = ".e2e-data/digests.db";

const own = serverAndSinkPerTest();

test("a reviewer chooses a daily digest, receives it, and unsubscribes in one click", async ({ page }) => {
  test.setTimeout(90_000);
  const db = freshDatabase(DB);
  const reviewer = await createUser("reviewer", "Ravi <b>Reviewer</b>", db);
  // Off until chosen in the browser, so the digest that arrives is the one the page asked for.
  setDigestFrequency(db, { userId: reviewer.id, kind: "deadline_digest", frequency: "off" });
  setDigestFrequency(db, { userId: reviewer.id, kind: "watch_digest", frequency: "off" });

  const sink = (own.sink = await startSmtpSink());
  const server = (own.server = await startServer(PORT, DB, {
    SMTP_URL: sink.url,
    MAIL_FROM: "Tracker <tracker@example.in>",
    // Links in the digest lead back to this server, so the unsubscribe POST reaches it.
    TRACKER_ORIGIN: `http://127.0.0.1:${PORT}`,
    TRACKER_MAIL_INTERVAL_SECONDS: "1",
    TRACKER_DIGEST_CHECK_SECONDS: "1",
    // With the day pinned to 25 Nov 2026, a send hour of midnight makes the day's digest due at once.
    TRACKER_DIGEST_HOUR: "0",
  }));

  await signInAt(page, server.url, reviewer);
  await page.goto(`${server.url}/account`);
  const deadlines = page.getByRole("group", { name: "Digest of deadlines" });
  await expect(deadlines.getByRole("radio", { name: "Off" })).toBeChecked();
  await deadlines.getByRole("radio", { name: "Daily" }).check();
  await page.getByRole("button", { name: "Save email settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(deadlines.getByRole("radio", { name: "Daily" })).toBeChecked();

  await expect.poll(() => sink.received.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  const mail = sink.received[0]!;
  expect(mail.to && "text" in mail.to ? mail.to.text : "").toContain(reviewer.email);
  // The seed's Xiaomi target, overdue and unverified on 25 Nov 2026.
  expect(mail.subject).toBe("Deadlines on 25 Nov 2026: 1 overdue and unverified");
  expect(mail.text).toContain("Your daily digest of commitment deadlines on 25 Nov 2026");
  expect(mail.text).toContain("by 2025, due 31 Dec 2025: 329 days overdue.");
  expect(mail.text).toContain(`Record the outcome: http://127.0.0.1:${PORT}/deadlines/outcome?commitment=`);
  expect(mail.html).toContain("Hello <bdi>Ravi &lt;b&gt;Reviewer&lt;/b&gt;</bdi>,");
  expect(mail.html).not.toMatch(/<img\b/i);
  const header = (name: string) =>
    mail.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, "") ?? "";
  expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
  const link = /^<(http:\/\/127\.0\.0\.1:\d+\/unsubscribe\?token=[^>]+)>$/.exec(
    header("list-unsubscribe"),
  )?.[1];
  expect(link).toBeTruthy();

  // Opening the link (as a mail scanner would) only shows the button.
  const shown = await fetch(link!);
  expect(shown.status).toBe(200);
  expect(await shown.text()).toContain('<button type="submit">Unsubscribe</button>');
  await page.reload();
  await expect(deadlines.getByRole("radio", { name: "Daily" })).toBeChecked();

  // The mail client's one-click POST: no cookie, from elsewhere.
  const unsubscribed = await fetch(link!, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://mail.example.com" },
    body: "List-Unsubscribe=One-Click",
  });
  expect(unsubscribed.status).toBe(200);
  expect(await unsubscribed.text()).toContain("You will no longer receive the digest of deadlines.");

  await page.reload();
  await expect(deadlines.getByRole("radio", { name: "Off" })).toBeChecked();
  // One digest for the day, however many checks ran.
  await page.waitForTimeout(2500);
  expect(sink.received).toHaveLength(1);
});
