import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/connection";
import { decideSubmission } from "@/db/mutations/decide-submission";
import { outbox, users } from "@/db/schema";
import {
  addPeople,
  commitmentForm,
  proposeCommitment,
  queueTestMail,
  TEST_TODAY,
} from "@/db/testing/fixtures";
import type { RetryPolicy } from "@/lib/mail/backoff";
import { tempDatabase } from "@/lib/testing/temp-db";
import { closedPort, startSmtpSink, type SmtpSink } from "./testing/smtp-sink";
import { fileTransport, smtpTransport, type MailTransport } from "./transport";
import { drainOutbox } from "./worker";

// Issue 13: the outbox is sent through a real SMTP server (smtp-server, parsed with mailparser),
// retried with backoff while the server is down, and sent once by two workers on one database.

const FROM = "Tracker <tracker@example.in>";
const POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 60_000, maxDelayMs: 600_000 };
// The injected clock starts a day after the real one: a message is queued due at the real
// "now", which must be past for the first drain however slowly the tests before it ran.
const T0 = new Date(Date.now() + 86_400_000);
const quiet = () => {};

let db: Db;
let file: string;
let cleanup: () => void;
const open: { close(): unknown }[] = [];
beforeEach(() => {
  ({ db, file, cleanup } = tempDatabase());
});
afterEach(async () => {
  for (const thing of open.splice(0)) await thing.close();
  cleanup();
});

function sink(port?: number): Promise<SmtpSink> {
  return startSmtpSink(port).then((s) => {
    open.push(s);
    return s;
  });
}
function smtp(url: string): MailTransport {
  const t = smtpTransport(url, FROM);
  open.push(t);
  return t;
}

/** Queues `n` messages straight into the outbox, as decisions would. */
function queue(n: number): void {
  for (let i = 1; i <= n; i++) queueTestMail(db, i);
}

const rows = () => db.select().from(outbox).orderBy(outbox.id).all();

