import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { exportCommitments } from "@/db/queries/explorer";
import { commitmentListJson } from "@/lib/api/commitment-json";
import { badParameter } from "@/lib/api/responses";
import { citation, DATA_LICENCE } from "@/lib/export/csv";
import { requestOrigin } from "@/lib/api/request-origin";
import { today } from "@/lib/server/clock";
import { parseExplorerParams } from "@/lib/validation/explorer-params";

export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/cors";

/** Every commitment in the explorer's view as one JSON document, with its citation. */
export function GET(request: NextRequest): Response {
  const params = new URLSearchParams(request.nextUrl.searchParams);
  params.delete("page");
  params.delete("per_page");
  const parsed = parseExplorerParams(params);
  if (!parsed.success) return badParameter(parsed.error);
  const asOf = today();
  const { total, items } = exportCommitments(getDb(), parsed.data, asOf);
  const viewUrl = new URL(
    `/commitments${params.size ? `?${params}` : ""}`,
    requestOrigin(request),
  ).toString();
  const body = {
    citation: citation({ title: "Commitments", url: viewUrl, retrievedOn: asOf }),
    licence: DATA_LICENCE,
    view: viewUrl,
    retrieved_on: asOf,
    total,
    data: Array.from(items, commitmentListJson),
  };
  return new Response(JSON.stringify(body), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="commitments-${asOf}.json"`,
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": "no-store",
    },
  });
}
