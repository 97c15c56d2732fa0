import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getDb } from "@/db";
import { explorerFacets, searchCommitments, type Facet, type FacetName } from "@/db/queries/explorer";
import { EvidenceGradeMark } from "@/components/commitments/evidence-grade";
import { StatusBadge } from "@/components/commitments/status-badge";
import { AutoSubmitForm } from "@/components/explorer/auto-submit-form";
import { formatIndiaDate } from "@/lib/domain/dates";
import { formatCount, formatValue } from "@/lib/domain/format";
import { today } from "@/lib/server/clock";
import {
  DEFAULT_EXPLORER_QUERY,
  explorerSearchParams,
  parseExplorerParams,
  type ExplorerQuery,
} from "@/lib/validation/explorer-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Commitments" };

const FACET_TITLES: Record<FacetName, string> = {
  status: "Status",
  evidence: "Evidence",
  company: "Company",
  category: "Sector or product category",
  state: "State or union territory",
  scheme: "Scheme",
};
const FACET_ORDER: FacetName[] = ["status", "evidence", "company", "category", "state", "scheme"];

const SORT_LABELS: Record<ExplorerQuery["sort"], string> = {
  deadline: "Deadline, soonest first",
  "-deadline": "Deadline, latest first",
  company: "Company",
  title: "Title",
  "-announced": "Most recently announced",
  relevance: "Best match (when searching)",
};

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

const href = (query: Partial<ExplorerQuery>, base = "/commitments") => {
  const params = explorerSearchParams(query).toString();
  return params ? `${base}?${params}` : base;
};

function FacetFieldset({ facet }: { facet: Facet }) {
  if (facet.values.length === 0) return null;
  return (
    <fieldset>
      <legend>{FACET_TITLES[facet.parameter]}</legend>
      <div className="facet-list">
        {facet.values.map((v) => (
          <label key={v.value}>
            <input type="checkbox" name={facet.parameter} value={v.value} defaultChecked={v.selected} />
            <span>
              {v.label} <span className="meta">({formatCount(v.count)})</span>
            </span>
          </label>
        ))}
      </div>
      {facet.more > 0 ? (
        <p className="meta">and {formatCount(facet.more)} more: search to narrow them</p>
      ) : null}
    </fieldset>
  );
}

export default async function ExplorerPage({ searchParams }: PageProps<"/commitments">) {
  const raw = await searchParams;
  const parsed = parseExplorerParams(raw);
  const query = parsed.success ? parsed.data : DEFAULT_EXPLORER_QUERY;
  const asOf = today();
  const db = getDb();
  const result = searchCommitments(db, query, asOf);
  const facets = explorerFacets(db, query, asOf);
  const viewParams = explorerSearchParams({ ...query, page: 1 });
  const exportQuery = viewParams.toString();
  const filtered = exportQuery !== "";

  return (
    <>
      <h1>Commitments</h1>
      <p className="lede">
        Published commitments to manufacture or source in India. Status is computed for{" "}
        {formatIndiaDate(asOf)} from the progress recorded against each target. Filters live in the address,
        so a link reproduces this view.
      </p>
      {!parsed.success ? (
        <p role="alert" className="notice">
          The filter “{parsed.error.parameter}” could not be used: {parsed.error.message}. All commitments are
          shown instead.
        </p>
      ) : null}

      <div className="explorer">
        <AutoSubmitForm action="/commitments" className="explorer-filters" aria-label="Filter commitments">
          <div className="field">
            <label htmlFor="q">Search titles, companies and sources</label>
            <input id="q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={200} />
          </div>
          {FACET_ORDER.map((name) => (
            <FacetFieldset key={name} facet={facets[name]} />
          ))}
          <fieldset>
            <legend>Deadline between</legend>
            <div className="field">
              <label htmlFor="due_from">From (a year, or a date like 2025-06-30)</label>
              <input
                id="due_from"
                name="due_from"
                type="text"
                inputMode="numeric"
                defaultValue={first(raw.due_from)}
              />
            </div>
            <div className="field">
              <label htmlFor="due_to">To</label>
              <input
                id="due_to"
                name="due_to"
                type="text"
                inputMode="numeric"
                defaultValue={first(raw.due_to)}
              />
            </div>
          </fieldset>
          <div className="field">
            <label htmlFor="sort">Sort by</label>
            <select id="sort" name="sort" defaultValue={query.sort}>
              {Object.entries(SORT_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="chart-actions">
            <button type="submit">Apply filters</button>
            {filtered ? <Link href="/commitments">Clear all filters</Link> : null}
          </div>
        </AutoSubmitForm>

        <section aria-labelledby="results-heading" className="explorer-results">
          <h2 id="results-heading" aria-live="polite">
            {formatCount(result.total)} commitment{result.total === 1 ? "" : "s"}
            {filtered ? " match" : ""}
          </h2>
          <p className="chart-actions">
            <a href={`/api/v1/commitments.csv${exportQuery ? `?${exportQuery}` : ""}`} download>
              Download this view (CSV)
            </a>
            <a href={`/api/v1/commitments.json${exportQuery ? `?${exportQuery}` : ""}`} download>
              Download this view (JSON)
            </a>
            <a href={`/api/v1/commitments${exportQuery ? `?${exportQuery}` : ""}`}>
              The same view in the API
            </a>
          </p>
          {result.items.length === 0 ? (
            <p>
              No commitment matches these filters.{" "}
              {result.total > 0 ? (
                <Link href={href({ ...query, page: result.totalPages })}>Go to the last page</Link>
              ) : null}
            </p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption>
                  Page {formatCount(result.page)} of {formatCount(result.totalPages)}, sorted by{" "}
                  {SORT_LABELS[query.sort].toLowerCase()}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Company</th>
                    <th scope="col">Commitment</th>
                    <th scope="col" className="num">
                      Target
                    </th>
                    <th scope="col">Deadline</th>
                    <th scope="col">Evidence</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <Link href={`/companies/${c.company.slug}`}>{c.company.name}</Link>
                      </td>
                      <td>
                        <Link href={`/commitments/${c.id}`}>{c.title}</Link>
                      </td>
                      <td className="num">{formatValue(c.targetValue, c.unit)}</td>
                      <td>{c.deadlineLabel}</td>
                      <td>
                        <EvidenceGradeMark grade={c.evidenceGrade} />
                      </td>
                      <td>
                        <StatusBadge status={c.status.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav className="pagination" aria-label="Pages">
            {result.page > 1 ? (
              <Link href={href({ ...query, page: Math.min(result.page - 1, result.totalPages) })} rel="prev">
                Previous page
              </Link>
            ) : null}
            {result.page < result.totalPages ? (
              <Link href={href({ ...query, page: result.page + 1 })} rel="next">
                Next page
              </Link>
            ) : null}
          </nav>
        </section>
      </div>
    </>
  );
}
