import type { RunResult } from "better-sqlite3";
import { and, asc, desc, eq } from "drizzle-orm";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import * as schema from "../schema";
import {
  commitmentCategories,
  commitments,
  commitmentSources,
  commitmentStates,
  companies,
  companySources,
  facilities,
  facilitySources,
  partnerships,
  partnershipSources,
  progressSources,
  progressUpdates,
  revisions,
  sources,
} from "../schema";
import { publishRevision } from "./publish-revision";
import { summariseChanges, diffRecords, RECORD_TYPE_LABELS } from "@/lib/domain/diff";
import type { RecordType, SubmissionAction } from "@/lib/domain/vocabulary";
import { text } from "@/lib/validation/fields";
import {
  CommitmentInputSchema,
  CompanyInputSchema,
  FacilityInputSchema,
  fieldErrors,
  formatDeadlineInput,
  PartnershipInputSchema,
  ProgressInputSchema,
  type CommitmentInput,
  type CompanyInput,
  type FacilityInput,
  type PartnershipInput,
  type ProgressInput,
  type SourceInput,
} from "@/lib/validation/submissions";

// Writing an approved proposal into the published tables: the record, its sources (shared by URL),
// its link rows and the revision that says what changed, who approved it and which submission
// caused it. Everything here runs inside the caller's transaction, so a failure at any step leaves
// nothing behind. A published record is read back in the shape of the form's payload (a
// "snapshot"), so a proposal, the record it would change and each revision compare like for like.

/** A database handle or a transaction: anything that can read and write synchronously. */
export type DbLike = BaseSQLiteDatabase<"sync", RunResult, typeof schema>;

export const RECORD_SCHEMAS = {
  company: CompanyInputSchema,
  facility: FacilityInputSchema,
  partnership: PartnershipInputSchema,
  commitment: CommitmentInputSchema,
  progress_update: ProgressInputSchema,
} as const;

/** What a withdrawal proposes: only why. The record itself stays, marked withdrawn. */
export const WithdrawalInputSchema = z.object({
  reason: text({ label: "Reason for withdrawing", max: 2000, multiline: true }),
});
export type WithdrawalInput = z.output<typeof WithdrawalInputSchema>;

export type RecordPayload = CompanyInput | FacilityInput | PartnershipInput | CommitmentInput | ProgressInput;

export type ParsedPayload =
  { ok: true; payload: RecordPayload | WithdrawalInput } | { ok: false; fieldErrors: Record<string, string> };

/** Validates a proposal with the schema its form uses; a withdrawal needs only a reason. */
export function parsePayload(
  recordType: RecordType,
  action: SubmissionAction,
  payload: unknown,
): ParsedPayload {
  const result =
    action === "withdraw"
      ? WithdrawalInputSchema.safeParse(payload)
      : RECORD_SCHEMAS[recordType].safeParse(payload);
  return result.success
    ? { ok: true, payload: result.data }
    : { ok: false, fieldErrors: fieldErrors(result.error) };
}

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

const LINK_TABLES = {
  company: companySources,
  facility: facilitySources,
  partnership: partnershipSources,
  commitment: commitmentSources,
  progress_update: progressSources,
} as const;
type LinkTable = (typeof LINK_TABLES)[RecordType];

