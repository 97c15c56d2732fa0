import { and, asc, desc, eq } from "drizzle-orm";
import type { DbLike } from "../connection";
import { RECORD_TABLES, SOURCE_LINK_TABLES } from "../record-tables";
import {
  commitmentCategories,
  commitments,
  commitmentStates,
  companies,
  facilities,
  partnerships,
  progressUpdates,
  revisions,
  sources,
} from "../schema";
import type { RecordType } from "@/lib/domain/vocabulary";
import { RECORD_KINDS, type RecordPayload, type RowOf } from "@/lib/records";
import type { RecordLike, TitleLookup } from "@/lib/records/kind";
import { referenceCheck, type ReferenceCheck, type ReferenceLookup } from "@/lib/records/references";

// Published records read back for the workflow: as their form's payload (a "snapshot"), so a
// proposal, the record it would change and each revision compare like for like; with their
// latest revision; with the records they refer to. Each kind's own mapping, title and link are
// in lib/records; this answers what they need to look up.

/** A published record in the shape of its form's payload, with its withdrawal if any. */
export type RecordSnapshot = {
  recordType: RecordType;
  id: number;
  payload: Record<string, unknown>;
  withdrawnOn: string | null;
  withdrawnReason: string | null;
};

type SourceSnapshot = {
  url: string;
  title: string;
  publisher: string;
  kind: string;
  published_on: string | null;
  excerpt: string | null;
};

type Withdrawal = { withdrawnOn: string | null; withdrawnReason: string | null };

const listOf = (rows: { v: string }[]) => rows.map((r) => r.v);

/** Each kind's row by id, as its kind's mapping reads it. */
const ROW_READERS: { [K in RecordType]: (db: DbLike, id: number) => (RowOf<K> & Withdrawal) | undefined } = {
  company: (db, id) => db.select().from(companies).where(eq(companies.id, id)).get(),
  facility: (db, id) => db.select().from(facilities).where(eq(facilities.id, id)).get(),
  partnership: (db, id) => db.select().from(partnerships).where(eq(partnerships.id, id)).get(),
  commitment: (db, id) => {
    const row = db.select().from(commitments).where(eq(commitments.id, id)).get();
    if (!row) return undefined;
    const categories = db
      .select({ v: commitmentCategories.category })
      .from(commitmentCategories)
      .where(eq(commitmentCategories.commitmentId, id))
      .orderBy(asc(commitmentCategories.category))
      .all();
    const states = db
      .select({ v: commitmentStates.stateCode })
      .from(commitmentStates)
      .where(eq(commitmentStates.commitmentId, id))
      .orderBy(asc(commitmentStates.stateCode))
      .all();
    return { ...row, categories: listOf(categories), states: listOf(states) };
  },
  progress_update: (db, id) => db.select().from(progressUpdates).where(eq(progressUpdates.id, id)).get(),
};

function linkedSources(db: DbLike, recordType: RecordType, recordId: number): SourceSnapshot[] {
  const table = SOURCE_LINK_TABLES[recordType];
  return db
    .select({
      url: sources.url,
      title: sources.title,
      publisher: sources.publisher,
      kind: sources.kind,
      published_on: sources.publishedOn,
      excerpt: sources.excerpt,
    })
    .from(table)
    .innerJoin(sources, eq(sources.id, table.sourceId))
    .where(eq(table.recordId, recordId))
    .orderBy(asc(sources.publishedOn), asc(sources.id))
    .all();
}

export function companySlug(db: DbLike, id: number): string | null {
  return db.select({ slug: companies.slug }).from(companies).where(eq(companies.id, id)).get()?.slug ?? null;
}

