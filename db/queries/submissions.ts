import { and, asc, count, desc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db, DbLike } from "../connection";
import { commitments, companies, revisions, sources, submissionEvents, submissions, users } from "../schema";
import { dependantsOf, proposalsWaitedFor } from "./pending-references";
import { latestRevisionId, recordHref, recordSnapshot, recordTitle, titleLookup } from "./records";
import { describeRecord, diffRecords, type FieldChange } from "@/lib/domain/diff";
import { isLikelyDuplicate, titleSimilarity } from "@/lib/domain/duplicates";
import {
  RECORD_TYPES,
  type RecordType,
  type SubmissionAction,
  type SubmissionState,
} from "@/lib/domain/vocabulary";
import { nounOf } from "@/lib/records";
import { str, type RecordLike } from "@/lib/records/kind";
import type {
  DisplayRow,
  LinkedProposal,
  ProposedSource,
  RevisionRef,
  SubmissionEventView,
  UserRef,
} from "@/lib/views/submissions";

// Reads of proposals for reviewers (the queue, one submission with what it would change) and for
// contributors (their own submissions). Payloads are stored as their schema parsed them, so they
// are read as plain records and described with the same field list the diff uses.

const asRecord = (v: unknown): RecordLike =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as RecordLike) : {};

/** A proposal as people name it; a withdrawal by the record it withdraws. */
export function submissionTitle(
  db: DbLike,
  row: { recordType: RecordType; action: SubmissionAction; targetId: number | null; payload: unknown },
): string {
  if (row.action === "withdraw" && row.targetId !== null) {
    const target = recordSnapshot(db, row.recordType, row.targetId);
    return target
      ? recordTitle(db, row.recordType, target.payload)
      : `${nounOf(row.recordType)} ${row.targetId}`;
  }
  return recordTitle(db, row.recordType, asRecord(row.payload));
}

export type QueueItem = {
  id: number;
  recordType: RecordType;
  action: SubmissionAction;
  targetId: number | null;
  title: string;
  submitter: UserRef;
  createdAt: string;
  updatedAt: string;
  /** Sent back for changes at least once, and resubmitted. */
  resubmitted: boolean;
};

export type ReviewQueue = {
  items: QueueItem[];
  /** Pending submissions by kind of record, every kind listed, in the vocabulary's order. */
  counts: { recordType: RecordType; count: number }[];
  total: number;
};

export const QUEUE_LIMIT = 200;

/** Pending submissions (of one kind, if given), the longest waiting first, with how many of each kind. */
export function reviewQueue(
  db: Db,
  { limit = QUEUE_LIMIT, recordType }: { limit?: number; recordType?: RecordType } = {},
): ReviewQueue {
  const byType = new Map(
    db
      .select({ recordType: submissions.recordType, n: count() })
      .from(submissions)
      .where(eq(submissions.state, "pending"))
      .groupBy(submissions.recordType)
      .all()
      .map((r) => [r.recordType, r.n]),
  );
  const rows = db
    .select({
      id: submissions.id,
      recordType: submissions.recordType,
      action: submissions.action,
      targetId: submissions.targetId,
      payload: submissions.payload,
      createdAt: submissions.createdAt,
      updatedAt: submissions.updatedAt,
      submitter: { id: users.id, name: users.name },
      resubmitted: sql<number>`exists (select 1 from ${submissionEvents} e where e.submission_id = ${submissions.id} and e.event = 'resubmitted')`,
    })
    .from(submissions)
    .innerJoin(users, eq(users.id, submissions.submittedById))
    .where(
      and(eq(submissions.state, "pending"), recordType ? eq(submissions.recordType, recordType) : undefined),
    )
    .orderBy(asc(submissions.createdAt), asc(submissions.id))
    .limit(limit)
    .all();
  const counts = RECORD_TYPES.map((recordType) => ({ recordType, count: byType.get(recordType) ?? 0 }));
  return {
    items: rows.map(({ payload, resubmitted, ...r }) => ({
      ...r,
      title: submissionTitle(db, { ...r, payload }),
      resubmitted: Boolean(resubmitted),
    })),
    counts,
    total: counts.reduce((n, c) => n + c.count, 0),
  };
}

