import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound, permanentRedirect } from "next/navigation";
import { getDb } from "@/db";
import { getState } from "@/db/queries/states";
import { shareMetadata } from "@/app/share-metadata";
import { CommitmentTable } from "@/components/directory/commitment-table";
import { countOf } from "@/components/directory/count-of";
import { FacilityTable } from "@/components/directory/facility-table";
import { withParams } from "@/components/directory/href";
import { Pager } from "@/components/directory/pager";
import { formatCount } from "@/lib/domain/format";
import { canonicalStateCode, findState, ISO_3166_IN_URL, STATE_KIND_LABELS } from "@/lib/domain/india-states";
import { today } from "@/lib/server/clock";
import { DEFAULT_PER_PAGE } from "@/lib/validation/api-params";
import { lastValue, pageFromParam } from "@/lib/validation/directory-params";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/states/[code]">): Promise<Metadata> {
  const { code } = await params;
  const state = findState(code);
  if (!state) return { title: "Not found" };
  return {
    title: state.name,
    ...(await shareMetadata({
      title: state.name,
      description: `Localisation commitments and facilities in ${state.name}, checked against their deadlines, with sources.`,
      path: `/states/${state.code}`,
      chart: `states/${state.code}/summary`,
      imageAlt: `Bar chart: commitments naming ${state.name}, by status`,
    })),
  };
}

export default async function StatePage({ params, searchParams }: PageProps<"/states/[code]">) {
  const { code } = await params;
  const query = await searchParams;
  const canonical = canonicalStateCode(code);
  if (!canonical) notFound();
  // One address per place: "in-up" and former codes ("IN-TG") move to the current code for good.
  if (canonical !== code) {
    permanentRedirect(
      withParams(`/states/${canonical}`, {
        facilities_page: lastValue(query.facilities_page),
        commitments_page: lastValue(query.commitments_page),
      }),
    );
  }

  const facilitiesPage = pageFromParam(query.facilities_page);
  const commitmentsPage = pageFromParam(query.commitments_page);
  const detail = getState(getDb(), canonical, {
    today: today(),
    perPage: DEFAULT_PER_PAGE,
    facilitiesPage: facilitiesPage.page,
    commitmentsPage: commitmentsPage.page,
  });
  if (!detail) notFound();
  const { state, facilities, commitments } = detail;
  const href = (list: "facilities" | "commitments") => (p: number) =>
    withParams(
      `/states/${state.code}`,
      {
        facilities_page: list === "facilities" ? p : facilities.page,
        commitments_page: list === "commitments" ? p : commitments.page,
      },
      `${list}-heading`,
    );
  const formerCodes: readonly string[] = state.formerCodes;

  return (
    <article>
      <p className="meta">
        <Link href="/states">States and union territories</Link> › {state.name}
      </p>
      <h1>{state.name}</h1>
      <dl className="facts">
        <dt>Kind</dt>
        <dd>{STATE_KIND_LABELS[state.kind]}</dd>
        <dt>ISO 3166-2 code</dt>
        <dd>
          {state.code}
          {formerCodes.length > 0 ? (
            <> (formerly {formerCodes.join(" and ")}; records made under a former code are included)</>
          ) : null}
        </dd>
        <dt>Published records</dt>
        <dd>
          {countOf(facilities.total, "facility", "facilities")}, {countOf(commitments.total, "commitment")}
        </dd>
      </dl>
      {[facilitiesPage.rejected, commitmentsPage.rejected].some((r) => r !== null) ? (
        <p role="status" className="notice">
          A page number in the address was not a number, so the first page of that list is shown.
        </p>
      ) : null}

      <h2 id="facilities-heading">Facilities</h2>
      {facilities.items.length === 0 ? (
        <p>
          {facilities.total === 0
            ? `No facility in ${state.name} is published.`
            : `There are no facilities on page ${formatCount(facilities.page)}.`}
        </p>
      ) : (
        <FacilityTable
          facilities={facilities.items}
          showOperator
          showState={false}
          caption={
            <>
              Facilities in {state.name}, by name: page {formatCount(facilities.page)} of{" "}
              {formatCount(facilities.totalPages)}. Investment is in the currency the source gave.
            </>
          }
        />
      )}
      <Pager
        page={facilities.page}
        totalPages={facilities.totalPages}
        href={href("facilities")}
        of="facilities"
      />

      <h2 id="commitments-heading">Commitments</h2>
      {commitments.items.length === 0 ? (
        <p>
          {commitments.total === 0
            ? `No published commitment names ${state.name}.`
            : `There are no commitments on page ${formatCount(commitments.page)}.`}
        </p>
      ) : (
        <CommitmentTable
          commitments={commitments.items}
          showCompany
          caption={
            <>
              Commitments that name {state.name}, soonest deadline first: page {formatCount(commitments.page)}{" "}
              of {formatCount(commitments.totalPages)}
            </>
          }
        />
      )}
      <Pager
        page={commitments.page}
        totalPages={commitments.totalPages}
        href={href("commitments")}
        of="commitments"
      />

      <h2>Sources</h2>
      <p>
        Each facility and commitment above lists its own sources. The code and name are those of{" "}
        <a href={ISO_3166_IN_URL} rel="noopener noreferrer external">
          ISO 3166-2:IN
        </a>
        .
      </p>
      <p className="meta">
        As data:{" "}
        <a href={withParams("/api/v1/facilities.csv", { state: state.code })}>all facilities here as CSV</a> ·{" "}
        <a href={withParams("/api/v1/facilities", { state: state.code })}>JSON (API)</a>
      </p>
    </article>
  );
}