/** The published record, read back as its form's payload; null when there is no such record. */
export function recordSnapshot<K extends RecordType>(
  db: DbLike,
  recordType: K,
  id: number,
): RecordSnapshot | null {
  const row = ROW_READERS[recordType](db, id);
  if (!row) return null;
  const payload = RECORD_KINDS[recordType].fromRow(row, {
    companySlug: (companyId) => companySlug(db, companyId) ?? "",
  });
  return {
    recordType,
    id,
    payload: { ...payload, sources: linkedSources(db, recordType, id) },
    withdrawnOn: row.withdrawnOn,
    withdrawnReason: row.withdrawnReason,
  };
}

/** The id of the record's latest revision: what a change was based on. Null for a record never revised. */
export function latestRevisionId(db: DbLike, recordType: RecordType, recordId: number): number | null {
  return (
    db
      .select({ id: revisions.id })
      .from(revisions)
      .where(and(eq(revisions.recordType, recordType), eq(revisions.recordId, recordId)))
      .orderBy(desc(revisions.id))
      .limit(1)
      .get()?.id ?? null
  );
}

/** Whether the record exists and whether it is withdrawn, for proposals that change or withdraw it. */
export function targetState(
  db: DbLike,
  recordType: RecordType,
  id: number,
): { exists: false } | { exists: true; withdrawnOn: string | null } {
  const table = RECORD_TABLES[recordType];
  const row = db.select({ withdrawnOn: table.withdrawnOn }).from(table).where(eq(table.id, id)).get();
  return row ? { exists: true, withdrawnOn: row.withdrawnOn } : { exists: false };
}

export function companyBySlug(
  db: DbLike,
  slug: string,
): { id: number; withdrawnOn: string | null } | undefined {
  return db
    .select({ id: companies.id, withdrawnOn: companies.withdrawnOn })
    .from(companies)
    .where(eq(companies.slug, slug))
    .get();
}

/**
 * The records a proposal refers to must be published and not withdrawn (lib/records/references.ts);
 * with `ownPendingCompany`, a company may also be the proposer's own proposal, still open
 * (db/queries/pending-references.ts).
 */
export function checkReferences(
  db: DbLike,
  recordType: RecordType,
  payload: RecordPayload,
  targetId: number | null,
  ownPendingCompany?: (slug: string) => number | undefined,
): ReferenceCheck {
  return referenceCheck(recordType, payload, targetId, { ...checkReferenceLookup(db), ownPendingCompany });
}

/** What the reference rules look up among the published records. */
export function checkReferenceLookup(db: DbLike): ReferenceLookup {
  return {
    companyBySlug: (slug) => companyBySlug(db, slug),
    companySlug: (id) => companySlug(db, id) ?? undefined,
    facility: (id) =>
      db.select({ withdrawnOn: facilities.withdrawnOn }).from(facilities).where(eq(facilities.id, id)).get(),
    commitment: (id) =>
      db
        .select({ withdrawnOn: commitments.withdrawnOn, baselineDate: commitments.baselineDate })
        .from(commitments)
        .where(eq(commitments.id, id))
        .get(),
  };
}

/** Names of other records, for titles. */
export function titleLookup(db: DbLike): TitleLookup {
  return {
    companyName: (slug) =>
      db.select({ name: companies.name }).from(companies).where(eq(companies.slug, slug)).get()?.name ?? slug,
    commitmentTitle: (id) =>
      db.select({ title: commitments.title }).from(commitments).where(eq(commitments.id, id)).get()?.title ??
      null,
  };
}

/** A record as people name it: a commitment's title, a company's name, "Xiaomi with Optiemus". */
export function recordTitle(db: DbLike, recordType: RecordType, record: RecordLike): string {
  return RECORD_KINDS[recordType].title(record, titleLookup(db));
}

/** Where a published record is read: its own page, or the page of the company or commitment it belongs to. */
export function recordHref<K extends RecordType>(db: DbLike, recordType: K, id: number): string | null {
  return RECORD_KINDS[recordType].href(id, {
    row: () => ROW_READERS[recordType](db, id),
    companySlug: (companyId) => companySlug(db, companyId),
  });
}
