import type { CommitmentDetail, CommitmentListItem, CommitmentSummary } from "@/lib/views/commitments";
import type { SourceView } from "@/lib/views/common";
import type { SourceArchiveView } from "@/lib/views/source-archive";
import { STATUS_LABELS } from "@/lib/domain/status";

// The public API's representation of records: snake_case, stable field names, every fact with
// its sources. Changing a field name here is a breaking change for researchers' scripts.

export function sourceJson(s: SourceView) {
  return {
    url: s.url,
    title: s.title,
    publisher: s.publisher,
    kind: s.kind,
    published_on: s.publishedOn,
    excerpt: s.excerpt,
    accessed_on: s.accessedOn,
  };
}

/** Each source's archived copy and link state, by source id: what `sourceArchiveStates` reads. */
export type SourceArchives = ReadonlyMap<number, SourceArchiveView>;

/**
 * A source's archived copy and link state. A source missing from the map (none should be: the
 * read answers for every id asked) reads as never archived rather than failing the response.
 */
export function sourceArchiveJson(a: SourceArchiveView | undefined) {
  const archived = a?.archived ?? null;
  const link = a?.link ?? null;
  return {
    archived: archived
      ? {
          at: archived.fetchedAt,
          sha256: archived.sha256,
          view_url: archived.viewPath,
          warc_url: archived.warcPath,
        }
      : null,
    not_archived_reason: archived ? null : (a?.notArchivedReason ?? null),
    link:
      link === null
        ? null
        : link.state === "broken"
          ? { state: link.state, since: link.since, reason: link.reason }
          : { state: link.state, since: link.since },
  };
}

/** A source as the single-record endpoints give it: with its id and its archived copy. */
export function sourceWithArchiveJson(s: SourceView, archives: SourceArchives) {
  return { id: s.id, ...sourceJson(s), archive: sourceArchiveJson(archives.get(s.id)) };
}

/** How a record's sources are written: plain in lists, with their archives in one record's. */
export type SourceWriter<S> = (s: SourceView) => S;

export const withArchives =
  (archives: SourceArchives): SourceWriter<ReturnType<typeof sourceWithArchiveJson>> =>
  (s) =>
    sourceWithArchiveJson(s, archives);

export function commitmentJson(c: CommitmentSummary) {
  return commitmentFields(c, sourceJson);
}

/** A commitment as a company's record gives it: its sources with their archived copies. */
export function companyCommitmentJson(c: CommitmentSummary, archives: SourceArchives) {
  return commitmentFields(c, withArchives(archives));
}

function commitmentFields<S>(c: CommitmentSummary, source: SourceWriter<S>) {
  return {
    id: c.id,
    url: `/commitments/${c.id}`,
    title: c.title,
    description: c.description,
    company: { slug: c.company.slug, name: c.company.name },
    metric: c.metric,
    unit: c.unit,
    direction: c.direction,
    baseline: { value: c.baselineValue, date: c.baselineDate },
    target: { value: c.targetValue },
    deadline: c.dueOn ? { due_on: c.dueOn, precision: c.deadlinePrecision, label: c.deadlineLabel } : null,
    scheme: c.scheme,
    evidence_grade: c.evidenceGrade,
    announced_on: c.announcedOn,
    superseded_by_id: c.supersededById,
    withdrawn: c.withdrawnOn ? { on: c.withdrawnOn, reason: c.withdrawnReason } : null,
    status: {
      code: c.status.status,
      label: STATUS_LABELS[c.status.status],
      expected_today: c.status.expectedToday,
      percent_of_way: c.status.percentOfWay,
      days_to_deadline: c.status.daysToDeadline,
      stale: c.status.stale,
      latest: c.status.latest ? { as_of: c.status.latest.asOf, value: c.status.latest.value } : null,
    },
    sources: c.sources.map(source),
  };
}

/** A commitment as lists and exports give it: the summary with its product categories and states. */
export function commitmentListJson(c: CommitmentListItem) {
  return { ...commitmentJson(c), product_categories: c.categories, states: c.states };
}

/** One commitment, every source with its archived copy (`archives` from db/queries/source-archives). */
export function commitmentDetailJson(c: CommitmentDetail, archives: SourceArchives) {
  const source = withArchives(archives);
  return {
    ...commitmentFields(c, source),
    product_categories: c.categories,
    states: c.states,
    progress: c.progress.map((p) => ({
      id: p.id,
      as_of: p.asOf,
      value: p.value,
      note: p.note,
      sources: p.sources.map(source),
    })),
    revisions: c.revisions.map((r) => ({
      id: r.id,
      summary: r.summary,
      created_at: r.createdAt,
      approved_by: r.actorName,
      submission_id: r.submissionId,
    })),
  };
}
