import { and, desc, eq, gte, sql } from "drizzle-orm";
import type { Db, DbLike } from "../connection";
import { revisions, submissionEvents, submissions, users } from "../schema";
import { indiaDate } from "@/lib/domain/dates";
import { diffRecords } from "@/lib/domain/diff";
import type { RecordType, Role, SubmissionAction, SubmissionState } from "@/lib/domain/vocabulary";
import { nounOf, parsePayload, type RecordPayload } from "@/lib/records";
import { ProgressInputSchema } from "@/lib/records/progress-update";
import type { WithdrawalInput } from "@/lib/records/withdrawal";
import { fieldErrors } from "@/lib/validation/submissions";
import { checkReferences, latestRevisionId, recordSnapshot, targetState } from "../queries/records";
import { applyApproved } from "./records";

// The life of a proposal: a contributor creates it, may withdraw it or, when a reviewer asks for
// changes, resubmit it; another reviewer approves (which publishes it, with its revision),
// rejects or sends it back. Every function runs in one IMMEDIATE transaction, so the checks it
// makes (state, role, the record's latest revision) still hold when it writes, even with several
// server processes on one database file. Nothing is deleted: each step is a submission_events row.

export type MutationErrorCode = "not_found" | "forbidden" | "conflict" | "invalid_state" | "invalid";

export type RowError = { row: number; field: string; message: string };

export type MutationFailure = {
  ok: false;
  code: MutationErrorCode;
  message: string;
  /** Keyed by the form's field names ("sources.0.url"), first message per field. */
  fieldErrors?: Record<string, string>;
  /** For a bulk import: every problem, by row. */
  rowErrors?: RowError[];
};

export type MutationResult<T extends object = Record<never, never>> = ({ ok: true } & T) | MutationFailure;

/** Repeated clicks on "Submit" within this window give back the first submission. */
export const DUPLICATE_WINDOW_SECONDS = 10;

const IMMEDIATE = { behavior: "immediate" } as const;
const MAX_REASON = 2000;

function fail(
  code: MutationErrorCode,
  message: string,
  extra: Pick<MutationFailure, "fieldErrors" | "rowErrors"> = {},
): MutationFailure {
  return { ok: false, code, message, ...extra };
}

function roleOf(tx: DbLike, userId: string): Role | null {
  return tx.select({ role: users.role }).from(users).where(eq(users.id, userId)).get()?.role ?? null;
}

const isReviewer = (role: Role | null) => role === "reviewer" || role === "admin";

function nowIso(): string {
  return new Date().toISOString();
}

const INVALID_MESSAGE = "Some fields need attention.";

type Checked =
  | { ok: true; payload: RecordPayload | WithdrawalInput; baseRevisionId: number | null }
  | (MutationFailure & { unchanged?: true });

/**
 * Everything a proposal must satisfy to be stored or approved: the schema, the record it concerns
 * (present, not withdrawn), the records it refers to, and for a change, that it changes something.
 */
function checkProposal(
  tx: DbLike,
  recordType: RecordType,
  action: SubmissionAction,
  targetId: number | null,
  rawPayload: unknown,
): Checked {
  const label = nounOf(recordType);
  if (action === "create" && targetId !== null)
    return fail("invalid", `A new ${label} cannot name an existing record.`);
  if (action !== "create" && targetId === null)
    return fail("invalid", `Say which ${label} this ${action === "change" ? "changes" : "withdraws"}.`);

  const parsed = parsePayload(recordType, action, rawPayload);
  if (!parsed.ok) return fail("invalid", INVALID_MESSAGE, { fieldErrors: parsed.fieldErrors });

  let baseRevisionId: number | null = null;
  if (targetId !== null) {
    const target = targetState(tx, recordType, targetId);
    if (!target.exists) return fail("not_found", `There is no published ${label} number ${targetId}.`);
    if (target.withdrawnOn)
      return fail(
        "invalid_state",
        `This ${label} was withdrawn on ${target.withdrawnOn}; it can no longer change.`,
      );
    baseRevisionId = latestRevisionId(tx, recordType, targetId);
  }
  if (action === "withdraw") return { ok: true, payload: parsed.payload, baseRevisionId };

  const payload = parsed.payload as RecordPayload;
  const refErrors = checkReferences(tx, recordType, payload, targetId);
  if (Object.keys(refErrors).length > 0) return fail("invalid", INVALID_MESSAGE, { fieldErrors: refErrors });

  if (action === "change" && targetId !== null) {
    const current = recordSnapshot(tx, recordType, targetId);
    if (current && diffRecords(recordType, current.payload, payload).length === 0)
      return {
        ...fail("invalid", `This is the same as the published ${label}: change at least one field.`),
        unchanged: true,
      };
  }
  return { ok: true, payload, baseRevisionId };
}

