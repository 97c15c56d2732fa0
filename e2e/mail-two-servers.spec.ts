import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/connection";
import { outbox } from "@/db/schema";
import { queueTestMail } from "@/db/testing/records";
import { startSmtpSink, type SmtpSink } from "@/mail/testing/smtp-sink";
import { freshDatabase, serversAndSinkPerTest } from "./support/mail";
import { portBesideSuite, startServer } from "./support/server";

// Two tracker servers on one database file, each with its own outbox worker, sending to a real
// SMTP server (issue 13): every message arrives exactly once, because each is leased by the
// worker that sends it (docs/decisions/0023). And with the SMTP server down, a message is
// retried after its backoff and arrives once when the server is back.

const PORTS = [portBesideSuite(45), portBesideSuite(46)] as const;
const DB = ".e2e-data/mail-two-servers.db";
// Drained every second, retried after a second; no digests, since this counts every message.
const FAST = {
  TRACKER_MAIL_INTERVAL_SECONDS: "1",
  TRACKER_MAIL_RETRY_SECONDS: "1",
  TRACKER_DIGEST_CHECK_SECONDS: "0",
};

const states = (db: Db) =>
  db
    .select({ state: outbox.state })
    .from(outbox)
    .all()
    .map((r) => r.state);

/** How many times each Message-ID arrived. */
function arrivals(sink: SmtpSink): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mail of sink.received) {
    const id = mail.messageId ?? "(none)";
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

test.describe.configure({ mode: "serial" });

const own = serversAndSinkPerTest();

test("two servers on one database send each of a batch of messages exactly once", async ({ page }) => {
  test.setTimeout(120_000);
  const db = freshDatabase(DB);
  const sink = (own.sink = await startSmtpSink());
  for (const port of PORTS) own.servers.push(await startServer(port, DB, { SMTP_URL: sink.url, ...FAST }));

  // Queued while both workers drain every second, in waves, so that both find work at once.
  const BATCH = 60;
  const ids: number[] = [];
  for (let n = 1; n <= BATCH; n++) {
    ids.push(queueTestMail(db, n));
    if (n % 15 === 0) await page.waitForTimeout(700);
  }

  await expect.poll(() => sink.received.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(BATCH);
  await expect.poll(() => states(db).filter((s) => s === "sent").length, { timeout: 20_000 }).toBe(BATCH);
  // More rounds of both workers find nothing to send again.
  await page.waitForTimeout(4000);
  expect(sink.received).toHaveLength(BATCH);
  const counts = arrivals(sink);
  expect(counts.size).toBe(BATCH);
  expect([...counts.values()].every((c) => c === 1)).toBe(true);
  const domain = "localhost";
  expect([...counts.keys()].sort()).toEqual(ids.map((id) => `<outbox-${id}@${domain}>`).sort());
  const recipients = sink.received.map((m) => (m.to && "text" in m.to ? m.to.text : "")).sort();
  expect(new Set(recipients).size).toBe(BATCH);
  // Each message was sent on its first attempt: neither worker took one the other held.
  expect(
    db
      .select({ attempts: outbox.attempts })
      .from(outbox)
      .all()
      .every((r) => r.attempts === 1),
  ).toBe(true);
});

test("with the SMTP server down, a message is retried and delivered once when it is back", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const db = freshDatabase(DB);
  // An SMTP server that was there and stopped: the servers send to its port, where nothing listens.
  const first = await startSmtpSink();
  const port = first.port;
  await first.close();
  for (const p of PORTS)
    own.servers.push(await startServer(p, DB, { SMTP_URL: `smtp://127.0.0.1:${port}`, ...FAST }));

  const id = queueTestMail(db, 1);
  const row = () => db.select().from(outbox).where(eq(outbox.id, id)).get()!;
  await expect.poll(() => row().attempts, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
  expect(row().state).not.toBe("sent");
  expect(row().lastError).toMatch(/ECONNREFUSED|connect/i);

  // Back on the same port: the next attempt (a few seconds later at most) delivers it.
  const sink = (own.sink = await startSmtpSink(port));
  await expect.poll(() => sink.received.length, { timeout: 30_000 }).toBe(1);
  await expect.poll(() => row().state, { timeout: 10_000 }).toBe("sent");
  expect(sink.received[0]?.subject).toBe("Not accepted: Company 1");
  expect(sink.received[0]?.messageId).toBe(`<outbox-${id}@localhost>`);
  await page.waitForTimeout(4000);
  expect(sink.received).toHaveLength(1);
});
