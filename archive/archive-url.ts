import { createHash } from "node:crypto";
import type { ArchiveOutcome } from "@/lib/archive/kinds";
import { pageTextSha256 } from "@/lib/archive/page-text";
import type { FetchPolicy } from "./fetch-policy";
import { safeGet } from "./safe-get";
import { writeCapture } from "./warc-file";

// Archives a source: fetches it safely and keeps the response in a WARC file with the SHA-256 of
// its body (docs/decisions/0028), and of its visible text, which the link checker compares (0032). Nothing here touches the database; the caller records the outcome.

export type { FetchFailureCode, FetchPolicy, Resolver } from "./fetch-policy";
export type { ArchiveOutcome } from "@/lib/archive/kinds";
export { DEFAULT_HOST_GAP_MS } from "./fetch-policy";
export { HostSpacing } from "./host-spacing";
export { RobotsCache } from "./robots-cache";

export function sha256Hex(body: Buffer): string {
  return createHash("sha256").update(body).digest("hex");
}

/**
 * Fetches `url` under the policy and writes the capture to a new file under `archiveDir`. A
 * failure to fetch is an outcome (nothing is written); a failure to write the file (disk full,
 * permissions) is the server's problem, not the source's, and rejects.
 */
export async function archiveUrl(
  url: string,
  options: FetchPolicy & { archiveDir: string; now?: () => Date },
): Promise<ArchiveOutcome> {
  const fetched = await safeGet(url, options);
  if (!fetched.ok) {
    const { at, ok, ...failure } = fetched;
    return { ok, fetchedAt: at.toISOString(), ...failure };
  }
  const sha256 = sha256Hex(fetched.body);
  const warcFile = await writeCapture(options.archiveDir, fetched, sha256);
  return {
    ok: true,
    fetchedAt: fetched.at.toISOString(),
    status: fetched.status,
    finalUrl: fetched.finalUrl,
    contentType: fetched.contentType,
    sha256,
    textSha256: pageTextSha256(fetched.body, fetched.contentType),
    bodyBytes: fetched.body.length,
    warcFile,
  };
}