/** The failure as callers see it, without the import's private "unchanged" mark. */
function failure({ unchanged: _unchanged, ...f }: MutationFailure & { unchanged?: true }): MutationFailure {
  return f;
}

/** A withdrawal's payload is { reason }: from withdrawReason, or a payload of that shape. */
function withdrawalPayload(payload: unknown, withdrawReason: string | undefined): unknown {
  if (withdrawReason !== undefined) return { reason: withdrawReason };
  // Anything else still gets its message on the reason field, where the form shows it.
  return typeof payload === "object" && payload !== null ? payload : { reason: undefined };
}

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
// contributor makes, and building and preparing its five statements anew each time cost as much
// as running them (measured with 50 clients posting: docs/decisions/0015).
function submitStatements(db: Db) {
  return {
    role: db
      .select({ role: users.role })
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
          gte(
            submissions.createdAt,
            sql`strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ${`-${DUPLICATE_WINDOW_SECONDS} seconds`})`,
          ),
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
    if (!statements.role.get({ userId })?.role) return fail("forbidden", "Please sign in again to submit.");
    const raw =
      action === "withdraw" ? withdrawalPayload(input.payload, input.withdrawReason) : input.payload;
    const checked = checkProposal(tx, recordType, action, targetId, raw);
    if (!checked.ok) return failure(checked);

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

type SubmissionRow = typeof submissions.$inferSelect;

function findSubmission(tx: DbLike, id: number): SubmissionRow | undefined {
  return tx.select().from(submissions).where(eq(submissions.id, id)).get();
}

const STATE_WORDS: Record<SubmissionState, string> = {
  pending: "waiting for review",
  approved: "already approved",
  rejected: "already rejected",
  changes_requested: "waiting for your changes",
  withdrawn: "withdrawn",
};

/** The submitter takes back a proposal that is still open. It is kept, marked withdrawn. */
export function withdrawSubmission(
  db: Db,
  input: { id: number; userId: string },
): MutationResult<{ id: number }> {
  return db.transaction((tx) => {
    const row = findSubmission(tx, input.id);
    if (!row) return fail("not_found", "There is no such submission.");
    if (row.submittedById !== input.userId)
      return fail("forbidden", "Only the person who submitted this can withdraw it.");
    if (row.state !== "pending" && row.state !== "changes_requested")
      return fail(
        "invalid_state",
        `This submission is ${STATE_WORDS[row.state]}; it can no longer be withdrawn.`,
      );
    tx.update(submissions)
      .set({ state: "withdrawn", updatedAt: nowIso() })
      .where(eq(submissions.id, row.id))
      .run();
    tx.insert(submissionEvents)
      .values({ submissionId: row.id, event: "withdrawn", actorId: input.userId })
      .run();
    return { ok: true, id: row.id };
  }, IMMEDIATE);
}

/**
 * The submitter answers a request for changes with a new payload; the submission is pending again.
 * The previous payload stays in the "created" or earlier "resubmitted" event, and the reviewer's
 * comment in the "changes_requested" event. A change keeps the revision it was first based on, so
 * an edit published meanwhile still shows as a conflict.
 */
export function resubmitSubmission(
  db: Db,
  input: { id: number; userId: string; payload: unknown },
): MutationResult<{ id: number }> {
  return db.transaction((tx) => {
    const row = findSubmission(tx, input.id);
    if (!row) return fail("not_found", "There is no such submission.");
    if (row.submittedById !== input.userId)
      return fail("forbidden", "Only the person who submitted this can change it.");
    if (row.state !== "changes_requested")
      return fail(
        "invalid_state",
        `This submission is ${STATE_WORDS[row.state]}; only one sent back for changes can be resubmitted.`,
      );
    const checked = checkProposal(tx, row.recordType, row.action, row.targetId, input.payload);
    if (!checked.ok) return failure(checked);
    tx.update(submissions)
      .set({
        payload: checked.payload,
        state: "pending",
        reviewerId: null,
        decisionReason: null,
        decidedAt: null,
        updatedAt: nowIso(),
      })
      .where(eq(submissions.id, row.id))
      .run();
    tx.insert(submissionEvents)
      .values({ submissionId: row.id, event: "resubmitted", actorId: input.userId, payload: checked.payload })
      .run();
    return { ok: true, id: row.id };
  }, IMMEDIATE);
}

export const DECISIONS = ["approve", "reject", "request_changes"] as const;
export type Decision = (typeof DECISIONS)[number];

const DECIDED_STATE = {
  approve: "approved",
  reject: "rejected",
  request_changes: "changes_requested",
} as const;

export type DecideInput = {
  id: number;
  reviewerId: string;
  decision: Decision;
  /** Required to reject or request changes (shown to the contributor); an optional note on approval. */
  reason?: string;
  /** Today's date in India: a withdrawal takes effect on it. */
  today: string;
};

/** The date, in India, on which a submission was made: when its sources were read. */
function submittedOn(row: SubmissionRow): string {
  const at = new Date(row.createdAt);
  return Number.isNaN(at.getTime()) ? row.createdAt.slice(0, 10) : indiaDate(at);
}

/**
 * A reviewer's decision. Approval re-validates the payload, refuses a change to a record edited
 * since the proposal was made (conflict), and publishes the record with its sources, links and
 * revision, all in this one transaction.
 */
export function decideSubmission(db: Db, input: DecideInput): MutationResult<{ recordId?: number }> {
  const reason = (input.reason ?? "").normalize("NFC").trim();
  return db.transaction((tx) => {
    // The caller checked the session's role; the role is read again here, in the transaction that
    // writes, so a demotion that has just happened is respected.
    if (!isReviewer(roleOf(tx, input.reviewerId)))
      return fail("forbidden", "Only reviewers and admins can decide on submissions.");
    const row = findSubmission(tx, input.id);
    if (!row) return fail("not_found", "There is no such submission.");
    if (row.submittedById === input.reviewerId)
      return fail("forbidden", "You submitted this yourself: another reviewer must decide on it.");
    if (row.state !== "pending")
      return fail("invalid_state", `This submission is ${STATE_WORDS[row.state]}.`);
    if (input.decision !== "approve" && reason === "")
      return fail("invalid", INVALID_MESSAGE, {
        fieldErrors: {
          reason:
            input.decision === "reject"
              ? "Say why the submission is rejected: the contributor reads it."
              : "Say what needs to change: the contributor reads it.",
        },
      });
    if (reason.length > MAX_REASON)
      return fail("invalid", INVALID_MESSAGE, {
        fieldErrors: {
          reason: `Keep the reason to at most ${MAX_REASON.toLocaleString("en-IN")} characters.`,
        },
      });

    let recordId: number | undefined;
    if (input.decision === "approve") {
      // A conflict is reported before anything else: whatever else is wrong, the reviewer first
      // needs to know that the record is no longer the one the contributor saw.
      if (row.targetId !== null && targetState(tx, row.recordType, row.targetId).exists) {
        if (latestRevisionId(tx, row.recordType, row.targetId) !== row.baseRevisionId) return conflict(row);
      }
      const checked = checkProposal(tx, row.recordType, row.action, row.targetId, row.payload);
      if (!checked.ok) {
        return checked.code === "invalid"
          ? fail("invalid", `This proposal cannot be published as it stands: ${describeErrors(checked)}`, {
              ...(checked.fieldErrors ? { fieldErrors: checked.fieldErrors } : {}),
            })
          : failure(checked);
      }
      recordId = applyApproved(tx, {
        recordType: row.recordType,
        action: row.action,
        targetId: row.targetId,
        payload: checked.payload,
        actorId: input.reviewerId,
        submissionId: row.id,
        today: input.today,
        accessedOn: submittedOn(row),
      }).recordId;
    }

    const decidedAt = nowIso();
    tx.update(submissions)
      .set({
        state: DECIDED_STATE[input.decision],
        reviewerId: input.reviewerId,
        decisionReason: reason || null,
        decidedAt,
        updatedAt: decidedAt,
      })
      .where(eq(submissions.id, row.id))
      .run();
    tx.insert(submissionEvents)
      .values({
        submissionId: row.id,
        event: DECIDED_STATE[input.decision],
        actorId: input.reviewerId,
        reason: reason || null,
      })
      .run();
    return recordId === undefined ? { ok: true } : { ok: true, recordId };
  }, IMMEDIATE);
}

function conflict(row: SubmissionRow): MutationFailure {
  return fail(
    "conflict",
    `The published ${nounOf(row.recordType)} has changed since this was proposed. Compare the two, then reject or request changes so that the contributor can propose again against the current version.`,
  );
}

function describeErrors(f: MutationFailure): string {
  const entries = Object.entries(f.fieldErrors ?? {});
  if (entries.length === 0) return f.message;
  return entries.map(([field, message]) => `${field}: ${message}`).join("; ");
}

/**
 * Creates a submission already approved, with `userId` as both submitter and reviewer, and
 * publishes it: for a reviewer's own entry (an outcome recorded from the deadlines view) and an
 * admin's bulk import. Runs inside the caller's transaction.
 */
function publishDirectly(
  tx: DbLike,
  input: {
    userId: string;
    recordType: RecordType;
    action: SubmissionAction;
    targetId: number | null;
    payload: RecordPayload;
    baseRevisionId: number | null;
    today: string;
  },
): { id: number; recordId: number } {
  const decidedAt = nowIso();
  const row = tx
    .insert(submissions)
    .values({
      recordType: input.recordType,
      action: input.action,
      targetId: input.targetId,
      payload: input.payload,
      baseRevisionId: input.baseRevisionId,
      state: "approved",
      submittedById: input.userId,
      reviewerId: input.userId,
      decidedAt,
    })
    .returning({ id: submissions.id })
    .get();
  tx.insert(submissionEvents)
    .values([
      { submissionId: row.id, event: "created", actorId: input.userId, payload: input.payload },
      { submissionId: row.id, event: "approved", actorId: input.userId },
    ])
    .run();
  const { recordId } = applyApproved(tx, {
    recordType: input.recordType,
    action: input.action,
    targetId: input.targetId,
    payload: input.payload,
    actorId: input.userId,
    submissionId: row.id,
    today: input.today,
    accessedOn: input.today,
  });
  return { id: row.id, recordId };
}

/**
 * A reviewer records a commitment's outcome directly (from the deadlines view): a progress update,
 * published at once with its revision, through a submission that shows the reviewer as both
 * submitter and reviewer. The same outcome sent twice within seconds is recorded once.
 */
export function recordOutcome(
  db: Db,
  input: { reviewerId: string; payload: unknown; today: string },
): MutationResult<{ id: number; recordId: number }> {
  return db.transaction((tx) => {
    if (!isReviewer(roleOf(tx, input.reviewerId)))
      return fail("forbidden", "Only reviewers and admins can record an outcome directly.");
    const parsed = ProgressInputSchema.safeParse(input.payload);
    if (!parsed.success) return fail("invalid", INVALID_MESSAGE, { fieldErrors: fieldErrors(parsed.error) });
    const refErrors = checkReferences(tx, "progress_update", parsed.data, null);
    if (Object.keys(refErrors).length > 0)
      return fail("invalid", INVALID_MESSAGE, { fieldErrors: refErrors });

    const recent = tx
      .select({ id: submissions.id, payload: submissions.payload, recordId: revisions.recordId })
      .from(submissions)
      .innerJoin(revisions, eq(revisions.submissionId, submissions.id))
      .where(
        and(
          eq(submissions.submittedById, input.reviewerId),
          eq(submissions.reviewerId, input.reviewerId),
          eq(submissions.state, "approved"),
          eq(submissions.recordType, "progress_update"),
          eq(submissions.action, "create"),
          gte(
            submissions.createdAt,
            sql`strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ${`-${DUPLICATE_WINDOW_SECONDS} seconds`})`,
          ),
        ),
      )
      .orderBy(desc(submissions.id))
      .all();
    const same = JSON.stringify(parsed.data);
    const repeat = recent.find((r) => JSON.stringify(r.payload) === same);
    if (repeat) return { ok: true, id: repeat.id, recordId: repeat.recordId };

    const published = publishDirectly(tx, {
      userId: input.reviewerId,
      recordType: "progress_update",
      action: "create",
      targetId: null,
      payload: parsed.data,
      baseRevisionId: null,
      today: input.today,
    });
    return { ok: true, ...published };
  }, IMMEDIATE);
}

export type ImportRow = {
  /** The row number a person sees in their spreadsheet, used in every message about it. */
  row: number;
  /** A commitment to change (the export's id column), or null for a new one. */
  targetId: number | null;
  payload: unknown;
};

export type ImportOutcome = {
  /** "pending": submissions for review (a reviewer's import); "published": applied (an admin's). */
  mode: "pending" | "published";
  dryRun: boolean;
  /** Rows that would change nothing: the same as the published commitment. */
  unchanged: number[];
  created: number;
  changed: number;
  submissionIds: number[];
};

/**
 * A bulk import of commitments, all or nothing: every row is checked as a proposal; if any row
 * has a problem, nothing is written and every problem is returned by row and field. Otherwise a
 * reviewer's rows become pending submissions (another reviewer decides), and an admin's are
 * published at once, each with its own approved submission and revision, in this transaction.
 * Rows identical to the published commitment they name are skipped, not proposed.
 */
export function importCommitments(
  db: Db,
  input: { userId: string; rows: readonly ImportRow[]; today: string; dryRun?: boolean },
): MutationResult<ImportOutcome> {
  return db.transaction((tx) => {
    const role = roleOf(tx, input.userId);
    if (!isReviewer(role)) return fail("forbidden", "Only reviewers and admins can import.");
    const mode = role === "admin" ? "published" : "pending";
    const rowErrors: RowError[] = [];
    const accepted: { row: ImportRow; payload: RecordPayload; baseRevisionId: number | null }[] = [];
    const unchanged: number[] = [];
    const targetsSeen = new Map<number, number>();
    const keysSeen = new Map<string, number>();

    for (const row of input.rows) {
      const action = row.targetId === null ? "create" : "change";
      const checked = checkProposal(tx, "commitment", action, row.targetId, row.payload);
      if (!checked.ok) {
        if (checked.fieldErrors && Object.keys(checked.fieldErrors).length > 0) {
          for (const [field, message] of Object.entries(checked.fieldErrors))
            rowErrors.push({ row: row.row, field, message });
        } else if (checked.unchanged) {
          unchanged.push(row.row);
        } else {
          rowErrors.push({
            row: row.row,
            field: action === "change" ? "id" : "_row",
            message: checked.message,
          });
        }
        continue;
      }
      const payload = checked.payload as RecordPayload & {
        company: string;
        title: string;
        due_on: string | null;
      };
      if (row.targetId !== null) {
        const earlier = targetsSeen.get(row.targetId);
        if (earlier !== undefined) {
          rowErrors.push({
            row: row.row,
            field: "id",
            message: `Commitment ${row.targetId} is already changed by row ${earlier}.`,
          });
          continue;
        }
        targetsSeen.set(row.targetId, row.row);
      } else {
        const key = JSON.stringify([payload.company, payload.title.toLowerCase(), payload.due_on]);
        const earlier = keysSeen.get(key);
        if (earlier !== undefined) {
          rowErrors.push({
            row: row.row,
            field: "title",
            message: `Row ${earlier} has the same company, title and deadline.`,
          });
          continue;
        }
        keysSeen.set(key, row.row);
      }
      accepted.push({ row, payload, baseRevisionId: checked.baseRevisionId });
    }

    if (rowErrors.length > 0) {
      const rows = new Set(rowErrors.map((e) => e.row)).size;
      return fail(
        "invalid",
        `${rowErrors.length} problem${rowErrors.length === 1 ? "" : "s"} in ${rows} row${rows === 1 ? "" : "s"}: nothing was imported.`,
        { rowErrors },
      );
    }
    const created = accepted.filter((a) => a.row.targetId === null).length;
    const outcome: ImportOutcome = {
      mode,
      dryRun: input.dryRun ?? false,
      unchanged,
      created,
      changed: accepted.length - created,
      submissionIds: [],
    };
    if (outcome.dryRun) return { ok: true, ...outcome };

    for (const { row, payload, baseRevisionId } of accepted) {
      const action = row.targetId === null ? "create" : "change";
      if (mode === "published") {
        const { id } = publishDirectly(tx, {
          userId: input.userId,
          recordType: "commitment",
          action,
          targetId: row.targetId,
          payload,
          baseRevisionId,
          today: input.today,
        });
        outcome.submissionIds.push(id);
      } else {
        const { id } = tx
          .insert(submissions)
          .values({
            recordType: "commitment",
            action,
            targetId: row.targetId,
            payload,
            baseRevisionId,
            state: "pending",
            submittedById: input.userId,
          })
          .returning({ id: submissions.id })
          .get();
        tx.insert(submissionEvents)
          .values({ submissionId: id, event: "created", actorId: input.userId, payload })
          .run();
        outcome.submissionIds.push(id);
      }
    }
    return { ok: true, ...outcome };
  }, IMMEDIATE);
}
