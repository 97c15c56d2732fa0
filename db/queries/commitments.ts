import { and, asc, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../connection";
import {
  commitmentCategories,
  commitments,
  commitmentSources,
  commitmentStates,
  companies,
  progressSources,
  progressUpdates,
  revisions,
  sources,
  users,
  type CommitmentRow,
  type SourceRow,
} from "../schema";
import { deadlineLabel } from "@/lib/domain/dates";
import { computeStatus, STATUS_LABELS, type StatusResult } from "@/lib/domain/status";

// Reads of published commitments. Everything in these tables is published: proposals live in
// `submissions` until a reviewer approves them. Status is computed here, never read from storage.

export type SourceView = Pick<
  SourceRow,
  "id" | "url" | "title" | "publisher" | "kind" | "publishedOn" | "excerpt" | "accessedOn"
>;

export type CommitmentSummary = Omit<CommitmentRow, "synthetic" | "createdAt" | "updatedAt"> & {
  company: { id: number; slug: string; name: string };
  deadlineLabel: string;
  status: StatusResult & { label: string };
  sources: SourceView[];
};

export type ProgressView = {
  id: number;
  asOf: string;
  value: number;
  note: string | null;
  sources: SourceView[];
};

export type RevisionView = {
  id: number;
  summary: string;
  createdAt: string;
  actorName: string | null;
  submissionId: number | null;
};

export type CommitmentDetail = CommitmentSummary & {
  categories: string[];
  states: string[];
  progress: ProgressView[];
  revisions: RevisionView[];
};

const sourceColumns = {
  id: sources.id,
  url: sources.url,
  title: sources.title,
  publisher: sources.publisher,
  kind: sources.kind,
  publishedOn: sources.publishedOn,
  excerpt: sources.excerpt,
  accessedOn: sources.accessedOn,
};

const commitmentColumns = {
  id: commitments.id,
  companyId: commitments.companyId,
  title: commitments.title,
  description: commitments.description,
  metric: commitments.metric,
  unit: commitments.unit,
  direction: commitments.direction,
  baselineValue: commitments.baselineValue,
  baselineDate: commitments.baselineDate,
  targetValue: commitments.targetValue,
  dueOn: commitments.dueOn,
  deadlinePrecision: commitments.deadlinePrecision,
  scheme: commitments.scheme,
  evidenceGrade: commitments.evidenceGrade,
  announcedOn: commitments.announcedOn,
  supersededById: commitments.supersededById,
  withdrawnOn: commitments.withdrawnOn,
  withdrawnReason: commitments.withdrawnReason,
  company: { id: companies.id, slug: companies.slug, name: companies.name },
};

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

type CommitmentBase = Omit<CommitmentSummary, "deadlineLabel" | "status" | "sources">;

function summarise(
  row: CommitmentBase,
  progress: readonly { asOf: string; value: number }[],
  linked: SourceView[],
  today: string,
): CommitmentSummary {
  const status = computeStatus({ ...row, progress }, today);
  return {
    ...row,
    deadlineLabel: deadlineLabel(row.dueOn, row.deadlinePrecision),
    status: { ...status, label: STATUS_LABELS[status.status] },
    sources: linked,
  };
}

function publishedProgressFor(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: progressUpdates.id,
      commitmentId: progressUpdates.commitmentId,
      asOf: progressUpdates.asOf,
      value: progressUpdates.value,
      note: progressUpdates.note,
    })
    .from(progressUpdates)
    .where(and(inArray(progressUpdates.commitmentId, ids), isNull(progressUpdates.withdrawnOn)))
    .orderBy(asc(progressUpdates.asOf), asc(progressUpdates.id))
    .all();
}

function sourcesFor(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ recordId: commitmentSources.recordId, ...sourceColumns })
    .from(commitmentSources)
    .innerJoin(sources, eq(sources.id, commitmentSources.sourceId))
    .where(inArray(commitmentSources.recordId, ids))
    .orderBy(asc(sources.publishedOn), asc(sources.id))
    .all();
}

const stripRecordId = <T extends { recordId: number }>({ recordId: _r, ...rest }: T) => rest;

export type CommitmentPage = {
  items: CommitmentSummary[];
  total: number;
  page: number;
  perPage: number;
  totalPages: number;
};

/** A page of commitments, soonest deadline first (undated last), with status and sources. */
export function listCommitments(
  db: Db,
  options: { page: number; perPage: number; today: string },
): CommitmentPage {
  const { page, perPage, today } = options;
  const total = db.select({ n: count() }).from(commitments).get()?.n ?? 0;
  const rows = db
    .select(commitmentColumns)
    .from(commitments)
    .innerJoin(companies, eq(companies.id, commitments.companyId))
    .orderBy(sql`${commitments.dueOn} is null`, asc(commitments.dueOn), asc(commitments.id))
    .limit(perPage)
    .offset((page - 1) * perPage)
    .all();

  const ids = rows.map((r) => r.id);
  const progressById = groupBy(publishedProgressFor(db, ids), (p) => p.commitmentId);
  const sourcesById = groupBy(sourcesFor(db, ids), (s) => s.recordId);
  const items = rows.map((row) =>
    summarise(row, progressById.get(row.id) ?? [], (sourcesById.get(row.id) ?? []).map(stripRecordId), today),
  );
  return { items, total, page, perPage, totalPages: Math.max(1, Math.ceil(total / perPage)) };
}

/** One commitment with everything its page shows, or null when there is no such commitment. */
export function getCommitment(db: Db, id: number, today: string): CommitmentDetail | null {
  const row = db
    .select(commitmentColumns)
    .from(commitments)
    .innerJoin(companies, eq(companies.id, commitments.companyId))
    .where(eq(commitments.id, id))
    .get();
  if (!row) return null;

  const progress = publishedProgressFor(db, [id]);
  const progressSourceRows = progress.length
    ? db
        .select({ recordId: progressSources.recordId, ...sourceColumns })
        .from(progressSources)
        .innerJoin(sources, eq(sources.id, progressSources.sourceId))
        .where(
          inArray(
            progressSources.recordId,
            progress.map((p) => p.id),
          ),
        )
        .all()
    : [];
  const progressSourcesById = groupBy(progressSourceRows, (s) => s.recordId);

  const categories = db
    .select({ category: commitmentCategories.category })
    .from(commitmentCategories)
    .where(eq(commitmentCategories.commitmentId, id))
    .orderBy(asc(commitmentCategories.category))
    .all()
    .map((r) => r.category);
  const states = db
    .select({ stateCode: commitmentStates.stateCode })
    .from(commitmentStates)
    .where(eq(commitmentStates.commitmentId, id))
    .orderBy(asc(commitmentStates.stateCode))
    .all()
    .map((r) => r.stateCode);
  const history = db
    .select({
      id: revisions.id,
      summary: revisions.summary,
      createdAt: revisions.createdAt,
      actorName: users.name,
      submissionId: revisions.submissionId,
    })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.actorId))
    .where(and(eq(revisions.recordType, "commitment"), eq(revisions.recordId, id)))
    .orderBy(desc(revisions.id))
    .all();

  const summary = summarise(row, progress, sourcesFor(db, [id]).map(stripRecordId), today);
  return {
    ...summary,
    categories,
    states,
    progress: progress.map(({ commitmentId: _c, ...p }) => ({
      ...p,
      sources: (progressSourcesById.get(p.id) ?? []).map(stripRecordId),
    })),
    revisions: history,
  };
}
