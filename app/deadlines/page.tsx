import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getDb } from "@/db";
import { deadlineGroups, DEADLINE_GROUP_LIMIT, type DeadlineGroup } from "@/db/queries/deadlines";
import { explorerFacets } from "@/db/queries/explorer";
import { DeadlineFilters, type FilterList } from "@/components/deadlines/deadline-filters";
import { DeadlineTable } from "@/components/deadlines/deadline-table";
import styles from "@/components/deadlines/deadlines.module.css";
import { formatIndiaDate } from "@/lib/domain/dates";
import { BUCKET_RULES } from "@/lib/domain/deadline-buckets";
import { formatCount } from "@/lib/domain/format";
import { today } from "@/lib/server/clock";
import { currentUser, REVIEWERS } from "@/auth/session";
import {
  DEFAULT_EXPLORER_QUERY,
  defaultSort,
  explorerSearchParams,
  parseExplorerParams,
  type ExplorerQuery,
} from "@/lib/validation/explorer-params";

export const dynamic = "force-dynamic";

/** The explorer's parameters that this page's form has its own fields for. */
const FORM_FIELDS = new Set(["q", "company", "category", "state"]);

/** The view's filters in canonical form; each group has its own order, so sort and page are left out. */
function viewParams(query: ExplorerQuery): URLSearchParams {
  return explorerSearchParams({
    ...query,
    sort: defaultSort(query.q),
    page: 1,
    perPage: DEFAULT_EXPLORER_QUERY.perPage,
  });
}

/** The changes feed takes only the filters a revision can be said to concern. */
function changesFeedHref(query: ExplorerQuery): string {
  const params = explorerSearchParams({
    company: query.company,
    category: query.category,
    state: query.state,
  });
  return `/api/v1/changes.atom${params.size ? `?${params}` : ""}`;
}

function calendarHref(query: ExplorerQuery): string {
  const params = viewParams(query);
  return `/api/v1/deadlines.ics${params.size ? `?${params}` : ""}`;
}

async function viewOf(searchParams: PageProps<"/deadlines">["searchParams"]) {
  const parsed = parseExplorerParams(await searchParams);
  return { parsed, query: parsed.success ? parsed.data : DEFAULT_EXPLORER_QUERY };
}

export async function generateMetadata({ searchParams }: PageProps<"/deadlines">): Promise<Metadata> {
  const { query } = await viewOf(searchParams);
  return {
    title: "Deadlines",
    alternates: {
      types: {
        "text/calendar": [{ url: calendarHref(query), title: "Deadlines (iCalendar)" }],
        "application/atom+xml": [{ url: changesFeedHref(query), title: "Published changes (Atom)" }],
      },
    },
  };
}

/** Groups whose outcome is still open or due: the ones a reviewer may record an outcome for. */
const OUTCOME_BUCKETS = new Set<DeadlineGroup["bucket"]>([
  "overdue_unverified",
  "due_30",
  "due_90",
  "due_365",
]);

function GroupSection({
  group,
  filtered,
  reviewer,
}: {
  group: DeadlineGroup;
  filtered: boolean;
  reviewer: boolean;
}) {
  const rule = BUCKET_RULES[group.bucket];
  const headingId = `${group.bucket}-heading`;
  const explorerParams = group.explorer ? explorerSearchParams(group.explorer.query).toString() : "";
  const explorerHref = `/commitments${explorerParams ? `?${explorerParams}` : ""}`;
  return (
    <section id={group.bucket} aria-labelledby={headingId} className={styles.group}>
      <h2 id={headingId}>
        {rule.title} <span className={styles.count}>({formatCount(group.total)})</span>
      </h2>
      <p className="meta">{rule.description}</p>
      {group.items.length === 0 ? (
        <p>No commitment is in this group{filtered ? " with these filters" : ""}.</p>
      ) : (
        <DeadlineTable
          items={group.items}
          recordOutcome={reviewer && OUTCOME_BUCKETS.has(group.bucket)}
          caption={
            group.total > group.items.length ? (
              <>
                {rule.title}: the first {formatCount(group.items.length)} of {formatCount(group.total)}
              </>
            ) : (
              <>
                {rule.title}: {formatCount(group.total)} commitment{group.total === 1 ? "" : "s"}
              </>
            )
          }
        />
      )}
      {group.explorer && group.total > group.items.length ? (
        <p>
          <Link href={explorerHref}>
            {group.explorer.exact
              ? `See all ${formatCount(group.total)} in the explorer`
              : "See every achieved commitment in the explorer"}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

export default async function DeadlinesPage({ searchParams }: PageProps<"/deadlines">) {
  const { parsed, query } = await viewOf(searchParams);
  const asOf = today();
  const db = getDb();
  const user = await currentUser();
  const reviewer = user !== null && REVIEWERS.includes(user.role);
  const groups = deadlineGroups(db, query, asOf, DEADLINE_GROUP_LIMIT);
  const facets = explorerFacets(db, query, asOf);
  const params = viewParams(query);
  const filtered = params.size > 0;
  const carried = [...params].filter(([name]) => !FORM_FIELDS.has(name));
  const lists: FilterList[] = [
    { parameter: "company", title: "Company", values: facets.company.values, more: facets.company.more },
    { parameter: "category", title: "Sector or product category", values: facets.category.values, more: 0 },
    { parameter: "state", title: "State or union territory", values: facets.state.values, more: 0 },
  ];

  return (
    <>
      <h1>Deadlines</h1>
      <p className="lede">
        What falls due soon, and what is past its deadline with no outcome recorded, on{" "}
        {formatIndiaDate(asOf)}. Status is computed from the progress recorded against each target; the{" "}
        <Link href="/methodology">methodology</Link> explains each rule.
      </p>
      {!parsed.success ? (
        <p role="alert" className="notice">
          The filter “{parsed.error.parameter}” could not be used: {parsed.error.message}. All deadlines are
          shown instead.
        </p>
      ) : null}

      <div className="explorer">
        <DeadlineFilters q={query.q ?? ""} lists={lists} carried={carried} filtered={filtered} />

        <div className="explorer-results">
          <div className={styles.subscribe}>
            <p>
              <a href={calendarHref(query)}>Subscribe in your calendar</a>: these deadlines
              {filtered ? ", with these filters," : ""} as an iCalendar feed. Copy the link into your calendar
              app to keep it up to date.
            </p>
            <p>
              <a href={changesFeedHref(query)} type="application/atom+xml">
                Follow published changes (Atom feed)
              </a>
              {query.company.length || query.category.length || query.state.length
                ? " for the same companies, sectors and states."
                : "."}
            </p>
          </div>
          {carried.length > 0 ? (
            <p className="meta">
              Also filtered by {carried.map(([name, value]) => `${name} ${value}`).join(", ")}, from the
              address.
            </p>
          ) : null}

          <nav aria-label="Groups on this page">
            <ul className={styles.summary}>
              {groups.map((g) => (
                <li key={g.bucket}>
                  <a href={`#${g.bucket}`}>
                    {BUCKET_RULES[g.bucket].title}: {formatCount(g.total)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>

          {groups.map((g) => (
            <GroupSection key={g.bucket} group={g} filtered={filtered} reviewer={reviewer} />
          ))}
        </div>
      </div>
    </>
  );
}
