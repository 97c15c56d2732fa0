import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { getCompany } from "@/db/queries/companies";
import { companyArchiveStates } from "@/db/queries/source-archives";
import type { CompanyDetail } from "@/lib/views/directory";
import { SourceList } from "@/components/commitments/source-list";
import { countryName } from "@/components/companies/country-name";
import { CommitmentTable } from "@/components/directory/commitment-table";
import { countOf } from "@/components/directory/count-of";
import { FacilityTable } from "@/components/directory/facility-table";
import { withParams } from "@/components/directory/href";
import { Pager } from "@/components/directory/pager";
import { PartnershipTable } from "@/components/directory/partnership-table";
import { WatchControl } from "@/components/watch/watch-form";
import { watchState } from "@/app/account/watching/watch-state";
import { shareMetadata } from "@/app/share-metadata";
import { formatIndiaDate } from "@/lib/domain/dates";
import { formatCount } from "@/lib/domain/format";
import { COMPANY_KIND_LABELS } from "@/lib/domain/vocabulary";
import { today } from "@/lib/server/clock";
import { DEFAULT_PER_PAGE } from "@/lib/validation/api-params";
import { CompanySlugSchema, pageFromParam } from "@/lib/validation/directory-params";

export const dynamic = "force-dynamic";

// The page and its metadata need the same company: read it once per request.
const load = cache((rawSlug: string, page: number): CompanyDetail => {
  const slug = CompanySlugSchema.safeParse(rawSlug);
  if (!slug.success) notFound();
  const company = getCompany(getDb(), slug.data, { page, perPage: DEFAULT_PER_PAGE, today: today() });
  if (!company) notFound();
  return company;
});

export async function generateMetadata({
  params,
  searchParams,
}: PageProps<"/companies/[slug]">): Promise<Metadata> {
  const { slug } = await params;
  const { page } = pageFromParam((await searchParams).commitments_page);
  const c = load(slug, page);
  return {
    title: c.name,
    ...(await shareMetadata({
      title: c.name,
      description: `${c.name}: ${countOf(c.counts.commitments, "localisation commitment")} checked against their deadlines, ${countOf(c.counts.facilities, "facility", "facilities")} and ${countOf(c.counts.partnerships, "partnership")} in India, with sources.`,
      path: `/companies/${c.slug}`,
      chart: `companies/${c.slug}/summary`,
      imageAlt: `Bar chart: the commitments of ${c.name} by status`,
    })),
  };
}

export default async function CompanyPage({ params, searchParams }: PageProps<"/companies/[slug]">) {
  const { slug } = await params;
  const { page, rejected } = pageFromParam((await searchParams).commitments_page);
  const c = load(slug, page);
  const watchTarget = { kind: "company", id: c.id } as const;
  const watching = await watchState(watchTarget);
  const commitmentsHref = (p: number) =>
    withParams(`/companies/${c.slug}`, { commitments_page: p > 1 ? p : undefined }, "commitments-heading");
  const archives = companyArchiveStates(getDb(), c);
  return (
    <article>
      <p className="meta">
        <Link href="/companies">Companies</Link> › {c.name}
      </p>
      <h1>{c.name}</h1>
      <WatchControl target={watchTarget} name={c.name} path={`/companies/${c.slug}`} watching={watching} />
      {c.withdrawnOn ? (
        <p className="notice">
          Withdrawn on {formatIndiaDate(c.withdrawnOn)}
          {c.withdrawnReason ? <>: {c.withdrawnReason}</> : null}. Its records stay listed below, for the
          record.
        </p>
      ) : null}
      {c.description ? <p className="lede">{c.description}</p> : null}
      <dl className="facts">
        <dt>Kind</dt>
        <dd>{COMPANY_KIND_LABELS[c.kind]}</dd>
        <dt>Headquarters</dt>
        <dd>{countryName(c.hqCountry)}</dd>
        <dt>Website</dt>
        <dd>
          {c.website ? (
            <a href={c.website} rel="noopener noreferrer external">
              {c.website}
            </a>
          ) : (
            "Not recorded"
          )}
        </dd>
        <dt>Published records</dt>
        <dd>
          {countOf(c.counts.commitments, "commitment")},{" "}
          {countOf(c.counts.facilities, "facility", "facilities")},{" "}
          {countOf(c.counts.partnerships, "partnership")}
        </dd>
      </dl>

      <h2 id="commitments-heading">Commitments</h2>
      {rejected !== null ? (
        <p role="status" className="notice">
          “{rejected}” is not a page number, so the first page of commitments is shown.
        </p>
      ) : null}
      {c.commitments.items.length === 0 ? (
        <p>
          {c.commitments.total === 0 ? (
            "No commitment is published for this company."
          ) : (
            <>
              There are no commitments on page {formatCount(page)}.{" "}
              <Link href={commitmentsHref(c.commitments.totalPages)}>Go to the last page</Link>
            </>
          )}
        </p>
      ) : (
        <CommitmentTable
          archives={archives}
          commitments={c.commitments.items}
          showCompany={false}
          caption={
            <>
              Commitments of {c.name}, soonest deadline first: page {formatCount(c.commitments.page)} of{" "}
              {formatCount(c.commitments.totalPages)}
            </>
          }
        />
      )}
      <Pager page={page} totalPages={c.commitments.totalPages} href={commitmentsHref} of="commitments" />
      <p className="meta">
        <a href={withParams("/api/v1/deadlines.ics", { company: c.slug })}>
          Subscribe to this company&apos;s deadlines
        </a>{" "}
        in your calendar (iCalendar) ·{" "}
        <Link href={withParams("/deadlines", { company: c.slug })}>its deadlines</Link> ·{" "}
        <a href={withParams("/api/v1/changes.atom", { company: c.slug })}>its published changes (Atom)</a>
      </p>

      <h2 id="partnerships-heading">Partnerships</h2>
      {c.partnerships.length === 0 ? (
        <p>No partnership is published for this company.</p>
      ) : (
        <PartnershipTable
          archives={archives}
          partnerships={c.partnerships}
          currentCompanyId={c.id}
          caption={<>Partnerships of {c.name}, as brand or as partner, newest first</>}
        />
      )}

      <h2 id="facilities-heading">Facilities</h2>
      {c.facilities.length === 0 ? (
        <p>No facility operated by this company is published.</p>
      ) : (
        <FacilityTable
          archives={archives}
          facilities={c.facilities}
          showOperator={false}
          showState
          caption={
            <>
              Facilities operated by {c.name}. Investment is shown in the currency the source gave; no
              conversion is made, as no exchange rate is recorded.
            </>
          }
        />
      )}

      <h2>Sources</h2>
      <SourceList sources={c.sources} archives={archives} />
      <p className="meta">
        This company as data: <a href={`/api/v1/companies/${c.slug}`}>JSON (API)</a> ·{" "}
        <a href={withParams("/api/v1/facilities.csv", { company: c.slug })}>facilities as CSV</a> ·{" "}
        <a href={withParams("/api/v1/partnerships.csv", { company: c.slug })}>partnerships as CSV</a>
      </p>
    </article>
  );
}