describe("sending through SMTP", () => {
  it("delivers a decision's message with its plain-text and HTML parts", async () => {
    const server = await sink();
    const { contributor, reviewer } = addPeople(db);
    const id = proposeCommitment(
      db,
      contributor,
      commitmentForm({ title: `Speakers <b>"loud"</b> & clear` }),
    );
    const decided = decideSubmission(db, {
      id,
      reviewerId: reviewer,
      decision: "reject",
      reason: "No source <script>alert(1)</script>",
      today: TEST_TODAY,
      origin: "https://tracker.example.in",
    });
    expect(decided.ok).toBe(true);

    expect(await drainOutbox({ db, transport: smtp(server.url), log: quiet })).toBe(1);

    const [mail] = server.received;
    const email = db.select().from(users).where(eq(users.id, contributor)).get()!.email;
    expect(mail?.to && "text" in mail.to ? mail.to.text : null).toBe(email);
    expect(mail?.from?.text).toBe(`"Tracker" <tracker@example.in>`);
    expect(mail?.subject).toBe(`Not accepted: Speakers <b>"loud"</b> & clear`);
    expect(mail?.text).toContain("Why it was rejected:\n> \u2068No source <script>alert(1)</script>\u2069");
    expect(mail?.html).toContain("No source &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(mail?.html).toContain("<bdi>Speakers &lt;b&gt;&quot;loud&quot;&lt;/b&gt; &amp; clear</bdi>");
    expect(mail?.headers.get("auto-submitted")).toBe("auto-generated");
    expect(mail?.messageId).toBe(`<outbox-${rows()[0]!.id}@example.in>`);
    expect(rows()[0]).toMatchObject({ state: "sent", attempts: 1, leaseOwner: null, lastError: null });
  });

  it("records each failure while the server is down, waits, and delivers once when it is up", async () => {
    const port = await closedPort();
    const transport = smtp(`smtp://127.0.0.1:${port}`);
    queue(1);
    let now = T0;
    const drain = () => drainOutbox({ db, transport, now: () => now, policy: POLICY, log: quiet });

    expect(await drain()).toBe(0);
    expect(rows()[0]).toMatchObject({
      state: "queued",
      attempts: 1,
      nextAttemptAt: new Date(T0.getTime() + 60_000).toISOString(),
    });
    expect(rows()[0]!.lastError).toMatch(/ECONNREFUSED/);

    // Not due yet: nothing is tried, nothing is counted.
    now = new Date(T0.getTime() + 59_000);
    expect(await drain()).toBe(0);
    expect(rows()[0]!.attempts).toBe(1);

    // Due, still down: the wait doubles.
    now = new Date(T0.getTime() + 60_000);
    expect(await drain()).toBe(0);
    expect(rows()[0]).toMatchObject({
      state: "queued",
      attempts: 2,
      nextAttemptAt: new Date(now.getTime() + 120_000).toISOString(),
    });

    const server = await sink(port);
    now = new Date(now.getTime() + 120_000);
    expect(await drain()).toBe(1);
    expect(await drain()).toBe(0);
    expect(server.received.map((m) => m.subject)).toEqual(["Not accepted: Company 1"]);
    expect(rows()[0]).toMatchObject({ state: "sent", attempts: 3, sentAt: now.toISOString() });
  });

  it("gives up after the last attempt allowed and keeps the error", async () => {
    const transport = smtp(`smtp://127.0.0.1:${await closedPort()}`);
    queue(1);
    let now = T0;
    for (let i = 0; i < POLICY.maxAttempts; i++) {
      await drainOutbox({ db, transport, now: () => now, policy: POLICY, log: quiet });
      now = new Date(now.getTime() + POLICY.maxDelayMs);
    }
    expect(rows()[0]).toMatchObject({ state: "failed", attempts: 3 });
    expect(rows()[0]!.lastError).toMatch(/ECONNREFUSED/);
    // A failed message is not tried again.
    expect(await drainOutbox({ db, transport, now: () => now, policy: POLICY, log: quiet })).toBe(0);
    expect(rows()[0]!.attempts).toBe(3);
  });

  it("sends each message once when two workers on two connections drain the same database", async () => {
    const server = await sink();
    const other = openDatabase(file, { migrate: false, seed: false });
    open.push({ close: () => other.$client.close() });
    queue(12);
    const [a, b] = await Promise.all([
      drainOutbox({ db, transport: smtp(server.url), owner: "worker-a", batch: 2, log: quiet }),
      drainOutbox({ db: other, transport: smtp(server.url), owner: "worker-b", batch: 2, log: quiet }),
    ]);

    expect(a + b).toBe(12);
    // Both took part, or the test would prove nothing about two senders.
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    const subjects = server.received.map((m) => m.subject).sort();
    expect(subjects).toHaveLength(12);
    expect(new Set(subjects).size).toBe(12);
    expect(rows().every((r) => r.state === "sent" && r.attempts === 1)).toBe(true);
  });
});

describe("without SMTP", () => {
  it("writes each message as an .eml file that parses back to what was queued", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-mail-"));
    open.push({ close: () => fs.rmSync(dir, { recursive: true, force: true }) });
    const logged: Record<string, unknown>[] = [];
    queue(2);

    const transport = fileTransport(dir, FROM);
    open.push(transport);
    expect(await drainOutbox({ db, transport, log: (e) => logged.push(e) })).toBe(2);

    const [first] = rows();
    const written = path.join(dir, `${first!.id}-submission_rejected.eml`);
    expect(logged[0]).toMatchObject({ message: "mail sent", id: first!.id, to: written });
    const mail = await simpleParser(fs.readFileSync(written));
    expect(mail.subject).toBe("Not accepted: Company 1");
    expect(mail.to && "text" in mail.to ? mail.to.text : null).toBe("person1@example.in");
    expect(mail.text).toBe(first!.textBody);
    expect(mail.html).toBe(first!.htmlBody);
    expect(fs.readdirSync(dir).sort()).toHaveLength(2);
  });
});
