import type { Metadata } from "next";
import { headers } from "next/headers";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { getDb } from "@/db";
import { recordWatchVisit } from "@/db/mutations/watches";
import type { ChangeRow } from "@/db/queries/changes";
import { watchingOverview, type WatchingItem } from "@/db/queries/watches";
import { formatTimestamp } from "@/components/review/labels";
import { When } from "@/components/ui/when";
import { WatchForm } from "@/components/watch/watch-form";
import type { NewSince } from "@/lib/domain/watching";
import { requestFailed } from "@/lib/server/failed-requests";
import { isPrefetch } from "@/lib/server/prefetch";
import { currentUser } from "@/auth/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Watching" };

function sinceWords(since: NewSince): string {
  return since.basis === "visit"
    ? `since your last visit (${formatTimestamp(since.at)})`
    : `since you began watching (${formatTimestamp(since.at)})`;
}

function Change({ c, fresh }: { c: ChangeRow; fresh: boolean }) {
  return (
    <li className={fresh ? "watch-change watch-change-new" : "watch-change"}>
      {fresh ? <strong className="badge watch-new">New</strong> : null}{" "}
      <Link href={c.path}>{c.recordTitle}</Link>: {c.summary}. <When iso={c.changedAt} />
      {c.actorName ? <>, approved by {c.actorName}</> : null}
    </li>
  );
}

function WatchedItem({ item }: { item: WatchingItem }) {
  const headingId = `watched-${item.target.kind}-${item.target.id}`;
  const kind =
    item.target.kind === "company" ? "Company" : `Commitment of ${item.companyName ?? "a company"}`;
  const count = item.fresh.length;
  return (
    <li className="panel watch-item">
      <article aria-labelledby={headingId}>
        <h2 id={headingId}>
          <Link href={item.path}>{item.title}</Link>
        </h2>
        <p className="meta">
          {kind} · {count === 0 ? "nothing new" : `${count}${item.moreFresh ? "+" : ""} new`}{" "}
          {sinceWords(item.since)}
        </p>
        {count > 0 ? (
          <ol aria-label={`New changes to ${item.title}, newest first`} className="watch-changes">
            {item.fresh.map((c) => (
              <Change key={c.revisionId} c={c} fresh />
            ))}
          </ol>
        ) : null}
        {item.moreFresh ? (
          <p>
            There are older new changes than these: <Link href={item.path}>its page</Link> has them all.
          </p>
        ) : null}
        {item.earlier.length > 0 ? (
          <details>
            <summary>
              Earlier changes ({item.earlier.length}
              {item.moreEarlier ? "+" : ""})
            </summary>
            <ol aria-label={`Earlier changes to ${item.title}, newest first`} className="watch-changes">
              {item.earlier.map((c) => (
                <Change key={c.revisionId} c={c} fresh={false} />
              ))}
            </ol>
            {item.moreEarlier ? (
              <p>
                <Link href={item.path}>Its page</Link> has the whole history.
              </p>
            ) : null}
          </details>
        ) : null}
        <WatchForm target={item.target} name={item.title} watching back="watching" />
      </article>
    </li>
  );
}

/** Only where TRACKER_ENABLE_TEST_ROUTES=1: fails after the lists were read, as a broken render would. */
function FailForTest(): never {
  throw new Error("Deliberate failure of /account/watching for the end-to-end test");
}

export default async function WatchingPage({ searchParams }: PageProps<"/account/watching">) {
  const user = await currentUser();
  if (!user) redirect("/sign-in?next=/account/watching");
  const failForTest =
    process.env.TRACKER_ENABLE_TEST_ROUTES === "1" && (await searchParams).fail === "render";
  const requestHeaders = await headers();
  const overview = watchingOverview(getDb(), user.id);

  // The visit is recorded once the response is finished, so a prefetch (nobody is looking yet)
  // never counts, and neither does a render that failed (instrumentation.ts notes those by
  // request id before this runs): what was new stays new until the page has been shown. The
  // marker is the newest revision when the lists were read, not the time now.
  if (!isPrefetch(requestHeaders)) {
    const requestId = requestHeaders.get("x-request-id");
    const { readThrough } = overview;
    const userId = user.id;
    after(() => {
      if (requestId !== null && requestFailed(requestId)) return;
      recordWatchVisit(getDb(), { userId, throughRevisionId: readThrough });
    });
  }

  const anyNew = overview.items.some((i) => i.fresh.length > 0);
  return (
    <>
      <h1>Watching</h1>
      {overview.items.length === 0 ? (
        <>
          <p>You are not watching anything yet.</p>
          <p>
            To watch a company or a commitment, open its page (from <Link href="/companies">Companies</Link>{" "}
            or <Link href="/commitments">Commitments</Link>) and press “Watch” under its name. This page then
            lists what is published about it, and marks what is new since your last visit. Watching a company
            covers its commitments and their progress, its facilities and its partnerships.
          </p>
        </>
      ) : (
        <>
          <p>
            Published changes to what you watch, newest first.{" "}
            {overview.lastVisit
              ? `Changes since your last visit here (${formatTimestamp(overview.lastVisit.visitedAt)}) are marked new.`
              : "Changes since you began watching are marked new."}{" "}
            {anyNew ? null : "Nothing new has been published since."}
          </p>
          <ul className="watch-list" aria-label="What you watch">
            {overview.items.map((item) => (
              <WatchedItem key={item.watchId} item={item} />
            ))}
          </ul>
        </>
      )}
      {failForTest ? <FailForTest /> : null}
    </>
  );
}
