import type { Paged, StateRef } from "@/lib/views/common";
import type {
  CompanyDetail,
  CompanyListItem,
  FacilityRecord,
  FacilityView,
  PartnershipView,
} from "@/lib/views/directory";
import {
  companyCommitmentJson,
  sourceJson,
  withArchives,
  type SourceArchives,
  type SourceWriter,
} from "@/lib/api/commitment-json";
import { citation, toCsv, type CsvColumn } from "@/lib/export/csv";

// The public API's representation of companies, facilities and partnerships, in JSON and CSV:
// snake_case, stable names, every record with its sources and, when withdrawn, its withdrawal.
// Changing a field or a CSV header here is a breaking change for researchers' scripts.

function withdrawnJson(r: { withdrawnOn: string | null; withdrawnReason: string | null }) {
  return r.withdrawnOn ? { on: r.withdrawnOn, reason: r.withdrawnReason } : null;
}

function stateJson(s: StateRef) {
  // `code` is the current ISO 3166-2:IN code; `recorded_code` differs only for a former code.
  return { code: s.code, name: s.name, recorded_code: s.storedCode };
}

function companyRefJson(c: { slug: string; name: string }) {
  return { slug: c.slug, name: c.name, url: `/companies/${c.slug}` };
}

export function paginationJson(p: Paged<unknown>) {
  return { page: p.page, per_page: p.perPage, total: p.total, total_pages: p.totalPages };
}

/** Links to this page's neighbours, keeping every other parameter as the client sent it. */
export function pageLinks(path: string, params: Record<string, string | undefined>, p: Paged<unknown>) {
  const link = (page: number) => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined) query.set(k, v);
    query.set("page", String(page));
    query.set("per_page", String(p.perPage));
    return `${path}?${query.toString()}`;
  };
  return {
    self: link(p.page),
    next: p.page < p.totalPages ? link(p.page + 1) : null,
    prev: p.page > 1 ? link(Math.min(p.page - 1, p.totalPages)) : null,
  };
}

// Each record has one builder for lists (plain sources) and, where a single record's response
// includes it, one that gives its sources with their archived copies. The list builders take one
// argument, since they are passed to Array.prototype.map.

export function companyJson(c: CompanyListItem) {
  return companyFields(c, sourceJson);
}

function companyFields<S>(c: CompanyListItem, source: SourceWriter<S>) {
  return {
    slug: c.slug,
    url: `/companies/${c.slug}`,
    name: c.name,
    kind: c.kind,
    hq_country: c.hqCountry,
    website: c.website,
    withdrawn: withdrawnJson(c),
    counts: {
      commitments: c.counts.commitments,
      facilities: c.counts.facilities,
      partnerships: c.counts.partnerships,
    },
    sources: c.sources.map(source),
  };
}

type FacilityInput = FacilityRecord & Partial<Pick<FacilityView, "investmentLabel">>;

export function facilityJson(f: FacilityInput) {
  return facilityFields(f, sourceJson);
}

function facilityFields<S>(f: FacilityInput, source: SourceWriter<S>) {
  return {
    id: f.id,
    name: f.name,
    operator: companyRefJson(f.operator),
    city: f.city,
    state: stateJson(f.state),
    stage: f.stage,
    // As the source gave it: no currency conversion, since no exchange rate is recorded.
    investment:
      f.investmentAmount !== null && f.investmentCurrency !== null
        ? { amount: f.investmentAmount, currency: f.investmentCurrency, label: f.investmentLabel ?? null }
        : null,
    announced_on: f.announcedOn,
    withdrawn: withdrawnJson(f),
    sources: f.sources.map(source),
  };
}

export function partnershipJson(p: PartnershipView) {
  return partnershipFields(p, sourceJson);
}

function partnershipFields<S>(p: PartnershipView, source: SourceWriter<S>) {
  return {
    id: p.id,
    brand: companyRefJson(p.brand),
    partner: companyRefJson(p.partner),
    product_categories: p.productCategories,
    facility: p.facility
      ? {
          id: p.facility.id,
          name: p.facility.name,
          city: p.facility.city,
          state: stateJson(p.facility.state),
        }
      : null,
    announced_on: p.announcedOn,
    stage: p.stage,
    withdrawn: withdrawnJson(p),
    sources: p.sources.map(source),
  };
}

