import { sha256Hex } from "./archive-url";
import type { CheckOutcome } from "@/lib/archive/kinds";
import { pageTextSha256 } from "@/lib/archive/page-text";
import type { FetchPolicy } from "./fetch-policy";
import { safeGet } from "./safe-get";

// The link checker's fetch: the same safety and politeness as archiving, the body and its visible
// text hashed to compare with the archived copy, nothing written (docs/decisions/0028, 0032).

export type { CheckOutcome } from "@/lib/archive/kinds";

export async function checkUrl(
  url: string,
  options: FetchPolicy & { now?: () => Date },
): Promise<CheckOutcome> {
  const fetched = await safeGet(url, options);
  if (!fetched.ok) {
    const { at, ok, ...failure } = fetched;
    return { ok, checkedAt: at.toISOString(), ...failure };
  }
  return {
    ok: true,
    checkedAt: fetched.at.toISOString(),
    status: fetched.status,
    finalUrl: fetched.finalUrl,
    sha256: sha256Hex(fetched.body),
    textSha256: pageTextSha256(fetched.body, fetched.contentType),
  };
}
