import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../connection";
import { companies, digestRuns, outbox } from "../schema";
import {
  addPeople,
  addUser,
  commitmentForm,
  publish,
  xiaomiTargetId,
  type People,
} from "../testing/fixtures";
import { setDigestFrequency } from "./digest-settings";
import { queueDueDigests, type DigestRunOptions } from "./queue-digests";
import { startWatching } from "./watches";
import { readUnsubscribeToken } from "@/lib/mail/unsubscribe";
import { tempDatabase } from "@/lib/testing/temp-db";

// Issue 13: digests are queued once per person, kind and period, caught up after downtime and
// never doubled, by two checks or two connections; empty ones are recorded, not sent.

const ORIGIN = "https://tracker.example.in";
const SECRET = "digest test secret";
// Wednesday 25 Nov 2026, 08:30 in India: week 48's digest (due Monday 23rd, 08:00) is due.
const WED = new Date("2026-11-25T03:00:00Z");
const options = (now: Date, today = "2026-11-25"): DigestRunOptions => ({
  now,
  today,
  origin: ORIGIN,
  secret: SECRET,
});

let db: Db;
let file: string;
let cleanup: () => void;
let people: People;
beforeEach(() => {
  ({ db, file, cleanup } = tempDatabase());
  people = addPeople(db);
});
afterEach(() => cleanup());

const mails = (kind?: "deadline_digest" | "watch_digest") =>
  db
    .select()
    .from(outbox)
    .where(kind ? eq(outbox.kind, kind) : undefined)
    .orderBy(outbox.id)
    .all();
const runs = () => db.select().from(digestRuns).orderBy(digestRuns.id).all();
const recipientOf = (userId: string) => `${userId}@example.in`;

function publishCommitment(title: string, deadline: string): number {
  return publish(db, {
    proposer: people.contributor,
    approver: people.reviewer,
    recordType: "commitment",
    payload: commitmentForm({ title, deadline_precision: "day", deadline }),
  });
}

