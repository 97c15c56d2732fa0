import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getDb } from "@/db";
import { sourcesNeedingReview } from "@/db/queries/source-archives";
import { SourceArchiveNote } from "@/components/sources/source-archive-note";
import { archiveDateLabel } from "@/lib/archive/source-state";
import { nounOf } from "@/lib/records";
import { reviewerOrRefusal } from "../access";
import { captureAgainAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sources to look at" };

const CAPTURE_WORDS = {
  queued: "waiting to be fetched",
  fetching: "being fetched",
  archived: "archived",
  failed: "failed",
} as const;

/**
 * The reviewers' queue of sources: links the checker found broken or changed since they were
 * archived, and sources that could not be archived, with where each is cited and a way to ask
 * for a new capture.
 */
export default async function SourcesToReviewPage({ searchParams }: PageProps<"/review/sources">) {
  const { refusal } = await reviewerOrRefusal("/review/sources", "Sources to look at");
  if (refusal) return refusal;
  const params = await searchParams;
  const requested = typeof params.requested === "string" ? params.requested : null;
  const refused = typeof params.refused === "string" ? params.refused : null;
  const list = sourcesNeedingReview(getDb());
  return (
    <>
      <h1>Sources to look at</h1>
      <p className="meta">
        <Link href="/review">Review queue</Link>
      </p>
      {requested ? (
        <p className="success" role="status">
          A new capture of source {requested} is queued; it is fetched within a minute or so.
        </p>
      ) : null}
      {refused ? (
        <p className="notice" role="alert">
          {refused}
        </p>
      ) : null}
      <p className="lede">
        The link checker fetches every published source once a day. Here are the sources whose link it found
        broken, or whose page changed since the tracker archived it, and those that could not be archived. A
        changed page may need a new capture, or a proposal to correct what cites it.
      </p>
      {list.length === 0 ? (
        <p>No source needs a look: every checked link answered as archived.</p>
      ) : (
        <ul className="source-list" aria-label="Sources to look at">
          {list.map((s) => (
            <li key={s.id} data-testid={`source-review-${s.id}`}>
              <h2>
                <a href={s.url} rel="noopener noreferrer external">
                  {s.title}
                </a>
              </h2>
              <p className="meta">
                {s.publisher} · {s.url}
              </p>
              <SourceArchiveNote state={s.state} title={s.title} />
              {s.latestCapture ? (
                <p className="meta">
                  Latest capture: {CAPTURE_WORDS[s.latestCapture.state]}
                  {s.latestCapture.fetchedAt ? <> on {archiveDateLabel(s.latestCapture.fetchedAt)}</> : null}
                  {s.latestCapture.state !== "archived" && s.latestCapture.failureReason ? (
                    <> (last attempt: {s.latestCapture.failureReason})</>
                  ) : null}
                  . <Link href={`/sources/${s.id}/archive`}>All copies</Link>
                </p>
              ) : null}
              <p>
                Cited by:{" "}
                {s.citedIn.map((c, i) => (
                  <span key={`${c.recordType}-${c.recordId}`}>
                    {i > 0 ? ", " : null}
                    {c.href ? (
                      <Link href={c.href}>
                        {nounOf(c.recordType)} {c.recordId}
                      </Link>
                    ) : (
                      <>
                        {nounOf(c.recordType)} {c.recordId}
                      </>
                    )}
                  </span>
                ))}
              </p>
              <form action={captureAgainAction}>
                <input type="hidden" name="source_id" value={s.id} />
                <button type="submit" aria-label={`Capture ${s.title} again`}>
                  Capture again
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
