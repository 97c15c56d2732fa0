import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { listCommitments } from "@/db/queries/commitments";
import { commitmentJson } from "@/lib/api/commitment-json";
import { badParameter, jsonOk } from "@/lib/api/responses";
import { today } from "@/lib/server/clock";
import { firstParamError, PaginationParamsSchema, searchParamsObject } from "@/lib/validation/api-params";

export const dynamic = "force-dynamic";

export function GET(request: NextRequest): Response {
  const parsed = PaginationParamsSchema.safeParse(searchParamsObject(request.nextUrl.searchParams));
  if (!parsed.success) return badParameter(firstParamError(parsed.error));
  const { page, per_page } = parsed.data;

  const result = listCommitments(getDb(), { page, perPage: per_page, today: today() });
  const link = (p: number) => `/api/v1/commitments?page=${p}&per_page=${per_page}`;
  return jsonOk({
    data: result.items.map(commitmentJson),
    pagination: { page, per_page, total: result.total, total_pages: result.totalPages },
    links: {
      self: link(page),
      next: page < result.totalPages ? link(page + 1) : null,
      prev: page > 1 ? link(Math.min(page - 1, result.totalPages)) : null,
    },
  });
}
