import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { exportCommitments } from "@/db/queries/explorer";
import { COMMITMENT_CSV_COLUMNS } from "@/lib/api/commitment-export";
import { badParameter } from "@/lib/api/responses";
import { citation, csvResponse, toCsv } from "@/lib/export/csv";
import { requestOrigin } from "@/lib/api/request-origin";
import { today } from "@/lib/server/clock";
import { parseExplorerParams } from "@/lib/validation/explorer-params";

export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/cors";

/** Every commitment in the explorer's view (all pages), with a citation line first. */
export function GET(request: NextRequest): Response {
  const params = new URLSearchParams(request.nextUrl.searchParams);
  // The page's own pagination means nothing for an export of the whole view.
  params.delete("page");
  params.delete("per_page");
  const parsed = parseExplorerParams(params);
  if (!parsed.success) return badParameter(parsed.error);
  const asOf = today();
  const { items } = exportCommitments(getDb(), parsed.data, asOf);
  const viewUrl = new URL(
    `/commitments${params.size ? `?${params}` : ""}`,
    requestOrigin(request),
  ).toString();
  const body = toCsv(items, COMMITMENT_CSV_COLUMNS, [
    citation({ title: "Commitments", url: viewUrl, retrievedOn: asOf }),
  ]);
  return csvResponse(body, `commitments-${asOf}.csv`);
}
