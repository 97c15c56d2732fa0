import { eq } from "drizzle-orm";
import type { DbLike } from "../connection";
import { companyBySlug, recordSnapshot, type RecordSnapshot } from "../queries/records";
import { RECORD_TABLES, SOURCE_LINK_TABLES } from "../record-tables";
import {
  commitmentCategories,
  commitments,
  commitmentStates,
  companies,
  facilities,
  partnerships,
  progressUpdates,
  sources,
} from "../schema";
import { publishRevision } from "./publish-revision";
import { summariseChanges, diffRecords } from "@/lib/domain/diff";
import type { RecordType, SubmissionAction } from "@/lib/domain/vocabulary";
import { RECORD_KINDS, type RecordPayload, type RowOf } from "@/lib/records";
import { WithdrawalInputSchema, type WithdrawalInput } from "@/lib/records/withdrawal";
import type { SourceInput } from "@/lib/validation/submissions";

// Writing an approved proposal into the published tables: the record, its sources (shared by URL),
// its link rows and the revision that says what changed, who approved it and which submission
// caused it. Everything here runs inside the caller's transaction, so a failure at any step leaves
// nothing behind. Each kind's row comes from its mapping in lib/records; the reads that check and
// describe a proposal are in db/queries/records.ts.

type RowWriter<Row> = {
  insert(db: DbLike, row: Row): number;
  update(db: DbLike, id: number, row: Row, updatedAt: string): void;
};

/** Replaces a commitment's categories and states, which are rows of their own tables. */
function writeCommitmentLists(
  db: DbLike,
  id: number,
  lists: { categories: string[]; states: string[] },
): void {
  db.delete(commitmentCategories).where(eq(commitmentCategories.commitmentId, id)).run();
  db.delete(commitmentStates).where(eq(commitmentStates.commitmentId, id)).run();
  for (const category of lists.categories)
    db.insert(commitmentCategories).values({ commitmentId: id, category }).run();
  for (const stateCode of lists.states)
    db.insert(commitmentStates).values({ commitmentId: id, stateCode }).run();
}

/** Each kind's row written as its kind's mapping gives it. */
const ROW_WRITERS: { [K in RecordType]: RowWriter<RowOf<K>> } = {
  company: {
    insert: (db, row) => db.insert(companies).values(row).returning({ id: companies.id }).get().id,
    update: (db, id, row, updatedAt) => {
      db.update(companies)
        .set({ ...row, updatedAt })
        .where(eq(companies.id, id))
        .run();
    },
  },
  facility: {
    insert: (db, row) => db.insert(facilities).values(row).returning({ id: facilities.id }).get().id,
    update: (db, id, row, updatedAt) => {
      db.update(facilities)
        .set({ ...row, updatedAt })
        .where(eq(facilities.id, id))
        .run();
    },
  },
  partnership: {
    insert: (db, row) => db.insert(partnerships).values(row).returning({ id: partnerships.id }).get().id,
    update: (db, id, row, updatedAt) => {
      db.update(partnerships)
        .set({ ...row, updatedAt })
        .where(eq(partnerships.id, id))
        .run();
    },
  },
  commitment: {
    insert: (db, { categories, states, ...row }) => {
      const id = db.insert(commitments).values(row).returning({ id: commitments.id }).get().id;
      writeCommitmentLists(db, id, { categories, states });
      return id;
    },
    update: (db, id, { categories, states, ...row }, updatedAt) => {
      db.update(commitments)
        .set({ ...row, updatedAt })
        .where(eq(commitments.id, id))
        .run();
      writeCommitmentLists(db, id, { categories, states });
    },
  },
  progress_update: {
    insert: (db, row) =>
      db.insert(progressUpdates).values(row).returning({ id: progressUpdates.id }).get().id,
    update: (db, id, row, updatedAt) => {
      db.update(progressUpdates)
        .set({ ...row, updatedAt })
        .where(eq(progressUpdates.id, id))
        .run();
    },
  },
};

function companyId(db: DbLike, slug: string): number {
  const c = companyBySlug(db, slug);
  // checkReferences runs first; reaching this means the data changed inside the transaction.
  if (!c) throw new Error(`Company ${slug} vanished while applying a submission`);
  return c.id;
}

