import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { companyIdForSlug } from "@/db/queries/facilities";
import { allPartnerships } from "@/db/queries/partnerships";
import { directoryCsv, PARTNERSHIP_CSV_COLUMNS } from "@/lib/api/directory-json";
import { badParameter } from "@/lib/api/responses";
import { csvResponse } from "@/lib/export/csv";
import { today } from "@/lib/server/clock";
import { firstParamError, searchParamsObject } from "@/lib/validation/api-params";
import { PartnershipsCsvParamsSchema } from "@/lib/validation/directory-params";

export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/cors";

/** Every partnership matching the same filter as /api/v1/partnerships, unpaginated. */
export function GET(request: NextRequest): Response {
  const parsed = PartnershipsCsvParamsSchema.safeParse(searchParamsObject(request.nextUrl.searchParams));
  if (!parsed.success) return badParameter(firstParamError(parsed.error));
  const { company } = parsed.data;

  const db = getDb();
  const companyId = company === undefined ? undefined : companyIdForSlug(db, company);
  if (companyId === null)
    return badParameter({ parameter: "company", message: `No company has the slug "${company}"` });

  const date = today();
  const body = directoryCsv(allPartnerships(db, { companyId }), PARTNERSHIP_CSV_COLUMNS, {
    title: "Partnerships",
    url: request.nextUrl.href,
    retrievedOn: date,
  });
  return csvResponse(body, `partnerships-${date}.csv`);
}