function proposedSources(db: Db, record: RecordLike): ProposedSource[] {
  const list = Array.isArray(record.sources) ? record.sources.map(asRecord) : [];
  const urls = list.map((s) => str(s.url)).filter((u): u is string => u !== null);
  // An address the tracker already cites is linked to the published source as it stands, so that
  // is what the reviewer is shown, not the text the contributor typed for it.
  const known = new Map(
    (urls.length
      ? db
          .select({
            url: sources.url,
            title: sources.title,
            publisher: sources.publisher,
            kind: sources.kind,
            publishedOn: sources.publishedOn,
            excerpt: sources.excerpt,
          })
          .from(sources)
          .where(inArray(sources.url, urls))
          .all()
      : []
    ).map((r) => [r.url, r]),
  );
  const seen = new Set<string>();
  return list.flatMap((s): ProposedSource[] => {
    const url = str(s.url);
    if (!url || seen.has(url)) return [];
    seen.add(url);
    const published = known.get(url);
    if (published) return [{ ...published, alreadyPublished: true }];
    return [
      {
        url,
        title: str(s.title) ?? url,
        publisher: str(s.publisher) ?? "",
        kind: str(s.kind) ?? "other",
        publishedOn: str(s.published_on),
        excerpt: str(s.excerpt),
        alreadyPublished: false,
      },
    ];
  });
}

function eventsOf(db: Db, submissionId: number): SubmissionEventView[] {
  return db
    .select({
      id: submissionEvents.id,
      event: submissionEvents.event,
      actorId: users.id,
      actorName: users.name,
      reason: submissionEvents.reason,
      payload: submissionEvents.payload,
      createdAt: submissionEvents.createdAt,
    })
    .from(submissionEvents)
    .leftJoin(users, eq(users.id, submissionEvents.actorId))
    .where(eq(submissionEvents.submissionId, submissionId))
    .orderBy(asc(submissionEvents.id))
    .all()
    .map(({ actorId, actorName, ...e }) => ({
      ...e,
      actor: actorId && actorName !== null ? { id: actorId, name: actorName } : null,
    }));
}

export type SubmissionTarget = {
  id: number;
  title: string;
  href: string | null;
  withdrawnOn: string | null;
  withdrawnReason: string | null;
  latestRevisionId: number | null;
  fields: DisplayRow[];
};

export type LikelyDuplicate = {
  kind: "commitment" | "submission";
  id: number;
  title: string;
  dueOn: string | null;
  /** Title similarity from 0 to 1. */
  similarity: number;
  /** For a published commitment: withdrawn ones are still candidates. */
  withdrawn: boolean;
  href: string;
};

export type SubmissionDetail = {
  id: number;
  recordType: RecordType;
  action: SubmissionAction;
  state: SubmissionState;
  targetId: number | null;
  baseRevisionId: number | null;
  title: string;
  submitter: UserRef;
  reviewer: UserRef | null;
  decisionReason: string | null;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
  payload: unknown;
  /** The proposed record, field by field (empty for a withdrawal). */
  fields: DisplayRow[];
  sources: ProposedSource[];
  /** For a withdrawal: why. */
  withdrawReason: string | null;
  /** For a change or a withdrawal: the published record as it is now. */
  target: SubmissionTarget | null;
  /** For a change: the proposal against the published record as it is now. */
  diff: FieldChange[] | null;
  /** An open change or withdrawal whose record has been revised since it was proposed. */
  conflict: { baseRevisionId: number | null; latestRevisionId: number | null; since: RevisionRef[] } | null;
  /** What a progress update belongs to, for the reviewer to follow. */
  context: { label: string; href: string } | null;
  events: SubmissionEventView[];
  /** Once approved: the published record. */
  result: { recordId: number; href: string | null; revisionId: number } | null;
  /** For a new commitment: published commitments and other proposals that look the same. */
  duplicates: LikelyDuplicate[];
  /**
   * Proposed together (db/queries/pending-references.ts): the same contributor's company
   * proposals this one names and that are not yet approved, and, for a new company, the
   * contributor's open proposals that name it.
   */
  linked: { waitingFor: LinkedProposal[]; dependants: LinkedProposal[] };
};

function linkedProposal(db: Db, id: number): LinkedProposal[] {
  const row = db.select().from(submissions).where(eq(submissions.id, id)).get();
  return row
    ? [
        {
          id,
          recordType: row.recordType,
          action: row.action,
          state: row.state,
          title: submissionTitle(db, row),
        },
      ]
    : [];
}

