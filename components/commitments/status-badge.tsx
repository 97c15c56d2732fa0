import { STATUS_LABELS, type CommitmentStatus } from "@/lib/domain/status";

export function StatusBadge({ status }: { status: CommitmentStatus }) {
  return <span className={`badge status-${status}`}>{STATUS_LABELS[status]}</span>;
}
