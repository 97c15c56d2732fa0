import { expect, test, type Page } from "@playwright/test";
import { outbox } from "@/db/schema";
import { commitmentForm, propose } from "@/db/testing/records";
import { startSmtpSink, type SmtpSink } from "@/mail/testing/smtp-sink";
import { freshDatabase } from "./support/mail-server";
import { portBesideSuite, startServer, type OwnServer } from "./support/server";
import { createUser, signInAt } from "./support/users";

// Decision mail end to end (issue 13): a reviewer decides in the browser on a server of the test's
// own, which sends through a real SMTP server started here; and a message queued before the
// server is killed with SIGKILL is delivered once after it restarts.

const PORT = portBesideSuite(21);
const DB = ".e2e-data/decision-mail.db";

async function rejectInBrowser(page: Page, origin: string, id: number, reason: string) {
  await page.goto(`${origin}/review/${id}`);
  await page.getByLabel(/Reason or comment/).fill(reason);
  await page.getByRole("button", { name: "Reject" }).click();
  await expect(page).toHaveURL(new RegExp(`/review\\?decided=${id}&outcome=reject$`));
}

async function received(sink: SmtpSink, count: number, timeoutMs = 20_000) {
  await expect.poll(() => sink.received.length, { timeout: timeoutMs }).toBeGreaterThanOrEqual(count);
  return sink.received;
}

test.describe.configure({ mode: "serial" });

let sink: SmtpSink | undefined;
let server: OwnServer | undefined;
test.afterEach(async () => {
  await server?.stop();
  await sink?.close();
  server = sink = undefined;
});

test("a rejection reaches the contributor's inbox with the reason, escaped, and a link back", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const db = freshDatabase(DB);
  const contributor = await createUser("contributor", "Asha <b>Contributor</b>", db);
  const reviewer = await createUser("reviewer", "Ravi Reviewer", db);
  const title = "Make earbuds & speakers in Noida";
  const id = propose(db, contributor.id, "commitment", commitmentForm({ title }));

  sink = await startSmtpSink();
  server = await startServer(PORT, DB, {
    SMTP_URL: sink.url,
    MAIL_FROM: "Tracker <tracker@example.in>",
    TRACKER_ORIGIN: "https://tracker.example.in",
    TRACKER_MAIL_INTERVAL_SECONDS: "1",
    // No digests: the reviewer would get one, and this counts every message.
    TRACKER_DIGEST_CHECK_SECONDS: "0",
  });
  await signInAt(page, server.url, reviewer);
  await rejectInBrowser(page, server.url, id, "The source says <em>talks</em>, not a plan.");

  const [mail] = await received(sink, 1);
  expect(mail?.to && "text" in mail.to ? mail.to.text : "").toContain(contributor.email);
  expect(mail?.from?.text).toContain("tracker@example.in");
  expect(mail?.subject).toBe(`Not accepted: ${title}`);
  expect(mail?.text).toContain("The source says <em>talks</em>, not a plan.");
  expect(mail?.text).toContain("https://tracker.example.in/account/submissions");
  // Stored words are text in the HTML part, never markup; and nothing is loaded from anywhere.
  expect(mail?.html).toContain("The source says &lt;em&gt;talks&lt;/em&gt;, not a plan.");
  expect(mail?.html).not.toContain("<em>talks</em>");
  expect(mail?.html).not.toMatch(/<img\b/i);
  await expect
    .poll(() =>
      db
        .select()
        .from(outbox)
        .all()
        .map((m) => m.state),
    )
    .toEqual(["sent"]);
  expect(sink.received).toHaveLength(1);
});

test("a message queued before the server is killed with SIGKILL is delivered once after the restart", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const db = freshDatabase(DB);
  const contributor = await createUser("contributor", "Meera Contributor", db);
  const reviewer = await createUser("reviewer", "Ravi Reviewer", db);
  const id = propose(
    db,
    contributor.id,
    "commitment",
    commitmentForm({ title: "Assemble laptops in Chennai" }),
  );

  // The first server drains the outbox only once an hour, so the message waits in it when the
  // server dies.
  server = await startServer(PORT, DB, {
    SMTP_URL: "smtp://127.0.0.1:9",
    TRACKER_MAIL_INTERVAL_SECONDS: "3600",
    TRACKER_DIGEST_CHECK_SECONDS: "0",
  });
  await signInAt(page, server.url, reviewer);
  await rejectInBrowser(page, server.url, id, "A rumour, not a plan.");
  expect(
    db
      .select()
      .from(outbox)
      .all()
      .map((m) => [m.state, m.attempts]),
  ).toEqual([["queued", 0]]);
  await server.stop("SIGKILL");

  sink = await startSmtpSink();
  server = await startServer(PORT, DB, {
    SMTP_URL: sink.url,
    TRACKER_MAIL_INTERVAL_SECONDS: "1",
    TRACKER_DIGEST_CHECK_SECONDS: "0",
  });
  const mails = await received(sink, 1);
  expect(mails[0]?.text).toContain("A rumour, not a plan.");
  await expect
    .poll(() =>
      db
        .select()
        .from(outbox)
        .all()
        .map((m) => m.state),
    )
    .toEqual(["sent"]);
  // A few more drains find nothing to send again.
  await page.waitForTimeout(3000);
  expect(sink.received).toHaveLength(1);
});
