import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import type { CompanyListItem } from "@/lib/views/directory";
import { SourceLinks } from "@/components/directory/source-links";
import { WithdrawnNote } from "@/components/directory/withdrawn-note";
import { formatCount } from "@/lib/domain/format";
import { COMPANY_KIND_LABELS } from "@/lib/domain/vocabulary";
import { countryName } from "./country-name";
import type { SourceArchiveView } from "@/lib/views/source-archive";

export function CompanyTable({
  companies,
  caption,
  archives,
}: {
  companies: CompanyListItem[];
  caption: ReactNode;
  /** Each source's archived copy and link state, by source id (issue 15). */
  archives?: ReadonlyMap<number, SourceArchiveView>;
}) {
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Company</th>
            <th scope="col">Kind</th>
            <th scope="col">Headquarters</th>
            <th scope="col" className="num">
              Commitments
            </th>
            <th scope="col" className="num">
              Facilities
            </th>
            <th scope="col" className="num">
              Partnerships
            </th>
            <th scope="col">Sources</th>
          </tr>
        </thead>
        <tbody>
          {companies.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link href={`/companies/${c.slug}`}>{c.name}</Link>
                <WithdrawnNote on={c.withdrawnOn} reason={c.withdrawnReason} />
              </th>
              <td>{COMPANY_KIND_LABELS[c.kind]}</td>
              <td>{countryName(c.hqCountry)}</td>
              <td className="num">{formatCount(c.counts.commitments)}</td>
              <td className="num">{formatCount(c.counts.facilities)}</td>
              <td className="num">{formatCount(c.counts.partnerships)}</td>
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
