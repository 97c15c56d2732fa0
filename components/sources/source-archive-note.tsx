import { Link } from "@/components/ui/link";
import { archiveDateLabel, shortHash } from "@/lib/archive/source-state";
import type { SourceArchiveView } from "@/lib/views/source-archive";

/**
 * What the tracker kept of a source, under its link: the archived copy with its date and hash,
 * or why there is none; and, when the latest check found the live link broken or changed, a
 * warning that points to the copy.
 */
export function SourceArchiveNote({ state, title }: { state: SourceArchiveView | undefined; title: string }) {
  if (!state) return null;
  const a = state.archived;
  return (
    <div className="source-archive meta" data-testid="source-archive">
      {a ? (
        <>
          Archived on {archiveDateLabel(a.fetchedAt)}, SHA-256{" "}
          <code title={a.sha256}>{shortHash(a.sha256)}</code> ·{" "}
          <Link href={a.viewPath} aria-label={`View the archived copy of ${title}`}>
            view archived copy
          </Link>{" "}
          ·{" "}
          <a href={a.warcPath} download aria-label={`Download the WARC file of ${title}`}>
            download WARC
          </a>
        </>
      ) : state.notArchivedReason ? (
        <>Not archived: {state.notArchivedReason}</>
      ) : (
        <>Not archived yet</>
      )}
      {state.link?.state === "broken" ? (
        <p className="source-link-warning" role="note">
          Link broken since {archiveDateLabel(state.link.since)}
          {a ? (
            <>
              ; <Link href={a.viewPath}>read the archived copy</Link>
            </>
          ) : null}
          .
        </p>
      ) : state.link?.state === "changed" && a ? (
        <p className="source-link-warning" role="note">
          The page has changed since it was archived (noticed {archiveDateLabel(state.link.since)});{" "}
          <Link href={a.viewPath}>read the copy as cited</Link>.
        </p>
      ) : null}
    </div>
  );
}
