import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { companyIdForSlug, listFacilities } from "@/db/queries/facilities";
import { facilityJson, pageLinks, paginationJson } from "@/lib/api/directory-json";
import { badParameter, jsonOk } from "@/lib/api/responses";
import { firstParamError, searchParamsObject } from "@/lib/validation/api-params";
import { FacilitiesParamsSchema } from "@/lib/validation/directory-params";

export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/cors";

export function GET(request: NextRequest): Response {
  const parsed = FacilitiesParamsSchema.safeParse(searchParamsObject(request.nextUrl.searchParams));
  if (!parsed.success) return badParameter(firstParamError(parsed.error));
  const { state, company, stage, page, per_page } = parsed.data;

  const db = getDb();
  const companyId = company === undefined ? undefined : companyIdForSlug(db, company);
  // A slug that names no company is almost always a typo: say so rather than answer "none".
  if (companyId === null)
    return badParameter({ parameter: "company", message: `No company has the slug "${company}"` });

  const result = listFacilities(db, { state, companyId, stage }, { page, perPage: per_page });
  return jsonOk({
    data: result.items.map(facilityJson),
    pagination: paginationJson(result),
    links: pageLinks("/api/v1/facilities", { state, company, stage }, result),
  });
}
