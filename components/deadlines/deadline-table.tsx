import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import type { DeadlineItem } from "@/lib/views/commitments";
import { EvidenceGradeMark } from "@/components/commitments/evidence-grade";
import { StatusBadge } from "@/components/commitments/status-badge";
import { formatIndiaDate } from "@/lib/domain/dates";
import styles from "./deadlines.module.css";

/** One group of the deadline view; the query has already computed status and timing. */
export function DeadlineTable({
  items,
  caption,
  recordOutcome = false,
}: {
  items: DeadlineItem[];
  caption: ReactNode;
  /** Whether each row links to the reviewers' form for recording the commitment's outcome. */
  recordOutcome?: boolean;
}) {
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Commitment</th>
            <th scope="col">Company</th>
            <th scope="col">Deadline</th>
            <th scope="col">When</th>
            <th scope="col">Evidence</th>
            <th scope="col">Status</th>
            {recordOutcome ? <th scope="col">Outcome</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <td className={styles.title}>
                <Link href={`/commitments/${c.id}`}>{c.title}</Link>
              </td>
              <td>
                <Link href={`/companies/${c.company.slug}`}>{c.company.name}</Link>
              </td>
              <td className={styles.nowrap}>
                {c.deadlineLabel}
                {c.dueOn ? <div className="meta">due {formatIndiaDate(c.dueOn)}</div> : null}
              </td>
              <td className={styles.timing}>{c.timing}</td>
              <td>
                <EvidenceGradeMark grade={c.evidenceGrade} />
              </td>
              <td>
                <StatusBadge status={c.status.status} />
                {c.status.stale ? <div className="meta">evidence over a year old</div> : null}
              </td>
              {recordOutcome ? (
                <td>
                  <Link
                    href={`/deadlines/outcome?commitment=${c.id}`}
                    aria-label={`Record the outcome: ${c.title}`}
                  >
                    Record the outcome
                  </Link>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