/** Links the record to its sources, reusing the published source with the same address. */
function linkSources(
  db: DbLike,
  recordType: RecordType,
  recordId: number,
  list: readonly SourceInput[],
  accessedOn: string,
): void {
  const table = SOURCE_LINK_TABLES[recordType];
  const seen = new Set<string>();
  for (const s of list) {
    if (seen.has(s.url)) continue;
    seen.add(s.url);
    // An existing source row is reused as it is: other published records cite it, and rewriting
    // its title or excerpt here would change their evidence without a revision of their own.
    const existing = db.select({ id: sources.id }).from(sources).where(eq(sources.url, s.url)).get();
    const sourceId =
      existing?.id ??
      db
        .insert(sources)
        .values({
          url: s.url,
          title: s.title,
          publisher: s.publisher,
          kind: s.kind,
          publishedOn: s.published_on,
          excerpt: s.excerpt,
          accessedOn,
        })
        .returning({ id: sources.id })
        .get().id;
    db.insert(table).values({ recordId, sourceId }).onConflictDoNothing().run();
  }
}

function unlinkSources(db: DbLike, recordType: RecordType, recordId: number): void {
  const table = SOURCE_LINK_TABLES[recordType];
  db.delete(table).where(eq(table.recordId, recordId)).run();
}

/**
 * Inserts (targetId null) or updates the record and its sources; returns its id. The payload is
 * parsed again with its kind's schema, which types it for the kind's mapping; the caller has
 * already validated it, so this cannot fail unless a withdrawal's { reason } is passed.
 */
function writeRecord<K extends RecordType>(
  db: DbLike,
  recordType: K,
  raw: unknown,
  targetId: number | null,
  accessedOn: string,
): number {
  const payload = RECORD_KINDS[recordType].schema.parse(raw);
  const row = RECORD_KINDS[recordType].toRow(payload, { companyId: (slug) => companyId(db, slug) });
  const writer = ROW_WRITERS[recordType];
  let id: number;
  if (targetId === null) {
    id = writer.insert(db, row);
  } else {
    id = targetId;
    writer.update(db, id, row, new Date().toISOString());
    unlinkSources(db, recordType, id);
  }
  linkSources(db, recordType, id, payload.sources, accessedOn);
  return id;
}

function withdrawRecord(db: DbLike, recordType: RecordType, id: number, reason: string, today: string): void {
  const table = RECORD_TABLES[recordType];
  db.update(table)
    .set({ withdrawnOn: today, withdrawnReason: reason, updatedAt: new Date().toISOString() })
    .where(eq(table.id, id))
    .run();
}

export type ApplyInput = {
  recordType: RecordType;
  action: SubmissionAction;
  /** The record a change or withdrawal concerns; null for a new record. */
  targetId: number | null;
  /** Already validated by parsePayload and checked by checkReferences. */
  payload: RecordPayload | WithdrawalInput;
  actorId: string;
  submissionId: number;
  /** The date a withdrawal takes effect. */
  today: string;
  /** The date the contributor read the sources: recorded on sources new to the tracker. */
  accessedOn: string;
};

export type Applied = { recordId: number; revisionId: number; summary: string };

function revisionAfter(snapshot: RecordSnapshot): Record<string, unknown> {
  return snapshot.withdrawnOn
    ? { ...snapshot.payload, withdrawn_on: snapshot.withdrawnOn, withdrawn_reason: snapshot.withdrawnReason }
    : snapshot.payload;
}

/**
 * Writes an approved proposal and its revision. Must run inside a transaction: it writes several
 * rows and relies on the caller's checks (validation, references, conflicts) made in the same one.
 */
export function applyApproved(tx: DbLike, input: ApplyInput): Applied {
  const { recordType, action, targetId } = input;
  const label = RECORD_KINDS[recordType].nouns.singular;
  let recordId: number;
  let before: RecordSnapshot | null = null;
  let summary: string;

  if (action === "create") {
    recordId = writeRecord(tx, recordType, input.payload, null, input.accessedOn);
    summary = `Created ${label}`;
  } else {
    if (targetId === null) throw new Error(`A ${action} needs the record it concerns`);
    before = recordSnapshot(tx, recordType, targetId);
    if (!before) throw new Error(`No ${label} ${targetId} to ${action}`);
    recordId = targetId;
    if (action === "withdraw") {
      const { reason } = WithdrawalInputSchema.parse(input.payload);
      withdrawRecord(tx, recordType, targetId, reason, input.today);
      summary = `Withdrew ${label}: ${reason}`;
    } else {
      writeRecord(tx, recordType, input.payload, targetId, input.accessedOn);
      summary = "";
    }
  }

  const after = recordSnapshot(tx, recordType, recordId);
  if (!after) throw new Error(`The ${label} just written cannot be read back`);
  if (action === "change" && before) {
    summary = summariseChanges(recordType, diffRecords(recordType, before.payload, after.payload));
  }
  const { revisionId } = publishRevision(tx, {
    recordType,
    recordId,
    before: before ? revisionAfter(before) : null,
    after: revisionAfter(after),
    actorId: input.actorId,
    submissionId: input.submissionId,
    summary,
  });
  return { recordId, revisionId, summary };
}
