import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "../connection";
import { outbox, users } from "../schema";
import {
  commitmentForm,
  countRows,
  propose,
  proposeCommitment,
  seededDatabasePerTest,
  testSource,
  TEST_TODAY as TODAY,
} from "../testing/fixtures";
import { decideSubmission } from "./decide-submission";
import { enqueueMail } from "./outbox-enqueue";
import { resubmitSubmission } from "./resubmit-submission";
import type { Decision } from "@/lib/domain/vocabulary";
import { renderSubmissionRejected } from "@/lib/mail/submission-rejected";

// Issue 13: a decision queues its message to the contributor in its own transaction.

let db: Db;
let contributor: string;
let reviewer: string;
seededDatabasePerTest((w) => ({ db, contributor, reviewer } = w));

const ORIGIN = "https://tracker.example.in";
const emailOf = (id: string) => db.select().from(users).where(eq(users.id, id)).get()!.email;
const queued = () => db.select().from(outbox).orderBy(outbox.id).all();

describe("a decision queues a message to the contributor", () => {
  it.each([
    {
      decision: "approve",
      reason: "",
      kind: "submission_approved",
      subject: "Approved: Make speakers in Noida",
      says: "was approved on",
    },
    {
      decision: "reject",
      reason: "No source & no date <given>.",
      kind: "submission_rejected",
      subject: "Not accepted: Make speakers in Noida",
      says: "> \u2068No source & no date <given>.\u2069",
    },
    {
      decision: "request_changes",
      reason: "Cite the press release.",
      kind: "submission_changes_requested",
      subject: "Changes requested: Make speakers in Noida",
      says: "> \u2068Cite the press release.\u2069",
    },
  ] as const)("$decision", ({ decision, reason, kind, subject, says }) => {
    const id = proposeCommitment(db, contributor, commitmentForm({ title: "Make speakers in Noida" }));
    const result = decideSubmission(db, {
      id,
      reviewerId: reviewer,
      decision,
      reason,
      today: TODAY,
      origin: ORIGIN,
    });
    expect(result.ok).toBe(true);

    const [mail, ...more] = queued();
    expect(more).toEqual([]);
    expect(mail).toMatchObject({
      kind,
      subject,
      recipient: emailOf(contributor),
      state: "queued",
      attempts: 0,
    });
    expect(mail!.textBody).toContain(says);
    expect(mail!.textBody).toContain(`${ORIGIN}/account/submissions#submission-${id}`);
    if (decision === "reject") expect(mail!.htmlBody).toContain("No source &amp; no date &lt;given&gt;.");
    if (decision === "approve")
      expect(mail!.textBody).toContain(
        `Read it on the tracker: ${ORIGIN}/commitments/${result.ok && result.recordId}`,
      );
  });

  it("queues nothing when the decision is refused: the message lives and dies with the event", () => {
    const id = proposeCommitment(db, contributor);
    const refused = decideSubmission(db, {
      id,
      reviewerId: reviewer,
      decision: "reject",
      reason: " ",
      today: TODAY,
    });
    expect(refused).toMatchObject({ ok: false, problem: "reason_required" });
    expect(countRows(db, "outbox")).toBe(0);
  });

  it("queues one message per decision: decided, resubmitted and decided again makes two", () => {
    const id = proposeCommitment(db, contributor);
    const decide = (decision: Decision, reason = "") =>
      decideSubmission(db, { id, reviewerId: reviewer, decision, reason, today: TODAY, origin: ORIGIN });
    expect(decide("request_changes", "Add a source.").ok).toBe(true);
    expect(resubmitSubmission(db, { id, userId: contributor, payload: commitmentForm() }).ok).toBe(true);
    expect(decide("approve").ok).toBe(true);
    expect(queued().map((m) => m.kind)).toEqual(["submission_changes_requested", "submission_approved"]);
  });

  it("rejecting a company sends its dependants back, each with a message of its own", () => {
    const company = propose(db, contributor, "company", {
      slug: "acme-audio",
      name: "Acme Audio",
      kind: "brand",
      hq_country: "IN",
      website: "",
      description: "",
      sources: [testSource(7)],
    });
    const commitment = propose(
      db,
      contributor,
      "commitment",
      commitmentForm({ company: "acme-audio", title: "Make speakers in Noida" }),
    );
    const result = decideSubmission(db, {
      id: company,
      reviewerId: reviewer,
      decision: "reject",
      reason: "A brand of Xiaomi, already in the tracker.",
      today: TODAY,
      origin: ORIGIN,
    });
    expect(result.ok).toBe(true);

    const mails = queued();
    expect(mails.map((m) => [m.kind, m.subject])).toEqual([
      ["submission_rejected", "Not accepted: Acme Audio"],
      ["submission_sent_back", "Sent back: Make speakers in Noida"],
    ]);
    const sentBack = mails[1]!;
    expect(sentBack.textBody).toContain(
      `the company it names, “\u2068acme-audio\u2069” (your proposal ${company})`,
    );
    expect(sentBack.textBody).toContain("> \u2068A brand of Xiaomi, already in the tracker.\u2069");
    expect(sentBack.textBody).toContain(`${ORIGIN}/submit/commitment?resubmit=${commitment}`);
  });
});

describe("enqueueMail", () => {
  it("queues one event's message once, however often it is asked", () => {
    const mail = renderSubmissionRejected({
      origin: ORIGIN,
      recipientName: "Asha",
      submissionId: 1,
      recordType: "company",
      action: "create",
      title: "Acme",
      decidedOn: TODAY,
      reason: "No.",
    });
    const first = enqueueMail(db, { recipient: "a@example.in", dedupeKey: "submission-event:1", mail });
    const again = enqueueMail(db, { recipient: "a@example.in", dedupeKey: "submission-event:1", mail });
    expect(first).toBeTypeOf("number");
    expect(again).toBeNull();
    expect(countRows(db, "outbox")).toBe(1);
  });
});
