import { and, asc, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../connection";
import {
  commitmentCategories,
  commitments,
  commitmentSources,
  commitmentStates,
  commitmentStatus,
  companies,
  progressSources,
  progressUpdates,
  revisions,
  sources,
  users,
} from "../schema";
import { deadlineLabel } from "@/lib/domain/dates";
import { canonicalStateCode } from "@/lib/domain/india-states";
import { computeStatus, STATUS_LABELS } from "@/lib/domain/status";
import { ensureStatusesFresh, statusFromStored } from "./status-summary";
import type { CommitmentDetail, CommitmentListItem, CommitmentSummary } from "@/lib/views/commitments";
import type { SourceView } from "@/lib/views/common";

// Reads of published commitments. Everything in these tables is published: proposals live in
// `submissions` until a reviewer approves them. Status comes from computeStatus: directly for one
// commitment, and through the commitment_status summary (kept fresh by ensureStatusesFresh, which
// recomputes it with computeStatus) for lists, so a list and a filter by status always agree.

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

/** The columns every commitment list selects, with its company: the shape of CommitmentSummary. */
export const commitmentColumns = {
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

/**
 * The list items for these commitments, in the order of `ids`, with status on `today` from the
 * status summary. The caller runs ensureStatusesFresh(db, today) first (every list query does).
 * A commitment inserted by another process since then has no stored status yet; its status is
 * computed from its progress instead, so an item is never shown without one.
 */
export function commitmentListItems(db: Db, ids: readonly number[], today: string): CommitmentListItem[] {
  if (ids.length === 0) return [];
  const idList = [...ids];
  const rows = db
    .select({
      ...commitmentColumns,
      stored: {
        status: commitmentStatus.status,
        latestAsOf: commitmentStatus.latestAsOf,
        latestValue: commitmentStatus.latestValue,
        percentOfWay: commitmentStatus.percentOfWay,
        stale: commitmentStatus.stale,
      },
    })
    .from(commitments)
    .innerJoin(companies, eq(companies.id, commitments.companyId))
    .leftJoin(commitmentStatus, eq(commitmentStatus.commitmentId, commitments.id))
    .where(inArray(commitments.id, idList))
    .all();
  const sourcesById = groupBy(sourcesFor(db, idList), (s) => s.recordId);
  const categoriesById = groupBy(
    db
      .select({ id: commitmentCategories.commitmentId, value: commitmentCategories.category })
      .from(commitmentCategories)
      .where(inArray(commitmentCategories.commitmentId, idList))
      .orderBy(asc(commitmentCategories.category))
      .all(),
    (r) => r.id,
  );
  const statesById = groupBy(
    db
      .select({ id: commitmentStates.commitmentId, value: commitmentStates.stateCode })
      .from(commitmentStates)
      .where(inArray(commitmentStates.commitmentId, idList))
      .all(),
    (r) => r.id,
  );
  const uncomputed = rows.filter((r) => r.stored?.status == null).map((r) => r.id);
  const progressById = groupBy(publishedProgressFor(db, uncomputed), (p) => p.commitmentId);

  const byId = new Map(
    rows.map(({ stored, ...row }) => {
      const status =
        (stored && statusFromStored(stored, row, today)) ??
        computeStatus({ ...row, progress: progressById.get(row.id) ?? [] }, today);
      const states = [
        ...new Set((statesById.get(row.id) ?? []).map((r) => canonicalStateCode(r.value) ?? r.value)),
      ].sort();
      const item: CommitmentListItem = {
        ...row,
        deadlineLabel: deadlineLabel(row.dueOn, row.deadlinePrecision),
        status: { ...status, label: STATUS_LABELS[status.status] },
        sources: (sourcesById.get(row.id) ?? []).map(stripRecordId),
        categories: (categoriesById.get(row.id) ?? []).map((r) => r.value),
        states,
      };
      return [row.id, item] as const;
    }),
  );
  return idList.flatMap((id) => {
    const item = byId.get(id);
    return item ? [item] : [];
  });
}

export type CommitmentPage<T = CommitmentListItem> = {
  items: T[];
  total: number;
  page: number;
  perPage: number;
  totalPages: number;
};

/**
 * A page of every commitment, superseded ones included, soonest deadline first (undated last).
 * Prefer searchCommitments (db/queries/explorer.ts) with the explorer's parameters: it
 * filters, sorts and, like the rest of the site, leaves out superseded commitments by default.
 * listCommitments(db, { page, perPage, today }) gives the same items as
 * searchCommitments(db, { ...DEFAULT_EXPLORER_QUERY, page, perPage, includeSuperseded: true }, today).
 */
export function listCommitments(
  db: Db,
  options: { page: number; perPage: number; today: string },
): CommitmentPage {
  const { page, perPage, today } = options;
  ensureStatusesFresh(db, today);
  const total = db.select({ n: count() }).from(commitments).get()?.n ?? 0;
  const ids = db
    .select({ id: commitmentStatus.commitmentId })
    .from(commitmentStatus)
    .orderBy(sql`coalesce(${commitmentStatus.dueOn}, '9999-12-31')`, asc(commitmentStatus.commitmentId))
    .limit(perPage)
    .offset((page - 1) * perPage)
    .all()
    .map((r) => r.id);
  const items = commitmentListItems(db, ids, today);
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
