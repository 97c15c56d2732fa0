import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { listCommitments } from "@/db/queries/commitments";
import { EvidenceGradeMark } from "@/components/commitments/evidence-grade";
import { StatusBadge } from "@/components/commitments/status-badge";
import { formatIndiaDate } from "@/lib/domain/dates";
import { formatCount, formatValue } from "@/lib/domain/format";
import { today } from "@/lib/server/clock";
import { DEFAULT_PER_PAGE, PageNumberSchema } from "@/lib/validation/api-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Commitments" };

export default async function CommitmentsPage({ searchParams }: PageProps<"/commitments">) {
  const params = await searchParams;
  const rawPage = Array.isArray(params.page) ? params.page.at(-1) : params.page;
  const parsedPage = rawPage === undefined ? null : PageNumberSchema.safeParse(rawPage);
  const page = parsedPage?.success ? parsedPage.data : 1;
  const asOf = today();
  const result = listCommitments(getDb(), { page, perPage: DEFAULT_PER_PAGE, today: asOf });

  return (
    <>
      <h1>Commitments</h1>
      <p className="lede">
        {formatCount(result.total)} published commitments to manufacture or source in India, soonest deadline
        first. Status is computed for {formatIndiaDate(asOf)} from the progress recorded against each target.
      </p>
      {parsedPage && !parsedPage.success ? (
        <p role="status" className="notice">
          “{rawPage}” is not a page number, so the first page is shown.
        </p>
      ) : null}
      {result.items.length === 0 ? (
        <p>
          There are no commitments on page {formatCount(page)}.{" "}
          {result.total > 0 ? (
            <Link href={`/commitments?page=${result.totalPages}`}>Go to the last page</Link>
          ) : null}
        </p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>
              Page {formatCount(page)} of {formatCount(result.totalPages)}
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
                  <td>{c.company.name}</td>
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
        {page > 1 ? (
          <Link href={`/commitments?page=${Math.min(page - 1, result.totalPages)}`} rel="prev">
            Previous page
          </Link>
        ) : null}
        {page < result.totalPages ? (
          <Link href={`/commitments?page=${page + 1}`} rel="next">
            Next page
          </Link>
        ) : null}
      </nav>
    </>
  );
}
