import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { eq } from "drizzle-orm";
import { Link } from "@/components/ui/link";
import { getDb } from "@/db";
import { capturesOf } from "@/db/queries/source-archives";
import { sources } from "@/db/schema";
import { archiveDateLabel, archivedCopyPath, shortHash } from "@/lib/archive/source-state";
import { RecordIdSchema } from "@/lib/validation/api-params";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Archived copies of a source" };

const STATE_WORDS = {
  queued: "waiting to be fetched",
  fetching: "being fetched",
  failed: "not archived",
} as const;

/** Every capture of one source, newest first: the copies, and the attempts that failed. */
export default async function SourceArchivePage({ params }: PageProps<"/sources/[id]/archive">) {
  const id = RecordIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const db = getDb();
  const source = db.select().from(sources).where(eq(sources.id, id.data)).get();
  if (!source) notFound();
  const captures = capturesOf(db, source.id);
  return (
    <article>
      <h1>Archived copies: {source.title}</h1>
      <p>
        <a href={source.url} rel="noopener noreferrer external">
          {source.url}
        </a>{" "}
        ({source.publisher})
      </p>
      {captures.length === 0 ? (
        <p>Not archived yet.</p>
      ) : (
        <ol reversed>
          {captures.map((c) => (
            <li key={c.id}>
              {c.state === "archived" && c.sha256 && c.fetchedAt ? (
                <Link href={archivedCopyPath(source.id, c.id)}>
                  Archived on {archiveDateLabel(c.fetchedAt)}, SHA-256 {shortHash(c.sha256)}
                </Link>
              ) : (
                <>
                  Capture {c.id}:{" "}
                  {c.state === "queued" && c.failureReason
                    ? "will be tried again"
                    : STATE_WORDS[c.state as keyof typeof STATE_WORDS]}
                  {c.failureReason ? <> (last attempt: {c.failureReason})</> : null}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
