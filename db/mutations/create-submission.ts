import { and, eq, gte, sql } from "drizzle-orm";
import type { Db } from "../connection";
import { submissionEvents, submissions, users } from "../schema";
import { IMMEDIATE } from "../transaction";
import { checkProposal, withdrawalPayload } from "./check-proposal";
import { fail, type MutationResult } from "./result";
import { duplicateWindowStart } from "./submission-row";
import type { RecordType, SubmissionAction } from "@/lib/domain/vocabulary";

// The life of a proposal: a contributor creates it (here), may withdraw it or, when a reviewer
// asks for changes, resubmit it; another reviewer decides. Each step is one IMMEDIATE
// transaction and one submission_events row; nothing is deleted.

export type CreateSubmissionInput = {
  userId: string;
  recordType: RecordType;
  action: SubmissionAction;
  targetId?: number | null;
  /** For create and change: the form's fields, validated here with the record type's schema. */
  payload: unknown;
  /** For withdraw: why. (A payload of { reason } is accepted too.) Errors come back as fieldErrors.reason. */
  withdrawReason?: string;
};

// The statements of createSubmission, prepared once per connection: it is the write every
// contributor makes, and building and preparing its statements anew each time cost as much as
// running them (measured with 50 clients posting: docs/decisions/0015).
function submitStatements(db: Db) {
  return {
    role: db
      .select({ role: users.role, emailVerified: users.emailVerified })
      .from(users)
      .where(eq(users.id, sql.placeholder("userId")))
      .prepare(),
    // The same payload is compared as stored text: the column holds JSON.stringify of the parsed
    // payload, so equal payloads have equal text, and nothing is parsed to compare.
    repeat: db
      .select({ id: submissions.id })
      .from(submissions)
      .where(
        and(
          eq(submissions.submittedById, sql.placeholder("userId")),
          eq(submissions.state, "pending"),
          eq(submissions.recordType, sql.placeholder("recordType")),
          eq(submissions.action, sql.placeholder("action")),
          sql`${submissions.targetId} is ${sql.placeholder("targetId")}`,
          gte(submissions.createdAt, duplicateWindowStart()),
          sql`${submissions.payload} = ${sql.placeholder("payload")}`,
        ),
      )
      .limit(1)
      .prepare(),
    insert: db
      .insert(submissions)
      .values({
        recordType: sql.placeholder("recordType"),
        action: sql.placeholder("action"),
        targetId: sql.placeholder("targetId"),
        payload: sql.placeholder("payload"),
        baseRevisionId: sql.placeholder("baseRevisionId"),
        state: "pending",
        submittedById: sql.placeholder("userId"),
      })
      .returning({ id: submissions.id })
      .prepare(),
    created: db
      .insert(submissionEvents)
      .values({
        submissionId: sql.placeholder("submissionId"),
        event: "created",
        actorId: sql.placeholder("userId"),
        payload: sql.placeholder("payload"),
      })
      .prepare(),
  };
}
const submitStatementsByConnection = new WeakMap<Db["$client"], ReturnType<typeof submitStatements>>();

/** Stores a proposal as pending. The stored payload is the schema's parsed output. */
export function createSubmission(db: Db, input: CreateSubmissionInput): MutationResult<{ id: number }> {
  const { userId, recordType, action } = input;
  const targetId = input.targetId ?? null;
  let s = submitStatementsByConnection.get(db.$client);
  if (!s) submitStatementsByConnection.set(db.$client, (s = submitStatements(db)));
  const statements = s;
  return db.transaction((tx) => {
    const person = statements.role.get({ userId });
    if (!person?.role) return fail("forbidden", { problem: "signed_out" });
    // Proposals wait for a confirmed address (docs/decisions/0025): refused here, in the write
    // itself, so no form, script or route can queue one for review from an unconfirmed account.
    if (!person.emailVerified) return fail("forbidden", { problem: "unverified_email" });
    const raw =
      action === "withdraw" ? withdrawalPayload(input.payload, input.withdrawReason) : input.payload;
    const checked = checkProposal(tx, recordType, action, targetId, raw, userId);
    if (!checked.ok) return checked;

    // A double click or a resent form arrives as the same payload moments later: give back the
    // first submission rather than making a reviewer decide the same thing twice.
    const payload = JSON.stringify(checked.payload);
    const repeat = statements.repeat.get({ userId, recordType, action, targetId, payload });
    if (repeat) return { ok: true, id: repeat.id };

    // Placeholders of JSON columns are encoded by the column: the parsed payload goes in as is.
    const values = { userId, recordType, action, targetId, payload: checked.payload };
    const row = statements.insert.get({ ...values, baseRevisionId: checked.baseRevisionId });
    statements.created.run({ submissionId: row.id, userId, payload: checked.payload });
    return { ok: true, id: row.id };
  }, IMMEDIATE);
}