/** One submission with everything a reviewer needs to decide it; null when there is none. */
export function getSubmission(db: Db, id: number): SubmissionDetail | null {
  const s = db.select().from(submissions).where(eq(submissions.id, id)).get();
  if (!s) return null;
  const userRef = (userId: string | null): UserRef | null =>
    userId === null
      ? null
      : (db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, userId)).get() ?? null);
  const payload = asRecord(s.payload);
  const isWithdrawal = s.action === "withdraw";

  let target: SubmissionTarget | null = null;
  let diff: FieldChange[] | null = null;
  let conflict: SubmissionDetail["conflict"] = null;
  if (s.targetId !== null) {
    const snapshot = recordSnapshot(db, s.recordType, s.targetId);
    if (snapshot) {
      const latest = latestRevisionId(db, s.recordType, s.targetId);
      target = {
        id: s.targetId,
        title: recordTitle(db, s.recordType, snapshot.payload),
        href: recordHref(db, s.recordType, s.targetId),
        withdrawnOn: snapshot.withdrawnOn,
        withdrawnReason: snapshot.withdrawnReason,
        latestRevisionId: latest,
        fields: describeRecord(s.recordType, snapshot.payload),
      };
      if (s.action === "change") diff = diffRecords(s.recordType, snapshot.payload, payload);
      const open = s.state === "pending" || s.state === "changes_requested";
      if (open && latest !== s.baseRevisionId) {
        conflict = {
          baseRevisionId: s.baseRevisionId,
          latestRevisionId: latest,
          since: db
            .select({
              id: revisions.id,
              summary: revisions.summary,
              createdAt: revisions.createdAt,
              actorName: users.name,
            })
            .from(revisions)
            .leftJoin(users, eq(users.id, revisions.actorId))
            .where(
              and(
                eq(revisions.recordType, s.recordType),
                eq(revisions.recordId, s.targetId),
                gt(revisions.id, s.baseRevisionId ?? 0),
              ),
            )
            .orderBy(asc(revisions.id))
            .all(),
        };
      }
    }
  }

  let context: SubmissionDetail["context"] = null;
  if (s.recordType === "progress_update" && !isWithdrawal) {
    const commitmentId = Number(payload.commitment_id);
    const title = Number.isInteger(commitmentId) ? titleLookup(db).commitmentTitle(commitmentId) : null;
    if (title) context = { label: title, href: `/commitments/${commitmentId}` };
  }

  const revision = db
    .select({ id: revisions.id, recordId: revisions.recordId })
    .from(revisions)
    .where(eq(revisions.submissionId, s.id))
    .orderBy(desc(revisions.id))
    .get();

  const duplicates =
    s.recordType === "commitment" && s.action === "create" && str(payload.company) && str(payload.title)
      ? findLikelyDuplicates(db, {
          company: payload.company as string,
          title: payload.title as string,
          dueOn: str(payload.due_on),
          excludeSubmissionId: s.id,
          excludeCommitmentId: s.targetId,
        })
      : [];

  return {
    id: s.id,
    recordType: s.recordType,
    action: s.action,
    state: s.state,
    targetId: s.targetId,
    baseRevisionId: s.baseRevisionId,
    title: submissionTitle(db, s),
    submitter: userRef(s.submittedById) ?? { id: s.submittedById, name: "Unknown" },
    reviewer: userRef(s.reviewerId),
    decisionReason: s.decisionReason,
    decidedAt: s.decidedAt,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    payload: s.payload,
    fields: isWithdrawal ? [] : describeRecord(s.recordType, payload),
    sources: isWithdrawal ? [] : proposedSources(db, payload),
    withdrawReason: isWithdrawal ? str(payload.reason) : null,
    target,
    diff,
    conflict,
    context,
    events: eventsOf(db, s.id),
    result: revision
      ? {
          recordId: revision.recordId,
          href: recordHref(db, s.recordType, revision.recordId),
          revisionId: revision.id,
        }
      : null,
    duplicates,
    linked: {
      waitingFor: proposalsWaitedFor(db, s).flatMap((p) => linkedProposal(db, p.submissionId)),
      dependants: dependantsOf(db, s).flatMap((id) => linkedProposal(db, id)),
    },
  };
}

export type MySubmission = {
  id: number;
  recordType: RecordType;
  action: SubmissionAction;
  state: SubmissionState;
  targetId: number | null;
  title: string;
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
  /** The reviewer's reason for a rejection, or what to change; a note on an approval. */
  decisionReason: string | null;
  reviewerName: string | null;
  /** Once approved: where the published record is read. */
  result: { recordId: number; href: string | null } | null;
  canWithdraw: boolean;
  canResubmit: boolean;
};

