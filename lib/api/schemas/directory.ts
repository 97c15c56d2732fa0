import { z } from "zod";
import { COMPANY_KINDS, FACILITY_STAGES, PARTNERSHIP_STAGES } from "@/lib/domain/vocabulary";
import { CompanyCommitmentSchema } from "./commitment";
import {
  CompanyRefSchema,
  CompanySlugValueSchema,
  IsoDateSchema,
  PageLinksSchema,
  PaginationSchema,
  SitePathSchema,
  SourceSchema,
  SourceWithArchiveSchema,
  StateRefSchema,
  WithdrawalSchema,
} from "./common";

// What lib/api/directory-json.ts produces for companies, facilities and partnerships, tied to its
// builders' return types by lib/api/openapi.test.ts.

const RecordIdValueSchema = z.int().min(1);

export const CompanySchema = z
  .object({
    slug: CompanySlugValueSchema,
    url: SitePathSchema.describe("The company's page on this site."),
    name: z.string(),
    kind: z.enum(COMPANY_KINDS),
    hq_country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .describe("Where the company has its headquarters: an ISO 3166-1 alpha-2 code, e.g. CN."),
    website: z.string().nullable(),
    withdrawn: WithdrawalSchema,
    counts: z
      .object({
        commitments: z.int().min(0),
        facilities: z.int().min(0),
        partnerships: z.int().min(0),
      })
      .describe("How many published records the company has, withdrawn ones included."),
    sources: z.array(SourceSchema),
  })
  .meta({ id: "Company" });

export const FacilitySchema = z
  .object({
    id: RecordIdValueSchema,
    name: z.string(),
    operator: CompanyRefSchema,
    city: z.string().nullable(),
    state: StateRefSchema,
    stage: z.enum(FACILITY_STAGES),
    investment: z
      .object({
        amount: z.number(),
        currency: z
          .string()
          .describe("As the source gave it, e.g. USD: no conversion, as no exchange rate is recorded."),
        label: z
          .string()
          .nullable()
          .describe("The amount formatted for India, e.g. US$3,70,00,000 (US$3.7 crore)."),
      })
      .nullable(),
    announced_on: IsoDateSchema.nullable(),
    withdrawn: WithdrawalSchema,
    sources: z.array(SourceSchema),
  })
  .meta({ id: "Facility" });

export const PartnershipSchema = z
  .object({
    id: RecordIdValueSchema,
    brand: CompanyRefSchema,
    partner: CompanyRefSchema,
    product_categories: z.array(z.string()),
    facility: z
      .object({
        id: RecordIdValueSchema,
        name: z.string(),
        city: z.string().nullable(),
        state: StateRefSchema,
      })
      .nullable()
      .describe("Where the partners make the products, when a source names it."),
    announced_on: IsoDateSchema.nullable(),
    stage: z.enum(PARTNERSHIP_STAGES),
    withdrawn: WithdrawalSchema,
    sources: z.array(SourceSchema),
  })
  .meta({ id: "Partnership", description: "A brand and a partner company making products together." });

export const COMPANY_ROLES = ["brand", "partner"] as const;

export const CompanyPartnershipSchema = PartnershipSchema.extend({
  // companyDetailJson's type says string (the literals widen in its object); the values are these.
  role: z
    .string()
    .meta({ enum: [...COMPANY_ROLES] })
    .describe("The side this company is on."),
  counterpart: CompanyRefSchema,
  sources: z.array(SourceWithArchiveSchema),
}).meta({
  id: "CompanyPartnership",
  description:
    "A partnership seen from one company's side: counterpart is the other company. Its sources come with their archived copies.",
});

export const CompanyFacilitySchema = FacilitySchema.extend({
  sources: z.array(SourceWithArchiveSchema),
}).meta({
  id: "CompanyFacility",
  description: "A facility as its operator's record gives it: its sources with their archived copies.",
});

export const CompanyDetailSchema = CompanySchema.extend({
  sources: z.array(SourceWithArchiveSchema),
  description: z.string().nullable(),
  partnerships: z.array(CompanyPartnershipSchema).describe("As brand or as partner."),
  facilities: z.array(CompanyFacilitySchema).describe("The facilities the company operates."),
  commitments: z.array(CompanyCommitmentSchema).describe("One page of the company's commitments."),
  commitments_pagination: PaginationSchema,
}).meta({
  id: "CompanyDetail",
  description: "One company; every source it gives (its own and its records') comes with its archived copy.",
});

export const CompanyListResponseSchema = z
  .object({ data: z.array(CompanySchema), pagination: PaginationSchema, links: PageLinksSchema })
  .meta({ id: "CompanyList" });

export const CompanyDetailResponseSchema = z
  .object({
    data: CompanyDetailSchema,
    links: PageLinksSchema,
  })
  .meta({
    id: "CompanyDetailResponse",
    description: "The company; links page through its commitments (page and per_page).",
  });

export const FacilityListResponseSchema = z
  .object({ data: z.array(FacilitySchema), pagination: PaginationSchema, links: PageLinksSchema })
  .meta({ id: "FacilityList" });

export const PartnershipListResponseSchema = z
  .object({ data: z.array(PartnershipSchema), pagination: PaginationSchema, links: PageLinksSchema })
  .meta({ id: "PartnershipList" });