function linkedSources(db: DbLike, table: LinkTable, recordId: number): SourceSnapshot[] {
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

function companySlug(db: DbLike, id: number): string {
  return db.select({ slug: companies.slug }).from(companies).where(eq(companies.id, id)).get()?.slug ?? "";
}

/** The published record, read back as its form's payload; null when there is no such record. */
export function recordSnapshot(db: DbLike, recordType: RecordType, id: number): RecordSnapshot | null {
  const withSources = (
    payload: Record<string, unknown>,
    row: { withdrawnOn: string | null; withdrawnReason: string | null },
  ): RecordSnapshot => ({
    recordType,
    id,
    payload: { ...payload, sources: linkedSources(db, LINK_TABLES[recordType], id) },
    withdrawnOn: row.withdrawnOn,
    withdrawnReason: row.withdrawnReason,
  });
  switch (recordType) {
    case "company": {
      const r = db.select().from(companies).where(eq(companies.id, id)).get();
      if (!r) return null;
      return withSources(
        {
          slug: r.slug,
          name: r.name,
          kind: r.kind,
          hq_country: r.hqCountry,
          website: r.website,
          description: r.description,
        },
        r,
      );
    }
    case "facility": {
      const r = db.select().from(facilities).where(eq(facilities.id, id)).get();
      if (!r) return null;
      return withSources(
        {
          operator: companySlug(db, r.operatorCompanyId),
          name: r.name,
          city: r.city,
          state_code: r.stateCode,
          stage: r.stage,
          investment_amount: r.investmentAmount,
          investment_currency: r.investmentCurrency,
          announced_on: r.announcedOn,
        },
        r,
      );
    }
    case "partnership": {
      const r = db.select().from(partnerships).where(eq(partnerships.id, id)).get();
      if (!r) return null;
      return withSources(
        {
          brand: companySlug(db, r.brandCompanyId),
          partner: companySlug(db, r.partnerCompanyId),
          product_categories: r.productCategories,
          facility_id: r.facilityId,
          announced_on: r.announcedOn,
          stage: r.stage,
        },
        r,
      );
    }
    case "commitment": {
      const r = db.select().from(commitments).where(eq(commitments.id, id)).get();
      if (!r) return null;
      const categories = db
        .select({ v: commitmentCategories.category })
        .from(commitmentCategories)
        .where(eq(commitmentCategories.commitmentId, id))
        .orderBy(asc(commitmentCategories.category))
        .all()
        .map((x) => x.v);
      const states = db
        .select({ v: commitmentStates.stateCode })
        .from(commitmentStates)
        .where(eq(commitmentStates.commitmentId, id))
        .orderBy(asc(commitmentStates.stateCode))
        .all()
        .map((x) => x.v);
      return withSources(
        {
          company: companySlug(db, r.companyId),
          title: r.title,
          description: r.description,
          metric: r.metric,
          unit: r.unit,
          direction: r.direction,
          baseline_value: r.baselineValue,
          baseline_date: r.baselineDate,
          target_value: r.targetValue,
          deadline_precision: r.deadlinePrecision,
          deadline: r.dueOn && r.deadlinePrecision ? formatDeadlineInput(r.dueOn, r.deadlinePrecision) : null,
          scheme: r.scheme,
          evidence_grade: r.evidenceGrade,
          announced_on: r.announcedOn,
          categories,
          states,
          due_on: r.dueOn,
        },
        r,
      );
    }
    case "progress_update": {
      const r = db.select().from(progressUpdates).where(eq(progressUpdates.id, id)).get();
      if (!r) return null;
      return withSources({ commitment_id: r.commitmentId, as_of: r.asOf, value: r.value, note: r.note }, r);
    }
  }
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

type Ref = { id: number; withdrawnOn: string | null };

function companyBySlug(db: DbLike, slug: string): Ref | undefined {
  return db
    .select({ id: companies.id, withdrawnOn: companies.withdrawnOn })
    .from(companies)
    .where(eq(companies.slug, slug))
    .get();
}

function checkCompany(db: DbLike, slug: string, field: string, errors: Record<string, string>): void {
  const c = companyBySlug(db, slug);
  if (!c)
    errors[field] =
      `No published company has the short name “${slug}”. Propose the company first; once it is approved, this can refer to it.`;
  else if (c.withdrawnOn) errors[field] = `The company “${slug}” has been withdrawn.`;
}

/**
 * The records a proposal refers to must be published and not withdrawn. Returns errors keyed by
 * the form's field names (empty when everything resolves). `targetId` is the record a change
 * concerns, so that a company's own short name is not mistaken for another company's.
 */
export function checkReferences(
  db: DbLike,
  recordType: RecordType,
  payload: RecordPayload,
  targetId: number | null,
): Record<string, string> {
  const errors: Record<string, string> = {};
  switch (recordType) {
    case "company": {
      const p = payload as CompanyInput;
      if (targetId === null) {
        if (companyBySlug(db, p.slug))
          errors.slug = `A company with the short name “${p.slug}” already exists.`;
      } else {
        // Addresses and other proposals refer to a company by its short name, so it never changes.
        const current = db
          .select({ slug: companies.slug })
          .from(companies)
          .where(eq(companies.id, targetId))
          .get();
        if (current && current.slug !== p.slug)
          errors.slug = `The short name cannot change: links and other records use “${current.slug}”.`;
      }
      break;
    }
    case "facility":
      checkCompany(db, (payload as FacilityInput).operator, "operator", errors);
      break;
    case "partnership": {
      const p = payload as PartnershipInput;
      checkCompany(db, p.brand, "brand", errors);
      checkCompany(db, p.partner, "partner", errors);
      if (p.facility_id !== null) {
        const f = db
          .select({ id: facilities.id, withdrawnOn: facilities.withdrawnOn })
          .from(facilities)
          .where(eq(facilities.id, p.facility_id))
          .get();
        if (!f) errors.facility_id = `There is no published facility number ${p.facility_id}.`;
        else if (f.withdrawnOn) errors.facility_id = "That facility has been withdrawn.";
      }
      break;
    }
    case "commitment":
      checkCompany(db, (payload as CommitmentInput).company, "company", errors);
      break;
    case "progress_update": {
      const p = payload as ProgressInput;
      const c = db
        .select({
          id: commitments.id,
          withdrawnOn: commitments.withdrawnOn,
          baselineDate: commitments.baselineDate,
        })
        .from(commitments)
        .where(eq(commitments.id, p.commitment_id))
        .get();
      if (!c) errors.commitment_id = `There is no published commitment number ${p.commitment_id}.`;
      else if (c.withdrawnOn) errors.commitment_id = "That commitment has been withdrawn.";
      else if (p.as_of < c.baselineDate)
        // Status ignores progress dated before the baseline, so it would be published and never count.
        errors.as_of = `The date must not be before the commitment's baseline date (${c.baselineDate}).`;
      break;
    }
  }
  return errors;
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

const RECORD_TABLES = {
  company: companies,
  facility: facilities,
  partnership: partnerships,
  commitment: commitments,
  progress_update: progressUpdates,
} as const;

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
  const table = LINK_TABLES[recordType];
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
  const table = LINK_TABLES[recordType];
  db.delete(table).where(eq(table.recordId, recordId)).run();
}

function commitmentValues(db: DbLike, p: CommitmentInput) {
  return {
    companyId: companyId(db, p.company),
    title: p.title,
    description: p.description,
    metric: p.metric,
    unit: p.unit,
    direction: p.direction,
    baselineValue: p.baseline_value,
    baselineDate: p.baseline_date,
    targetValue: p.target_value,
    dueOn: p.due_on,
    deadlinePrecision: p.due_on ? p.deadline_precision : null,
    scheme: p.scheme,
    evidenceGrade: p.evidence_grade,
    announcedOn: p.announced_on,
  };
}

function writeCommitmentLists(db: DbLike, id: number, p: CommitmentInput, replace: boolean): void {
  if (replace) {
    db.delete(commitmentCategories).where(eq(commitmentCategories.commitmentId, id)).run();
    db.delete(commitmentStates).where(eq(commitmentStates.commitmentId, id)).run();
  }
  for (const category of new Set(p.categories))
    db.insert(commitmentCategories).values({ commitmentId: id, category }).run();
  for (const stateCode of new Set(p.states))
    db.insert(commitmentStates).values({ commitmentId: id, stateCode }).run();
}

/** Inserts (targetId null) or updates the record's own row; returns its id. */
function writeRecord(
  db: DbLike,
  recordType: RecordType,
  payload: RecordPayload,
  targetId: number | null,
): number {
  const updatedAt = new Date().toISOString();
  switch (recordType) {
    case "company": {
      const p = payload as CompanyInput;
      const values = {
        slug: p.slug,
        name: p.name,
        kind: p.kind,
        hqCountry: p.hq_country,
        website: p.website,
        description: p.description,
      };
      if (targetId === null)
        return db.insert(companies).values(values).returning({ id: companies.id }).get().id;
      db.update(companies)
        .set({ ...values, updatedAt })
        .where(eq(companies.id, targetId))
        .run();
      return targetId;
    }
    case "facility": {
      const p = payload as FacilityInput;
      const values = {
        operatorCompanyId: companyId(db, p.operator),
        name: p.name,
        city: p.city,
        stateCode: p.state_code,
        stage: p.stage,
        investmentAmount: p.investment_amount,
        investmentCurrency: p.investment_currency,
        announcedOn: p.announced_on,
      };
      if (targetId === null)
        return db.insert(facilities).values(values).returning({ id: facilities.id }).get().id;
      db.update(facilities)
        .set({ ...values, updatedAt })
        .where(eq(facilities.id, targetId))
        .run();
      return targetId;
    }
    case "partnership": {
      const p = payload as PartnershipInput;
      const values = {
        brandCompanyId: companyId(db, p.brand),
        partnerCompanyId: companyId(db, p.partner),
        productCategories: p.product_categories,
        facilityId: p.facility_id,
        announcedOn: p.announced_on,
        stage: p.stage,
      };
      if (targetId === null)
        return db.insert(partnerships).values(values).returning({ id: partnerships.id }).get().id;
      db.update(partnerships)
        .set({ ...values, updatedAt })
        .where(eq(partnerships.id, targetId))
        .run();
      return targetId;
    }
    case "commitment": {
      const p = payload as CommitmentInput;
      const values = commitmentValues(db, p);
      if (targetId === null) {
        const id = db.insert(commitments).values(values).returning({ id: commitments.id }).get().id;
        writeCommitmentLists(db, id, p, false);
        return id;
      }
      db.update(commitments)
        .set({ ...values, updatedAt })
        .where(eq(commitments.id, targetId))
        .run();
      writeCommitmentLists(db, targetId, p, true);
      return targetId;
    }
    case "progress_update": {
      const p = payload as ProgressInput;
      // The status triggers (drizzle/0002) mark the commitment for recomputation on this write.
      const values = { commitmentId: p.commitment_id, asOf: p.as_of, value: p.value, note: p.note };
      if (targetId === null)
        return db.insert(progressUpdates).values(values).returning({ id: progressUpdates.id }).get().id;
      db.update(progressUpdates)
        .set({ ...values, updatedAt })
        .where(eq(progressUpdates.id, targetId))
        .run();
      return targetId;
    }
  }
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
  const label = RECORD_TYPE_LABELS[recordType];
  let recordId: number;
  let before: RecordSnapshot | null = null;
  let summary: string;

  if (action === "create") {
    const payload = input.payload as RecordPayload;
    recordId = writeRecord(tx, recordType, payload, null);
    linkSources(tx, recordType, recordId, payload.sources, input.accessedOn);
    summary = `Created ${label}`;
  } else {
    if (targetId === null) throw new Error(`A ${action} needs the record it concerns`);
    before = recordSnapshot(tx, recordType, targetId);
    if (!before) throw new Error(`No ${label} ${targetId} to ${action}`);
    recordId = targetId;
    if (action === "withdraw") {
      const { reason } = input.payload as WithdrawalInput;
      withdrawRecord(tx, recordType, targetId, reason, input.today);
      summary = `Withdrew ${label}: ${reason}`;
    } else {
      const payload = input.payload as RecordPayload;
      writeRecord(tx, recordType, payload, targetId);
      unlinkSources(tx, recordType, targetId);
      linkSources(tx, recordType, targetId, payload.sources, input.accessedOn);
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