/** One company, every source with its archived copy (`archives` from db/queries/source-archives). */
export function companyDetailJson(c: CompanyDetail, archives: SourceArchives) {
  const source = withArchives(archives);
  return {
    ...companyFields(c, source),
    description: c.description,
    partnerships: c.partnerships.map((p) => ({
      ...partnershipFields(p, source),
      // From this company's side: which role it plays, and who the other company is.
      role: p.brand.id === c.id ? "brand" : "partner",
      counterpart: companyRefJson(p.brand.id === c.id ? p.partner : p.brand),
    })),
    facilities: c.facilities.map((f) => facilityFields(f, source)),
    commitments: c.commitments.items.map((m) => companyCommitmentJson(m, archives)),
    commitments_pagination: paginationJson(c.commitments),
  };
}

// CSV columns. A list cell (sources, categories) joins its items with " | ", which occurs in no URL.

const sourceUrls = (r: { sources: { url: string }[] }) => r.sources.map((s) => s.url).join(" | ");

export const COMPANY_CSV_COLUMNS: readonly CsvColumn<CompanyListItem>[] = [
  { header: "slug", value: (c) => c.slug },
  { header: "name", value: (c) => c.name },
  { header: "kind", value: (c) => c.kind },
  { header: "hq_country", value: (c) => c.hqCountry },
  { header: "website", value: (c) => c.website },
  { header: "commitments", value: (c) => c.counts.commitments },
  { header: "facilities", value: (c) => c.counts.facilities },
  { header: "partnerships", value: (c) => c.counts.partnerships },
  { header: "withdrawn_on", value: (c) => c.withdrawnOn },
  { header: "withdrawn_reason", value: (c) => c.withdrawnReason },
  { header: "source_urls", value: sourceUrls },
];

export const FACILITY_CSV_COLUMNS: readonly CsvColumn<FacilityRecord>[] = [
  { header: "id", value: (f) => f.id },
  { header: "name", value: (f) => f.name },
  { header: "operator_slug", value: (f) => f.operator.slug },
  { header: "operator_name", value: (f) => f.operator.name },
  { header: "city", value: (f) => f.city },
  { header: "state_code", value: (f) => f.state.code },
  { header: "state_name", value: (f) => f.state.name },
  { header: "recorded_state_code", value: (f) => f.state.storedCode },
  { header: "stage", value: (f) => f.stage },
  { header: "investment_amount", value: (f) => f.investmentAmount },
  { header: "investment_currency", value: (f) => f.investmentCurrency },
  { header: "announced_on", value: (f) => f.announcedOn },
  { header: "withdrawn_on", value: (f) => f.withdrawnOn },
  { header: "withdrawn_reason", value: (f) => f.withdrawnReason },
  { header: "source_urls", value: sourceUrls },
];

export const PARTNERSHIP_CSV_COLUMNS: readonly CsvColumn<PartnershipView>[] = [
  { header: "id", value: (p) => p.id },
  { header: "brand_slug", value: (p) => p.brand.slug },
  { header: "brand_name", value: (p) => p.brand.name },
  { header: "partner_slug", value: (p) => p.partner.slug },
  { header: "partner_name", value: (p) => p.partner.name },
  { header: "product_categories", value: (p) => p.productCategories.join(" | ") },
  { header: "facility_name", value: (p) => p.facility?.name },
  { header: "facility_state_code", value: (p) => p.facility?.state.code },
  { header: "announced_on", value: (p) => p.announcedOn },
  { header: "stage", value: (p) => p.stage },
  { header: "withdrawn_on", value: (p) => p.withdrawnOn },
  { header: "withdrawn_reason", value: (p) => p.withdrawnReason },
  { header: "source_urls", value: sourceUrls },
];

/** A CSV export with its citation as the first line: what it is, the exact address, and the date. */
export function directoryCsv<T>(
  rows: Iterable<T>,
  columns: readonly CsvColumn<T>[],
  cite: { title: string; url: string; retrievedOn: string },
): string {
  return toCsv(rows, columns, [citation(cite)]);
}
