import { z } from "zod";
import { canonicalStateCode } from "@/lib/domain/india-states";
import { FACILITY_STAGES } from "@/lib/domain/vocabulary";
import { DEFAULT_PER_PAGE, MAX_PER_PAGE, PageNumberSchema } from "./api-params";

// Parameters of the company, facility and partnership directory: the public API and the pages
// share these schemas. Like api-params.ts they are strict: an unknown parameter or a malformed
// value is refused and named, never ignored or coerced into something the client did not ask for.
// Each field is described because the OpenAPI document is generated from these schemas.

export const MAX_QUERY_LENGTH = 100;

export const CompanyNameQuerySchema = z
  .string()
  .max(MAX_QUERY_LENGTH, `q must be at most ${MAX_QUERY_LENGTH} characters`)
  // Control characters never occur in a name; refusing them keeps them out of logs and citations.
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "q must not contain control characters")
  // An empty search (a form submitted blank) means no search, not "names containing nothing".
  .transform((s) => s.trim() || undefined)
  .describe(
    "Text to find in company names, ignoring letter case (at most 100 characters). Matched literally: % and _ are not wildcards. Empty means all companies.",
  );

// The same rule as the companies_slug_format CHECK in the database.
const SLUG = /^[a-z0-9-]{1,80}$/;

function slugSchema(parameter: string) {
  return z
    .string()
    .regex(SLUG, `${parameter} must be a company slug: 1 to 80 lower-case letters, digits and hyphens`);
}

export const CompanySlugSchema = slugSchema("slug").describe(
  "A company's slug, as in /companies/{slug}, e.g. xiaomi.",
);

export const StateCodeSchema = z
  .string()
  .regex(/^[A-Za-z]{2}-[A-Za-z]{2}$/, "state must be an ISO 3166-2:IN code such as IN-UP")
  .transform((code, ctx) => {
    const canonical = canonicalStateCode(code);
    if (!canonical) {
      ctx.addIssue({ code: "custom", message: `state "${code}" is not a state or union territory of India` });
      return z.NEVER;
    }
    return canonical;
  })
  .describe(
    "A state or union territory of India as an ISO 3166-2:IN code, e.g. IN-UP. Letter case is ignored and former codes (IN-TG, IN-CT, IN-OR, IN-UT, IN-DN, IN-DD) are accepted as their current codes.",
  );

export const FacilityStageSchema = z
  .enum(FACILITY_STAGES, { error: () => `stage must be one of ${FACILITY_STAGES.join(", ")}` })
  .describe(`A facility's stage: one of ${FACILITY_STAGES.join(", ")}.`);

/** Optional, keeping the description: in zod 4 a wrapper does not inherit its inner schema's. */
function optional<T extends z.ZodType>(schema: T) {
  return schema.optional().describe(schema.description ?? "");
}

const pageField = PageNumberSchema.default(1).describe("Page number, from 1.");
const perPageField = z
  .string()
  .regex(/^[0-9]{1,9}$/, "per_page must be a whole number")
  .transform(Number)
  .pipe(
    z
      .number()
      .int()
      .min(1, "per_page must be at least 1")
      .max(MAX_PER_PAGE, `per_page must be at most ${MAX_PER_PAGE}`),
  )
  .default(DEFAULT_PER_PAGE)
  .describe(`Items per page, 1 to ${MAX_PER_PAGE}; ${DEFAULT_PER_PAGE} when not given.`);

const companyFilter = (what: string) =>
  slugSchema("company").optional().describe(`Only ${what} the company with this slug, e.g. xiaomi.`);

export const CompaniesCsvParamsSchema = z.object({ q: optional(CompanyNameQuerySchema) }).strict();
export const CompaniesParamsSchema = CompaniesCsvParamsSchema.extend({
  page: pageField,
  per_page: perPageField,
}).strict();
export type CompaniesParams = z.output<typeof CompaniesParamsSchema>;

/** /api/v1/companies/{slug}: the company's commitments come a page at a time. */
export const CompanyParamsSchema = z
  .object({
    page: pageField.describe("Page of the company's commitments, from 1."),
    per_page: perPageField,
  })
  .strict();

export const FacilitiesCsvParamsSchema = z
  .object({
    state: optional(StateCodeSchema),
    company: companyFilter("facilities operated by"),
    stage: optional(FacilityStageSchema),
  })
  .strict();
export const FacilitiesParamsSchema = FacilitiesCsvParamsSchema.extend({
  page: pageField,
  per_page: perPageField,
}).strict();
export type FacilitiesFilter = z.output<typeof FacilitiesCsvParamsSchema>;

export const PartnershipsCsvParamsSchema = z
  .object({ company: companyFilter("partnerships, as brand or as partner, of") })
  .strict();
export const PartnershipsParamsSchema = PartnershipsCsvParamsSchema.extend({
  page: pageField,
  per_page: perPageField,
}).strict();
export type PartnershipsFilter = z.output<typeof PartnershipsCsvParamsSchema>;

// Pages read the same parameters, but a person who mistypes a URL gets the nearest sensible view
// with a notice, instead of the API's 400.

type SearchParamValue = string | string[] | undefined;

/** The last value of a parameter, as URLSearchParams-based parsing in the API keeps it. */
export function lastValue(raw: SearchParamValue): string | undefined {
  return Array.isArray(raw) ? raw.at(-1) : raw;
}

/** A page number from a page's address; a malformed one gives page 1 and is returned to report. */
export function pageFromParam(raw: SearchParamValue): { page: number; rejected: string | null } {
  const value = lastValue(raw);
  if (value === undefined) return { page: 1, rejected: null };
  const parsed = PageNumberSchema.safeParse(value);
  return parsed.success ? { page: parsed.data, rejected: null } : { page: 1, rejected: value };
}

/** The company search from a page's address; one that cannot be used gives all companies and is reported. */
export function companySearchFromParam(raw: SearchParamValue): {
  q: string | undefined;
  rejected: string | null;
} {
  const value = lastValue(raw);
  if (value === undefined) return { q: undefined, rejected: null };
  const parsed = CompanyNameQuerySchema.safeParse(value);
  return parsed.success ? { q: parsed.data, rejected: null } : { q: undefined, rejected: value };
}
