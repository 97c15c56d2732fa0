import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { listCompanies } from "@/db/queries/companies";
import { companyJson, pageLinks, paginationJson } from "@/lib/api/directory-json";
import { badParameter, jsonOk } from "@/lib/api/responses";
import { firstParamError, searchParamsObject } from "@/lib/validation/api-params";
import { CompaniesParamsSchema } from "@/lib/validation/directory-params";

export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/cors";

export function GET(request: NextRequest): Response {
  const parsed = CompaniesParamsSchema.safeParse(searchParamsObject(request.nextUrl.searchParams));
  if (!parsed.success) return badParameter(firstParamError(parsed.error));
  const { q, page, per_page } = parsed.data;

  const result = listCompanies(getDb(), { q }, { page, perPage: per_page });
  return jsonOk({
    data: result.items.map(companyJson),
    pagination: paginationJson(result),
    links: pageLinks("/api/v1/companies", { q }, result),
  });
}
