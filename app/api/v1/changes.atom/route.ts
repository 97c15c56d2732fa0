import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { latestChangeAt, recentChanges } from "@/db/queries/changes";
import { badParameter } from "@/lib/api/responses";
import { ATOM_CONTENT_TYPE, changesFeed, TAG_DATE } from "@/lib/feeds/atom";
import { explorerSearchParams } from "@/lib/validation/explorer-params";
import { parseChangesParams } from "@/lib/validation/changes-params";
import { requestOrigin } from "@/lib/api/request-origin";

export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/cors";

/**
 * The newest published changes as an Atom feed, optionally narrowed by company, category or
 * state (see db/queries/changes.ts for which records each covers).
 */
export function GET(request: NextRequest): Response {
  const parsed = parseChangesParams(request.nextUrl.searchParams);
  if (!parsed.success) return badParameter(parsed.error);
  const filter = parsed.data;

  const db = getDb();
  const origin = requestOrigin(request);
  const host = new URL(origin).hostname;
  // The canonical form, so that ?state=in-up and ?state=IN-UP are one feed with one id.
  const canonical = explorerSearchParams(filter).toString();
  const query = canonical ? `?${canonical}` : "";
  const described = [
    filter.company.length ? `company ${filter.company.join(" or ")}` : null,
    filter.category.length ? `category ${filter.category.join(" or ")}` : null,
    filter.state.length ? `state ${filter.state.join(" or ")}` : null,
  ].filter((x) => x !== null);

  const changed = latestChangeAt(db);
  const body = changesFeed({
    title: "Make in India localisation tracker: changes",
    subtitle: described.length
      ? `Published changes concerning ${described.join(", ")}, newest first.`
      : "Every published change, newest first.",
    feedUrl: new URL(`/api/v1/changes.atom${query}`, origin).toString(),
    siteUrl: new URL("/", origin).toString(),
    id: `tag:${host},${TAG_DATE}:changes${query}`,
    updated: changed ? new Date(changed) : new Date(),
    entries: recentChanges(db, filter).map((c) => ({
      revisionId: c.revisionId,
      recordType: c.recordType,
      recordTitle: c.recordTitle,
      recordUrl: new URL(c.path, origin).toString(),
      summary: c.summary,
      changedAt: c.changedAt,
      approvedBy: c.actorName,
    })),
  });
  return new Response(body, {
    headers: {
      "Content-Type": ATOM_CONTENT_TYPE,
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": "public, max-age=0, must-revalidate",
    },
  });
}
