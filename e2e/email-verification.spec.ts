import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { submissions, users } from "@/db/schema";
import { startSmtpSink } from "@/mail/testing/smtp-sink";
import { expectCommitmentKept, fillCommitment } from "./support/commitment-form";
import { freshDatabase, serversAndSinkPerTest } from "./support/mail";
import { portBesideSuite, startServer } from "./support/server";
import { signInAt, signUpInBrowser } from "./support/users";

// A new account confirms its address from its inbox before a proposal of its is sent (issue 13,
// docs/decisions/0025): better-auth's verification flow, the link sent through the outbox to a
// real SMTP server started here. Until then the person signs in and reads; a proposal is refused
// with everything typed kept, beside a button that sends the link again.

const PORT = portBesideSuite(47);
const DB = ".e2e-data/email-verification.db";
const VERIFY_LINK = /https?:\/\/\S+\/api\/auth\/verify-email\?token=\S+/;

// Both tests use the one port and database file.
test.describe.configure({ mode: "serial" });

const own = serversAndSinkPerTest();

test("a proposal waits until the address is confirmed through the link in the message", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const db = freshDatabase(DB);
  const sink = (own.sink = await startSmtpSink());
  const origin = `http://127.0.0.1:${PORT}`;
  own.servers.push(
    await startServer(PORT, DB, {
      SMTP_URL: sink.url,
      TRACKER_MAIL_INTERVAL_SECONDS: "1",
      TRACKER_ORIGIN: origin,
      // No digests: this counts every message.
      TRACKER_DIGEST_CHECK_SECONDS: "0",
    }),
  );
  const person = {
    name: "Nisha <i>New</i>",
    email: `nisha-${crypto.randomUUID()}@example.in`,
    password: "monsoon kite paper lantern",
  };

  await signUpInBrowser(page, person, origin);
  const answer = page.getByRole("status").filter({ hasText: "Check your inbox" });
  await expect(answer).toContainText(`Check your inbox at ${person.email}.`);
  const answerWords = (await answer.textContent())!.replace(person.email, "<email>");
  await expect.poll(() => sink.received.length, { timeout: 20_000 }).toBe(1);
  const first = sink.received[0]!;
  expect(first.to && "text" in first.to ? first.to.text : "").toContain(person.email);
  expect(first.subject).toBe("Confirm your email address");
  expect(first.text).toMatch(VERIFY_LINK);
  // The stored name is text in the HTML part, never markup; nothing is loaded from anywhere.
  expect(first.html).toContain("Nisha &lt;i&gt;New&lt;/i&gt;");
  expect(first.html).not.toContain("<i>New</i>");
  expect(first.html).not.toMatch(/<img\b/i);

  // Signed in before the address is confirmed: the account page says what waits.
  const userId = db.select({ id: users.id }).from(users).where(eq(users.email, person.email)).get()!.id;
  await signInAt(page, origin, { ...person, id: userId, role: "contributor" });
  await page.goto(`${origin}/account`);
  await expect(page.getByRole("heading", { name: "Confirm your email address" })).toBeVisible();

  // The proposal is refused in the action itself, with everything typed kept.
  const c = {
    title: `Make hearing aids in Pune ${crypto.randomUUID().slice(0, 8)}`,
    url: "https://news.example.in/hearing-aids-pune",
  };
  await page.goto(`${origin}/submit/commitment`);
  await fillCommitment(page, c);
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Confirm your email address before you propose" }),
  ).toBeVisible();
  await expect(page).toHaveURL(`${origin}/submit/commitment`);
  await expectCommitmentKept(page, c);
  await expect(page.locator("#sources-0-url")).toHaveValue(c.url);
  const mine = () => db.select().from(submissions).where(eq(submissions.submittedById, userId)).all();
  expect(mine()).toEqual([]);

  // "Send the link again" sends a second message, and leaves the proposal form as it was.
  await page.getByRole("button", { name: "Send the link again" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "A new link to confirm your address is on its way" }),
  ).toBeVisible();
  await expect.poll(() => sink.received.length, { timeout: 20_000 }).toBe(2);
  await expectCommitmentKept(page, c);
  const link = sink.received[1]!.text?.match(VERIFY_LINK)?.[0];
  expect(link, sink.received[1]!.text).toBeTruthy();

  // The link, opened from the inbox in another tab, lands on our page saying the address is confirmed.
  const inbox = await page.context().newPage();
  await inbox.goto(link!);
  await expect(inbox).toHaveURL(`${origin}/email-verified`);
  await expect(inbox.getByRole("heading", { name: "Email address confirmed", level: 1 })).toBeVisible();
  await inbox.close();
  expect(db.select({ v: users.emailVerified }).from(users).where(eq(users.id, userId)).get()?.v).toBe(true);

  // The same form, sent again, now goes through.
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page).toHaveURL(/\/account\/submissions\?submitted=\d+$/);
  await expect(page.getByRole("article", { name: new RegExp(c.title) })).toContainText(
    "Pending: waiting for a reviewer",
  );
  expect(mine().map((s) => s.state)).toEqual(["pending"]);

  // A sign-up with the address that now has an account gets the same answer, and no message.
  const stranger = await (await browser.newContext()).newPage();
  await signUpInBrowser(
    stranger,
    { ...person, name: "Someone Else", password: "another long passphrase" },
    origin,
  );
  const again = stranger.getByRole("status").filter({ hasText: "Check your inbox" });
  await expect(again).toBeVisible();
  expect((await again.textContent())!.replace(person.email, "<email>")).toBe(answerWords);
  await stranger.waitForTimeout(3000);
  expect(sink.received).toHaveLength(2);
  await stranger.context().close();
});

test("a link that is not valid lands on our page, which says so", async ({ page }) => {
  test.setTimeout(90_000);
  freshDatabase(DB);
  const server = await startServer(PORT, DB, { TRACKER_MAIL_INTERVAL_SECONDS: "3600" });
  own.servers.push(server);
  await page.goto(`${server.url}/api/auth/verify-email?token=not-a-token&callbackURL=%2Femail-verified`);
  await expect(page).toHaveURL(/\/email-verified\?error=INVALID_TOKEN$/);
  await expect(page.getByRole("heading", { name: "The address was not confirmed" })).toBeVisible();
  await expect(page.getByText("This link is not complete or not valid.")).toBeVisible();
});
