import { z } from "zod";
import { COMPANY_KINDS, type CompanyKind } from "@/lib/domain/vocabulary";
import { choice, optionalText, optionalWebUrl, slug, text } from "@/lib/validation/fields";
import { SourcesSchema } from "@/lib/validation/submissions";
import { COMPANY_FIELDS, COMPANY_LABELS as L } from "./company-fields";
import { str, type RecordKind } from "./kind";

export const CompanyInputSchema = z.object({
  slug: slug(L.slug),
  name: text({ label: L.name, max: 200 }),
  kind: choice(COMPANY_KINDS, "what kind of company it is"),
  hq_country: z
    .string({ error: `${L.hq_country} is required` })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Use the two-letter country code, like IN or CN"),
  website: optionalWebUrl(L.website),
  description: optionalText({ label: L.description, max: 5000, multiline: true }),
  sources: SourcesSchema,
});
export type CompanyInput = z.output<typeof CompanyInputSchema>;

export type CompanyRow = {
  slug: string;
  name: string;
  kind: CompanyKind;
  hqCountry: string;
  website: string | null;
  description: string | null;
};

export const company: RecordKind<CompanyInput, CompanyRow> = {
  recordType: "company",
  nouns: { singular: "company", capitalised: "Company", plural: "Companies" },
  submit: {
    slug: "company",
    name: "A company",
    description: "A brand, contract manufacturer or supplier that is not on the tracker yet.",
  },
  schema: CompanyInputSchema,
  fields: COMPANY_FIELDS,
  references: [],
  // Addresses and other proposals name a company by its short name.
  identity: "slug",
  title: (r) => str(r.name) ?? str(r.slug) ?? "Unnamed company",
  href: (_id, { row }) => {
    const slug = row()?.slug;
    return slug ? `/companies/${slug}` : null;
  },
  toRow: (p) => ({
    slug: p.slug,
    name: p.name,
    kind: p.kind,
    hqCountry: p.hq_country,
    website: p.website,
    description: p.description,
  }),
  fromRow: (r) => ({
    slug: r.slug,
    name: r.name,
    kind: r.kind,
    hq_country: r.hqCountry,
    website: r.website,
    description: r.description,
  }),
};
