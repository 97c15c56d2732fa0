import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { allCompanies } from "@/db/queries/companies";
import { COMPANY_CSV_COLUMNS, directoryCsv } from "@/lib/api/directory-json";
import { badParameter } from "@/lib/api/responses";
import { csvResponse } from "@/lib/export/csv";
import { today } from "@/lib/server/clock";
import { firstParamError, searchParamsObject } from "@/lib/validation/api-params";
import { CompaniesCsvParamsSchema } from "@/lib/validation/directory-params";

export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/cors";

/** Every company matching the same search as /api/v1/companies, unpaginated. */
export function GET(request: NextRequest): Response {
  const parsed = CompaniesCsvParamsSchema.safeParse(searchParamsObject(request.nextUrl.searchParams));
  if (!parsed.success) return badParameter(firstParamError(parsed.error));

  const date = today();
  const rows = allCompanies(getDb(), { q: parsed.data.q });
  const body = directoryCsv(rows, COMPANY_CSV_COLUMNS, {
    title: "Companies",
    url: request.nextUrl.href,
    retrievedOn: date,
  });
  return csvResponse(body, `companies-${date}.csv`);
}