describe("the deadline digest", () => {
  it("tells each reviewer and admin what is overdue and due soon, with links to record outcomes", () => {
    const soon = publishCommitment("Make 10 lakh earbuds a year in Noida", "2026-12-10");
    const later = publishCommitment("Assemble 5,000 laptops in Chennai", "2027-01-31");
    publishCommitment("Open a design centre in Bengaluru", "2027-06-30"); // 217 days: not in the digest

    const report = queueDueDigests(db, options(WED));

    expect(report.deadline_digest).toEqual({ queued: 2, empty: 0 });
    const sent = mails("deadline_digest");
    expect(sent.map((m) => m.recipient).sort()).toEqual(
      [recipientOf(people.reviewer), recipientOf(people.admin)].sort(),
    );
    const ravi = sent.find((m) => m.recipient === recipientOf(people.reviewer))!;
    expect(ravi.dedupeKey).toBe(`deadline-digest:${people.reviewer}:2026-W48`);
    expect(ravi.subject).toBe(
      "Deadlines on 25 Nov 2026: 1 overdue and unverified, 1 due within 30 days, 1 due in 31 to 90 days",
    );
    const token = /unsubscribe\?token=([^\s]+)/.exec(ravi.textBody)![1]!;
    expect(ravi.textBody).toBe(
      [
        "Hello \u2068Ravi Reviewer\u2069,",
        "",
        "Your weekly digest of commitment deadlines on 25 Nov 2026: what is past its deadline with no outcome recorded, and what falls due in the next 90 days.",
        "",
        "Overdue and unverified (1)",
        "",
        "- “\u206850 per cent increase in the production of locally sourced components by 2025\u2069” (\u2068Xiaomi\u2069), by 2025, due 31 Dec 2025: 329 days overdue.",
        `  Record the outcome: ${ORIGIN}/deadlines/outcome?commitment=${xiaomiTargetId(db)}`,
        "",
        "Due within 30 days (1)",
        "",
        "- “\u2068Make 10 lakh earbuds a year in Noida\u2069” (\u2068Xiaomi\u2069), by 10 December 2026, due 10 Dec 2026: 15 days left.",
        `  Record the outcome: ${ORIGIN}/deadlines/outcome?commitment=${soon}`,
        "",
        "Due in 31 to 90 days (1)",
        "",
        "- “\u2068Assemble 5,000 laptops in Chennai\u2069” (\u2068Xiaomi\u2069), by 31 January 2027, due 31 Jan 2027: 67 days left.",
        `  Record the outcome: ${ORIGIN}/deadlines/outcome?commitment=${later}`,
        "",
        `All deadlines: ${ORIGIN}/deadlines`,
        "",
        `Choose how often you get this digest: ${ORIGIN}/account#digests`,
        "",
        `Unsubscribe from this digest: ${ORIGIN}/unsubscribe?token=${token}`,
        "",
        "—",
        "Make in India localisation tracker",
        "You receive this weekly because you review commitments on the tracker.",
        "",
      ].join("\n"),
    );
    expect(readUnsubscribeToken(SECRET, decodeURIComponent(token))).toEqual({
      userId: people.reviewer,
      kind: "deadline_digest",
    });
    expect(ravi.headers).toEqual({
      "Auto-Submitted": "auto-generated",
      "List-Unsubscribe": `<${ORIGIN}/unsubscribe?token=${token}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });

  it("goes to nobody who has turned it off, and to no contributor", () => {
    setDigestFrequency(db, { userId: people.admin, kind: "deadline_digest", frequency: "off" });
    queueDueDigests(db, options(WED));
    expect(mails("deadline_digest").map((m) => m.recipient)).toEqual([recipientOf(people.reviewer)]);
  });

  it("is not sent when there is nothing to say, but the period is recorded as done", () => {
    const empty = tempDatabase({ seed: false });
    try {
      const reviewer = addUser(empty.db, "reviewer", "Ravi Reviewer");
      expect(queueDueDigests(empty.db, options(WED)).deadline_digest).toEqual({ queued: 0, empty: 1 });
      expect(empty.db.select().from(outbox).all()).toEqual([]);
      expect(empty.db.select().from(digestRuns).all()).toMatchObject([
        { userId: reviewer, kind: "deadline_digest", period: "2026-W48", outboxId: null },
      ]);
      // A later check in the same week neither sends nor records it again.
      expect(queueDueDigests(empty.db, options(new Date("2026-11-27T10:00:00Z"))).deadline_digest).toEqual({
        queued: 0,
        empty: 0,
      });
      expect(empty.db.select().from(digestRuns).all()).toHaveLength(1);
    } finally {
      empty.cleanup();
    }
  });
});

describe("the schedule: caught up, not doubled", () => {
  const reviewerDigests = () =>
    mails("deadline_digest")
      .filter((m) => m.recipient === recipientOf(people.reviewer))
      .map((m) => m.dedupeKey.split(":")[2]);

  it("sends one digest per period however often it checks, and one after a long downtime", () => {
    const monday = new Date("2026-11-23T02:40:00Z"); // 08:10 IST
    queueDueDigests(db, options(new Date("2026-11-23T02:20:00Z"), "2026-11-23")); // 07:50 IST: last week's
    expect(reviewerDigests()).toEqual(["2026-W47"]);
    queueDueDigests(db, options(monday, "2026-11-23"));
    queueDueDigests(db, options(new Date("2026-11-23T02:50:00Z"), "2026-11-23"));
    queueDueDigests(db, options(WED));
    expect(reviewerDigests()).toEqual(["2026-W47", "2026-W48"]);
    // Down from then until Wednesday 16 December: weeks 49, 50 and 51 went by; one digest, for 51.
    queueDueDigests(db, options(new Date("2026-12-16T05:00:00Z"), "2026-12-16"));
    queueDueDigests(db, options(new Date("2026-12-16T05:10:00Z"), "2026-12-16"));
    expect(reviewerDigests()).toEqual(["2026-W47", "2026-W48", "2026-W51"]);
  });

  it("sends daily when asked, from the day's send hour, once a day", () => {
    setDigestFrequency(db, { userId: people.reviewer, kind: "deadline_digest", frequency: "daily" });
    for (const at of ["2026-11-25T03:00:00Z", "2026-11-25T12:00:00Z", "2026-11-26T02:29:00Z"])
      queueDueDigests(db, options(new Date(at)));
    queueDueDigests(db, options(new Date("2026-11-26T02:31:00Z"), "2026-11-26"));
    expect(reviewerDigests()).toEqual(["2026-11-25", "2026-11-26"]);
  });

  it("queues each period once when two connections check the same database", () => {
    const other = openDatabase(file, { migrate: false, seed: false });
    try {
      for (const at of ["2026-11-25T03:00:00Z", "2026-11-25T03:10:00Z", "2026-12-02T03:00:00Z"]) {
        queueDueDigests(db, options(new Date(at)));
        queueDueDigests(other, options(new Date(at)));
        queueDueDigests(db, options(new Date(at)));
      }
    } finally {
      other.$client.close();
    }
    expect(reviewerDigests()).toEqual(["2026-W48", "2026-W49"]);
    const keys = mails().map((m) => m.dedupeKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(runs().filter((r) => r.userId === people.reviewer)).toHaveLength(2);
  });
});

describe("the watch digest", () => {
  const xiaomiId = () => db.select().from(companies).where(eq(companies.slug, "xiaomi")).get()!.id;

  it("reports what was published about watched records since the previous digest", () => {
    const asha = people.contributor;
    startWatching(db, { userId: asha, target: { kind: "company", id: xiaomiId() } });

    // Watching, but nothing published since: recorded, not sent.
    expect(queueDueDigests(db, options(new Date("2026-11-16T03:00:00Z"), "2026-11-16")).watch_digest).toEqual(
      {
        queued: 0,
        empty: 1,
      },
    );

    publishCommitment("Make 10 lakh earbuds a year in Noida", "2026-12-10");
    expect(queueDueDigests(db, options(WED)).watch_digest).toEqual({ queued: 1, empty: 0 });
    const [first] = mails("watch_digest");
    expect(first!.recipient).toBe(recipientOf(asha));
    expect(first!.dedupeKey).toBe(`watch-digest:${asha}:2026-W48`);
    expect(first!.subject).toBe("What you watch: 1 change since 16 Nov 2026");
    expect(first!.textBody).toContain("\u2068Xiaomi\u2069\n\n- ");
    expect(first!.textBody).toContain("“\u2068Make 10 lakh earbuds a year in Noida\u2069”");
    expect(first!.textBody).toContain("approved by \u2068Ravi Reviewer\u2069.");
    expect(first!.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");

    // The next week: only what came after.
    publishCommitment("Assemble 5,000 laptops in Chennai", "2027-01-31");
    queueDueDigests(db, options(new Date("2026-12-02T03:00:00Z"), "2026-12-02"));
    const second = mails("watch_digest")[1]!;
    expect(second.subject).toBe("What you watch: 1 change since 25 Nov 2026");
    expect(second.textBody).toContain("Assemble 5,000 laptops in Chennai");
    expect(second.textBody).not.toContain("earbuds");

    // Nobody but watchers gets one: the reviewer and admin watch nothing.
    expect(new Set(mails("watch_digest").map((m) => m.recipient))).toEqual(new Set([recipientOf(asha)]));
  });
});
