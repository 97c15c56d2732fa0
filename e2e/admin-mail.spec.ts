import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { outbox } from "@/db/schema";
import { queueTestMail } from "@/db/testing/records";
import { startSmtpSink } from "@/mail/testing/smtp-sink";
import { freshDatabase, serversAndSinkPerTest } from "./support/mail";
import { portBesideSuite, startServer } from "./support/server";
import { createUser, signInAt } from "./support/users";

// An admin sees a message that failed for good at /admin/mail, with its error, and queues it once
// more after the mail server is back; it is delivered once and leaves the list (issue 13,
// docs/decisions/0025).

const PORT = portBesideSuite(48);
const DB = ".e2e-data/admin-mail.db";

const own = serversAndSinkPerTest();

test("a failed message is listed for admins and delivered once after they send it again", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const db = freshDatabase(DB);
  const admin = await createUser("admin", "Meera Admin", db);
  // The mail server's port, with nothing listening: every attempt is refused.
  const gone = await startSmtpSink();
  const smtpPort = gone.port;
  await gone.close();
  const server = await startServer(PORT, DB, {
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    TRACKER_MAIL_INTERVAL_SECONDS: "1",
    // Waits of 0.1 s, 0.2 s, … : the eight attempts are spent within seconds.
    TRACKER_MAIL_RETRY_SECONDS: "0.1",
    // No digests (the admin would get one): this counts every message.
    TRACKER_DIGEST_CHECK_SECONDS: "0",
  });
  own.servers.push(server);

  const id = queueTestMail(db, 1);
  const row = () => db.select().from(outbox).where(eq(outbox.id, id)).get()!;
  await expect.poll(() => row().state, { timeout: 60_000 }).toBe("failed");
  expect(row().attempts).toBe(8);

  await signInAt(page, server.url, admin);
  await page.goto(`${server.url}/admin/mail`);
  const failed = page.getByRole("table", { name: "1 failed" });
  const line = failed.getByRole("row").filter({ hasText: "person1@example.in" });
  await expect(line).toContainText("Proposal rejected");
  await expect(line).toContainText("Not accepted: Company 1");
  await expect(line).toContainText(/ECONNREFUSED|connect/);

  // The mail server is back; the admin sends the message again.
  const sink = (own.sink = await startSmtpSink(smtpPort));
  await line.getByRole("button", { name: "Send again to person1@example.in" }).click();
  await expect(page).toHaveURL(`${server.url}/admin/mail?requeued=${id}`);
  await expect(page.getByRole("status").filter({ hasText: "The message was queued again" })).toBeVisible();
  await expect.poll(() => sink.received.length, { timeout: 20_000 }).toBe(1);
  await expect.poll(() => row().state, { timeout: 10_000 }).toBe("sent");
  // The same row, its history kept: eight attempts before, one more that went through.
  expect(row()).toMatchObject({ id, attempts: 9 });
  expect(db.select().from(outbox).all()).toHaveLength(1);

  await page.reload();
  await expect(page.getByText("No message has failed.")).toBeVisible();
  await page.waitForTimeout(3000);
  expect(sink.received).toHaveLength(1);
});
