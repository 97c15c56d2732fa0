import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import type { CompanyRef } from "@/lib/views/common";
import type { PartnershipView } from "@/lib/views/directory";
import { formatIndiaDate } from "@/lib/domain/dates";
import { PARTNERSHIP_STAGE_LABELS } from "@/lib/domain/vocabulary";
import { SourceLinks } from "./source-links";
import { StateLink } from "./state-link";
import { WithdrawnNote } from "./withdrawn-note";
import type { SourceArchiveView } from "@/lib/views/source-archive";

/** Shown from the page of `currentCompanyId`, whose own name is not a link to where the reader already is. */
export function PartnershipTable({
  partnerships,
  caption,
  currentCompanyId,
  archives,
}: {
  partnerships: PartnershipView[];
  caption: ReactNode;
  currentCompanyId?: number;
  /** Each source's archived copy and link state, by source id (issue 15). */
  archives?: ReadonlyMap<number, SourceArchiveView>;
}) {
  const company = (c: CompanyRef) =>
    c.id === currentCompanyId ? c.name : <Link href={`/companies/${c.slug}`}>{c.name}</Link>;
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Brand</th>
            <th scope="col">Partner</th>
            <th scope="col">Products</th>
            <th scope="col">Facility</th>
            <th scope="col">Stage</th>
            <th scope="col">Announced</th>
            <th scope="col">Sources</th>
          </tr>
        </thead>
        <tbody>
          {partnerships.map((p) => (
            <tr key={p.id}>
              <td>
                {company(p.brand)}
                <WithdrawnNote on={p.withdrawnOn} reason={p.withdrawnReason} />
              </td>
              <td>{company(p.partner)}</td>
              <td>{p.productCategories.length ? p.productCategories.join(", ") : "None stated"}</td>
              <td>
                {p.facility ? (
                  <>
                    {p.facility.name}
                    {/* Facility names often carry the city already ("… factory, Noida"). */}
                    {p.facility.city && !p.facility.name.includes(p.facility.city) ? (
                      <>, {p.facility.city}</>
                    ) : null}
                    , <StateLink state={p.facility.state} />
                  </>
                ) : (
                  "None stated"
                )}
              </td>
              <td>{PARTNERSHIP_STAGE_LABELS[p.stage]}</td>
              <td>{formatIndiaDate(p.announcedOn)}</td>
              <td>
                <SourceLinks sources={p.sources} archives={archives} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