/** A contributor's submissions, newest first, with what became of each. */
export function mySubmissions(db: Db, userId: string): MySubmission[] {
  const rows = db
    .select({
      id: submissions.id,
      recordType: submissions.recordType,
      action: submissions.action,
      state: submissions.state,
      targetId: submissions.targetId,
      payload: submissions.payload,
      createdAt: submissions.createdAt,
      updatedAt: submissions.updatedAt,
      decidedAt: submissions.decidedAt,
      decisionReason: submissions.decisionReason,
      reviewerName: users.name,
    })
    .from(submissions)
    .leftJoin(users, eq(users.id, submissions.reviewerId))
    .where(eq(submissions.submittedById, userId))
    .orderBy(desc(submissions.createdAt), desc(submissions.id))
    .all();
  const ids = rows.map((r) => r.id);
  const published = new Map(
    ids.length
      ? db
          .select({ submissionId: revisions.submissionId, recordId: revisions.recordId })
          .from(revisions)
          .where(inArray(revisions.submissionId, ids))
          .all()
          .map((r) => [r.submissionId, r.recordId])
      : [],
  );
  return rows.map(({ payload, ...r }) => {
    const recordId = published.get(r.id);
    return {
      ...r,
      title: submissionTitle(db, { ...r, payload }),
      result: recordId === undefined ? null : { recordId, href: recordHref(db, r.recordType, recordId) },
      canWithdraw: r.state === "pending" || r.state === "changes_requested",
      canResubmit: r.state === "changes_requested",
    };
  });
}

export const DUPLICATE_LIMIT = 10;

type DuplicateProposal = {
  company: string;
  title: string;
  dueOn: string | null;
  excludeSubmissionId?: number | null;
  excludeCommitmentId?: number | null;
};

type Candidate = Omit<LikelyDuplicate, "similarity">;

/** The company's published commitments and open proposals of new ones: what a proposal is compared with. */
function duplicateCandidates(db: Db, company: string): Candidate[] {
  const found: Candidate[] = [];
  const companyId = db
    .select({ id: companies.id })
    .from(companies)
    .where(eq(companies.slug, company))
    .get()?.id;
  if (companyId !== undefined) {
    for (const c of db
      .select({
        id: commitments.id,
        title: commitments.title,
        dueOn: commitments.dueOn,
        withdrawnOn: commitments.withdrawnOn,
      })
      .from(commitments)
      .where(eq(commitments.companyId, companyId))
      .all()) {
      found.push({
        kind: "commitment",
        id: c.id,
        title: c.title,
        dueOn: c.dueOn,
        withdrawn: c.withdrawnOn !== null,
        href: `/commitments/${c.id}`,
      });
    }
  }
  for (const s of db
    .select({ id: submissions.id, payload: submissions.payload })
    .from(submissions)
    .where(
      and(
        eq(submissions.recordType, "commitment"),
        eq(submissions.action, "create"),
        inArray(submissions.state, ["pending", "changes_requested"]),
        sql`json_extract(${submissions.payload}, '$.company') = ${company}`,
      ),
    )
    .all()) {
    const p = asRecord(s.payload);
    const title = str(p.title);
    if (title)
      found.push({
        kind: "submission",
        id: s.id,
        title,
        dueOn: str(p.due_on),
        withdrawn: false,
        href: `/review/${s.id}`,
      });
  }
  return found;
}

function matching(
  proposal: DuplicateProposal,
  company: string,
  candidates: readonly Candidate[],
): LikelyDuplicate[] {
  const self = { company, title: proposal.title, dueOn: proposal.dueOn };
  return candidates
    .filter((c) =>
      c.kind === "commitment" ? c.id !== proposal.excludeCommitmentId : c.id !== proposal.excludeSubmissionId,
    )
    .filter((c) => isLikelyDuplicate(self, { company, title: c.title, dueOn: c.dueOn }))
    .map((c) => ({ ...c, similarity: titleSimilarity(proposal.title, c.title) }))
    .sort((a, b) => b.similarity - a.similarity || a.id - b.id)
    .slice(0, DUPLICATE_LIMIT);
}

const slugOf = (company: string) => company.trim().toLowerCase();

/**
 * Published commitments and open proposals that look like this proposed commitment: the same
 * company, the same deadline year and a similar title (lib/domain/duplicates.ts). Most similar
 * first. `dueOn` is the proposal's due date (the schema's due_on), null when it names no deadline.
 */
export function findLikelyDuplicates(db: Db, proposal: DuplicateProposal): LikelyDuplicate[] {
  const company = slugOf(proposal.company);
  return matching(proposal, company, duplicateCandidates(db, company));
}

/** findLikelyDuplicates for many proposals (an import), reading each company's candidates once. */
export function findLikelyDuplicatesOfMany(
  db: Db,
  proposals: readonly DuplicateProposal[],
): LikelyDuplicate[][] {
  const byCompany = new Map<string, Candidate[]>();
  return proposals.map((p) => {
    const company = slugOf(p.company);
    let candidates = byCompany.get(company);
    if (!candidates) {
      candidates = duplicateCandidates(db, company);
      byCompany.set(company, candidates);
    }
    return matching(p, company, candidates);
  });
}
