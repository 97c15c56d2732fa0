import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Link } from "@/components/ui/link";
import { archiveDateLabel } from "@/lib/archive/source-state";
import { archivedContentPath, warcDownloadPath } from "@/lib/archive/source-state";
import { captureFromParams } from "./archived-capture";

export const dynamic = "force-dynamic";

export async function generateMetadata({
  params,
}: PageProps<"/sources/[id]/archive/[capture]">): Promise<Metadata> {
  const capture = captureFromParams(await params);
  return { title: capture ? `Archived copy: ${capture.title}` : "Archived copy" };
}

/**
 * One archived copy of a source: what it is, said outside the copy, and the copy itself in a
 * sandboxed frame whose address serves it under a policy that runs no script and loads nothing
 * from elsewhere.
 */
export default async function ArchivedCopyPage({ params }: PageProps<"/sources/[id]/archive/[capture]">) {
  const capture = captureFromParams(await params);
  if (!capture?.sha256 || !capture.fetchedAt) notFound();
  const content = archivedContentPath(capture.sourceId, capture.id);
  return (
    <article className="archived-copy">
      <p className="meta">
        <Link href={`/sources/${capture.sourceId}/archive`}>All copies of this source</Link>
      </p>
      <h1>Archived copy: {capture.title}</h1>
      <section className="notice" aria-labelledby="archived-copy-about">
        <h2 id="archived-copy-about">What this is</h2>
        <p>
          A copy of{" "}
          <a href={capture.url} rel="noopener noreferrer external">
            {capture.url}
          </a>{" "}
          ({capture.publisher}) as the tracker fetched it on{" "}
          <time dateTime={capture.fetchedAt}>{archiveDateLabel(capture.fetchedAt)}</time>
          {capture.finalUrl && capture.finalUrl !== capture.url ? (
            <> (from {capture.finalUrl}, after redirects)</>
          ) : null}
          , with status {capture.status}. It is shown without its scripts and without anything it would load
          from elsewhere, so it may look unlike the live page.
        </p>
        <p>
          SHA-256 of the response body: <code data-testid="archived-sha256">{capture.sha256}</code>
        </p>
        <p>
          <a href={`${content}?as=text`}>View as text</a> ·{" "}
          <a href={warcDownloadPath(capture.sourceId, capture.id)} download>
            Download the WARC file
          </a>
        </p>
      </section>
      <iframe
        className="archived-copy-frame"
        src={content}
        sandbox=""
        referrerPolicy="no-referrer"
        title={`Archived copy of ${capture.title}`}
        width="100%"
        height="800"
      />
    </article>
  );
}
