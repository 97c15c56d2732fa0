import { z } from "zod";
import { FACILITY_STAGES, type FacilityStage } from "@/lib/domain/vocabulary";
import { choice, optionalDecimal, optionalIsoDate, optionalText, slug, text } from "@/lib/validation/fields";
import { SourcesSchema, STATE_CODE } from "@/lib/validation/submissions";
import { FACILITY_FIELDS, FACILITY_LABELS as L } from "./facility-fields";
import { str, type RecordKind } from "./kind";

export const FacilityInputSchema = z
  .object({
    operator: slug(L.operator),
    name: text({ label: L.name, max: 200 }),
    city: optionalText({ label: L.city, max: 100 }),
    state_code: STATE_CODE,
    stage: choice(FACILITY_STAGES, "the stage"),
    investment_amount: optionalDecimal(L.investment_amount),
    investment_currency: z.preprocess(
      (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
      optionalText({ label: L.investment_currency, max: 3 }),
    ),
    announced_on: optionalIsoDate(L.announced_on),
    sources: SourcesSchema,
  })
  .superRefine((v, ctx) => {
    if ((v.investment_amount === null) !== (v.investment_currency === null)) {
      ctx.addIssue({
        code: "custom",
        path: [v.investment_amount === null ? "investment_amount" : "investment_currency"],
        message: "Give both the amount and its currency, or neither",
      });
    }
    if (v.investment_currency !== null && !/^[A-Z]{3}$/.test(v.investment_currency)) {
      ctx.addIssue({
        code: "custom",
        path: ["investment_currency"],
        message: "Use a currency code like INR or USD",
      });
    }
  });
export type FacilityInput = z.output<typeof FacilityInputSchema>;

export type FacilityRow = {
  operatorCompanyId: number;
  name: string;
  city: string | null;
  stateCode: string;
  stage: FacilityStage;
  investmentAmount: number | null;
  investmentCurrency: string | null;
  announcedOn: string | null;
};

export const facility: RecordKind<FacilityInput, FacilityRow> = {
  recordType: "facility",
  nouns: { singular: "facility", capitalised: "Facility", plural: "Facilities" },
  submit: {
    slug: "facility",
    name: "A facility",
    description: "A factory or site in India: where it is, who runs it, and how far it has got.",
  },
  schema: FacilityInputSchema,
  fields: FACILITY_FIELDS,
  references: [{ field: "operator", to: "company" }],
  title: (r) => str(r.name) ?? "Unnamed facility",
  // A facility is shown on its operator's page.
  href: (_id, { row, companySlug }) => {
    const r = row();
    const slug = r ? companySlug(r.operatorCompanyId) : null;
    return slug ? `/companies/${slug}` : null;
  },
  toRow: (p, ids) => ({
    operatorCompanyId: ids.companyId(p.operator),
    name: p.name,
    city: p.city,
    stateCode: p.state_code,
    stage: p.stage,
    investmentAmount: p.investment_amount,
    investmentCurrency: p.investment_currency,
    announcedOn: p.announced_on,
  }),
  fromRow: (r, names) => ({
    operator: names.companySlug(r.operatorCompanyId),
    name: r.name,
    city: r.city,
    state_code: r.stateCode,
    stage: r.stage,
    investment_amount: r.investmentAmount,
    investment_currency: r.investmentCurrency,
    announced_on: r.announcedOn,
  }),
};
