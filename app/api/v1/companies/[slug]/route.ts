import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { getCompany } from "@/db/queries/companies";
import { companyArchiveStates } from "@/db/queries/source-archives";
import { companyDetailJson, pageLinks } from "@/lib/api/directory-json";
import { badParameter, jsonOk, notFound } from "@/lib/api/responses";
import { today } from "@/lib/server/clock";
import { firstParamError, searchParamsObject } from "@/lib/validation/api-params";
import { CompanyParamsSchema, CompanySlugSchema } from "@/lib/validation/directory-params";

export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/cors";

export async function GET(
  request: NextRequest,
  ctx: RouteContext<"/api/v1/companies/[slug]">,
): Promise<Response> {
  const { slug: raw } = await ctx.params;
  const slug = CompanySlugSchema.safeParse(raw);
  if (!slug.success)
    return badParameter({ parameter: "slug", message: slug.error.issues[0]?.message ?? "Invalid slug" });
  const params = CompanyParamsSchema.safeParse(searchParamsObject(request.nextUrl.searchParams));
  if (!params.success) return badParameter(firstParamError(params.error));
  const { page, per_page } = params.data;

  const db = getDb();
  const company = getCompany(db, slug.data, { page, perPage: per_page, today: today() });
  if (!company) return notFound(`No published company has the slug "${slug.data}"`);
  // Every source on this page of the company's record, read as the company's page reads them.
  const archives = companyArchiveStates(db, company);
  return jsonOk({
    data: companyDetailJson(company, archives),
    // The company's commitments come a page at a time; these links page through them.
    links: pageLinks(`/api/v1/companies/${company.slug}`, {}, company.commitments),
  });
}
