import fs from "node:fs/promises";
import path from "node:path";
import { archiveSettings } from "@/archive/settings";
import { downloadName } from "@/lib/archive/serve";
import { ARCHIVED_COPY_CACHE_CONTROL } from "@/lib/cache/policy";
import { ARCHIVED_COPY_CSP } from "@/lib/security/csp";
import { captureFromParams } from "../archived-capture";

export const dynamic = "force-dynamic";

/** The WARC file of one capture, to download: what web archives and replay tools read. */
export async function GET(
  _request: Request,
  { params }: RouteContext<"/sources/[id]/archive/[capture]/warc">,
): Promise<Response> {
  const capture = captureFromParams(await params);
  const notFound = new Response("There is no archived copy at this address.", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
  if (!capture?.warcFile) return notFound;
  // warc_file is relative to the archive folder and written by the fetcher; resolved and checked
  // all the same, so no row can name a file outside it.
  const root = path.resolve(/*turbopackIgnore: true*/ archiveSettings().archiveDir);
  const file = path.resolve(root, capture.warcFile);
  if (!file.startsWith(root + path.sep)) return notFound;
  let body: Buffer;
  try {
    body = await fs.readFile(file);
  } catch {
    return notFound;
  }
  const extension = file.endsWith(".warc.gz") ? ".warc.gz" : ".warc";
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/warc",
      "Content-Disposition": `attachment; filename="${downloadName(capture.sourceId, capture.id, extension)}"`,
      "Content-Security-Policy": ARCHIVED_COPY_CSP,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": ARCHIVED_COPY_CACHE_CONTROL,
    },
  });
}
