import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { companies, outbox } from "@/db/schema";
import { startWatching } from "@/db/mutations/watches";
import { addPeople, commitmentForm, publish, type People } from "@/db/testing/fixtures";
import { HOSTILE_GROUPS } from "@/lib/testing/hostile-corpus";
import { tempDatabase } from "@/lib/testing/temp-db";
import { checkDigests, startDigestScheduler, type DigestSettings } from "./digest-scheduler";
import { startSmtpSink, type SmtpSink } from "./testing/smtp-sink";
import { smtpTransport } from "./transport";
import { drainOutbox } from "./worker";

// Issue 13: digests queued by the scheduler arrive through a real SMTP server (smtp-server,
// parsed with mailparser) with both parts and the one-click unsubscribe headers; a scheduler
// started after a missed send hour catches it up once.

const ORIGIN = "https://tracker.example.in";
const quiet = () => {};

let db: Db;
let cleanup: () => void;
let people: People;
let sink: SmtpSink;
beforeEach(async () => {
  ({ db, cleanup } = tempDatabase());
  people = addPeople(db);
  sink = await startSmtpSink();
});
afterEach(async () => {
  await sink.close();
  cleanup();
});

const settingsAt = (iso: string, today = "2026-11-25"): DigestSettings => ({
  origin: ORIGIN,
  secret: "scheduler test secret",
  now: () => new Date(iso),
  today: () => today,
});

async function deliver(): Promise<number> {
  const transport = smtpTransport(sink.url, "Tracker <tracker@example.in>");
  try {
    // The outbox's rows are due at the real clock's now; the drain's clock is a day ahead of it.
    return await drainOutbox({ db, transport, now: () => new Date(Date.now() + 86_400_000), log: quiet });
  } finally {
    transport.close();
  }
}

const header = (mail: SmtpSink["received"][number], name: string) =>
  mail.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, "");

describe("digests through SMTP", () => {
  it("delivers a reviewer's deadline digest with both parts, escaped, and one-click unsubscribe", async () => {
    const hostile = HOSTILE_GROUPS.injection[1]!; // '"><script>alert(document.cookie)</script>'
    publish(db, {
      proposer: people.contributor,
      approver: people.reviewer,
      recordType: "commitment",
      payload: commitmentForm({
        title: `Earbuds ${hostile}`,
        deadline_precision: "day",
        deadline: "2026-12-10",
      }),
    });
    checkDigests(db, settingsAt("2026-11-25T03:00:00Z"), quiet);
    await deliver();

    const mail = sink.received.find((m) => m.subject?.startsWith("Deadlines on 25 Nov 2026"));
    expect(mail?.subject).toBe("Deadlines on 25 Nov 2026: 1 overdue and unverified, 1 due within 30 days");
    expect(mail?.text).toContain(
      `- “\u2068Earbuds ${hostile}\u2069” (\u2068Xiaomi\u2069), by 10 December 2026`,
    );
    expect(mail?.text).toContain(`${ORIGIN}/deadlines/outcome?commitment=`);
    expect(mail?.html).toContain(
      "<bdi>Earbuds &quot;&gt;&lt;script&gt;alert(document.cookie)&lt;/script&gt;</bdi>",
    );
    expect(mail?.html).not.toContain("<script>");
    const unsubscribe = header(mail!, "list-unsubscribe");
    expect(unsubscribe).toMatch(/^<https:\/\/tracker\.example\.in\/unsubscribe\?token=[A-Za-z0-9._%-]+>$/);
    expect(header(mail!, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(mail?.text).toContain(unsubscribe!.slice(1, -1));
    // The approval's own message, and one digest each for the reviewer and the admin.
    expect(sink.received.map((m) => m.subject?.split(" ")[0]).sort()).toEqual([
      "Approved:",
      "Deadlines",
      "Deadlines",
    ]);
  });

  it("delivers a watcher's digest of changes", async () => {
    const xiaomi = db.select().from(companies).where(eq(companies.slug, "xiaomi")).get()!;
    startWatching(db, { userId: people.contributor, target: { kind: "company", id: xiaomi.id } });
    publish(db, {
      proposer: people.contributor,
      approver: people.reviewer,
      recordType: "commitment",
      payload: commitmentForm({ title: "Make speakers in Noida" }),
    });
    checkDigests(db, settingsAt("2026-11-25T03:00:00Z"), quiet);
    await deliver();

    const mail = sink.received.find((m) => m.subject?.startsWith("What you watch"));
    expect(mail?.subject).toBe("What you watch: 1 change since you began watching");
    expect(mail?.text).toContain("“\u2068Make speakers in Noida\u2069”");
    expect(mail?.html).toContain("<bdi>Make speakers in Noida</bdi>");
    expect(header(mail!, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
  });

  it("catches up a missed send hour at the first check after a start, once", async () => {
    // Digests for week 48 were due on Monday 23rd at 08:00; the server starts on Wednesday.
    const first = startDigestScheduler(db, settingsAt("2026-11-25T03:00:00Z"), {
      intervalMs: 60_000,
      log: quiet,
    });
    await first.run();
    await first.stop();
    // A second server on the same file, started an hour later, finds the week done.
    const second = startDigestScheduler(db, settingsAt("2026-11-25T04:00:00Z"), {
      intervalMs: 60_000,
      log: quiet,
    });
    await second.stop();
    expect(await deliver()).toBe(2);
    expect(
      db
        .select({ key: outbox.dedupeKey })
        .from(outbox)
        .all()
        .map((r) => r.key.replace(/:[^:]+:/, ":…:"))
        .sort(),
    ).toEqual(["deadline-digest:…:2026-W48", "deadline-digest:…:2026-W48"]);
    expect(sink.received).toHaveLength(2);
  });
});
