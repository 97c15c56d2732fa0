import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getDb } from "@/db";
import { listCompanies } from "@/db/queries/companies";
import { CompanySearchForm } from "@/components/companies/search-form";
import { CompanyTable } from "@/components/companies/company-table";
import { countOf } from "@/components/directory/count-of";
import { withParams } from "@/components/directory/href";
import { Pager } from "@/components/directory/pager";
import styles from "@/components/directory/directory.module.css";
import { formatCount } from "@/lib/domain/format";
import { DEFAULT_PER_PAGE } from "@/lib/validation/api-params";
import { companySearchFromParam, pageFromParam } from "@/lib/validation/directory-params";
import { sourceArchiveStates } from "@/db/queries/source-archives";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Companies" };

export default async function CompaniesPage({ searchParams }: PageProps<"/companies">) {
  const params = await searchParams;
  const { q, rejected: rejectedQuery } = companySearchFromParam(params.q);
  const { page, rejected: rejectedPage } = pageFromParam(params.page);
  const result = listCompanies(getDb(), { q }, { page, perPage: DEFAULT_PER_PAGE });
  const href = (p: number) => withParams("/companies", { q, page: p > 1 ? p : undefined });
  const archives = sourceArchiveStates(
    getDb(),
    result.items.flatMap((c) => c.sources.map((s) => s.id)),
  );
  return (
    <>
      <h1>Companies</h1>
      <p className="lede">
        Companies with published commitments, facilities or partnerships in India. Counts include withdrawn
        records, which are marked as withdrawn wherever they are listed.
      </p>
      <CompanySearchForm q={q} />
      {rejectedQuery !== null ? (
        <p role="status" className="notice">
          That search could not be used (at most 100 characters, with no control characters), so all companies
          are shown.
        </p>
      ) : null}
      {rejectedPage !== null ? (
        <p role="status" className="notice">
          “{rejectedPage}” is not a page number, so the first page is shown.
        </p>
      ) : null}
      <p>
        {q ? (
          <>
            {formatCount(result.total)} {result.total === 1 ? "company matches" : "companies match"} “{q}”.{" "}
            <Link href="/companies">Show all companies</Link>
          </>
        ) : (
          <>{countOf(result.total, "company", "companies")}.</>
        )}
      </p>
      {result.items.length === 0 ? (
        result.total > 0 ? (
          <p>
            There are no companies on page {formatCount(page)}.{" "}
            <Link href={href(result.totalPages)}>Go to the last page</Link>
          </p>
        ) : null
      ) : (
        <CompanyTable
          archives={archives}
          companies={result.items}
          caption={
            <>
              {q ? <>Companies whose name contains “{q}”</> : "All companies"}, by name: page{" "}
              {formatCount(page)} of {formatCount(result.totalPages)}
            </>
          }
        />
      )}
      <Pager page={page} totalPages={result.totalPages} href={href} of="companies" />
      <p className={styles.downloads}>
        Download {q ? "the" : "all"} {countOf(result.total, "company", "companies")}
        {q ? " found" : ""}:{" "}
        <a href={withParams("/api/v1/companies.csv", { q })}>CSV, with a citation line</a> ·{" "}
        <a href={withParams("/api/v1/companies", { q })}>JSON (API)</a>
      </p>
    </>
  );
}
