import type { NextRequest } from "next/server";
import { readArchivedResponse } from "@/archive/read-archive";
import { archiveSettings } from "@/archive/settings";
import { servedAs, downloadName } from "@/lib/archive/serve";
import { ARCHIVED_COPY_CACHE_CONTROL } from "@/lib/cache/policy";
import { ARCHIVED_COPY_CSP } from "@/lib/security/csp";
import { captureFromParams } from "../archived-capture";

export const dynamic = "force-dynamic";

const NOT_FOUND = () =>
  new Response("There is no archived copy at this address.", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" },
  });

/**
 * The stored response of one capture, as it was fetched, sandboxed (lib/archive/serve.ts):
 * the viewer page frames it. `?as=text` shows an HTML page's source.
 */
export async function GET(
  request: NextRequest,
  { params }: RouteContext<"/sources/[id]/archive/[capture]/content">,
): Promise<Response> {
  const capture = captureFromParams(await params);
  if (!capture?.warcFile) return NOT_FOUND();
  let stored;
  try {
    stored = await readArchivedResponse(archiveSettings().archiveDir, capture.warcFile);
  } catch (error) {
    console.error(
      JSON.stringify({
        level: "error",
        message: "archived copy unreadable",
        capture: capture.id,
        error: String(error),
      }),
    );
    return NOT_FOUND();
  }
  const as = servedAs(stored.contentType, { asText: request.nextUrl.searchParams.get("as") === "text" });
  return new Response(new Uint8Array(stored.body), {
    headers: {
      "Content-Type": as.contentType,
      "Content-Security-Policy": ARCHIVED_COPY_CSP,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": ARCHIVED_COPY_CACHE_CONTROL,
      "Referrer-Policy": "no-referrer",
      "Cross-Origin-Resource-Policy": "same-origin",
      "Content-Disposition":
        as.disposition === "attachment"
          ? `attachment; filename="${downloadName(capture.sourceId, capture.id, ".bin")}"`
          : "inline",
    },
  });
}
