import type { CommitmentListItem } from "@/lib/views/commitments";
import type { CsvColumn } from "@/lib/export/csv";

// The columns of the commitments CSV. The bulk import reads the same columns back, so a
// researcher's export can be corrected and proposed again.
export const COMMITMENT_CSV_COLUMNS: CsvColumn<CommitmentListItem>[] = [
  { header: "id", value: (c) => c.id },
  { header: "company", value: (c) => c.company.slug },
  { header: "company_name", value: (c) => c.company.name },
  { header: "title", value: (c) => c.title },
  { header: "description", value: (c) => c.description },
  { header: "metric", value: (c) => c.metric },
  { header: "unit", value: (c) => c.unit },
  { header: "direction", value: (c) => c.direction },
  { header: "baseline_value", value: (c) => c.baselineValue },
  { header: "baseline_date", value: (c) => c.baselineDate },
  { header: "target_value", value: (c) => c.targetValue },
  { header: "deadline_precision", value: (c) => c.deadlinePrecision },
  { header: "due_on", value: (c) => c.dueOn },
  { header: "deadline_label", value: (c) => c.deadlineLabel },
  { header: "scheme", value: (c) => c.scheme },
  { header: "evidence_grade", value: (c) => c.evidenceGrade },
  { header: "announced_on", value: (c) => c.announcedOn },
  { header: "categories", value: (c) => c.categories.join(" | ") },
  { header: "states", value: (c) => c.states.join(" | ") },
  { header: "status", value: (c) => c.status.status },
  { header: "status_label", value: (c) => c.status.label },
  { header: "latest_value", value: (c) => c.status.latest?.value },
  { header: "latest_as_of", value: (c) => c.status.latest?.asOf },
  {
    header: "percent_of_way",
    value: (c) => (c.status.percentOfWay === null ? null : Math.round(c.status.percentOfWay * 10) / 10),
  },
  { header: "days_to_deadline", value: (c) => c.status.daysToDeadline },
  { header: "withdrawn_on", value: (c) => c.withdrawnOn },
  { header: "superseded_by_id", value: (c) => c.supersededById },
  { header: "source_urls", value: (c) => c.sources.map((s) => s.url).join(" | ") },
  { header: "source_publishers", value: (c) => c.sources.map((s) => s.publisher).join(" | ") },
];
