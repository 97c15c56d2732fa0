import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { searchCommitments } from "@/db/queries/explorer";
import { commitmentListJson } from "@/lib/api/commitment-json";
import { badParameter, jsonOk } from "@/lib/api/responses";
import { today } from "@/lib/server/clock";
import { explorerSearchParams, parseExplorerParams } from "@/lib/validation/explorer-params";

export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/cors";

/** The explorer's view as JSON: the same parameters as /commitments, a page at a time. */
export function GET(request: NextRequest): Response {
  const parsed = parseExplorerParams(request.nextUrl.searchParams);
  if (!parsed.success) return badParameter(parsed.error);
  const query = parsed.data;

  const result = searchCommitments(getDb(), query, today());
  const link = (page: number) => {
    const params = explorerSearchParams({ ...query, page }).toString();
    return `/api/v1/commitments${params ? `?${params}` : ""}`;
  };
  return jsonOk({
    data: result.items.map(commitmentListJson),
    pagination: {
      page: result.page,
      per_page: result.perPage,
      total: result.total,
      total_pages: result.totalPages,
    },
    links: {
      self: link(result.page),
      next: result.page < result.totalPages ? link(result.page + 1) : null,
      prev: result.page > 1 ? link(Math.min(result.page - 1, result.totalPages)) : null,
    },
  });
}
