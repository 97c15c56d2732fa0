import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import type { FacilityView } from "@/lib/views/directory";
import { formatIndiaDate } from "@/lib/domain/dates";
import { FACILITY_STAGE_LABELS } from "@/lib/domain/vocabulary";
import { SourceLinks } from "./source-links";
import { StateLink } from "./state-link";
import { WithdrawnNote } from "./withdrawn-note";
import type { SourceArchiveView } from "@/lib/views/source-archive";

export function FacilityTable({
  facilities,
  caption,
  showOperator,
  showState,
  archives,
}: {
  facilities: FacilityView[];
  caption: ReactNode;
  showOperator: boolean;
  showState: boolean;
  /** Each source's archived copy and link state, by source id (issue 15). */
  archives?: ReadonlyMap<number, SourceArchiveView>;
}) {
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Facility</th>
            {showOperator ? <th scope="col">Operator</th> : null}
            <th scope="col">City</th>
            {showState ? <th scope="col">State or union territory</th> : null}
            <th scope="col">Stage</th>
            <th scope="col" className="num">
              Investment
            </th>
            <th scope="col">Announced</th>
            <th scope="col">Sources</th>
          </tr>
        </thead>
        <tbody>
          {facilities.map((f) => (
            <tr key={f.id}>
              <th scope="row">
                {f.name}
                <WithdrawnNote on={f.withdrawnOn} reason={f.withdrawnReason} />
              </th>
              {showOperator ? (
                <td>
                  <Link href={`/companies/${f.operator.slug}`}>{f.operator.name}</Link>
                </td>
              ) : null}
              <td>{f.city ?? "—"}</td>
              {showState ? (
                <td>
                  <StateLink state={f.state} />
                </td>
              ) : null}
              <td>{FACILITY_STAGE_LABELS[f.stage]}</td>
              <td className="num">{f.investmentLabel ?? "Not reported"}</td>
              <td>{formatIndiaDate(f.announcedOn)}</td>
              <td>
                <SourceLinks sources={f.sources} archives={archives} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
