// The archive's vocabularies (issue 15). The CHECK constraints on source_captures and
// source_checks are built from these lists, as for every other vocabulary (db/schema.ts).

/** queued → fetching (under a lease) → archived, or back to queued after a failure, or failed for good. */
export const CAPTURE_STATES = ["queued", "fetching", "archived", "failed"] as const;
export type CaptureState = (typeof CAPTURE_STATES)[number];

/** Why a capture was asked for: a source's first publication, or a reviewer. */
export const CAPTURE_CAUSES = ["published", "requested"] as const;
export type CaptureCause = (typeof CAPTURE_CAUSES)[number];

/**
 * ok: reachable, and the page reads as archived (its visible text hashes the same, or its body
 * does when either has no text hash), or nothing is archived to compare with.
 */
export const CHECK_OUTCOMES = ["ok", "changed", "unreachable"] as const;
export type CheckOutcomeKind = (typeof CHECK_OUTCOMES)[number];

/** The fetcher's failure codes (archive/fetch-policy.ts). */
export const FETCH_FAILURE_CODES = [
  "refused",
  "dns",
  "network",
  "timeout",
  "too_large",
  "too_many_redirects",
  "robots",
  "http_status",
  "bad_url",
] as const;
export type FetchFailureCodeName = (typeof FETCH_FAILURE_CODES)[number];

/** What fetching and archiving one address gave (the fetcher's ArchiveOutcome, archive/archive-url.ts). */
export type ArchiveOutcome =
  | {
      ok: true;
      fetchedAt: string;
      status: number;
      finalUrl: string;
      contentType: string | null;
      /** Hex SHA-256 of the response body, after any content coding was undone. */
      sha256: string;
      /** Hex SHA-256 of the words a reader sees (lib/archive/page-text.ts); null for a body without text, such as a PDF. */
      textSha256: string | null;
      bodyBytes: number;
      /** Relative to the archive folder. */
      warcFile: string;
    }
  | {
      ok: false;
      fetchedAt: string;
      code: FetchFailureCodeName;
      reason: string;
      status?: number;
      finalUrl?: string;
    };

/** What fetching one address again, keeping nothing, gave (the fetcher's CheckOutcome). */
export type CheckOutcome =
  | {
      ok: true;
      checkedAt: string;
      status: number;
      finalUrl: string;
      sha256: string;
      /** As ArchiveOutcome's: what "changed" is decided by when the archived copy has one too. */
      textSha256: string | null;
    }
  | {
      ok: false;
      checkedAt: string;
      code: FetchFailureCodeName;
      reason: string;
      status?: number;
      finalUrl?: string;
    };

/** What the capture worker calls: fetch one address and keep its response (archive/archive-url.ts). */
export type ArchiveFn = (url: string) => Promise<ArchiveOutcome>;
/** What the link checker calls: fetch one address and hash its body, keeping nothing (archive/check-url.ts). */
export type CheckFn = (url: string) => Promise<CheckOutcome>;
