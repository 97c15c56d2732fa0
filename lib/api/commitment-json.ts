import type { CommitmentDetail, CommitmentListItem, CommitmentSummary } from "@/lib/views/commitments";
import type { SourceView } from "@/lib/views/common";
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

export function commitmentJson(c: CommitmentSummary) {
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
    sources: c.sources.map(sourceJson),
  };
}

/** A commitment as lists and exports give it: the summary with its product categories and states. */
export function commitmentListJson(c: CommitmentListItem) {
  return { ...commitmentJson(c), product_categories: c.categories, states: c.states };
}

export function commitmentDetailJson(c: CommitmentDetail) {
  return {
    ...commitmentJson(c),
    product_categories: c.categories,
    states: c.states,
    progress: c.progress.map((p) => ({
      id: p.id,
      as_of: p.asOf,
      value: p.value,
      note: p.note,
      sources: p.sources.map(sourceJson),
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
