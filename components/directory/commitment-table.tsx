import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import type { CommitmentSummary } from "@/lib/views/commitments";
import { EvidenceGradeMark } from "@/components/commitments/evidence-grade";
import { StatusBadge } from "@/components/commitments/status-badge";
import { formatValue } from "@/lib/domain/format";
import { SourceLinks } from "./source-links";
import { WithdrawnNote } from "./withdrawn-note";
import type { SourceArchiveView } from "@/lib/views/source-archive";

/** Commitments with the status computed by the query; this component only displays it. */
export function CommitmentTable({
  commitments,
  caption,
  showCompany,
  archives,
}: {
  commitments: CommitmentSummary[];
  caption: ReactNode;
  showCompany: boolean;
  /** Each source's archived copy and link state, by source id (issue 15). */
  archives?: ReadonlyMap<number, SourceArchiveView>;
}) {
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {showCompany ? <th scope="col">Company</th> : null}
            <th scope="col">Commitment</th>
            <th scope="col" className="num">
              Target
            </th>
            <th scope="col">Deadline</th>
            <th scope="col">Evidence</th>
            <th scope="col">Status</th>
            <th scope="col">Sources</th>
          </tr>
        </thead>
        <tbody>
          {commitments.map((c) => (
            <tr key={c.id}>
              {showCompany ? (
                <td>
                  <Link href={`/companies/${c.company.slug}`}>{c.company.name}</Link>
                </td>
              ) : null}
              <td>
                <Link href={`/commitments/${c.id}`}>{c.title}</Link>
                <WithdrawnNote on={c.withdrawnOn} reason={c.withdrawnReason} badge={false} />
              </td>
              <td className="num">{formatValue(c.targetValue, c.unit)}</td>
              <td>{c.deadlineLabel}</td>
              <td>
                <EvidenceGradeMark grade={c.evidenceGrade} />
              </td>
              <td>
                <StatusBadge status={c.status.status} />
              </td>
              <td>
                <SourceLinks sources={c.sources} archives={archives} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
