import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { companyIdForSlug, exportFacilities } from "@/db/queries/facilities";
import { directoryCsv, FACILITY_CSV_COLUMNS } from "@/lib/api/directory-json";
import { badParameter } from "@/lib/api/responses";
import { csvResponse } from "@/lib/export/csv";
import { today } from "@/lib/server/clock";
import { firstParamError, searchParamsObject } from "@/lib/validation/api-params";
import { FacilitiesCsvParamsSchema } from "@/lib/validation/directory-params";

export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/cors";

/** Every facility matching the same filters as /api/v1/facilities, unpaginated. */
export function GET(request: NextRequest): Response {
  const parsed = FacilitiesCsvParamsSchema.safeParse(searchParamsObject(request.nextUrl.searchParams));
  if (!parsed.success) return badParameter(firstParamError(parsed.error));
  const { state, company, stage } = parsed.data;

  const db = getDb();
  const companyId = company === undefined ? undefined : companyIdForSlug(db, company);
  if (companyId === null)
    return badParameter({ parameter: "company", message: `No company has the slug "${company}"` });

  const date = today();
  const body = directoryCsv(exportFacilities(db, { state, companyId, stage }), FACILITY_CSV_COLUMNS, {
    title: "Facilities",
    url: request.nextUrl.href,
    retrievedOn: date,
  });
  return csvResponse(body, `facilities-${date}.csv`);
}
