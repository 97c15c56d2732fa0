import { formatIndiaDate, indiaDate } from "@/lib/domain/dates";
import type { CheckOutcomeKind, FetchFailureCodeName } from "./kinds";
import type { SourceArchiveView } from "@/lib/views/source-archive";

// How a source's captures and link checks read on a page: pure, so every rule has its test.

/** The first 12 hex digits of a SHA-256: enough to tell copies apart at a glance. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

export function archivedCopyPath(sourceId: number, captureId: number): string {
  return `/sources/${sourceId}/archive/${captureId}`;
}

/** The stored response itself, served sandboxed; the viewer page frames it. */
export function archivedContentPath(sourceId: number, captureId: number): string {
  return `/sources/${sourceId}/archive/${captureId}/content`;
}

export function warcDownloadPath(sourceId: number, captureId: number): string {
  return `/sources/${sourceId}/archive/${captureId}/warc`;
}

type CheckInput =
  | { ok: true; status: number; sha256: string; textSha256: string | null }
  | { ok: false; code: FetchFailureCodeName; status?: number };

/** What a check is compared with: the latest archived copy's hashes. */
export type ArchivedHashes = { sha256: string; textSha256: string | null };

const sameHex = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * What one check found: unreachable when the fetch failed or answered an error status; changed
 * when the page reads differently from the latest archived copy; ok otherwise (also when there
 * is no archived copy to compare with). "Reads differently" is decided by the hashes of the
 * visible text when both sides have one, and by the body's bytes when either does not (a copy
 * archived before text hashes were kept, a PDF, a page without text) (docs/decisions/0032).
 * The same bytes are always the same page.
 */
export function checkOutcomeKind(check: CheckInput, archived: ArchivedHashes | null): CheckOutcomeKind {
  if (!check.ok || check.status >= 400) return "unreachable";
  if (archived === null || sameHex(check.sha256, archived.sha256)) return "ok";
  if (check.textSha256 !== null && archived.textSha256 !== null)
    return sameHex(check.textSha256, archived.textSha256) ? "ok" : "changed";
  return "changed";
}

export type SourceArchiveFacts = {
  sourceId: number;
  archived: { id: number; fetchedAt: string; sha256: string } | null;
  latestCapture: { id: number; state: string; failureReason: string | null } | null;
  latestCheck: { outcome: CheckOutcomeKind; comparedCaptureId: number | null; reason: string | null } | null;
  /** The first unreachable check after the last reachable one. */
  unreachableSince: string | null;
  /** The first changed check after the last ok one. */
  changedSince: string | null;
};

export function sourceArchiveView(f: SourceArchiveFacts): SourceArchiveView {
  const archived = f.archived
    ? {
        captureId: f.archived.id,
        fetchedAt: f.archived.fetchedAt,
        sha256: f.archived.sha256,
        viewPath: archivedCopyPath(f.sourceId, f.archived.id),
        warcPath: warcDownloadPath(f.sourceId, f.archived.id),
      }
    : null;
  // A failure matters to a reader only while there is no copy at all; a later capture that
  // failed leaves the earlier copy standing.
  const notArchivedReason =
    !archived && f.latestCapture && f.latestCapture.state !== "archived"
      ? f.latestCapture.failureReason
      : null;
  let link: SourceArchiveView["link"] = null;
  const check = f.latestCheck;
  if (check?.outcome === "unreachable" && f.unreachableSince) {
    link = { state: "broken", since: f.unreachableSince, reason: check.reason };
  } else if (
    check?.outcome === "changed" &&
    f.changedSince &&
    archived &&
    // A check that compared with an older copy says nothing about the copy now shown.
    check.comparedCaptureId === archived.captureId
  ) {
    link = { state: "changed", since: f.changedSince };
  }
  return { sourceId: f.sourceId, archived, notArchivedReason, link };
}

/** The India date of an instant, as pages print it: "29 May 2023". */
export function archiveDateLabel(instant: string): string {
  const ms = Date.parse(instant);
  return Number.isNaN(ms) ? "—" : formatIndiaDate(indiaDate(new Date(ms)));
}
