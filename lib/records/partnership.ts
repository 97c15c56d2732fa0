import { z } from "zod";
import { PARTNERSHIP_STAGES, type PartnershipStage } from "@/lib/domain/vocabulary";
import { choice, list, optionalIsoDate, slug } from "@/lib/validation/fields";
import { CategorySchema, SourcesSchema } from "@/lib/validation/submissions";
import { str, type RecordKind } from "./kind";
import { PARTNERSHIP_FIELDS, PARTNERSHIP_LABELS as L } from "./partnership-fields";

export const PartnershipInputSchema = z
  .object({
    brand: slug(L.brand),
    partner: slug(L.partner),
    product_categories: list(CategorySchema, { label: L.product_categories, max: 20 }),
    facility_id: z.preprocess(
      (v) =>
        v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : String(v).trim(),
      z
        .string()
        .regex(/^[1-9]\d{0,14}$/, "Enter the facility's number, a whole number")
        .transform(Number)
        .nullable(),
    ),
    announced_on: optionalIsoDate(L.announced_on),
    stage: choice(PARTNERSHIP_STAGES, "the stage"),
    sources: SourcesSchema,
  })
  .refine((v) => v.brand !== v.partner, {
    path: ["partner"],
    message: "A company cannot partner with itself",
  });
export type PartnershipInput = z.output<typeof PartnershipInputSchema>;

export type PartnershipRow = {
  brandCompanyId: number;
  partnerCompanyId: number;
  productCategories: string[];
  facilityId: number | null;
  announcedOn: string | null;
  stage: PartnershipStage;
};

export const partnership: RecordKind<PartnershipInput, PartnershipRow> = {
  recordType: "partnership",
  nouns: { singular: "partnership", capitalised: "Partnership", plural: "Partnerships" },
  submit: {
    slug: "partnership",
    name: "A partnership",
    description: "A brand and a partner, such as a contract manufacturer, making products together.",
  },
  schema: PartnershipInputSchema,
  fields: PARTNERSHIP_FIELDS,
  references: [
    { field: "brand", to: "company" },
    { field: "partner", to: "company" },
    { field: "facility_id", to: "facility" },
  ],
  title: (r, { companyName }) => {
    const brand = str(r.brand);
    const partner = str(r.partner);
    return brand && partner ? `${companyName(brand)} with ${companyName(partner)}` : "Partnership";
  },
  // A partnership is shown on its brand's page.
  href: (_id, { row, companySlug }) => {
    const r = row();
    const slug = r ? companySlug(r.brandCompanyId) : null;
    return slug ? `/companies/${slug}` : null;
  },
  toRow: (p, ids) => ({
    brandCompanyId: ids.companyId(p.brand),
    partnerCompanyId: ids.companyId(p.partner),
    productCategories: p.product_categories,
    facilityId: p.facility_id,
    announcedOn: p.announced_on,
    stage: p.stage,
  }),
  fromRow: (r, names) => ({
    brand: names.companySlug(r.brandCompanyId),
    partner: names.companySlug(r.partnerCompanyId),
    product_categories: r.productCategories,
    facility_id: r.facilityId,
    announced_on: r.announcedOn,
    stage: r.stage,
  }),
};
