import type { Db } from "@/db/connection";
import { claimDueCaptures } from "@/db/mutations/capture-claim";
import { recordCaptureOutcome } from "@/db/mutations/capture-record-outcome";
import { setCaptureTextHash } from "@/db/mutations/capture-set-text-hash";
import { capturesWithoutTextHash } from "@/db/queries/source-archives";
import { mediaKind, pageTextSha256 } from "@/lib/archive/page-text";
import { CAPTURE_RETRY_POLICY, type RetryPolicy } from "@/lib/archive/retry";
import { leaseOwner, runPeriodically, type Periodic } from "@/lib/server/periodic";
import type { ArchiveFn } from "@/lib/archive/kinds";
import { readArchivedResponse } from "./read-archive";

// Fetches the captures that publication and reviewers queued (docs/decisions/0029), as
// mail/worker.ts sends the outbox: claim what is due under a lease, fetch, record. The fetch
// function is passed in (archive/archive-url.ts in the server and the script), so the queue's
// states are tested against a real database without the network.

export type CaptureWorkerOptions = {
  db: Db;
  archive: ArchiveFn;
  /** Unique per worker; two processes on one database must not share it. */
  owner?: string;
  /** The clock, injected so tests can step past a backoff. */
  now?: () => Date;
  /** Longer than any one fetch takes (the fetcher's own time limit is well under it). */
  leaseMs?: number;
  batch?: number;
  policy?: RetryPolicy;
  log?: (entry: Record<string, unknown>) => void;
};

const defaultLog = (entry: Record<string, unknown>) => console.log(JSON.stringify(entry));

/**
 * Fetches every due capture, a batch at a time, until none is due. A failure (or a fetcher that
 * throws) is recorded on the capture and never thrown, so one bad address does not hold up the
 * rest. Resolves to the number archived.
 */
export async function drainCaptures(options: CaptureWorkerOptions): Promise<number> {
  const { db, archive, policy = CAPTURE_RETRY_POLICY, log = defaultLog } = options;
  const owner = options.owner ?? leaseOwner();
  const now = options.now ?? (() => new Date());
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  let archived = 0;
  for (;;) {
    const due = claimDueCaptures(db, { owner, now: now(), leaseMs, limit: options.batch ?? 10 });
    if (due.length === 0) return archived;
    for (const capture of due) {
      const outcome = await archive(capture.url).catch((error: unknown) => ({
        ok: false as const,
        fetchedAt: now().toISOString(),
        code: "network" as const,
        reason: error instanceof Error ? error.message : String(error),
      }));
      const state = recordCaptureOutcome(db, capture.id, owner, now(), outcome, policy);
      if (state === "archived") archived += 1;
      log({
        level: state === "archived" ? "info" : state === "failed" ? "error" : "warn",
        message:
          state === "archived"
            ? "source archived"
            : state === "failed"
              ? "source not archived; giving up"
              : state === "queued"
                ? "source not archived; will retry"
                : "capture lease lost",
        capture: capture.id,
        source: capture.sourceId,
        attempt: capture.attempts,
        ...(outcome.ok ? { sha256: outcome.sha256 } : { code: outcome.code, reason: outcome.reason }),
      });
    }
  }
}

/** Drains the capture queue every `intervalMs` (30 s unless given); `stop` waits for a fetch in progress. */
export function startCaptureWorker(
  options: CaptureWorkerOptions & { intervalMs?: number },
): Periodic<number> {
  const owner = options.owner ?? leaseOwner();
  const log = options.log ?? defaultLog;
  return runPeriodically(
    () => drainCaptures({ ...options, owner }),
    options.intervalMs ?? 30_000,
    (error) => log({ level: "error", message: "capture drain failed", error: String(error) }),
  );
}

export type TextHashFill = { filled: number; withoutText: number; unreadable: number };

/**
 * Gives the copies archived before text hashes were kept (docs/decisions/0032) their text hash,
 * read from their WARC files, so the link checker compares their words rather than their bytes
 * (which on a news page differ at every load). Copies of files without text (PDFs, images) keep
 * none; a file that cannot be read is logged and skipped, and the copy is compared by its bytes
 * as before. Nothing is fetched. Safe to run again, and beside a running server.
 */
export async function fillTextHashes(options: {
  db: Db;
  archiveDir: string;
  log?: (entry: Record<string, unknown>) => void;
}): Promise<TextHashFill> {
  const { db, archiveDir, log = defaultLog } = options;
  const summary: TextHashFill = { filled: 0, withoutText: 0, unreadable: 0 };
  let afterId = 0;
  for (;;) {
    const batch = capturesWithoutTextHash(db, afterId, 100);
    if (batch.length === 0) return summary;
    for (const capture of batch) {
      afterId = capture.id;
      if (mediaKind(capture.contentType) === null) {
        summary.withoutText += 1;
        continue;
      }
      let textSha256: string | null;
      try {
        const stored = await readArchivedResponse(archiveDir, capture.warcFile);
        textSha256 = pageTextSha256(stored.body, capture.contentType);
      } catch (error) {
        summary.unreadable += 1;
        log({
          level: "warn",
          message: "archived copy unreadable",
          capture: capture.id,
          error: String(error),
        });
        continue;
      }
      if (textSha256 === null) summary.withoutText += 1;
      else if (setCaptureTextHash(db, capture.id, textSha256)) summary.filled += 1;
    }
  }
}
