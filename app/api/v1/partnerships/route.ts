import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { companyIdForSlug } from "@/db/queries/facilities";
import { listPartnerships } from "@/db/queries/partnerships";
import { pageLinks, paginationJson, partnershipJson } from "@/lib/api/directory-json";
import { badParameter, jsonOk } from "@/lib/api/responses";
import { firstParamError, searchParamsObject } from "@/lib/validation/api-params";
import { PartnershipsParamsSchema } from "@/lib/validation/directory-params";

export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/cors";

export function GET(request: NextRequest): Response {
  const parsed = PartnershipsParamsSchema.safeParse(searchParamsObject(request.nextUrl.searchParams));
  if (!parsed.success) return badParameter(firstParamError(parsed.error));
  const { company, page, per_page } = parsed.data;

  const db = getDb();
  const companyId = company === undefined ? undefined : companyIdForSlug(db, company);
  if (companyId === null)
    return badParameter({ parameter: "company", message: `No company has the slug "${company}"` });

  const result = listPartnerships(db, { companyId }, { page, perPage: per_page });
  return jsonOk({
    data: result.items.map(partnershipJson),
    pagination: paginationJson(result),
    links: pageLinks("/api/v1/partnerships", { company }, result),
  });
}
