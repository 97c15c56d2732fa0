import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { openDatabase } from "@/db/connection";
import { startSmtpSink, type SmtpSink } from "@/mail/testing/smtp-sink";
import { portBesideSuite, startServer, type OwnServer } from "./support/server";
import { createUser } from "./support/users";

// A person who forgot their password gets back in from their inbox (issue 13): better-auth's reset
// flow, the link sent through the outbox to a real SMTP server started here, and the answer to
// "forgot password" the same whether or not the address has an account.

const PORT = portBesideSuite(22);
const DB = ".e2e-data/account-recovery.db";

let sink: SmtpSink | undefined;
let server: OwnServer | undefined;
test.afterEach(async () => {
  await server?.stop();
  await sink?.close();
  server = sink = undefined;
});

test("a forgotten password is replaced through the link in the message, once", async ({ page }) => {
  test.setTimeout(120_000);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${DB}${suffix}`, { force: true });
  const db = openDatabase(DB);
  const person = await createUser("contributor", "Asha Contributor", db);

  sink = await startSmtpSink();
  const origin = `http://127.0.0.1:${PORT}`;
  server = await startServer(PORT, DB, {
    SMTP_URL: sink.url,
    TRACKER_MAIL_INTERVAL_SECONDS: "1",
    TRACKER_ORIGIN: origin,
  });

  // An address without an account gets the same answer, and no message.
  await page.goto(`${origin}/sign-in`);
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(`${origin}/forgot-password`);
  await page.getByLabel("Email").fill("nobody-here@example.in");
  await page.getByRole("button", { name: "Send me a link" }).click();
  const answer = page.getByRole("status").filter({ hasText: "If an account uses this address" });
  await expect(answer).toBeVisible();
  const sameWords = await answer.textContent();

  await page.goto(`${origin}/forgot-password`);
  await page.getByLabel("Email").fill(person.email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "If an account uses this address" })).toHaveText(
    sameWords ?? "",
  );

  await expect.poll(() => sink!.received.length, { timeout: 20_000 }).toBe(1);
  const mail = sink.received[0]!;
  expect(mail.to && "text" in mail.to ? mail.to.text : "").toContain(person.email);
  expect(mail.subject).toBe("Choose a new password");
  const link = mail.text?.match(/https?:\/\/\S+\/reset-password\?token=\S+/)?.[0];
  expect(link, mail.text).toBeTruthy();

  await page.goto(link!);
  await page.getByLabel("New password").fill("monsoon kite paper lantern");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page).toHaveURL(`${origin}/sign-in?reset=done`);
  await expect(page.getByRole("status")).toContainText("Your new password is saved");

  // The old password no longer works; the new one does.
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("The email or password is not right.")).toBeVisible();
  await page.getByLabel("Password").fill("monsoon kite paper lantern");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("link", { name: `Account (${person.name})` })).toBeVisible();

  // The link works once.
  await page.context().clearCookies();
  await page.goto(link!);
  await page.getByLabel("New password").fill("another long passphrase here");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByText("This link has expired or has been used.")).toBeVisible();
  expect(sink.received).toHaveLength(1);
});
